package org.amity.casework.domain;

/**
 * A change the case's rules do not allow; nothing changed. {@code field} names what is wrong: a JSON
 * path of the request for a bad value, or the case's own field (such as {@code status}) for a
 * transition the case's state does not allow.
 */
public class CaseRuleBroken extends RuntimeException {

    public enum Kind {
        /** A value that does not exist or does not fit this case. */
        INVALID_VALUE,
        /** A change the case's current state does not allow. */
        INVALID_TRANSITION,
        /** Something the change names is not part of the case. */
        NOT_FOUND
    }

    private final Kind kind;
    private final String field;

    public CaseRuleBroken(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static CaseRuleBroken value(String field, String message) {
        return new CaseRuleBroken(Kind.INVALID_VALUE, field, message);
    }

    public static CaseRuleBroken transition(String field, String message) {
        return new CaseRuleBroken(Kind.INVALID_TRANSITION, field, message);
    }

    public static CaseRuleBroken notFound(String what) {
        return new CaseRuleBroken(Kind.NOT_FOUND, null, what + " was not found");
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
