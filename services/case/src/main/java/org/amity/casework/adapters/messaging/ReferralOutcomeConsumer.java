package org.amity.casework.adapters.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.casework.application.CaseService;
import org.amity.contracts.EventCodec;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Decodes each record of {@code sharing.referral.v1} and hands it to {@link CaseService#onReferralEvent}:
 * a recipient's outcome is attached to the case when the agreement allows; other referral events are skipped.
 * Invalid records go to {@code case.dead-letter.v1}.
 */
@ApplicationScoped
public class ReferralOutcomeConsumer {

    @Inject
    CaseService cases;

    @Incoming("referrals")
    @Blocking
    public void consume(String payload) {
        cases.onReferralEvent(EventCodec.decode(payload));
    }
}
