package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A case was assigned to a case worker of the owning organisation.
 * Schema: {@code schemas/casework/CaseAssigned.v1.schema.json}.
 *
 * @param assignedTo the case worker (token subject or username)
 */
public record CaseAssigned(
        UUID caseId,
        String assignedTo,
        String assignedBy,
        Instant assignedAt) {

    public static final String TYPE = "CaseAssigned";
    public static final int VERSION = 1;
}
