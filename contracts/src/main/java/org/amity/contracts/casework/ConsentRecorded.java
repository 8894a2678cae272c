package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A version of a consent was recorded: what the sharing service needs to decide, nothing more.
 * Schema: {@code schemas/casework/ConsentRecorded.v1.schema.json}.
 *
 * @param recipientOrganisation alias of the recipient, or null when a type is named
 */
public record ConsentRecorded(
        UUID caseId,
        UUID consentId,
        int version,
        String recipientOrganisation,
        String recipientType,
        String purpose,
        String level,
        Instant givenAt) {

    public static final String TYPE = "ConsentRecorded";
    public static final int VERSION = 1;
}
