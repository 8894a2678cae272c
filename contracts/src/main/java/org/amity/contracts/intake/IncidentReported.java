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
 * @param receivedAt when intake received the report: the one-working-day contact clock starts here
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
        List<ConsentChoice> consents) {

    public static final String TYPE = "IncidentReported";
    public static final int VERSION = 1;
}
