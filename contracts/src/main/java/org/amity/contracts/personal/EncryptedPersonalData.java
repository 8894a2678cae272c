package org.amity.contracts.personal;

import java.util.UUID;

/**
 * One data subject's personal data inside an event, sealed with that subject's own key.
 *
 * @param subjectId   the data subject; names the key
 * @param subjectRole victim, reporter, perpetrator ...: bound into the ciphertext as associated data
 * @param algorithm   always {@value PersonalDataCipher#ALGORITHM} in schema version 1
 * @param nonce       base64 96-bit GCM nonce
 * @param ciphertext  base64 ciphertext with the 128-bit tag appended
 */
public record EncryptedPersonalData(
        UUID subjectId,
        String subjectRole,
        String algorithm,
        String nonce,
        String ciphertext) {
}
