package org.amity.analytics.adapters.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Statistics;
import org.amity.common.messaging.Inbox;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.InvalidEventException;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Records the facts of every case from the statistics stream, the only topic analytics reads.
 * Idempotent by event id; an invalid event goes to {@code analytics.dead-letter.v1}.
 */
@ApplicationScoped
public class CaseStatisticsConsumer {

    static final String CONSUMER = "analytics.case-statistics";

    @Inject
    Inbox inbox;

    @Inject
    Statistics statistics;

    @Incoming("case-statistics")
    @Blocking
    @Transactional
    public void consume(String payload) {
        EventEnvelope event = EventCodec.decode(payload);
        if (!CaseStatisticsRecorded.TYPE.equals(event.eventType())) {
            throw new InvalidEventException("unexpected event type " + event.eventType() + " on the statistics topic",
                    List.of());
        }
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        CaseStatisticsRecorded facts = EventCodec.data(event, CaseStatisticsRecorded.class);
        statistics.record(new CaseFacts(facts.caseKey(), facts.receivedOn(), facts.occurredOn(), facts.district(),
                facts.strands().stream().map(s -> new CaseFacts.Strand(s.code(), s.subCategory())).toList(),
                facts.incidentTypes(), facts.crimeSuspected(), facts.sourceOrganisationType(), facts.outcomeCode(),
                facts.repeatVictim(), facts.contactTargetMet()));
    }
}
