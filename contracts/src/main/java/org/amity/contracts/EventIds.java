package org.amity.contracts;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Event ids that sort by time (RFC 9562 version 7: 48 bits of Unix milliseconds, then 74 random bits). Every consumer
 * keeps the ids it has processed in a B-tree (its inbox) and every outbox indexes them: random ids land on random
 * pages of an index that outgrows memory, ids made in the same millisecond land on the same few pages at its right
 * edge. They say when the event was made, which its {@code occurredAt} says anyway; nothing depends on them being
 * unguessable.
 */
public final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new id made now. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        long random = RANDOM.nextLong();
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random >>> 52);
        long low = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** The millisecond a version 7 id was made in. */
    static long millisOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    private EventIds() {
    }
}
