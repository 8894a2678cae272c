package org.amity.intake.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where accepted reports are kept. Every read is scoped to the organisation that sent them. */
public interface IncidentRepository {

    void add(Incident incident);

    Optional<Incident> findOwnedBy(UUID id, String organisation);

    boolean referenceTaken(String organisation, String sourceReference);

    /** The organisation's reports, newest first. */
    List<Incident> listOwnedBy(String organisation, int offset, int limit);

    long countOwnedBy(String organisation);
}
