package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.amity.contracts.intake.IncidentReported;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.InMemorySubjectKeyStore;
import org.amity.contracts.personal.PersonalDataCipher;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    static IncidentReported incident(UUID victim) {
        return new IncidentReported(UUID.randomUUID(), "west-kent-housing", "housing-provider", "WKH-2026-0001",
                "machine-api", Instant.parse("2026-11-20T10:15:30Z"), Instant.parse("2026-11-19T21:00:00Z"), null,
                "sevenoaks", List.of(new Strand("race", null)), List.of("verbal-abuse"), true, "victim", false,
                "25-34", victim, List.of(new ConsentChoice(UUID.randomUUID(), 1, "kent-police", null, "investigation",
                        "identifiable", "verbal", "west-kent-housing", Instant.parse("2026-11-20T10:00:00Z"))),
                Instant.parse("2026-11-20T09:00:00Z"), null, null, null, null);
    }

    static EventEnvelope event(Object data, String type, List<EncryptedPersonalData> personal) {
        return EventCodec.newEvent(type, 1, UUID.randomUUID().toString(), UUID.randomUUID(), "intake",
                DataProtectionScope.of("case-management", "uk-gdpr-6-1-e"), data, personal);
    }

    @Test
    void roundTripsAValidEventWithItsEncryptedPersonalPart() {
        PersonalDataCipher cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
        UUID victim = UUID.randomUUID();
        EncryptedPersonalData part = cipher.seal(victim, "victim", "{\"name\":\"Canary Person\"}".getBytes());
        EventEnvelope sent = event(incident(victim), IncidentReported.TYPE, List.of(part));

        String json = EventCodec.encode(sent);
        EventEnvelope received = EventCodec.decode(json);

        assertThat(json).doesNotContain("Canary");
        assertThat(received.eventId()).isEqualTo(sent.eventId());
        assertThat(EventCodec.data(received, IncidentReported.class)).isEqualTo(EventCodec.data(sent, IncidentReported.class));
        assertThat(received.personal()).containsExactly(part);
    }

    @Test
    void theEnvelopeReadFieldByFieldIsTheOneJacksonMapsFromTheWholeTree() throws Exception {
        PersonalDataCipher cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
        UUID victim = UUID.randomUUID();
        List<EventEnvelope> events = List.of(
                event(incident(victim), IncidentReported.TYPE, List.of(
                        cipher.seal(victim, "victim", "{\"name\":\"A\"}".getBytes()),
                        cipher.seal(UUID.randomUUID(), "reporter", "{\"name\":\"B\"}".getBytes()))),
                event(incident(victim), IncidentReported.TYPE, List.of()),
                EventCodec.newEvent(IncidentReported.TYPE, 1, "AMY-7K2Q9X", UUID.randomUUID(), "intake",
                        new DataProtectionScope("referral", "uk-gdpr-6-1-e", UUID.randomUUID(), 2,
                                List.of(UUID.randomUUID(), UUID.randomUUID())), incident(victim), List.of()));
        for (EventEnvelope sent : events) {
            String json = EventCodec.encode(sent);
            EventEnvelope received = EventCodec.decode(json);
            assertThat(received).isEqualTo(EventCodec.JSON.readValue(json, EventEnvelope.class)).isEqualTo(sent);
        }
    }

    @Test
    void anEnvelopeThatPassesItsSchemaButDoesNotMapIsRejected() {
        String json = EventCodec.encode(event(incident(UUID.randomUUID()), IncidentReported.TYPE, List.of()));
        String badTime = json.replaceFirst("\"occurredAt\":\"[^\"]+\"", "\"occurredAt\":\"2026-13-45T99:99:99Z\"");
        String hugeVersion = json.replaceFirst("\"schemaVersion\":1", "\"schemaVersion\":99999999999");
        assertThat(badTime).isNotEqualTo(json);
        assertThat(hugeVersion).isNotEqualTo(json);
        assertThatThrownBy(() -> EventCodec.decode(badTime)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("envelope does not map");
        assertThatThrownBy(() -> EventCodec.decode(hugeVersion)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void theUncheckedEncodingWritesTheSameJsonAsTheCheckedOne() {
        PersonalDataCipher cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
        UUID victim = UUID.randomUUID();
        EventEnvelope sent = event(incident(victim), IncidentReported.TYPE,
                List.of(cipher.seal(victim, "victim", "{\"name\":\"Canary Person\"}".getBytes())));

        assertThat(EventCodec.encodeUnchecked(sent)).isEqualTo(EventCodec.encode(sent));
    }

    @Test
    void refusesToSendAnEventThatBreaksItsSchema() {
        IncidentReported valid = incident(null);
        IncidentReported badDistrict = new IncidentReported(valid.incidentId(), valid.sourceOrganisation(),
                valid.sourceOrganisationType(), valid.sourceReference(), valid.channel(), valid.receivedAt(),
                valid.occurredFrom(), null, "Not A Code", List.of(), valid.incidentTypes(), true, "victim", true,
                null, null, List.of(), null, null, null, null, null);

        assertThatThrownBy(() -> EventCodec.encode(event(badDistrict, IncidentReported.TYPE, List.of())))
                .isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(((InvalidEventException) e).violations())
                        .anyMatch(v -> v.startsWith("$.data.district"))
                        .anyMatch(v -> v.startsWith("$.data.strands")));
    }

    @Test
    void rejectsPayloadsThatAreNotEventsOnReceipt() {
        assertThatThrownBy(() -> EventCodec.decode("{not json")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("[]")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"eventType\":\"IncidentReported\"}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("eventId");
    }

    @Test
    void rejectsAnUnknownEventType() {
        String json = EventCodec.encode(event(incident(null), IncidentReported.TYPE, List.of()))
                .replace("\"IncidentReported\"", "\"IncidentInvented\"");
        assertThatThrownBy(() -> EventCodec.decode(json)).hasMessageContaining("no schema for IncidentInvented");
    }

    @Test
    void aStatisticsEventCannotCarryAPersonalPart() {
        PersonalDataCipher cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
        CaseStatisticsRecorded stats = new CaseStatisticsRecorded(UUID.randomUUID(), LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 19), "sevenoaks", List.of(new Strand("race", null)), List.of("verbal-abuse"),
                true, "housing-provider", null, false, null);
        EventEnvelope withPersonal = event(stats, CaseStatisticsRecorded.TYPE,
                List.of(cipher.seal(UUID.randomUUID(), "victim", new byte[] {1})));

        assertThat(EventCodec.decode(EventCodec.encode(event(stats, CaseStatisticsRecorded.TYPE, List.of()))).data())
                .isNotNull();
        assertThatThrownBy(() -> EventCodec.encode(withPersonal)).hasMessageContaining("never carries personal data");
    }
}
