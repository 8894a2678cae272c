package org.amity.analytics.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the figures are broken down by (besides district and time). Strand codes are configuration; the
 * dimensions are not. {@link #multiValued} dimensions count an incident once under each of its values, so
 * their cells add up to more than the incidents.
 */
public enum Dimension {
    TOTAL("total", false),
    STRAND("strand", true),
    SUB_CATEGORY("sub-category", true),
    INCIDENT_TYPE("incident-type", true),
    CLASSIFICATION("classification", false),
    SOURCE_TYPE("source-type", false),
    OUTCOME("outcome", false),
    HOUSING_OUTCOME("housing-outcome", false),
    REPEAT("repeat", false),
    CONTACT_TARGET("contact-target", false);

    public static final String ALL = "all";

    private final String code;
    private final String crossingCode;
    private final boolean multiValued;

    Dimension(String code, boolean multiValued) {
        this.code = code;
        this.crossingCode = "strand+" + code;
        this.multiValued = multiValued;
    }

    public String code() {
        return code;
    }

    /** The stored name of this dimension counted within each strand ({@code strand+outcome}). */
    String crossingCode() {
        return crossingCode;
    }

    public boolean multiValued() {
        return multiValued;
    }

    /** Whether the figures also count this dimension within each strand (strand x outcome, ...). */
    public boolean crossesWithStrand() {
        return this != TOTAL && this != STRAND && this != SUB_CATEGORY;
    }

    public static Optional<Dimension> of(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
