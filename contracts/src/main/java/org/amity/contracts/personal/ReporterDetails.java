package org.amity.contracts.personal;

/** The plaintext of a {@code reporter} part: who reported when it was not the victim. Never logged. */
public record ReporterDetails(String name, String email, String phone, String role) {

    public static final String ROLE = "reporter";

    @Override
    public String toString() {
        return "ReporterDetails[personal data withheld]";
    }
}
