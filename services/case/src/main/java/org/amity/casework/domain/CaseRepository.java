package org.amity.casework.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where cases are kept. Reads for people are scoped to the owning organisation. */
public interface CaseRepository {

    /** A case linked to another: {@code visible} when the caller's organisation owns the other case too. */
    record Link(UUID otherCase, String kind, boolean sameOwner) {
    }

    /** One entry of a case's history: what changed, who did it and when (no personal data). */
    record Entry(String kind, String by, Instant at, String detail) {
    }

    void add(Case opened);

    /** Stores the changed case and, when the change adds a consent version, that version (append-only). */
    void update(Case after, CaseChange change);

    boolean existsForIncident(UUID incidentId);

    Optional<Case> findOwnedBy(UUID id, String organisation);

    /** Reads the case for a change, locked until the transaction ends: changes of one case apply one after another. */
    Optional<Case> lockOwnedBy(UUID id, String organisation);

    /** Any organisation's case, locked (for events from other services). */
    Optional<Case> lock(UUID id);

    List<Case> search(String organisation, CaseFilter filter, int offset, int limit);

    long count(String organisation, CaseFilter filter);

    /** Open cases whose contact deadline passed without contact and without a recorded breach, locked, skipping locked ones. */
    List<Case> lockContactBreaches(Instant now, int limit);

    void addMatchKeys(UUID caseId, Collection<String> keys);

    /** Cases sharing a victim hash, received after {@code since}, the most recent first, at most {@code limit}. */
    List<Matching.Candidate> findByMatchKeys(Collection<String> keys, Instant since, int limit);

    void link(UUID caseId, UUID otherCase, String kind);

    List<Link> links(UUID caseId, String organisation);

    void record(UUID caseId, Entry entry);

    List<Entry> history(UUID caseId);
}
