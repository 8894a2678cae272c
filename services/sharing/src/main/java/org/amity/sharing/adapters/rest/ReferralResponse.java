package org.amity.sharing.adapters.rest;

import java.time.Instant;
import java.util.UUID;

import org.amity.sharing.domain.Referral;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A referral as its recipient sees it: the view every level allows, and the victim only when the
 * referral is identifiable. Carries the recipient's own case reference, never the case id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralResponse(
        UUID id,
        int version,
        String caseReference,
        String level,
        Instant sharedAt,
        Basis basis,
        Referral.View incident,
        Victim victim) {

    /** Why the recipient has this: agreement, clause, consent and lawful basis. */
    public record Basis(UUID agreementId, int agreementVersion, String clause, UUID consentId, String lawfulBasis) {
    }

    /** The victim's details; {@code erased} when the data subject's key was destroyed. */
    public record Victim(String name, String email, String phone, String preferredContact, Boolean erased) {
    }

    static ReferralResponse of(Referral referral, Victim victim) {
        return new ReferralResponse(referral.id(), referral.version(), referral.recipientCaseReference(),
                referral.level().name().toLowerCase(), referral.sharedAt(),
                new Basis(referral.agreementId(), referral.agreementVersion(), referral.clause(), referral.consentId(),
                        referral.lawfulBasis()),
                referral.view(), victim);
    }
}
