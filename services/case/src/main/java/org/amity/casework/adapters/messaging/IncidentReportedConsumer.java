package org.amity.casework.adapters.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.casework.application.CaseService;
import org.amity.casework.domain.Case;
import org.amity.casework.domain.Consent;
import org.amity.casework.domain.WorkingDays;
import org.amity.common.messaging.Inbox;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.InvalidEventException;
import org.amity.contracts.intake.IncidentReported;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;

/**
 * Opens a case for every {@code IncidentReported}. Idempotent: a redelivered event is recognised
 * by its id (inbox) and a second event for the same incident by the incident id. An event that
 * is not valid throws, and the channel's dead-letter strategy moves it to {@code case.dead-letter.v1}.
 */
@ApplicationScoped
public class IncidentReportedConsumer {

    static final String CONSUMER = "case.incident-reported";

    @Inject
    Inbox inbox;

    @Inject
    CaseService cases;

    @Inject
    WorkingDays workingDays;

    @Incoming("incidents")
    @Blocking
    @Transactional
    public void consume(String payload) {
        EventEnvelope event = EventCodec.decode(payload);
        if (!IncidentReported.TYPE.equals(event.eventType())) {
            throw new InvalidEventException("unexpected event type " + event.eventType() + " on the incident topic",
                    java.util.List.of());
        }
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            Log.debugf("skipping redelivered event %s", event.eventId());
            return;
        }
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
