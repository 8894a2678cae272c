package org.amity.contracts.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.amity.contracts.Strand;

/**
 * A case was triaged: hate crime or non-crime hate incident, strands confirmed or corrected; a reclassification names who and why.
 * Schema: {@code schemas/casework/CaseTriaged.v1.schema.json}.
 *
 * @param reclassified classification or strands changed
 * @param reason why (a configured reason code); required when reclassified
 */
public record CaseTriaged(
        UUID caseId,
        String classification,
        String previousClassification,
        List<Strand> strands,
        boolean reclassified,
        String reason,
        String triagedBy,
        Instant triagedAt) {

    public static final String TYPE = "CaseTriaged";
    public static final int VERSION = 1;
}
