package org.amity.casework.adapters.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.casework.application.CaseService;
import org.amity.common.messaging.EventBatches;
import org.amity.contracts.intake.IncidentReported;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Opens a case for every {@code IncidentReported} through {@link CaseService#onIncidentsReported}, a poll's worth
 * of events at once, in one transaction ({@link EventBatches}). Idempotent: a redelivered event is recognised by its id
 * (inbox), another event for the same incident by the incident id. A record that is not a valid
 * {@code IncidentReported} goes to {@code case.dead-letter.v1} with its reason; the rest keep flowing.
 */
@ApplicationScoped
public class IncidentReportedConsumer {

    static final EventBatches.Stream STREAM = new EventBatches.Stream("incidents", "case.incident-reported",
            IncidentReported.TYPE::equals);

    @Inject
    EventBatches batches;

    @Inject
    CaseService cases;

    @Incoming("incidents")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.processAll(STREAM, records, cases::onIncidentsReported);
    }
}
