package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * An outcome was recorded: a Home Office outcome code (police cases) or a housing outcome (housing cases).
 * Schema: {@code schemas/casework/CaseOutcomeRecorded.v1.schema.json}.
 *
 * @param homeOfficeOutcome 0 to 22, when the scheme is home-office
 * @param housingOutcome when the scheme is housing
 */
public record CaseOutcomeRecorded(
        UUID caseId,
        String scheme,
        Integer homeOfficeOutcome,
        String housingOutcome,
        String recordedBy,
        Instant recordedAt) {

    public static final String TYPE = "CaseOutcomeRecorded";
    public static final int VERSION = 1;
}
