package org.amity.intake.domain;

import java.util.List;
import java.util.UUID;

/** Publishes what happened to reports; called inside the transaction that stores the change. */
public interface IncidentEvents {

    /** The report was accepted; its personal data travels only as sealed. */
    void reported(Incident incident, PersonalDataVault.Sealed sealed, UUID correlationId);

    /**
     * Reports accepted together (one transaction); {@code sealed} holds each one's personal data and
     * {@code correlationIds} each one's correlation id, in order.
     */
    void reportedAll(List<Incident> incidents, List<PersonalDataVault.Sealed> sealed, List<UUID> correlationIds);
}
