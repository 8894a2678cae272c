package org.amity.contracts.sharing;

import java.time.Instant;
import java.util.UUID;

/**
 * A recipient recorded an outcome on a referral; the owner's case receives it when the agreement lets outcomes flow back.
 * Schema: {@code schemas/sharing/ReferralOutcomeRecorded.v1.schema.json}.
 *
 * @param caseId the owner's case the referral was made from
 * @param outcomesMayFlowBack whether the agreement lets outcomes flow back to the owner
 */
public record ReferralOutcomeRecorded(
        UUID referralId,
        UUID caseId,
        String recipientOrganisation,
        UUID agreementId,
        int agreementVersion,
        boolean outcomesMayFlowBack,
        String scheme,
        Integer homeOfficeOutcome,
        String housingOutcome,
        Instant recordedAt) {

    public static final String TYPE = "ReferralOutcomeRecorded";
    public static final int VERSION = 1;
}
