package org.amity.casework.adapters.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.casework.application.CaseService;
import org.amity.common.messaging.EventBatches;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Reads the referral stream for the outcomes recipients record ({@link CaseService#onReferralEvent}); every other
 * referral event is marked processed and skipped. An outcome for a case that does not exist goes to
 * {@code case.dead-letter.v1} with its reason.
 */
@ApplicationScoped
public class ReferralOutcomeConsumer {

    static final EventBatches.Stream STREAM = new EventBatches.Stream("referrals", "case.referral-outcome",
            type -> true);

    @Inject
    EventBatches batches;

    @Inject
    CaseService cases;

    @Incoming("referrals")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.process(STREAM, records, cases::onReferralEvent);
    }
}
