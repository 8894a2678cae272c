package org.amity.casework.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where cases are kept. Reads for people are scoped to the owning organisation. */
public interface CaseRepository {

    /** A case linked to another: {@code visible} when the caller's organisation owns the other case too. */
    record Link(UUID otherCase, String kind, boolean sameOwner) {
    }

    /** One entry of a case's history: what changed, who did it and when (no personal data). */
    record Entry(String kind, String by, Instant at, String detail) {
    }

    /** A link to write: from a case to another, of a kind. */
    record NewLink(UUID caseId, UUID otherCase, String kind) {
    }

    /** A history entry to write for a case. */
    record Recorded(UUID caseId, Entry entry) {
    }

    /** Stores newly opened cases as they stand, with their consent versions. */
    void addAll(List<Case> opened);

    /** Stores the changed case and, when the change adds a consent version, that version (append-only). */
    void update(Case after, CaseChange change);

    /** The incidents among these that already have a case. */
    Set<UUID> incidentsWithCases(Collection<UUID> incidentIds);

    Optional<Case> findOwnedBy(UUID id, String organisation);

    /** Reads the case for a change, locked until the transaction ends: changes of one case apply one after another. */
    Optional<Case> lockOwnedBy(UUID id, String organisation);

    /** Any organisation's case, locked (for events from other services). */
    Optional<Case> lock(UUID id);

    List<Case> search(String organisation, CaseFilter filter, int offset, int limit);

    long count(String organisation, CaseFilter filter);

    /** Open cases whose contact deadline passed without contact and without a recorded breach, locked, skipping locked ones. */
    List<Case> lockContactBreaches(Instant now, int limit);

    /** The victim hashes of each case. */
    void addMatchKeys(Map<UUID, ? extends Collection<String>> keysByCase);

    /**
     * For each hash, the cases carrying it, received after {@code since}, the most recent first, at most
     * {@code limitPerKey}; a hash no case carries is absent.
     */
    Map<String, List<Matching.Candidate>> findByMatchKeys(Collection<String> keys, Instant since, int limitPerKey);

    void linkAll(List<NewLink> links);

    List<Link> links(UUID caseId, String organisation);

    void record(UUID caseId, Entry entry);

    void recordAll(List<Recorded> entries);

    List<Entry> history(UUID caseId);
}
