package org.amity.analytics.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The statistical facts of one case, as the case service last stated them. No person in here. */
public record CaseFacts(
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

    public record Strand(String code, String subCategory) {
    }
}
