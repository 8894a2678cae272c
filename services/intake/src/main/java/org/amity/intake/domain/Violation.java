package org.amity.intake.domain;

/** A rule a report breaks: the field (JSON path of the request) and the rule in words. */
public record Violation(String field, String message) {
}
