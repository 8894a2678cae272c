package org.amity.contracts.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.amity.contracts.ConsentChoice;
import org.amity.contracts.Strand;

/**
 * A report was accepted by intake. The {@code data} part of the event; the victim's details travel
 * in the envelope's encrypted {@code personal} part, keyed by {@code victimSubjectId}.
 *
 * @param receivedAt           when intake received the report: the one-working-day contact clock starts here
 * @param reportedAt           when the victim or reporter told the source organisation (at or before receipt)
 * @param reporterSubjectId    the reporter, when not the victim (their details are in a {@code reporter} part)
 * @param perpetratorSubjectId the subject of the {@code perpetrator} part, when a description was given
 * @param narrativeSubjectId   the key the {@code narrative} part is sealed under, when there is one
 */
public record IncidentReported(
        UUID incidentId,
        String sourceOrganisation,
        String sourceOrganisationType,
        String sourceReference,
        String channel,
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
        Instant reportedAt,
        String reporterRole,
        UUID reporterSubjectId,
        UUID perpetratorSubjectId,
        UUID narrativeSubjectId) {

    public static final String TYPE = "IncidentReported";
    public static final int VERSION = 1;
}
