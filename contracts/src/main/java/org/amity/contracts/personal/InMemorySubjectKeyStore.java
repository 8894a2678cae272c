package org.amity.contracts.personal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

/** A key store in memory: for tests and tools, never for the services. */
public final class InMemorySubjectKeyStore implements SubjectKeyStore {

    private final Map<UUID, SecretKey> keys = new ConcurrentHashMap<>();

    @Override
    public SecretKey keyFor(UUID subjectId) {
        return keys.computeIfAbsent(subjectId, id -> AesGcm.newKey());
    }

    @Override
    public Optional<SecretKey> find(UUID subjectId) {
        return Optional.ofNullable(keys.get(subjectId));
    }

    @Override
    public boolean destroy(UUID subjectId) {
        return keys.remove(subjectId) != null;
    }
}
