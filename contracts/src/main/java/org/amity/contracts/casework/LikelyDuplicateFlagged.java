package org.amity.contracts.casework;

import java.util.UUID;

/**
 * This case is likely the same incident as another case reported through another route (matched by keyed hashes).
 * Schema: {@code schemas/casework/LikelyDuplicateFlagged.v1.schema.json}.
 */
public record LikelyDuplicateFlagged(
        UUID caseId,
        UUID duplicateOfCaseId) {

    public static final String TYPE = "LikelyDuplicateFlagged";
    public static final int VERSION = 1;
}
