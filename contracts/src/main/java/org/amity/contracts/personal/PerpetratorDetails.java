package org.amity.contracts.personal;

/** The plaintext of a {@code perpetrator} part: the reporter's description of the suspected perpetrator. Never logged. */
public record PerpetratorDetails(String description) {

    public static final String ROLE = "perpetrator";

    @Override
    public String toString() {
        return "PerpetratorDetails[personal data withheld]";
    }
}
