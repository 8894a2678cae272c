package org.amity.contracts.personal;

import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

/**
 * Where the per-subject keys live: outside Kafka, behind this port, so that a real KMS can replace
 * the local implementation. Destroying a subject's key is crypto-erasure: every copy of their
 * personal data, on every topic and in every store, becomes unreadable.
 */
public interface SubjectKeyStore {

    /** The subject's key, created on first use. */
    SecretKey keyFor(UUID subjectId);

    /** The keys of several subjects at once, created where missing: one round trip where the store allows it. */
    default java.util.Map<UUID, SecretKey> keysFor(java.util.Collection<UUID> subjectIds) {
        java.util.Map<UUID, SecretKey> keys = new java.util.HashMap<>();
        for (UUID subject : subjectIds) {
            keys.put(subject, keyFor(subject));
        }
        return keys;
    }

    /** The subject's key, or empty when it never existed or was destroyed. */
    Optional<SecretKey> find(UUID subjectId);

    /** Destroys the subject's key for good; true when there was one. */
    boolean destroy(UUID subjectId);
}
