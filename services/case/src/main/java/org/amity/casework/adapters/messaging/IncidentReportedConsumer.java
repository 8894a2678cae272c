package org.amity.casework.adapters.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.casework.application.CaseService;
import org.amity.contracts.EventCodec;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Decodes each record of {@code intake.incident.v1} and hands it to {@link CaseService#onIncidentReported}
 * (one transaction per event, idempotent). A record that is not a valid event throws, and the channel's
 * dead-letter strategy moves it to {@code case.dead-letter.v1} with the reason; the rest keep flowing.
 */
@ApplicationScoped
public class IncidentReportedConsumer {

    @Inject
    CaseService cases;

    @Incoming("incidents")
    @Blocking
    public void consume(String payload) {
        cases.onIncidentReported(EventCodec.decode(payload));
    }
}
