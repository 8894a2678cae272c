package org.amity.intake.domain;

import java.util.UUID;

/** Publishes what happened to reports; called inside the transaction that stores the change. */
public interface IncidentEvents {

    void reported(Incident incident, UUID correlationId);
}
