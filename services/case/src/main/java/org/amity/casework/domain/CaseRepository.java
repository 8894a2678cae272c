package org.amity.casework.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where cases are kept. Reads for people are scoped to the owning organisation. */
public interface CaseRepository {

    void add(Case opened);

    boolean existsForIncident(UUID incidentId);

    Optional<Case> findOwnedBy(UUID id, String organisation);

    List<Case> listOwnedBy(String organisation, int offset, int limit);

    long countOwnedBy(String organisation);
}
