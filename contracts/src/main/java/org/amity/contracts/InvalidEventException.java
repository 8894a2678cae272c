package org.amity.contracts;

import java.util.List;

/** An event that does not match its schema, or is not an event at all. Consumers send it to their dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    private final List<String> violations;

    public InvalidEventException(String message, List<String> violations) {
        super(message + (violations.isEmpty() ? "" : ": " + String.join("; ", violations)));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
