package org.amity.intake.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where accepted reports are kept. Every read is scoped to the organisation that sent them. */
public interface IncidentRepository {

    /** What a request was answered with: the incident it created and a fingerprint of the request. */
    record PriorRequest(UUID incidentId, String requestHash) {
    }

    /**
     * An accepted report to store, with its sealed personal account, the idempotency key it came under (or null)
     * and the fingerprint of the request. The key is unique per organisation.
     */
    record Accepted(Incident incident, PersonalDataVault.Sealed sealed, String idempotencyKey, String requestHash) {
    }

    /** Stores accepted reports (one or a whole batch) in the caller's transaction. */
    void addAll(List<Accepted> accepted);

    /** The requests made before under any of these keys, by key. */
    java.util.Map<String, PriorRequest> findPriors(String organisation, java.util.Collection<String> idempotencyKeys);

    Optional<Incident> findOwnedBy(UUID id, String organisation);

    /** The organisation's reports, newest first. */
    List<Incident> listOwnedBy(String organisation, int offset, int limit);

    long countOwnedBy(String organisation);
}
