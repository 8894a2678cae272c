package org.amity.analytics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The statistical facts of one case, as the case service last stated them. No person in here: codes, dates and
 * flags under a pseudonymous key.
 *
 * @param sourceOrganisation the organisation that owns the case (null when the producer does not say)
 */
public record CaseFacts(
        UUID caseKey,
        LocalDate receivedOn,
        LocalDate occurredOn,
        String district,
        List<Strand> strands,
        List<String> incidentTypes,
        boolean crimeSuspected,
        String sourceOrganisationType,
        String sourceOrganisation,
        Integer outcomeCode,
        String housingOutcome,
        String classification,
        boolean repeatVictim,
        Boolean contactTargetMet,
        boolean likelyDuplicate) {

    public record Strand(String code, String subCategory) {
    }

    /**
     * What this case adds to the figures: one per dimension value it falls under. A multi-strand incident adds
     * one to each of its strands and one to the total; a likely duplicate adds nothing.
     */
    public Set<Count> counts() {
        Set<Count> counts = new LinkedHashSet<>(64);
        if (likelyDuplicate) {
            return counts;
        }
        counts.add(new Count(Dimension.TOTAL, Dimension.ALL));
        for (Strand strand : strands) {
            counts.add(new Count(Dimension.STRAND, strand.code()));
            if (strand.subCategory() != null) {
                counts.add(new Count(Dimension.SUB_CATEGORY, strand.code() + "/" + strand.subCategory()));
            }
        }
        incidentTypes.forEach(type -> counts.add(new Count(Dimension.INCIDENT_TYPE, type)));
        counts.add(new Count(Dimension.CLASSIFICATION, classification != null ? classification
                : crimeSuspected ? "hate-crime" : "non-crime-hate-incident"));
        counts.add(new Count(Dimension.SOURCE_TYPE, sourceOrganisationType));
        counts.add(new Count(Dimension.OUTCOME, outcomeCode == null ? "none" : Integer.toString(outcomeCode)));
        if (housingOutcome != null) {
            counts.add(new Count(Dimension.HOUSING_OUTCOME, housingOutcome));
        }
        counts.add(new Count(Dimension.REPEAT, repeatVictim ? "repeat" : "first"));
        counts.add(new Count(Dimension.CONTACT_TARGET,
                contactTargetMet == null ? "not-applicable" : contactTargetMet ? "met" : "missed"));
        List<String> strandCodes = strands.stream().map(Strand::code).distinct().toList();
        List<Count> crossed = new ArrayList<>(counts.size() * strandCodes.size());
        for (Count count : counts) {
            if (count.dimension().crossesWithStrand()) {
                for (String strand : strandCodes) {
                    crossed.add(new Count(count.dimension(), strand, count.value()));
                }
            }
        }
        counts.addAll(crossed);
        return counts;
    }

    /**
     * One incident counted under one value of one dimension, or of one dimension within one of its strands (a
     * crossing: outcome 14 within race). A multi-strand incident counts once within each of its strands.
     *
     * @param strand the strand of a crossing, null for the dimension alone
     */
    public record Count(Dimension dimension, String strand, String value) {

        public Count(Dimension dimension, String value) {
            this(dimension, null, value);
        }

        /** The stored name of what is counted: the dimension's code, or {@code strand+<code>} for a crossing. */
        public String key() {
            return strand == null ? dimension.code() : crossingKey(dimension);
        }

        /** The stored value: the value, or {@code <strand>|<value>} for a crossing. */
        public String storedValue() {
            return strand == null ? value : strand + CROSSING_SEPARATOR + value;
        }
    }

    public static final String CROSSING_SEPARATOR = "|";

    /** The stored name of a dimension crossed with strand. */
    public static String crossingKey(Dimension dimension) {
        return dimension.crossingCode();
    }
}
