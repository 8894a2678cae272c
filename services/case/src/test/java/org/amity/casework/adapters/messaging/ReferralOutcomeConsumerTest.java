package org.amity.casework.adapters.messaging;

import static org.amity.casework.CaseFixtures.HOUSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.casework.CaseFixtures;
import org.amity.casework.application.CaseService;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.Topics;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.sharing.ReferralOutcomeRecorded;
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

/** Outcomes coming back from recipients through sharing.referral.v1, with crafted events against real Kafka. */
@QuarkusTest
class ReferralOutcomeConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    @Inject
    CaseService service;

    @Inject
    PersonalDataCipher cipher;

    UUID openCase() {
        EventEnvelope incident = CaseFixtures.incident(HOUSING, Instant.now().minus(1, ChronoUnit.HOURS),
                Instant.now().minus(3, ChronoUnit.HOURS), "tonbridge-and-malling", null, cipher);
        service.onIncidentReported(incident);
        return QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager
                .createNativeQuery("select id from case_file where incident_id = :id")
                .setParameter("id", CaseFixtures.incidentId(incident)).getSingleResult());
    }

    static String outcome(UUID referral, UUID caseId, boolean mayFlowBack, int code) {
        ReferralOutcomeRecorded data = new ReferralOutcomeRecorded(referral, caseId, "kent-police", UUID.randomUUID(), 2,
                mayFlowBack, "home-office", code, null, Instant.now());
        return EventCodec.encode(EventCodec.newEvent(ReferralOutcomeRecorded.TYPE, 1, referral.toString(),
                UUID.randomUUID(), "sharing", DataProtectionScope.of("case-management", "uk-gdpr-6-1-e"), data,
                List.of()));
    }

    void send(String key, String... values) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(Topics.SHARING_REFERRAL_V1, key, value)).get();
            }
        }
    }

    List<String> attached(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> codes = entityManager.createNativeQuery("select detail -> 'outcome' ->> 'homeOfficeOutcome' "
                    + "from case_history where case_id = :id and kind = 'RecipientOutcomeAttached' order by id")
                    .setParameter("id", caseId).getResultList();
            return codes.stream().map(String::valueOf).toList();
        });
    }

    @Test
    void outcomesAllowedBackAreAttachedOnceAndInOrder() throws Exception {
        UUID caseId = openCase();
        UUID referral = UUID.randomUUID();
        String first = outcome(referral, caseId, true, 0);
        send(referral.toString(), first, first, outcome(referral, caseId, false, 9), outcome(referral, caseId, true, 15),
                outcome(referral, caseId, true, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> attached(caseId).size() == 3);
        assertThat(attached(caseId)).containsExactly("0", "15", "1");
        TopicReader.await(bootstrapServers, Topics.CASEWORK_CASE_V1, r -> r.key().equals(caseId.toString())
                && r.value().contains("\"RecipientOutcomeAttached\""), Duration.ofSeconds(30));
    }

    @Test
    void anOutcomeForAnUnknownCaseGoesToTheDeadLetterTopicAndTheRestKeepFlowing() throws Exception {
        UUID caseId = openCase();
        UUID unknownReferral = UUID.randomUUID();
        send(unknownReferral.toString(), outcome(unknownReferral, UUID.randomUUID(), true, 8));
        UUID referral = UUID.randomUUID();
        send(referral.toString(), outcome(referral, caseId, true, 8));

        ConsumerRecord<String, String> dead = TopicReader.await(bootstrapServers, Topics.deadLetter("case"),
                r -> unknownReferral.toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("no case");
        await().atMost(Duration.ofSeconds(30)).until(() -> attached(caseId).size() == 1);
    }
}
