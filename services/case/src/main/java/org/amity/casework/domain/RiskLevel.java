package org.amity.casework.domain;

/** Risk to the victim, as assessed by the case worker. */
public enum RiskLevel {
    STANDARD, MEDIUM, HIGH;

    public String code() {
        return name().toLowerCase();
    }

    public static RiskLevel of(String code) {
        return valueOf(code.toUpperCase());
    }
}
