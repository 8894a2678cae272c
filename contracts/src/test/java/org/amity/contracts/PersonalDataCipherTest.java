package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.InMemorySubjectKeyStore;
import org.amity.contracts.personal.PersonalDataCipher;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private final InMemorySubjectKeyStore keys = new InMemorySubjectKeyStore();
    private final PersonalDataCipher cipher = new PersonalDataCipher(keys);

    @Test
    void opensWhatItSealed() {
        UUID subject = UUID.randomUUID();
        EncryptedPersonalData part = cipher.seal(subject, "victim", "Jane".getBytes(StandardCharsets.UTF_8));

        assertThat(part.ciphertext()).doesNotContain("Jane");
        assertThat(cipher.open(part)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("Jane"));
    }

    @Test
    void destroyingTheSubjectsKeyErasesEveryCopy() {
        UUID subject = UUID.randomUUID();
        EncryptedPersonalData first = cipher.seal(subject, "victim", "Jane".getBytes(StandardCharsets.UTF_8));
        EncryptedPersonalData second = cipher.seal(subject, "victim", "Jane again".getBytes(StandardCharsets.UTF_8));
        EncryptedPersonalData someoneElse = cipher.seal(UUID.randomUUID(), "victim", "Sam".getBytes(StandardCharsets.UTF_8));

        assertThat(keys.destroy(subject)).isTrue();

        assertThat(cipher.open(first)).isEmpty();
        assertThat(cipher.open(second)).isEmpty();
        assertThat(cipher.open(someoneElse)).isPresent();
    }

    @Test
    void aPartMovedToAnotherRoleOrTamperedWithDoesNotOpen() {
        UUID subject = UUID.randomUUID();
        EncryptedPersonalData part = cipher.seal(subject, "victim", "Jane".getBytes(StandardCharsets.UTF_8));
        EncryptedPersonalData relabelled = new EncryptedPersonalData(subject, "reporter", part.algorithm(), part.nonce(),
                part.ciphertext());
        char[] flipped = part.ciphertext().toCharArray();
        flipped[0] = flipped[0] == 'A' ? 'B' : 'A';
        EncryptedPersonalData tampered = new EncryptedPersonalData(subject, "victim", part.algorithm(), part.nonce(),
                new String(flipped));

        assertThatThrownBy(() -> cipher.open(relabelled)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(IllegalArgumentException.class);
    }
}
