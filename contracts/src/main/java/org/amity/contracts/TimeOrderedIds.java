package org.amity.contracts;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids that sort by time (RFC 9562 version 7: 48 bits of Unix milliseconds, then 74 random bits), for events and for
 * the rows every service keys by id (incidents, subjects' keys, cases, referrals). Each such id sits in a B-tree:
 * random ids land on random pages of an index that outgrows memory, and every page an insert touches is a page to
 * write back and, after each checkpoint, a full-page image in the write-ahead log; ids made in the same millisecond
 * land on the same few pages at the index's right edge. An id says the millisecond it was made in, which the record
 * it names says anyway (an event's {@code occurredAt}, an incident's receipt, a case's opening); nothing depends on
 * these ids being unguessable: every read is checked against the caller's organisation. Keys that must not say when
 * they were made stay random: a case's pseudonymous statistics key, the reference a member of the public is given.
 */
public final class TimeOrderedIds {

    /** A new id made now. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        SecureRandom generator = ThreadRandom.current();
        long random = generator.nextLong();
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random >>> 52);
        long low = generator.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** The millisecond a version 7 id was made in. */
    static long millisOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    private TimeOrderedIds() {
    }
}
