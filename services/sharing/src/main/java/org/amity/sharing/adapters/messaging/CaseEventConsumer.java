package org.amity.sharing.adapters.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.common.messaging.EventBatches;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.casework.CaseOpened;
import org.amity.contracts.casework.CaseTriaged;
import org.amity.contracts.casework.ConsentRecorded;
import org.amity.contracts.casework.ConsentWithdrawn;
import org.amity.sharing.application.SharingService;
import org.amity.sharing.domain.CaseFacts;
import org.amity.sharing.domain.Consent;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Re-takes the sharing decisions whenever a case changes in a way that matters to sharing: opened, triaged (strands
 * and classification), a consent recorded or withdrawn. Translates the contract types into the domain's at the edge.
 * Idempotent by event id (inbox, {@link EventBatches}) and by the decision itself (an unchanged decision changes
 * nothing); an invalid event goes to {@code sharing.dead-letter.v1}. Other case events are marked processed.
 */
@ApplicationScoped
public class CaseEventConsumer {

    static final String CONSUMER = "sharing.case-events";

    static final EventBatches.Stream STREAM = new EventBatches.Stream("cases", CONSUMER, type -> true);

    @Inject
    EventBatches batches;

    @Inject
    SharingService sharing;

    @Incoming("cases")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.processAll(STREAM, records, this::decideAll);
    }

    /**
     * Takes the decisions for a batch in its order; a run of {@code CaseOpened} events is handed over at once
     * ({@link SharingService#casesOpened}), every other event alone.
     */
    void decideAll(List<EventEnvelope> events) {
        List<SharingService.Opened> opened = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (CaseOpened.TYPE.equals(event.eventType())) {
                opened.add(new SharingService.Opened(facts(event), event.correlationId()));
                continue;
            }
            if (!opened.isEmpty()) {
                sharing.casesOpened(opened);
                opened = new ArrayList<>();
            }
            decide(event);
        }
        if (!opened.isEmpty()) {
            sharing.casesOpened(opened);
        }
    }

    /** Takes the decisions for one case event other than {@code CaseOpened}; runs in the batch's transaction. */
    void decide(EventEnvelope event) {
        switch (event.eventType()) {
            case ConsentRecorded.TYPE -> {
                ConsentRecorded c = EventCodec.data(event, ConsentRecorded.class);
                Consent consent = new Consent(c.consentId(), c.version(), c.recipientOrganisation(), c.recipientType(),
                        c.purpose(), c.level(), c.givenAt());
                sharing.caseChanged(c.caseId(), f -> f.withConsent(consent), event.correlationId());
            }
            case ConsentWithdrawn.TYPE -> {
                ConsentWithdrawn w = EventCodec.data(event, ConsentWithdrawn.class);
                sharing.caseChanged(w.caseId(), f -> f.withoutConsent(w.consentId()), event.correlationId());
            }
            case CaseTriaged.TYPE -> {
                CaseTriaged t = EventCodec.data(event, CaseTriaged.class);
                List<CaseFacts.StrandCode> strands = t.strands().stream()
                        .map(s -> new CaseFacts.StrandCode(s.code(), s.subCategory())).toList();
                boolean crime = "hate-crime".equals(t.classification());
                sharing.caseChanged(t.caseId(), f -> f.withStrands(strands, crime), event.correlationId());
            }
            default -> {
                // not a change that sharing decides on
            }
        }
    }

    static CaseFacts facts(EventEnvelope event) {
        CaseOpened opened = EventCodec.data(event, CaseOpened.class);
        String sealed = event.personal().isEmpty() ? null
                : new String(EventCodec.bytes(event.personal()), StandardCharsets.UTF_8);
        List<Consent> consents = opened.consents().stream().map(c -> new Consent(c.consentId(), c.version(),
                c.recipientOrganisation(), c.recipientType(), c.purpose(), c.level(), c.givenAt())).toList();
        return new CaseFacts(opened.caseId(), opened.ownerOrganisation(), opened.receivedAt(), opened.occurredFrom(),
                opened.district(),
                opened.strands().stream().map(s -> new CaseFacts.StrandCode(s.code(), s.subCategory())).toList(),
                opened.incidentTypes(), opened.crimeSuspected(), opened.perceivedBy(), opened.anonymous(),
                opened.victimAgeBand(), opened.victimSubjectId(), consents, List.of(), sealed);
    }
}
