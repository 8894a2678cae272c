package org.amity.intake.domain;

import java.util.List;

/** A report breaks the domain's rules; nothing was stored. */
public class IncidentRejected extends RuntimeException {

    private final List<Violation> violations;

    public IncidentRejected(List<Violation> violations) {
        super(violations.size() + " rule(s) broken");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
