package org.amity.load;

import java.util.List;
import java.util.Map;

/**
 * The demo districts: Kent's twelve and Medway, as intake is configured ({@code amity.intake.districts}), weighted by
 * population (thousands, rounded mid-2020s estimates), with the outward codes of a main town for postcodes. The
 * county's analysts ({@code kent-community-safety}) see the twelve; Medway is a unitary authority outside the county.
 */
final class Districts {

    record District(String code, int population, String outwardCode) {
    }

    static final List<District> ALL = List.of(
            new District("ashford", 132, "TN23"),
            new District("canterbury", 157, "CT1"),
            new District("dartford", 116, "DA1"),
            new District("dover", 117, "CT16"),
            new District("folkestone-and-hythe", 113, "CT20"),
            new District("gravesham", 107, "DA11"),
            new District("maidstone", 175, "ME14"),
            new District("sevenoaks", 121, "TN13"),
            new District("swale", 151, "ME10"),
            new District("thanet", 141, "CT9"),
            new District("tonbridge-and-malling", 132, "ME19"),
            new District("tunbridge-wells", 116, "TN1"),
            new District("medway", 280, "ME4"));

    /** Outside the county: not in the figures of {@code kent-community-safety}. */
    static final String MEDWAY = "medway";

    static final Map<String, District> BY_CODE = ALL.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(District::code, d -> d));

    static boolean inCounty(String code) {
        return !MEDWAY.equals(code);
    }

    private Districts() {
    }
}
