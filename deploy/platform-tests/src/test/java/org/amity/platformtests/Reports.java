package org.amity.platformtests;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Request bodies for intake, as a housing provider's system would send them. */
final class Reports {

    static Map<String, Object> raceIncidentWithPoliceConsent(String reference, String district, String victimName) {
        return Map.of(
                "sourceReference", reference,
                "occurredAt", Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                "district", district,
                "strands", List.of(Map.of("code", "race")),
                "incidentTypes", List.of("verbal-abuse", "harassment"),
                "crimeSuspected", true,
                "perceivedBy", "victim",
                "victim", Map.of("name", victimName, "phone", "01732 000000", "preferredContact", "phone",
                        "ageBand", "35-44"),
                "consents", List.of(Map.of("recipientOrganisation", "kent-police", "purpose", "investigation",
                        "level", "identifiable", "method", "verbal")));
    }

    private Reports() {
    }
}
