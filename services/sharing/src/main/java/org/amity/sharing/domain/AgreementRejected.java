package org.amity.sharing.domain;

import java.util.List;

/**
 * A change to an agreement the rules do not allow: {@code invalid} names the fields that are wrong; otherwise the
 * agreement is in a state that does not allow the change (a conflict).
 */
public class AgreementRejected extends RuntimeException {

    private final boolean invalid;
    private final List<Violation> violations;

    private AgreementRejected(String message, boolean invalid, List<Violation> violations) {
        super(message);
        this.invalid = invalid;
        this.violations = List.copyOf(violations);
    }

    public static AgreementRejected invalid(List<Violation> violations) {
        return new AgreementRejected(violations.size() + " problem(s) with the agreement", true, violations);
    }

    public static AgreementRejected conflict(String message) {
        return new AgreementRejected(message, false, List.of());
    }

    public boolean invalid() {
        return invalid;
    }

    public List<Violation> violations() {
        return violations;
    }
}
