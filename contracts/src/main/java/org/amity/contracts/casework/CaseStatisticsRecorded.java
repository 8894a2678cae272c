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
 * @param caseKey         pseudonymous key of the case, unrelated to the case id
 * @param classification  hate-crime or non-crime-hate-incident once triaged (added within v1)
 * @param housingOutcome  outcome of a housing case (added within v1)
 * @param likelyDuplicate likely the same incident as another case (added within v1)
 * @param sourceOrganisation alias of the organisation that owns the case (added within v1, optional): lets a
 *                        housing provider see statistics of its own reports; an organisation, never a person
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
        Boolean contactTargetMet,
        String classification,
        String housingOutcome,
        Boolean likelyDuplicate,
        String sourceOrganisation) {

    public static final String TYPE = "CaseStatisticsRecorded";
    public static final int VERSION = 1;

    /** The facts before the source organisation was added. */
    public CaseStatisticsRecorded(UUID caseKey, LocalDate receivedOn, LocalDate occurredOn, String district,
            List<Strand> strands, List<String> incidentTypes, boolean crimeSuspected, String sourceOrganisationType,
            Integer outcomeCode, boolean repeatVictim, Boolean contactTargetMet, String classification,
            String housingOutcome, Boolean likelyDuplicate) {
        this(caseKey, receivedOn, occurredOn, district, strands, incidentTypes, crimeSuspected, sourceOrganisationType,
                outcomeCode, repeatVictim, contactTargetMet, classification, housingOutcome, likelyDuplicate, null);
    }

    /** The facts as first published (before the additive fields). */
    public CaseStatisticsRecorded(UUID caseKey, LocalDate receivedOn, LocalDate occurredOn, String district,
            List<Strand> strands, List<String> incidentTypes, boolean crimeSuspected, String sourceOrganisationType,
            Integer outcomeCode, boolean repeatVictim, Boolean contactTargetMet) {
        this(caseKey, receivedOn, occurredOn, district, strands, incidentTypes, crimeSuspected, sourceOrganisationType,
                outcomeCode, repeatVictim, contactTargetMet, null, null, null, null);
    }
}
