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
     * The same entries as {@link #counts()}, in the same order, as they are stored: {@code key=storedValue}, joined
     * by {@code separator}; empty for a likely duplicate. Written straight into one string (the consumer makes one
     * per event: building the set of counts first took an eighth of its CPU, profiled at national scale).
     *
     * @throws IllegalArgumentException when a code holds the separator
     */
    public String entries(char separator) {
        if (likelyDuplicate) {
            return "";
        }
        StringBuilder out = new StringBuilder(768);
        append(out, separator, Dimension.TOTAL.code(), Dimension.ALL);
        List<String> strandCodes = new ArrayList<>(strands.size());
        List<String> subCategories = new ArrayList<>(strands.size());
        for (Strand strand : strands) {
            if (!strandCodes.contains(strand.code())) {
                strandCodes.add(strand.code());
                append(out, separator, Dimension.STRAND.code(), checked(strand.code(), separator));
            }
            if (strand.subCategory() != null) {
                String subCategory = strand.code() + "/" + checked(strand.subCategory(), separator);
                if (!subCategories.contains(subCategory)) {
                    subCategories.add(subCategory);
                    append(out, separator, Dimension.SUB_CATEGORY.code(), subCategory);
                }
            }
        }
        // the dimensions also counted within each strand, in the order counts() adds them
        List<Dimension> dimensions = new ArrayList<>(incidentTypes.size() + 6);
        List<String> values = new ArrayList<>(incidentTypes.size() + 6);
        for (String type : incidentTypes) {
            if (!values.contains(type)) {
                dimensions.add(Dimension.INCIDENT_TYPE);
                values.add(checked(type, separator));
            }
        }
        dimensions.add(Dimension.CLASSIFICATION);
        values.add(classification != null ? checked(classification, separator)
                : crimeSuspected ? "hate-crime" : "non-crime-hate-incident");
        dimensions.add(Dimension.SOURCE_TYPE);
        values.add(checked(sourceOrganisationType, separator));
        dimensions.add(Dimension.OUTCOME);
        values.add(outcomeCode == null ? "none" : Integer.toString(outcomeCode));
        if (housingOutcome != null) {
            dimensions.add(Dimension.HOUSING_OUTCOME);
            values.add(checked(housingOutcome, separator));
        }
        dimensions.add(Dimension.REPEAT);
        values.add(repeatVictim ? "repeat" : "first");
        dimensions.add(Dimension.CONTACT_TARGET);
        values.add(contactTargetMet == null ? "not-applicable" : contactTargetMet ? "met" : "missed");
        for (int d = 0; d < dimensions.size(); d++) {
            append(out, separator, dimensions.get(d).code(), values.get(d));
        }
        for (int d = 0; d < dimensions.size(); d++) {
            for (String strand : strandCodes) {
                append(out, separator, dimensions.get(d).crossingCode(), strand + CROSSING_SEPARATOR + values.get(d));
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, char separator, String key, String value) {
        if (!out.isEmpty()) {
            out.append(separator);
        }
        out.append(key).append('=').append(value);
    }

    private static String checked(String code, char separator) {
        if (code.indexOf(separator) >= 0) {
            throw new IllegalArgumentException("a code holds a control character: " + code);
        }
        return code;
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
