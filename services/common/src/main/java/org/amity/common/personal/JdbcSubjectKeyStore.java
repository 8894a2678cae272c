package org.amity.common.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** New subjects in one transaction (one commit), whatever their number; known ones are read. */
    @Override
    public Map<UUID, SecretKey> keysFor(Collection<UUID> subjectIds) {
        Map<UUID, SecretKey> keys = new HashMap<>();
        List<UUID> known = new ArrayList<>();
        try (Connection connection = dataSource().getConnection()) {
            connection.setAutoCommit(false);
            if (sharesWalWithData) {
                try (Statement local = connection.createStatement()) {
                    local.execute("set local synchronous_commit = off");
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into subject_key (subject_id, wrapped_key) values (?, ?) on conflict do nothing")) {
                List<UUID> order = new ArrayList<>(subjectIds);
                for (UUID subject : order) {
                    SecretKey fresh = AesGcm.newKey();
                    keys.put(subject, fresh);
                    insert.setObject(1, subject);
                    insert.setBytes(2, AesGcm.seal(master(), fresh.getEncoded(), associatedData(subject)).joined());
                    insert.addBatch();
                }
                int[] inserted = insert.executeBatch();
                for (int i = 0; i < inserted.length; i++) {
                    if (inserted[i] == 0) {
                        known.add(order.get(i));
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("key store unavailable", e);
        }
        for (UUID subject : known) {
            keys.put(subject, find(subject).orElseThrow(() -> new IllegalStateException("key of " + subject + " vanished")));
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
