package org.amity.casework.domain;

/** Hate crime (a criminal offence) or non-crime hate incident; a case can be reclassified either way. */
public enum Classification {
    HATE_CRIME("hate-crime"), NON_CRIME_HATE_INCIDENT("non-crime-hate-incident");

    private final String code;

    Classification(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Classification of(String code) {
        for (Classification c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("not a classification: " + code);
    }
}
