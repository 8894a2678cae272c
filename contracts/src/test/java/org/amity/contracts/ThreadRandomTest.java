package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ThreadRandomTest {

    @Test
    void eachPlatformThreadHasAGeneratorOfItsOwn() throws Exception {
        SecureRandom mine = ThreadRandom.current();
        AtomicReference<SecureRandom> other = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> other.set(ThreadRandom.current()));
        thread.join();

        assertThat(ThreadRandom.current()).isSameAs(mine);
        assertThat(other.get()).isNotNull().isNotSameAs(mine);
        assertThat(mine.getAlgorithm()).isEqualTo("DRBG");
    }

    @Test
    void virtualThreadsShareOne() throws Exception {
        AtomicReference<SecureRandom> first = new AtomicReference<>();
        AtomicReference<SecureRandom> second = new AtomicReference<>();
        Thread.ofVirtual().start(() -> first.set(ThreadRandom.current())).join();
        Thread.ofVirtual().start(() -> second.set(ThreadRandom.current())).join();

        assertThat(first.get()).isNotNull().isSameAs(second.get()).isNotSameAs(ThreadRandom.current());
    }

    @Test
    void uuidsAreRandomVersionFourAndDistinct() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = ThreadRandom.uuid();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
        // 122 random bits: every one of them takes both values over 10,000 ids
        long highOr = 0;
        long highAnd = -1;
        for (UUID id : seen) {
            highOr |= id.getMostSignificantBits();
            highAnd &= id.getMostSignificantBits();
        }
        assertThat(highOr | 0xF000L).as("no random bit always 0").isEqualTo(-1L);
        assertThat(highAnd & ~0xF000L).as("no random bit always 1").isZero();
    }
}
