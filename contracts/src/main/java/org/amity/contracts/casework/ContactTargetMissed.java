package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * The victim was not contacted by the end of the next working day after receipt. Emitted once per case.
 * Schema: {@code schemas/casework/ContactTargetMissed.v1.schema.json}.
 */
public record ContactTargetMissed(
        UUID caseId,
        Instant contactDueBy,
        Instant detectedAt) {

    public static final String TYPE = "ContactTargetMissed";
    public static final int VERSION = 1;
}
