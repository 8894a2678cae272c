package org.amity.casework.adapters.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.contracts.ConsentChoice;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.Strand;
import org.amity.contracts.Topics;
import org.amity.contracts.casework.CaseOpened;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.amity.contracts.intake.IncidentReported;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.VictimDetails;
import org.amity.platform.testing.Tokens;
import org.amity.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IncidentReportedConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    @Inject
    PersonalDataCipher cipher;

    EventEnvelope incidentReported(UUID incidentId, UUID victim, List<EncryptedPersonalData> personal) {
        IncidentReported data = new IncidentReported(incidentId, "west-kent-housing", "housing-provider", null,
                "machine-api", Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-19T20:00:00Z"), null,
                "sevenoaks", List.of(new Strand("religion", "anti-muslim")), List.of("verbal-abuse"), true, "victim",
                victim == null, null, victim,
                victim == null ? List.of() : List.of(new ConsentChoice(UUID.randomUUID(), 1, "kent-police", null,
                        "investigation", "identifiable", "verbal", "west-kent-housing",
                        Instant.parse("2026-11-20T09:55:00Z"))),
                null, null, null, null, null);
        return EventCodec.newEvent(IncidentReported.TYPE, 1, incidentId.toString(), UUID.randomUUID(), "intake",
                DataProtectionScope.of("case-management", "uk-gdpr-6-1-e"), data, personal);
    }

    void send(String key, String value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.INTAKE_INCIDENT_V1, key, value)).get();
        }
    }

    long casesFor(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from case_file where incident_id = :id")
                .setParameter("id", incidentId).getSingleResult()).longValue());
    }

    @Test
    void opensOneCaseEvenWhenTheEventArrivesTwice() throws Exception {
        UUID incidentId = UUID.randomUUID();
        UUID victim = UUID.randomUUID();
        EncryptedPersonalData sealed = cipher.seal(victim, VictimDetails.ROLE,
                EventCodec.bytes(new VictimDetails("Canary Person", null, "01234 567890", "phone")));
        String payload = EventCodec.encode(incidentReported(incidentId, victim, List.of(sealed)));

        send(incidentId.toString(), payload);
        send(incidentId.toString(), payload);

        ConsumerRecord<String, String> opened = TopicReader.await(bootstrapServers, Topics.CASEWORK_CASE_V1,
                r -> r.value().contains(incidentId.toString()), Duration.ofSeconds(30));
        CaseOpened caseOpened = EventCodec.data(EventCodec.decode(opened.value()), CaseOpened.class);
        assertThat(caseOpened.ownerOrganisation()).isEqualTo("west-kent-housing");
        assertThat(caseOpened.contactDueBy()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(caseOpened.consents()).hasSize(1);
        assertThat(EventCodec.decode(opened.value()).personal()).containsExactly(sealed);

        // a third, distinct event for the same incident (same report re-sent) must not open another case
        send(incidentId.toString(), EventCodec.encode(incidentReported(incidentId, victim, List.of(sealed))));
        String marker = UUID.randomUUID().toString();
        UUID otherIncident = UUID.fromString(marker);
        send(marker, EventCodec.encode(incidentReported(otherIncident, null, List.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> casesFor(otherIncident) == 1);
        assertThat(casesFor(incidentId)).isEqualTo(1);

        given().auth().oauth2(Tokens.clientToken("west-kent-housing"))
                .when().get("/api/v1/cases/" + caseOpened.caseId())
                .then().statusCode(200).body("district", equalTo("sevenoaks"));
        given().auth().oauth2(Tokens.clientToken("kent-police"))
                .when().get("/api/v1/cases/" + caseOpened.caseId())
                .then().statusCode(404);
    }

    UUID statisticsKeyOf(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> keys = entityManager.createNativeQuery("select statistics_key from case_file where incident_id = :id")
                    .setParameter("id", incidentId).getResultList();
            return keys.isEmpty() ? null : (UUID) keys.get(0);
        });
    }

    @Test
    void publishesStatisticsWithoutPersonalData() throws Exception {
        UUID incidentId = UUID.randomUUID();
        UUID victim = UUID.randomUUID();
        EncryptedPersonalData sealed = cipher.seal(victim, VictimDetails.ROLE,
                EventCodec.bytes(new VictimDetails("Canary Person", null, null, null)));
        send(incidentId.toString(), EventCodec.encode(incidentReported(incidentId, victim, List.of(sealed))));

        UUID statisticsKey = await().atMost(Duration.ofSeconds(30)).until(() -> statisticsKeyOf(incidentId),
                k -> k != null);
        ConsumerRecord<String, String> record = TopicReader.await(bootstrapServers, Topics.CASEWORK_CASE_STATISTICS_V1,
                r -> r.key().equals(statisticsKey.toString()), Duration.ofSeconds(30));
        EventEnvelope event = EventCodec.decode(record.value());
        assertThat(event.personal()).isEmpty();
        assertThat(record.value()).doesNotContain(victim.toString()).doesNotContain(incidentId.toString());
        assertThat(EventCodec.data(event, CaseStatisticsRecorded.class).strands())
                .containsExactly(new Strand("religion", "anti-muslim"));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheRestKeepFlowing() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        send(poisonKey, "{\"this is\": \"not an event\"}");
        UUID after = UUID.randomUUID();
        send(after.toString(), EventCodec.encode(incidentReported(after, null, List.of())));

        ConsumerRecord<String, String> dead = TopicReader.await(bootstrapServers, "case.dead-letter.v1",
                r -> poisonKey.equals(r.key()), Duration.ofSeconds(30));
        assertThat(dead.value()).isEqualTo("{\"this is\": \"not an event\"}");
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("eventId");
        await().atMost(Duration.ofSeconds(30)).until(() -> casesFor(after) == 1);
    }
}
