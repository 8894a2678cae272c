package org.amity.intake.domain;

/** A configured strand and, optionally, one of its configured sub-categories. */
public record StrandChoice(String code, String subCategory) {
}
