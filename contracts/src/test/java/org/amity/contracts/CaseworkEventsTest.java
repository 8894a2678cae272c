package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.amity.contracts.analytics.TensionSpikeDetected;
import org.amity.contracts.casework.CaseOutcomeRecorded;
import org.amity.contracts.casework.ConsentRecorded;
import org.amity.contracts.sharing.AuditChainHeadPublished;
import org.amity.contracts.sharing.ReferralOutcomeRecorded;
import org.amity.contracts.sharing.ReferralRevoked;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The events of a case's life (besides {@code CaseOpened}) and the referral outcomes carry codes, ids,
 * instants and flags only: no field of their {@code data} can hold free text, so none can carry a name,
 * a contact detail, an address, a date of birth or a narrative.
 */
class CaseworkEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CODED_DEFINITIONS = Set.of("code", "uuid", "instant", "date", "actor",
            "housingOutcome", "strands", "codes", "sha256",
            "caseReference");

    private static JsonNode schema(String file) throws Exception {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream("schemas/" + file)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void noFieldOfACaseEventHoldsFreeText() throws Exception {
        List<String> free = new ArrayList<>();
        for (String type : EventSchemas.eventTypes()) {
            if (Set.of("IncidentReported", "CaseOpened", "ReferralShared").contains(type)) {
                continue;
            }
            boolean sharing = Set.of(ReferralOutcomeRecorded.TYPE, ReferralRevoked.TYPE, AuditChainHeadPublished.TYPE)
                    .contains(type);
            boolean analytics = type.equals(TensionSpikeDetected.TYPE);
            String file = (sharing ? "sharing/" : analytics ? "analytics/" : "casework/") + type + ".v1.schema.json";
            JsonNode schema = schema(file);
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(type + " closed").isFalse();
            for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
                if (!coded(field.getValue())) {
                    free.add(type + "." + field.getKey());
                }
            }
        }
        assertThat(free).isEmpty();
    }

    private static boolean coded(JsonNode property) {
        if (property.has("enum") || property.has("const")) {
            return true;
        }
        String type = property.path("type").asText();
        if (type.equals("integer") || type.equals("number") || type.equals("boolean")) {
            return true;
        }
        if (type.equals("array")) {
            return coded(property.path("items"));
        }
        String ref = property.path("$ref").asText();
        return CODED_DEFINITIONS.contains(ref.substring(ref.lastIndexOf('/') + 1));
    }

    static EventEnvelope event(String type, Object data) {
        return EventCodec.newEvent(type, 1, UUID.randomUUID().toString(), UUID.randomUUID(), "case",
                DataProtectionScope.of("case-management", "uk-gdpr-6-1-e"), data, List.of());
    }

    @Test
    void anOutcomeNamesExactlyOneSchemeAndACodeOfIt() {
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        String valid = EventCodec.encode(event(CaseOutcomeRecorded.TYPE,
                new CaseOutcomeRecorded(caseId, "home-office", 8, null, "officer@kent-police", now)));
        assertThat(EventCodec.data(EventCodec.decode(valid), CaseOutcomeRecorded.class).homeOfficeOutcome()).isEqualTo(8);

        assertThatThrownBy(() -> EventCodec.encode(event(CaseOutcomeRecorded.TYPE,
                new CaseOutcomeRecorded(caseId, "home-office", 23, null, "officer", now))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("homeOfficeOutcome");
        assertThatThrownBy(() -> EventCodec.encode(event(CaseOutcomeRecorded.TYPE,
                new CaseOutcomeRecorded(caseId, "housing", 8, "mediation", "officer", now))))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.encode(event(ReferralOutcomeRecorded.TYPE,
                new ReferralOutcomeRecorded(UUID.randomUUID(), caseId, "kent-police", UUID.randomUUID(), 1, true,
                        "housing", null, "eviction-by-force", now))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("housingOutcome");
    }

    @Test
    void aConsentEventNamesARecipientAndNothingPersonal() {
        ConsentRecorded consent = new ConsentRecorded(UUID.randomUUID(), UUID.randomUUID(), 1, "kent-police", null,
                "investigation", "identifiable", Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(EventCodec.decode(EventCodec.encode(event(ConsentRecorded.TYPE, consent))).eventType())
                .isEqualTo(ConsentRecorded.TYPE);
        assertThatThrownBy(() -> EventCodec.encode(event(ConsentRecorded.TYPE, new ConsentRecorded(
                consent.caseId(), consent.consentId(), 1, "Jane Smith", null, "investigation", "identifiable",
                consent.givenAt())))).isInstanceOf(InvalidEventException.class);
    }
}
