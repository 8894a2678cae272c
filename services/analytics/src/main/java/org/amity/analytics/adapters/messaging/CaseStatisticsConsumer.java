package org.amity.analytics.adapters.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.analytics.application.Backlog;
import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Statistics;
import org.amity.common.messaging.EventBatches;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.IsoTimes;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;

/**
 * Records the facts of every case from the statistics stream, the only topic analytics reads; an invalid event goes
 * to {@code analytics.dead-letter.v1}. Idempotent without an inbox: an event states a case's facts as they are now,
 * so recording it again changes nothing, and a repeat is read again in the partition's order, before every later event
 * of its case (ADR 0004, session 16 addendum). The facts keep the id of the event that stated them, which makes a
 * plain repeat cost no write at all.
 */
@ApplicationScoped
public class CaseStatisticsConsumer {

    static final String CONSUMER = "analytics.case-statistics";

    static final EventBatches.Stream STREAM = new EventBatches.Stream("case-statistics", CONSUMER,
            CaseStatisticsRecorded.TYPE::equals, EventBatches.Repeats.HARMLESS);

    @Inject
    EventBatches batches;

    @Inject
    Statistics statistics;

    @Inject
    Backlog backlog;

    @Incoming("case-statistics")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.processAll(STREAM, records, this::recordAll);
        // noted once recorded: a poll as large as its limit means more is waiting, and the counts can wait for it
        records.partitions().forEach(partition -> backlog.polled(partition.partition(), records.records(partition).size()));
    }

    /** Records the facts of a batch's events at once, in the batch's transaction. */
    void recordAll(List<EventEnvelope> events) {
        statistics.recordStated(
                events.stream().map(event -> new Statistics.Stated(event.eventId(), toFacts(event.data()))).toList());
    }

    /**
     * The facts of an event's data, read field by field from the tree its schema has passed (so every required field
     * is there with its type; an optional one may be absent or null). Mapping the tree to the contract's record first
     * took a fifth of the consumer's CPU (profiled at national scale); {@code CaseStatisticsConsumerTest} holds the two
     * ways to the same facts.
     */
    static CaseFacts toFacts(JsonNode data) {
        List<CaseFacts.Strand> strands = new ArrayList<>(data.get("strands").size());
        for (JsonNode strand : data.get("strands")) {
            strands.add(new CaseFacts.Strand(strand.get("code").textValue(), text(strand, "subCategory")));
        }
        List<String> incidentTypes = new ArrayList<>(data.get("incidentTypes").size());
        for (JsonNode type : data.get("incidentTypes")) {
            incidentTypes.add(type.textValue());
        }
        JsonNode outcome = data.get("outcomeCode");
        return new CaseFacts(UUID.fromString(data.get("caseKey").textValue()),
                IsoTimes.date(data.get("receivedOn").textValue()), IsoTimes.date(data.get("occurredOn").textValue()),
                data.get("district").textValue(), List.copyOf(strands), List.copyOf(incidentTypes),
                data.get("crimeSuspected").booleanValue(), data.get("sourceOrganisationType").textValue(),
                text(data, "sourceOrganisation"), outcome == null || outcome.isNull() ? null : outcome.intValue(),
                text(data, "housingOutcome"), text(data, "classification"), data.get("repeatVictim").booleanValue(),
                flag(data, "contactTargetMet"), Boolean.TRUE.equals(flag(data, "likelyDuplicate")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }

    private static Boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.booleanValue();
    }
}
