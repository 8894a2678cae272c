package org.amity.analytics.domain;

import java.util.List;

/**
 * What a caller may count: the districts of their area, and for a housing provider only the reports it made.
 *
 * @param area               who the figures cover, in words ("Kent county", "Kent Police force area")
 * @param districts          the districts in view, in display order
 * @param sourceOrganisation only cases owned by this organisation, or null for every source
 */
public record Scope(String area, List<String> districts, String sourceOrganisation) {

    public Scope {
        districts = List.copyOf(districts);
    }

    public Scope narrowedTo(String district) {
        return new Scope(area + ", " + district, List.of(district), sourceOrganisation);
    }
}
