package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * The risk to the victim was assessed (standard, medium, high).
 * Schema: {@code schemas/casework/RiskAssessed.v1.schema.json}.
 */
public record RiskAssessed(
        UUID caseId,
        String level,
        String previousLevel,
        String assessedBy,
        Instant assessedAt) {

    public static final String TYPE = "RiskAssessed";
    public static final int VERSION = 1;
}
