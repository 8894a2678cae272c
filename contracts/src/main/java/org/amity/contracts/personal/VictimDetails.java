package org.amity.contracts.personal;

import java.time.LocalDate;

/**
 * The plaintext of a {@code victim} personal part. Only ever on the wire sealed inside an
 * {@link EncryptedPersonalData}; never logged. Fields after {@code preferredContact} were added
 * within v1 (additive): readers of older parts see them empty.
 */
public record VictimDetails(
        String name,
        String email,
        String phone,
        String preferredContact,
        LocalDate dateOfBirth,
        Address address,
        String tenancyReference,
        String interpreterLanguage,
        Boolean textRelay) {

    public static final String ROLE = "victim";

    public VictimDetails(String name, String email, String phone, String preferredContact) {
        this(name, email, phone, preferredContact, null, null, null, null, null);
    }

    /** A postal address. */
    public record Address(String line1, String line2, String town, String postcode) {
    }

    @Override
    public String toString() {
        return "VictimDetails[personal data withheld]";
    }
}
