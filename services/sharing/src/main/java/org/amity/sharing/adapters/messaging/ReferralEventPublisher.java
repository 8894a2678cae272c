package org.amity.sharing.adapters.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.common.messaging.Outbox;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Topics;
import org.amity.contracts.sharing.ReferralShared;
import org.amity.sharing.domain.Referral;
import org.amity.sharing.domain.SharingPorts;

@ApplicationScoped
public class ReferralEventPublisher implements SharingPorts.ReferralEvents {

    @Inject
    Outbox outbox;

    @Override
    public void shared(Referral referral, UUID correlationId) {
        ReferralShared data = new ReferralShared(referral.id(), referral.version(), referral.recipient(),
                referral.recipientCaseReference(), referral.level().name().toLowerCase(), referral.agreementId(),
                referral.agreementVersion(), referral.clause(), referral.consentId(), referral.lawfulBasis(),
                referral.sharedAt());
        DataProtectionScope scope = new DataProtectionScope("referral", referral.lawfulBasis(), referral.agreementId(),
                referral.agreementVersion(), referral.consentId() == null ? List.of() : List.of(referral.consentId()));
        outbox.append(Topics.SHARING_REFERRAL_V1, EventCodec.newEvent(ReferralShared.TYPE, ReferralShared.VERSION,
                referral.id().toString(), correlationId, "sharing", scope, data, List.of()));
    }
}
