package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * An action was taken on a case (a configured action code).
 * Schema: {@code schemas/casework/CaseActionRecorded.v1.schema.json}.
 */
public record CaseActionRecorded(
        UUID caseId,
        UUID actionId,
        String action,
        Instant takenAt,
        String recordedBy) {

    public static final String TYPE = "CaseActionRecorded";
    public static final int VERSION = 1;
}
