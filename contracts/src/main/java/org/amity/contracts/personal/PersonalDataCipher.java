package org.amity.contracts.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals and opens the personal part of events with the data subject's own key. Opening a part whose
 * key was destroyed gives empty: the data is erased, wherever its copies are.
 */
public final class PersonalDataCipher {

    public static final String ALGORITHM = "AES-256-GCM";

    private final SubjectKeyStore keys;

    public PersonalDataCipher(SubjectKeyStore keys) {
        this.keys = keys;
    }

    public EncryptedPersonalData seal(UUID subjectId, String subjectRole, byte[] plaintext) {
        AesGcm.Sealed sealed = AesGcm.seal(keys.keyFor(subjectId), plaintext, associatedData(subjectId, subjectRole));
        Base64.Encoder base64 = Base64.getEncoder();
        return new EncryptedPersonalData(subjectId, subjectRole, ALGORITHM,
                base64.encodeToString(sealed.nonce()), base64.encodeToString(sealed.ciphertext()));
    }

    /**
     * @return the plaintext, or empty when the subject's key no longer exists
     * @throws IllegalArgumentException when the part was tampered with or is not ours to read
     */
    public Optional<byte[]> open(EncryptedPersonalData part) {
        if (!ALGORITHM.equals(part.algorithm())) {
            throw new IllegalArgumentException("unsupported algorithm " + part.algorithm());
        }
        return keys.find(part.subjectId()).map(key -> {
            Base64.Decoder base64 = Base64.getDecoder();
            AesGcm.Sealed sealed = new AesGcm.Sealed(base64.decode(part.nonce()), base64.decode(part.ciphertext()));
            try {
                return AesGcm.open(key, sealed, associatedData(part.subjectId(), part.subjectRole()));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("personal part of subject " + part.subjectId() + " does not open", e);
            }
        });
    }

    private static byte[] associatedData(UUID subjectId, String subjectRole) {
        return (subjectId + "/" + subjectRole).getBytes(StandardCharsets.UTF_8);
    }
}
