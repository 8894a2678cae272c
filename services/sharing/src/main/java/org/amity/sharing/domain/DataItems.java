package org.amity.sharing.domain;

import java.util.Set;

/**
 * The data items an agreement can allow at each sharing level. Direct identifiers are never allowed at the
 * anonymised level; the incident items never identify anybody on their own (district, age band, dates to the day).
 */
public final class DataItems {

    public static final String DISTRICT = "district";
    public static final String STRANDS = "strands";
    public static final String INCIDENT_TYPES = "incident-types";
    public static final String CRIME_SUSPECTED = "crime-suspected";
    public static final String PERCEIVED_BY = "perceived-by";
    public static final String OCCURRED_ON = "occurred-on";
    public static final String RECEIVED_ON = "received-on";
    public static final String AGE_BAND = "age-band";
    public static final String VICTIM_NAME = "victim-name";
    public static final String VICTIM_CONTACT = "victim-contact";

    public static final Set<String> INCIDENT = Set.of(DISTRICT, STRANDS, INCIDENT_TYPES, CRIME_SUSPECTED, PERCEIVED_BY,
            OCCURRED_ON, RECEIVED_ON, AGE_BAND);
    public static final Set<String> DIRECT_IDENTIFIERS = Set.of(VICTIM_NAME, VICTIM_CONTACT);

    public static boolean known(String item) {
        return INCIDENT.contains(item) || DIRECT_IDENTIFIERS.contains(item);
    }

    private DataItems() {
    }
}
