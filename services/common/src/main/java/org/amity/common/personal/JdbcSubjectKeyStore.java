package org.amity.common.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;

import org.amity.contracts.personal.AesGcm;
import org.amity.contracts.personal.SubjectKeyStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;

/**
 * The local key store: subject keys in their own database (datasource {@code keys}), each wrapped
 * (AES-256-GCM) with the platform master key, which never leaves configuration. A real KMS can
 * replace this class behind {@link SubjectKeyStore}. The datasource is looked up on first use, so a
 * service without personal data (analytics) needs none.
 */
@ApplicationScoped
public class JdbcSubjectKeyStore implements SubjectKeyStore {

    private static final String INSERT = "insert into subject_key (subject_id, wrapped_key) "
            + "select * from unnest(?::uuid[], ?::bytea[]) on conflict do nothing returning subject_id";
    /** The same, its transaction's commit not waiting for the flush: the setting is made as each row is read. */
    private static final String INSERT_WITHOUT_WAITING_FOR_THE_FLUSH =
            "insert into subject_key (subject_id, wrapped_key) select s.id, s.wrapped "
            + "from unnest(?::uuid[], ?::bytea[]) as s(id, wrapped) "
            + "where set_config('synchronous_commit', 'off', true) is not null "
            + "on conflict do nothing returning subject_id";

    @ConfigProperty(name = "amity.keys.master-key")
    Optional<String> masterKeyBase64;

    /**
     * True when the key database lives in the same PostgreSQL cluster as the service's own data (one write-ahead
     * log). New keys then commit without waiting for their flush: the data they protect commits afterwards, and
     * its flush carries every earlier commit record with it, so a key is never lost while its data survives.
     * Destroying a key always waits for the flush.
     */
    @ConfigProperty(name = "amity.keys.shares-wal-with-data", defaultValue = "false")
    boolean sharesWalWithData;

    private volatile SecretKey masterKey;
    private volatile AgroalDataSource dataSource;

    @Override
    public SecretKey keyFor(UUID subjectId) {
        return keysFor(List.of(subjectId)).get(subjectId);
    }

    /**
     * New subjects' keys in one statement, whatever their number: one round trip, committed on its own; the keys of
     * subjects already known are read. Sharing the write-ahead log with the data, the statement also tells its own
     * transaction not to wait for the flush at commit ({@code set_config(..., true)} lasts to the end of the
     * transaction, here the statement's). Before, a key took three round trips (the setting, the insert, the
     * commit), each a wake-up of a backend that, on a busy machine, waits for a core (docs/figures.md, intake,
     * session 21).
     */
    @Override
    public Map<UUID, SecretKey> keysFor(Collection<UUID> subjectIds) {
        List<UUID> order = List.copyOf(new LinkedHashSet<>(subjectIds));
        Map<UUID, SecretKey> fresh = new HashMap<>();
        UUID[] ids = order.toArray(UUID[]::new);
        byte[][] wrapped = new byte[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            SecretKey key = AesGcm.newKey();
            fresh.put(ids[i], key);
            wrapped[i] = AesGcm.seal(master(), key.getEncoded(), associatedData(ids[i])).joined();
        }
        Set<UUID> inserted = new HashSet<>();
        try (Connection connection = dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        sharesWalWithData ? INSERT_WITHOUT_WAITING_FOR_THE_FLUSH : INSERT)) {
            insert.setArray(1, connection.createArrayOf("uuid", ids));
            insert.setArray(2, connection.createArrayOf("bytea", wrapped));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("key store unavailable", e);
        }
        Map<UUID, SecretKey> keys = new HashMap<>();
        for (UUID subject : order) {
            keys.put(subject, inserted.contains(subject) ? fresh.get(subject) : find(subject)
                    .orElseThrow(() -> new IllegalStateException("key of " + subject + " vanished")));
        }
        return keys;
    }

    @Override
    public Optional<SecretKey> find(UUID subjectId) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select wrapped_key from subject_key where subject_id = ?")) {
            select.setObject(1, subjectId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                byte[] raw = AesGcm.open(master(), AesGcm.Sealed.split(row.getBytes(1)), associatedData(subjectId));
                return Optional.of(AesGcm.key(raw));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("key store unavailable", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a subject key does not unwrap with this master key", e);
        }
    }

    @Override
    public boolean destroy(UUID subjectId) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from subject_key where subject_id = ?")) {
            delete.setObject(1, subjectId);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("key store unavailable", e);
        }
    }

    private static byte[] associatedData(UUID subjectId) {
        return ("subject-key/" + subjectId).getBytes(StandardCharsets.UTF_8);
    }

    private SecretKey master() {
        if (masterKey == null) {
            String configured = masterKeyBase64.orElseThrow(() -> new IllegalStateException(
                    "amity.keys.master-key (env AMITY_KEYS_MASTER_KEY) is not set: 32 random bytes, base64"));
            masterKey = AesGcm.key(Base64.getDecoder().decode(configured.trim()));
        }
        return masterKey;
    }

    private AgroalDataSource dataSource() {
        if (dataSource == null) {
            dataSource = Arc.container().select(AgroalDataSource.class, new DataSource.DataSourceLiteral("keys")).get();
        }
        return dataSource;
    }
}
