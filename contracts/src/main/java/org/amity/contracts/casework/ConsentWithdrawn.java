package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A consent was withdrawn (a new version of it): every recipient that received data under it must delete its copy.
 * Schema: {@code schemas/casework/ConsentWithdrawn.v1.schema.json}.
 *
 * @param version the withdrawing version
 */
public record ConsentWithdrawn(
        UUID caseId,
        UUID consentId,
        int version,
        String recipientOrganisation,
        String recipientType,
        String purpose,
        Instant withdrawnAt) {

    public static final String TYPE = "ConsentWithdrawn";
    public static final int VERSION = 1;
}
