package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A case was closed.
 * Schema: {@code schemas/casework/CaseClosed.v1.schema.json}.
 */
public record CaseClosed(
        UUID caseId,
        String reason,
        String closedBy,
        Instant closedAt) {

    public static final String TYPE = "CaseClosed";
    public static final int VERSION = 1;
}
