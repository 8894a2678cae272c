package org.amity.analytics.domain;

import java.util.List;

/**
 * What a caller may count: the districts of their area, and for a housing provider only the reports it made.
 *
 * @param area               who the figures cover, in words ("Kent county", "Kent Police force area")
 * @param districts          the districts in view, in display order
 * @param sourceOrganisation only cases owned by this organisation, or null for every source
 * @param areaCode           the configured area whose districts these are, all of them (its figures are also kept
 *                           summed over them), or null for any other set of districts
 */
public record Scope(String area, List<String> districts, String sourceOrganisation, String areaCode) {

    public Scope {
        districts = List.copyOf(districts);
    }

    public Scope(String area, List<String> districts, String sourceOrganisation) {
        this(area, districts, sourceOrganisation, null);
    }

    public Scope narrowedTo(String district) {
        return new Scope(area + ", " + district, List.of(district), sourceOrganisation);
    }
}
