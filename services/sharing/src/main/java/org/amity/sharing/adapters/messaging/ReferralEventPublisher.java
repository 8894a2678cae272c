package org.amity.sharing.adapters.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.common.messaging.Outbox;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Topics;
import org.amity.contracts.sharing.AuditChainHeadPublished;
import org.amity.contracts.sharing.ReferralOutcomeRecorded;
import org.amity.contracts.sharing.ReferralRevoked;
import org.amity.contracts.sharing.ReferralShared;
import org.amity.sharing.domain.AuditEntry;
import org.amity.sharing.domain.Referral;
import org.amity.sharing.domain.SharingPorts;

/** Writes the referral facts to the outbox, in the transaction of the change; they carry no personal data. */
@ApplicationScoped
public class ReferralEventPublisher implements SharingPorts.ReferralEvents {

    static final String SOURCE = "sharing";

    @Inject
    Outbox outbox;

    @Override
    public void shared(Referral referral, UUID correlationId) {
        ReferralShared data = new ReferralShared(referral.id(), referral.version(), referral.recipient(),
                referral.recipientCaseReference(), referral.level().name().toLowerCase(), referral.agreementId(),
                referral.agreementVersion(), referral.clause(), referral.consentId(), referral.lawfulBasis(),
                referral.updatedAt());
        append(ReferralShared.TYPE, ReferralShared.VERSION, referral, "referral", correlationId, data);
    }

    @Override
    public void revoked(Referral referral, UUID correlationId) {
        ReferralRevoked data = new ReferralRevoked(referral.id(), referral.version(), referral.recipient(),
                referral.recipientCaseReference(), referral.agreementId(), referral.agreementVersion(),
                referral.consentId(), referral.revocationReason(), referral.revokedAt());
        append(ReferralRevoked.TYPE, ReferralRevoked.VERSION, referral, "referral-revocation", correlationId, data);
    }

    @Override
    public void outcomeRecorded(Referral referral, boolean outcomesMayFlowBack, Instant at, UUID correlationId) {
        ReferralOutcomeRecorded data = new ReferralOutcomeRecorded(referral.id(), referral.caseId(),
                referral.recipient(), referral.agreementId(), referral.agreementVersion(), outcomesMayFlowBack,
                "home-office", referral.homeOfficeOutcome(), null, at);
        append(ReferralOutcomeRecorded.TYPE, ReferralOutcomeRecorded.VERSION, referral, "referral-outcome",
                correlationId, data);
    }

    @Override
    public void auditHead(AuditEntry head, Instant at) {
        outbox.append(Topics.SHARING_AUDIT_V1, EventCodec.newEvent(AuditChainHeadPublished.TYPE,
                AuditChainHeadPublished.VERSION, String.valueOf(head.sequence()), UUID.randomUUID(), SOURCE,
                DataProtectionScope.of("audit", "dpa-2018-s62-logging"),
                new AuditChainHeadPublished(head.sequence(), head.hash(), at), List.of()));
    }

    private void append(String type, int version, Referral referral, String purpose, UUID correlationId, Object data) {
        DataProtectionScope scope = new DataProtectionScope(purpose, referral.lawfulBasis(), referral.agreementId(),
                referral.agreementVersion(), referral.consentId() == null ? List.of() : List.of(referral.consentId()));
        outbox.append(Topics.SHARING_REFERRAL_V1, EventCodec.newEvent(type, version, referral.id().toString(),
                correlationId == null ? UUID.randomUUID() : correlationId, SOURCE, scope, data, List.of()));
    }
}
