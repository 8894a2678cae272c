package org.amity.sharing.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.amity.contracts.TimeOrderedIds;

/**
 * A case shared with one recipient, projected to the data items its agreement allows at the decided level. The
 * anonymised view has no direct identifiers: district not address, an age band not a date of birth, dates to the
 * day, no narrative. The victim's details are kept (sealed) only when the level and the agreement's items allow them.
 * Each recipient gets its own case reference, so two recipients cannot join their copies. Every change is a new
 * version; a revoked referral keeps no data at all.
 */
public record Referral(
        UUID id,
        int version,
        UUID caseId,
        String ownerOrganisation,
        String recipient,
        String recipientCaseReference,
        SharingLevel level,
        UUID agreementId,
        int agreementVersion,
        String clause,
        UUID consentId,
        Integer consentVersion,
        UUID overrideId,
        String lawfulBasis,
        Instant sharedAt,
        Instant updatedAt,
        View view,
        String sealedPersonalData,
        Status status,
        Instant acknowledgeDueBy,
        Instant acknowledgedAt,
        String declineReason,
        Integer homeOfficeOutcome,
        Instant revokedAt,
        String revocationReason) {

    public enum Status {
        SHARED, ACKNOWLEDGED, ACCEPTED, DECLINED, CLOSED, REVOKED
    }

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final char[] REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The incident as the recipient may see it; a field the agreement does not allow at this level is null. */
    public record View(
            String district,
            List<CaseFacts.StrandCode> strands,
            List<String> incidentTypes,
            Boolean crimeSuspected,
            String perceivedBy,
            LocalDate occurredOn,
            LocalDate receivedOn,
            String victimAgeBand,
            boolean anonymousReport) {
    }

    /** A new referral, due to be acknowledged by {@code acknowledgeDueBy}. */
    public static Referral share(CaseFacts facts, Decision decision, Instant now, Instant acknowledgeDueBy) {
        if (decision.level() == SharingLevel.NONE) {
            throw new IllegalArgumentException("nothing is shared under a NONE decision");
        }
        return new Referral(TimeOrderedIds.next(), 1, facts.caseId(), facts.ownerOrganisation(), decision.recipient(),
                newCaseReference(), decision.level(), decision.agreementId(), decision.agreementVersion(),
                decision.clause(), decision.consentId(), decision.consentVersion(), decision.overrideId(),
                decision.lawfulBasis(), now, now, project(facts, decision.items()), personal(facts, decision),
                Status.SHARED, acknowledgeDueBy, null, null, null, null, null);
    }

    /** The view holding only the allowed items. */
    public static View project(CaseFacts f, Set<String> items) {
        return new View(
                items.contains(DataItems.DISTRICT) ? f.district() : null,
                items.contains(DataItems.STRANDS) ? List.copyOf(f.strands()) : null,
                items.contains(DataItems.INCIDENT_TYPES) ? List.copyOf(f.incidentTypes()) : null,
                items.contains(DataItems.CRIME_SUSPECTED) ? f.crimeSuspected() : null,
                items.contains(DataItems.PERCEIVED_BY) ? f.perceivedBy() : null,
                items.contains(DataItems.OCCURRED_ON) && f.occurredFrom() != null
                        ? LocalDate.ofInstant(f.occurredFrom(), UK) : null,
                items.contains(DataItems.RECEIVED_ON) ? LocalDate.ofInstant(f.receivedAt(), UK) : null,
                items.contains(DataItems.AGE_BAND) ? f.victimAgeBand() : null,
                f.anonymous());
    }

    private static String personal(CaseFacts facts, Decision decision) {
        boolean allowed = decision.level() == SharingLevel.IDENTIFIABLE
                && decision.items().stream().anyMatch(DataItems.DIRECT_IDENTIFIERS::contains);
        return allowed ? facts.sealedPersonalData() : null;
    }

    /** True when the referral still holds data (not revoked). */
    public boolean live() {
        return status != Status.REVOKED;
    }

    /** A new version carrying the case's new data under the same basis; the same referral when nothing changed. */
    public Referral update(CaseFacts facts, Decision decision, Instant now) {
        requireLive("update");
        View next = project(facts, decision.items());
        String sealed = personal(facts, decision);
        if (next.equals(view) && Objects.equals(sealed, sealedPersonalData)
                && Objects.equals(decision.agreementVersion(), agreementVersion)) {
            return this;
        }
        return new Referral(id, version + 1, caseId, ownerOrganisation, recipient, recipientCaseReference, level,
                agreementId, decision.agreementVersion(), decision.clause(), consentId, decision.consentVersion(),
                overrideId, decision.lawfulBasis(), sharedAt, now, next, sealed, status, acknowledgeDueBy,
                acknowledgedAt, declineReason, homeOfficeOutcome, revokedAt, revocationReason);
    }

    /** Revoked: the data is gone from the recipient's view at once; the recipient must delete its copy. */
    public Referral revoke(String reason, Instant now) {
        requireLive("revoke");
        return new Referral(id, version + 1, caseId, ownerOrganisation, recipient, recipientCaseReference, level,
                agreementId, agreementVersion, clause, consentId, consentVersion, overrideId, lawfulBasis, sharedAt, now,
                null, null, Status.REVOKED, acknowledgeDueBy, acknowledgedAt, declineReason, homeOfficeOutcome, now,
                reason);
    }

    public Referral acknowledge(Instant now) {
        requireStatus("acknowledge", Status.SHARED);
        return withStatus(Status.ACKNOWLEDGED, now, now, declineReason, homeOfficeOutcome);
    }

    public Referral accept(Instant now) {
        requireStatus("accept", Status.SHARED, Status.ACKNOWLEDGED);
        return withStatus(Status.ACCEPTED, now, acknowledgedAt == null ? now : acknowledgedAt, null, homeOfficeOutcome);
    }

    public Referral decline(String reason, Instant now) {
        requireStatus("decline", Status.SHARED, Status.ACKNOWLEDGED);
        return withStatus(Status.DECLINED, now, acknowledgedAt == null ? now : acknowledgedAt, reason, homeOfficeOutcome);
    }

    public Referral close(Instant now) {
        requireStatus("close", Status.ACKNOWLEDGED, Status.ACCEPTED, Status.DECLINED);
        return withStatus(Status.CLOSED, now, acknowledgedAt, declineReason, homeOfficeOutcome);
    }

    /** The Home Office outcome type (0 to 22) the recipient recorded. */
    public Referral recordOutcome(int code, Instant now) {
        if (code < 0 || code > 22) {
            throw new IllegalArgumentException("a Home Office outcome is 0 to 22");
        }
        requireStatus("record an outcome on", Status.ACKNOWLEDGED, Status.ACCEPTED, Status.CLOSED);
        return withStatus(status, now, acknowledgedAt, declineReason, code);
    }

    /** Not acknowledged by its due time. */
    public boolean overdue(Instant now) {
        return status == Status.SHARED && acknowledgeDueBy != null && !now.isBefore(acknowledgeDueBy);
    }

    private Referral withStatus(Status next, Instant now, Instant acknowledged, String reason, Integer outcome) {
        return new Referral(id, version + 1, caseId, ownerOrganisation, recipient, recipientCaseReference, level,
                agreementId, agreementVersion, clause, consentId, consentVersion, overrideId, lawfulBasis, sharedAt, now,
                view, sealedPersonalData, next, acknowledgeDueBy, acknowledged, reason, outcome, revokedAt,
                revocationReason);
    }

    private void requireLive(String what) {
        if (!live()) {
            throw new ReferralRejected("cannot " + what + " a revoked referral");
        }
    }

    private void requireStatus(String what, Status... allowed) {
        requireLive(what);
        for (Status s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new ReferralRejected("cannot " + what + " a referral that is " + status.name().toLowerCase());
    }

    static String newCaseReference() {
        StringBuilder out = new StringBuilder("AMY-");
        for (int i = 0; i < 10; i++) {
            out.append(REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return out.toString();
    }
}
