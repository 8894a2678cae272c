package org.amity.casework.adapters.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.casework.application.CaseService;
import org.amity.casework.domain.Case;
import org.amity.casework.domain.Consent;
import org.amity.casework.domain.WorkingDays;
import org.amity.common.messaging.EventBatches;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.intake.IncidentReported;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Opens a case for every {@code IncidentReported}, a poll's worth of events per transaction ({@link EventBatches}).
 * Idempotent: a redelivered event is recognised by its id (inbox) and a second event for the same incident by the
 * incident id. An event that is not valid goes to {@code case.dead-letter.v1} with its reason.
 */
@ApplicationScoped
public class IncidentReportedConsumer {

    static final String CONSUMER = "case.incident-reported";

    static final EventBatches.Stream STREAM = new EventBatches.Stream("incidents", CONSUMER,
            IncidentReported.TYPE::equals);

    @Inject
    EventBatches batches;

    @Inject
    CaseService cases;

    @Inject
    WorkingDays workingDays;

    @Incoming("incidents")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.process(STREAM, records, this::open);
    }

    /** Opens the case of one event; runs in the batch's transaction, once per event. */
    void open(EventEnvelope event) {
        IncidentReported incident = EventCodec.data(event, IncidentReported.class);
        String sealed = event.personal().isEmpty() ? null
                : new String(EventCodec.bytes(event.personal()), StandardCharsets.UTF_8);
        Case opened = Case.open(incident.incidentId(), incident.sourceOrganisation(), incident.sourceOrganisationType(),
                incident.receivedAt(), incident.occurredFrom(), incident.occurredTo(), incident.district(),
                incident.strands().stream().map(s -> new Case.StrandCode(s.code(), s.subCategory())).toList(),
                incident.incidentTypes(), incident.crimeSuspected(), incident.perceivedBy(), incident.anonymous(),
                incident.victimAgeBand(), incident.victimSubjectId(),
                incident.consents().stream().map(c -> new Consent(c.consentId(), c.version(), c.recipientOrganisation(),
                        c.recipientType(), c.purpose(), c.level(), c.method(), c.recordedBy(), c.givenAt())).toList(),
                sealed, workingDays);
        UUID correlation = event.correlationId();
        cases.open(opened, correlation);
    }
}
