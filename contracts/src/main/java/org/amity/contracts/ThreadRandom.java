package org.amity.contracts;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Strong random numbers without a lock shared by the whole JVM: each platform thread has a generator of its own, a
 * DRBG (NIST SP 800-90A) seeded once from the system's entropy. The JDK's default on Linux, {@code NativePRNG}, is
 * one generator behind one lock for every {@code new SecureRandom()} and for {@link UUID#randomUUID()}; under a held
 * load on two busy cores, a thread that took the lock and was then descheduled kept the others waiting 15-60 ms
 * (intake, JFR, 2026-12-05), in requests that take 5 ms. Virtual threads come and go, so they share one generator
 * (a DRBG, whose lock is held only while it computes).
 */
public final class ThreadRandom {

    private static final ThreadLocal<SecureRandom> OWN = ThreadLocal.withInitial(ThreadRandom::drbg);
    private static final SecureRandom SHARED = drbg();

    /** The calling thread's generator. */
    public static SecureRandom current() {
        return Thread.currentThread().isVirtual() ? SHARED : OWN.get();
    }

    /** A random (version 4) UUID, as {@link UUID#randomUUID()} makes, from the calling thread's generator. */
    public static UUID uuid() {
        SecureRandom random = current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's DRBG is not available", e);
        }
    }

    private ThreadRandom() {
    }
}
