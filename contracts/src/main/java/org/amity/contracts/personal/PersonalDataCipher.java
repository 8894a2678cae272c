package org.amity.contracts.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

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

    /** One part to seal: whose it is, in which role, and its plaintext. */
    public record Plain(UUID subjectId, String subjectRole, byte[] plaintext) {
    }

    public EncryptedPersonalData seal(UUID subjectId, String subjectRole, byte[] plaintext) {
        return seal(keys.keyFor(subjectId), new Plain(subjectId, subjectRole, plaintext));
    }

    /** Seals many parts, fetching (or creating) every subject's key in one go. */
    public List<EncryptedPersonalData> sealAll(List<Plain> parts) {
        Map<UUID, SecretKey> subjectKeys = keys.keysFor(parts.stream().map(Plain::subjectId).distinct().toList());
        return parts.stream().map(part -> seal(subjectKeys.get(part.subjectId()), part)).toList();
    }

    private static EncryptedPersonalData seal(SecretKey key, Plain part) {
        AesGcm.Sealed sealed = AesGcm.seal(key, part.plaintext(), associatedData(part.subjectId(), part.subjectRole()));
        Base64.Encoder base64 = Base64.getEncoder();
        return new EncryptedPersonalData(part.subjectId(), part.subjectRole(), ALGORITHM,
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
