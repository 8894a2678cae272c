package org.amity.sharing.domain;

/** One thing wrong with a request or an agreement: the JSON path of the field and what is wrong with it. */
public record Violation(String field, String message) {
}
