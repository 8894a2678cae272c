package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.amity.contracts.sharing.AuditChainHeadPublished;
import org.amity.contracts.sharing.ReferralRevoked;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The sharing service's revocation and audit-head events validate against their schemas, and bad ones do not. */
class SharingEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The violations of the event; {@link EventCodec#encode} refuses to send an invalid one. */
    static List<String> violations(String type, Object data) throws Exception {
        EventEnvelope event = EventCodec.newEvent(type, 1, UUID.randomUUID().toString(), UUID.randomUUID(), "sharing",
                DataProtectionScope.of("referral-revocation", "uk-gdpr-6-1-e"), data, List.of());
        try {
            return EventSchemas.violations(JSON.readTree(EventCodec.encode(event)));
        } catch (InvalidEventException e) {
            return e.violations();
        }
    }

    @Test
    void aRevocationNamesItsReasonAsACode() throws Exception {
        ReferralRevoked revoked = new ReferralRevoked(UUID.randomUUID(), 2, "kent-police", "AMY-ABCDEF2345",
                UUID.randomUUID(), 1, UUID.randomUUID(), "consent-withdrawn", Instant.now());
        assertThat(violations(ReferralRevoked.TYPE, revoked)).isEmpty();
        ReferralRevoked freeText = new ReferralRevoked(UUID.randomUUID(), 2, "kent-police", "AMY-ABCDEF2345",
                UUID.randomUUID(), 1, null, "the victim Jane Doe asked us to", Instant.now());
        assertThat(violations(ReferralRevoked.TYPE, freeText)).anyMatch(v -> v.startsWith("$.data.reason"));
    }

    @Test
    void theAuditHeadCarriesASha256() throws Exception {
        assertThat(violations(AuditChainHeadPublished.TYPE,
                new AuditChainHeadPublished(42, "a".repeat(64), Instant.now()))).isEmpty();
        assertThat(violations(AuditChainHeadPublished.TYPE,
                new AuditChainHeadPublished(42, "not a hash", Instant.now()))).isNotEmpty();
    }
}
