package org.amity.sharing.adapters.rest;

import java.time.Instant;
import java.util.UUID;

import org.amity.sharing.domain.Referral;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A referral as its recipient sees it: the view its agreement allows at its level, and the victim only when the
 * referral is identifiable. Carries the recipient's own case reference, never the case id. A revoked referral shows
 * no data at all, only that it was revoked and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralResponse(
        UUID id,
        int version,
        String caseReference,
        String status,
        String level,
        Instant sharedAt,
        Instant updatedAt,
        Instant acknowledgeDueBy,
        Instant acknowledgedAt,
        String declineReason,
        Integer homeOfficeOutcome,
        Instant revokedAt,
        String revocationReason,
        Basis basis,
        Referral.View incident,
        Victim victim) {

    /** Why the recipient has this: agreement, version, clause, consent or override, and lawful basis. */
    public record Basis(UUID agreementId, int agreementVersion, String clause, UUID consentId, Integer consentVersion,
            UUID safeguardingOverrideId, String lawfulBasis) {
    }

    /** The victim's details; {@code erased} when the data subject's key was destroyed. */
    public record Victim(String name, String email, String phone, String preferredContact, Boolean erased) {
    }

    static ReferralResponse of(Referral r, Victim victim) {
        return new ReferralResponse(r.id(), r.version(), r.recipientCaseReference(), r.status().name().toLowerCase(),
                r.level().name().toLowerCase(), r.sharedAt(), r.updatedAt(), r.acknowledgeDueBy(), r.acknowledgedAt(),
                r.declineReason(), r.homeOfficeOutcome(), r.revokedAt(), r.revocationReason(),
                new Basis(r.agreementId(), r.agreementVersion(), r.clause(), r.consentId(), r.consentVersion(),
                        r.overrideId(), r.lawfulBasis()),
                r.live() ? r.view() : null, r.live() ? victim : null);
    }
}
