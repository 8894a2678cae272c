package org.amity.contracts.personal;

/**
 * The plaintext of a {@code victim} personal part. Only ever on the wire sealed inside an
 * {@link EncryptedPersonalData}; never logged.
 */
public record VictimDetails(String name, String email, String phone, String preferredContact) {

    public static final String ROLE = "victim";

    @Override
    public String toString() {
        return "VictimDetails[personal data withheld]";
    }
}
