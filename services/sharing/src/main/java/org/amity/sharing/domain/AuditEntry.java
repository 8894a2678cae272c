package org.amity.sharing.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the append-only audit log (DPA 2018 s.62): what was done (decision, disclosure, view,
 * acknowledgement, revocation, deletion confirmation, ...), by whom, when, why and to whom. Holds no personal data.
 * Each entry carries the hash of the one before it and its own hash over every field, so an edited, deleted or
 * reordered entry breaks the chain.
 */
public record AuditEntry(
        long sequence,
        Instant at,
        String action,
        String actor,
        String actorOrganisation,
        UUID caseId,
        String caseOwner,
        UUID referralId,
        String recipient,
        String why,
        String previousHash,
        String hash) {

    /** What to record; the log gives it its sequence and hashes. */
    public record Draft(String action, String actor, String actorOrganisation, UUID caseId, String caseOwner,
            UUID referralId, String recipient, String why) {
    }

    public static AuditEntry chain(long sequence, Instant at, Draft d, String previousHash) {
        AuditEntry unhashed = new AuditEntry(sequence, at, d.action(), d.actor(), d.actorOrganisation(), d.caseId(),
                d.caseOwner(), d.referralId(), d.recipient(), d.why(), previousHash, null);
        return new AuditEntry(sequence, at, d.action(), d.actor(), d.actorOrganisation(), d.caseId(), d.caseOwner(),
                d.referralId(), d.recipient(), d.why(), previousHash, AuditChain.hashOf(unhashed));
    }
}
