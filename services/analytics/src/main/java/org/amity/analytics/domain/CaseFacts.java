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
        eachCount((dimension, strand, value) -> counts.add(new Count(dimension, strand, value)));
        return counts;
    }

    /**
     * The same entries as {@link #counts()}, in the same order, as they are stored: {@code key=storedValue}, joined
     * by {@code separator}; empty for a likely duplicate. Written straight into one string (the consumer makes one
     * per event: building the set of counts first took an eighth of its CPU, profiled at national scale).
     *
     * @throws IllegalArgumentException when a code holds the separator
     */
    public String entries(char separator) {
        StringBuilder out = new StringBuilder(768);
        eachCount((dimension, strand, value) -> {
            if (!out.isEmpty()) {
                out.append(separator);
            }
            if (strand == null) {
                if (value.indexOf(separator) >= 0) {
                    throw new IllegalArgumentException("a code holds a control character: " + value);
                }
                out.append(dimension.code()).append('=').append(value);
            } else {
                // a crossing's strand and value were counted (and checked) on their own before it
                out.append(dimension.crossingCode()).append('=').append(strand).append(CROSSING_SEPARATOR).append(value);
            }
        });
        return out.toString();
    }

    /** One count of {@link #eachCount}: the strand of a crossing, null for the dimension alone. */
    @FunctionalInterface
    private interface CountSink {
        void accept(Dimension dimension, String strand, String value);
    }

    /**
     * Hands each count of this case to the sink once, in table order: the total, each strand (with its sub-category),
     * the other dimensions, then those dimensions within each strand. Nothing for a likely duplicate.
     */
    private void eachCount(CountSink sink) {
        if (likelyDuplicate) {
            return;
        }
        sink.accept(Dimension.TOTAL, null, Dimension.ALL);
        List<String> strandCodes = new ArrayList<>(strands.size());
        List<String> subCategories = new ArrayList<>(strands.size());
        for (Strand strand : strands) {
            if (!strandCodes.contains(strand.code())) {
                strandCodes.add(strand.code());
                sink.accept(Dimension.STRAND, null, strand.code());
            }
            if (strand.subCategory() != null) {
                String subCategory = strand.code() + "/" + strand.subCategory();
                if (!subCategories.contains(subCategory)) {
                    subCategories.add(subCategory);
                    sink.accept(Dimension.SUB_CATEGORY, null, subCategory);
                }
            }
        }
        // the other dimensions, each also counted within each strand (Dimension.crossesWithStrand)
        List<Dimension> dimensions = new ArrayList<>(incidentTypes.size() + 6);
        List<String> values = new ArrayList<>(incidentTypes.size() + 6);
        for (String type : incidentTypes) {
            if (!values.contains(type)) {
                dimensions.add(Dimension.INCIDENT_TYPE);
                values.add(type);
            }
        }
        dimensions.add(Dimension.CLASSIFICATION);
        values.add(classification != null ? classification : crimeSuspected ? "hate-crime" : "non-crime-hate-incident");
        dimensions.add(Dimension.SOURCE_TYPE);
        values.add(sourceOrganisationType);
        dimensions.add(Dimension.OUTCOME);
        values.add(outcomeCode == null ? "none" : Integer.toString(outcomeCode));
        if (housingOutcome != null) {
            dimensions.add(Dimension.HOUSING_OUTCOME);
            values.add(housingOutcome);
        }
        dimensions.add(Dimension.REPEAT);
        values.add(repeatVictim ? "repeat" : "first");
        dimensions.add(Dimension.CONTACT_TARGET);
        values.add(contactTargetMet == null ? "not-applicable" : contactTargetMet ? "met" : "missed");
        for (int d = 0; d < dimensions.size(); d++) {
            sink.accept(dimensions.get(d), null, values.get(d));
        }
        for (int d = 0; d < dimensions.size(); d++) {
            if (dimensions.get(d).crossesWithStrand()) {
                for (String strand : strandCodes) {
                    sink.accept(dimensions.get(d), strand, values.get(d));
                }
            }
        }
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
