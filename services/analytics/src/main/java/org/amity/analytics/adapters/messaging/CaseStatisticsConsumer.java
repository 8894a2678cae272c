package org.amity.analytics.adapters.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Statistics;
import org.amity.common.messaging.EventBatches;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Records the facts of every case from the statistics stream, the only topic analytics reads.
 * Idempotent by event id; an invalid event goes to {@code analytics.dead-letter.v1}.
 */
@ApplicationScoped
public class CaseStatisticsConsumer {

    static final String CONSUMER = "analytics.case-statistics";

    static final EventBatches.Stream STREAM = new EventBatches.Stream("case-statistics", CONSUMER,
            CaseStatisticsRecorded.TYPE::equals);

    @Inject
    EventBatches batches;

    @Inject
    Statistics statistics;

    @Incoming("case-statistics")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.processAll(STREAM, records, this::recordAll);
    }

    /** Records the facts of a batch's events at once, in the batch's transaction. */
    void recordAll(List<EventEnvelope> events) {
        statistics.recordAll(events.stream()
                .map(event -> toFacts(EventCodec.data(event, CaseStatisticsRecorded.class))).toList());
    }

    /** The contract's facts in the service's own terms (the anti-corruption layer). */
    static CaseFacts toFacts(CaseStatisticsRecorded facts) {
        return new CaseFacts(facts.caseKey(), facts.receivedOn(), facts.occurredOn(), facts.district(),
                facts.strands().stream().map(s -> new CaseFacts.Strand(s.code(), s.subCategory())).toList(),
                facts.incidentTypes(), facts.crimeSuspected(), facts.sourceOrganisationType(),
                facts.sourceOrganisation(), facts.outcomeCode(), facts.housingOutcome(), facts.classification(),
                facts.repeatVictim(), facts.contactTargetMet(), Boolean.TRUE.equals(facts.likelyDuplicate()));
    }
}
