package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * An outcome recorded by a recipient of a referral was attached to the case, as the agreement allows.
 * Schema: {@code schemas/casework/RecipientOutcomeAttached.v1.schema.json}.
 */
public record RecipientOutcomeAttached(
        UUID caseId,
        UUID referralId,
        String recipientOrganisation,
        UUID agreementId,
        int agreementVersion,
        String scheme,
        Integer homeOfficeOutcome,
        String housingOutcome,
        Instant attachedAt) {

    public static final String TYPE = "RecipientOutcomeAttached";
    public static final int VERSION = 1;
}
