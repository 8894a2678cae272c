package org.amity.intake.adapters.rest;

/** Patterns the request fields are held to. */
final class Text {

    /** A configured code: lower-case words joined by hyphens. */
    static final String CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";
    /** An organisation's own reference. */
    static final String REFERENCE = "^[A-Za-z0-9/_.:-]+$";
    /** One line of text: no control characters. */
    static final String ONE_LINE = "^[^\\p{Cntrl}]*$";
    /** Free text over several lines: no control characters but line breaks and tabs. */
    static final String MULTI_LINE = "^[\\P{Cntrl}\\r\\n\\t]*$";
    static final String PHONE = "^\\+?[0-9 ()-]{6,32}$";
    static final String POSTCODE = "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$";

    private Text() {
    }
}
