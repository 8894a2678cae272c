package org.amity.intake.adapters.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.crypto.SecretKey;

import jakarta.inject.Inject;

import org.amity.contracts.TimeOrderedIds;
import org.amity.contracts.personal.SubjectKeyStore;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The key store intake seals personal data with, against the real key database (the WAL shared with intake's). */
@QuarkusTest
class SubjectKeyStoreTest {

    @Inject
    SubjectKeyStore keys;

    @Inject
    @DataSource("keys")
    AgroalDataSource keyDatabase;

    @Test
    void newSubjectsGetKeysOfTheirOwnThatAreStoredWrapped() throws Exception {
        List<UUID> subjects = IntStream.range(0, 3).mapToObj(i -> TimeOrderedIds.next()).toList();

        Map<UUID, SecretKey> made = keys.keysFor(subjects);

        assertThat(made).containsOnlyKeys(subjects);
        assertThat(made.values().stream().map(k -> HexFormat.of().formatHex(k.getEncoded())))
                .doesNotHaveDuplicates();
        for (UUID subject : subjects) {
            assertThat(keys.find(subject)).hasValueSatisfying(
                    stored -> assertThat(stored.getEncoded()).isEqualTo(made.get(subject).getEncoded()));
            byte[] wrapped = storedBytes(subject);
            assertThat(wrapped).isNotNull().hasSizeGreaterThan(32);
            assertThat(indexOf(wrapped, made.get(subject).getEncoded())).as("the key is stored wrapped, not raw")
                    .isEqualTo(-1);
        }
    }

    @Test
    void aKnownSubjectKeepsItsKeyAndNewOnesInTheSameCallGetNewKeys() {
        UUID known = TimeOrderedIds.next();
        SecretKey first = keys.keyFor(known);
        UUID fresh = TimeOrderedIds.next();

        Map<UUID, SecretKey> again = keys.keysFor(List.of(fresh, known));

        assertThat(again.get(known).getEncoded()).isEqualTo(first.getEncoded());
        assertThat(keys.find(fresh)).hasValueSatisfying(
                stored -> assertThat(stored.getEncoded()).isEqualTo(again.get(fresh).getEncoded()));
        assertThat(again.get(fresh).getEncoded()).isNotEqualTo(first.getEncoded());
    }

    @Test
    void aSubjectNamedTwiceInOneCallGetsOneKeyTheOneStored() {
        UUID twice = TimeOrderedIds.next();

        Map<UUID, SecretKey> made = keys.keysFor(List.of(twice, TimeOrderedIds.next(), twice));

        assertThat(made).hasSize(2);
        assertThat(keys.find(twice)).hasValueSatisfying(
                stored -> assertThat(stored.getEncoded()).isEqualTo(made.get(twice).getEncoded()));
    }

    @Test
    void aDestroyedKeyIsGoneForGood() {
        UUID subject = TimeOrderedIds.next();
        keys.keyFor(subject);

        assertThat(keys.destroy(subject)).isTrue();

        assertThat(keys.find(subject)).isEmpty();
        assertThat(keys.destroy(subject)).isFalse();
    }

    private byte[] storedBytes(UUID subject) throws Exception {
        try (Connection connection = keyDatabase.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select wrapped_key from subject_key where subject_id = ?")) {
            select.setObject(1, subject);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
