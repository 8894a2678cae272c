package org.amity.contracts.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.amity.contracts.Strand;

/**
 * The statistical facts of one case, as they stand now. Carries no personal data: its schema
 * admits only codes, dates and flags (no free text), so no field can hold a name, a contact
 * detail, an address, a date of birth or a narrative.
 *
 * @param caseKey pseudonymous key of the case, unrelated to the case id
 */
public record CaseStatisticsRecorded(
        UUID caseKey,
        LocalDate receivedOn,
        LocalDate occurredOn,
        String district,
        List<Strand> strands,
        List<String> incidentTypes,
        boolean crimeSuspected,
        String sourceOrganisationType,
        Integer outcomeCode,
        boolean repeatVictim,
        Boolean contactTargetMet) {

    public static final String TYPE = "CaseStatisticsRecorded";
    public static final int VERSION = 1;
}
