package org.amity.contracts.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.amity.contracts.ConsentChoice;
import org.amity.contracts.Strand;

/**
 * A case was opened for a report, owned by the organisation responsible for it. The victim's
 * details stay in the envelope's encrypted {@code personal} part.
 *
 * @param contactDueBy end of the next working day after receipt (first-contact target)
 */
public record CaseOpened(
        UUID caseId,
        UUID incidentId,
        String ownerOrganisation,
        String ownerOrganisationType,
        Instant receivedAt,
        Instant occurredFrom,
        Instant occurredTo,
        String district,
        List<Strand> strands,
        List<String> incidentTypes,
        boolean crimeSuspected,
        String perceivedBy,
        boolean anonymous,
        String victimAgeBand,
        UUID victimSubjectId,
        List<ConsentChoice> consents,
        Instant contactDueBy) {

    public static final String TYPE = "CaseOpened";
    public static final int VERSION = 1;
}
