package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * The owning organisation contacted the victim; whether that met the one-working-day target.
 * Schema: {@code schemas/casework/VictimContacted.v1.schema.json}.
 *
 * @param contactTargetMet contact before the end of the next working day after receipt
 */
public record VictimContacted(
        UUID caseId,
        Instant contactedAt,
        String method,
        boolean contactTargetMet,
        String recordedBy) {

    public static final String TYPE = "VictimContacted";
    public static final int VERSION = 1;
}
