package org.amity.sharing.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain of the audit log: SHA-256 over the previous entry's hash and every field of the entry. Verification
 * walks the entries in sequence order and names the first one whose hash, link to its predecessor or sequence does
 * not hold: an edited entry fails its own hash, a deleted or reordered one breaks the link of the next.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** The result of a verification. */
    public record Verification(boolean intact, long entriesChecked, Long firstBrokenSequence, String problem,
            String headHash) {
    }

    /** A head that was published to Kafka: what the log held at that moment, kept outside the log. */
    public record PublishedHead(long sequence, String hash) {
    }

    public static String hashOf(AuditEntry e) {
        String canonical = String.join("\u001f", String.valueOf(e.sequence()), String.valueOf(e.at().toEpochMilli()),
                e.action(), nz(e.actor()), nz(e.actorOrganisation()), nz(e.caseId()), nz(e.caseOwner()),
                nz(e.referralId()), nz(e.recipient()), nz(e.why()), e.previousHash());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    /**
     * Verifies the entries and that the last published head is still in them, unchanged: a chain cut short at its
     * end, or rewritten and hashed anew from start to end, links up by itself, but no longer holds the head that
     * left for Kafka.
     */
    public static Verification verify(List<AuditEntry> entries, Optional<PublishedHead> lastPublished) {
        Verification chain = verify(entries);
        if (!chain.intact() || lastPublished.isEmpty()) {
            return chain;
        }
        PublishedHead head = lastPublished.get();
        if (head.sequence() > entries.size()) {
            return new Verification(false, entries.size(), entries.size() + 1L, "entries up to sequence "
                    + head.sequence() + " were published but the log ends at " + entries.size() + " (deleted)", null);
        }
        AuditEntry atHead = entries.get((int) head.sequence() - 1);
        if (!atHead.hash().equals(head.hash())) {
            return new Verification(false, entries.size(), head.sequence(),
                    "differs from the head published for it (the chain was rewritten)", null);
        }
        return chain;
    }

    /** Verifies entries given in ascending sequence order (as stored), starting from the genesis. */
    public static Verification verify(List<AuditEntry> entries) {
        String previous = GENESIS;
        long expected = 1;
        for (AuditEntry e : entries) {
            if (e.sequence() != expected) {
                return broken(entries, e, "sequence " + expected + " is missing (deleted) or out of order (reordered)");
            }
            if (!e.previousHash().equals(previous)) {
                return broken(entries, e, "does not link to the entry before it (deleted or reordered)");
            }
            AuditEntry unhashed = new AuditEntry(e.sequence(), e.at(), e.action(), e.actor(), e.actorOrganisation(),
                    e.caseId(), e.caseOwner(), e.referralId(), e.recipient(), e.why(), e.previousHash(), null);
            if (!hashOf(unhashed).equals(e.hash())) {
                return broken(entries, e, "its content does not match its hash (edited)");
            }
            previous = e.hash();
            expected++;
        }
        return new Verification(true, entries.size(), null, null, previous);
    }

    private static Verification broken(List<AuditEntry> entries, AuditEntry at, String problem) {
        return new Verification(false, entries.size(), at.sequence(), problem, null);
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }

    private AuditChain() {
    }
}
