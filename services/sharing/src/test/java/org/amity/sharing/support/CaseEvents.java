package org.amity.sharing.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.amity.contracts.ConsentChoice;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Strand;
import org.amity.contracts.Topics;
import org.amity.contracts.casework.CaseOpened;
import org.amity.contracts.casework.CaseTriaged;
import org.amity.contracts.casework.ConsentWithdrawn;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.platform.testing.Tokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Case events as the case service publishes them, sent to the real Kafka; and REST shorthands for the tests. */
public final class CaseEvents {

    public static String caseOpened(UUID caseId, String owner, Strand strand, List<ConsentChoice> consents,
            List<EncryptedPersonalData> personal, UUID victim) {
        CaseOpened data = new CaseOpened(caseId, UUID.randomUUID(), owner, "housing-provider",
                Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-19T20:00:00Z"), null, "dartford",
                List.of(strand), List.of("harassment"), true, "victim", victim == null, "45-54", victim, consents,
                Instant.parse("2026-11-22T00:00:00Z"));
        return EventCodec.encode(EventCodec.newEvent(CaseOpened.TYPE, 1, caseId.toString(), UUID.randomUUID(), "case",
                DataProtectionScope.of("case-management", "uk-gdpr-6-1-e"), data, personal));
    }

    public static String consentWithdrawn(UUID caseId, ConsentChoice consent) {
        ConsentWithdrawn data = new ConsentWithdrawn(caseId, consent.consentId(), consent.version() + 1,
                consent.recipientOrganisation(), consent.recipientType(), consent.purpose(), Instant.now());
        return EventCodec.encode(EventCodec.newEvent(ConsentWithdrawn.TYPE, 1, caseId.toString(), UUID.randomUUID(),
                "case", DataProtectionScope.of("case-management", "uk-gdpr-6-1-e"), data, List.of()));
    }

    public static String caseTriaged(UUID caseId, List<Strand> strands) {
        CaseTriaged data = new CaseTriaged(caseId, "hate-crime", "non-crime-hate-incident", strands, true,
                "strands-corrected", "officer", Instant.now());
        return EventCodec.encode(EventCodec.newEvent(CaseTriaged.TYPE, 1, caseId.toString(), UUID.randomUUID(),
                "case", DataProtectionScope.of("case-management", "uk-gdpr-6-1-e"), data, List.of()));
    }

    public static ConsentChoice identifiableConsent(String to, String purpose) {
        return new ConsentChoice(UUID.randomUUID(), 1, to, null, purpose, "identifiable", "written",
                "west-kent-housing", Instant.parse("2026-11-20T09:00:00Z"));
    }

    public static void send(String bootstrapServers, String key, String payload) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASEWORK_CASE_V1, key, payload)).get();
        }
    }

    public static Response get(String token, String path) {
        return given().auth().oauth2(token).when().get(path);
    }

    public static Response post(String token, String path, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).when().post(path);
    }

    public static String client(String organisation) {
        return Tokens.clientToken(organisation);
    }

    public static String user(String username) {
        return Tokens.userToken(username);
    }

    private CaseEvents() {
    }
}
