package org.amity.sharing.adapters.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.common.messaging.EventBatches;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.casework.CaseOpened;
import org.amity.sharing.application.SharingService;
import org.amity.sharing.domain.CaseFacts;
import org.amity.sharing.domain.Consent;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Takes the sharing decision for every case event. Idempotent by event id (inbox) and by
 * (case, recipient) for referrals; an invalid event goes to {@code sharing.dead-letter.v1}.
 * Event types it does not act on yet are marked processed and skipped.
 */
@ApplicationScoped
public class CaseOpenedConsumer {

    static final String CONSUMER = "sharing.case-events";

    /** Every event of the case topic is accepted; those it does not act on yet are marked processed. */
    static final EventBatches.Stream STREAM = new EventBatches.Stream("cases", CONSUMER, type -> true);

    @Inject
    EventBatches batches;

    @Inject
    SharingService sharing;

    @Incoming("cases")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.process(STREAM, records, this::decide);
    }

    /** Takes the decisions for one case event; runs in the batch's transaction, once per event. */
    void decide(EventEnvelope event) {
        if (!CaseOpened.TYPE.equals(event.eventType())) {
            return;
        }
        CaseOpened opened = EventCodec.data(event, CaseOpened.class);
        String sealed = event.personal().isEmpty() ? null
                : new String(EventCodec.bytes(event.personal()), StandardCharsets.UTF_8);
        List<Consent> consents = opened.consents().stream().map(c -> new Consent(c.consentId(), c.version(),
                c.recipientOrganisation(), c.recipientType(), c.purpose(), c.level(), c.givenAt())).toList();
        CaseFacts facts = new CaseFacts(opened.caseId(), opened.ownerOrganisation(), opened.receivedAt(),
                opened.occurredFrom(), opened.district(),
                opened.strands().stream().map(s -> new CaseFacts.StrandCode(s.code(), s.subCategory())).toList(),
                opened.incidentTypes(), opened.crimeSuspected(), opened.perceivedBy(), opened.anonymous(),
                opened.victimAgeBand(), opened.victimSubjectId(), consents, sealed);
        sharing.caseOpened(facts, event.correlationId());
    }
}
