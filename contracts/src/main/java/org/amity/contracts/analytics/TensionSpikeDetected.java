package org.amity.contracts.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A day on which a strand's incidents in a district rose well above their baseline (community tension, as after the
 * EU referendum or an attack). Published once per spike by analytics; counts of a whole district, never a person.
 * Schema: {@code schemas/analytics/TensionSpikeDetected.v1.schema.json}.
 *
 * @param spikeId              derived from day, district and strand, so the same spike keeps its id; the record key
 * @param incidents            the strand's incidents in the district that day when detected; always above the threshold
 * @param baselineMean         mean incidents a day over the baseline days, or null when suppressed
 * @param baselineSuppressed   the baseline days held 1 to {@code suppressionThreshold} incidents, so no mean is given
 * @param suppressionThreshold counts from 1 to this are never published
 */
public record TensionSpikeDetected(
        UUID spikeId,
        LocalDate day,
        String district,
        String strand,
        long incidents,
        int baselineDays,
        Double baselineMean,
        boolean baselineSuppressed,
        int suppressionThreshold,
        Instant detectedAt) {

    public static final String TYPE = "TensionSpikeDetected";
    public static final int VERSION = 1;
}
