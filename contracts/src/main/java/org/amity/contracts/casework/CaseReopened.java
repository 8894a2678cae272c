package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A closed case was reopened.
 * Schema: {@code schemas/casework/CaseReopened.v1.schema.json}.
 */
public record CaseReopened(
        UUID caseId,
        String reason,
        String reopenedBy,
        Instant reopenedAt) {

    public static final String TYPE = "CaseReopened";
    public static final int VERSION = 1;
}
