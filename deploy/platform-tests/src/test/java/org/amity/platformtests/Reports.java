package org.amity.platformtests;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
                // each victim their own number: one number on every report would make them one person, and each
                // report a likely duplicate of the one before (which the statistics leave out)
                "victim", Map.of("name", victimName, "phone", String.format("07%09d",
                        ThreadLocalRandom.current().nextInt(1_000_000_000)), "preferredContact", "phone",
                        "ageBand", "35-44"),
                "consents", List.of(Map.of("recipientOrganisation", "kent-police", "purpose", "investigation",
                        "level", "identifiable", "method", "verbal")));
    }

    private Reports() {
    }
}
