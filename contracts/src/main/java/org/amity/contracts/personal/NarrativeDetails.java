package org.amity.contracts.personal;

/**
 * The plaintext of a {@code narrative} part: the free-text account and the exact location (postcode)
 * of the incident. Sealed under the victim's key, or a key of the report's own when it is anonymous.
 */
public record NarrativeDetails(String narrative, String postcode) {

    public static final String ROLE = "narrative";

    @Override
    public String toString() {
        return "NarrativeDetails[personal data withheld]";
    }
}
