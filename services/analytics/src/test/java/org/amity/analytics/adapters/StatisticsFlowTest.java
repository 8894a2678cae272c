package org.amity.analytics.adapters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Strand;
import org.amity.contracts.Topics;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.amity.platform.testing.Tokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StatisticsFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    void send(CaseStatisticsRecorded facts) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        String payload = EventCodec.encode(EventCodec.newEvent(CaseStatisticsRecorded.TYPE, 1,
                facts.caseKey().toString(), UUID.randomUUID(), "case", DataProtectionScope.of("statistics", "uk-gdpr-6-1-e"),
                facts, List.of()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASEWORK_CASE_STATISTICS_V1, facts.caseKey().toString(), payload))
                    .get();
            // the same event again (a redelivery) must not count twice
            producer.send(new ProducerRecord<>(Topics.CASEWORK_CASE_STATISTICS_V1, facts.caseKey().toString(), payload))
                    .get();
        }
    }

    long count(String strand, String district) {
        List<Integer> counts = given().auth().oauth2(Tokens.clientToken("kent-community-safety"))
                .queryParam("strand", strand).queryParam("district", district)
                .when().get("/api/v1/statistics/incidents-by-strand")
                .then().statusCode(200).extract().path("rows.incidents");
        return counts.stream().mapToLong(Integer::longValue).sum();
    }

    @Test
    void aMultiStrandCaseCountsOnceInEachStrandAndRedeliveriesDoNotCount() throws Exception {
        long raceBefore = count("race", "thanet");
        long religionBefore = count("religion", "thanet");

        send(new CaseStatisticsRecorded(UUID.randomUUID(), LocalDate.now(), LocalDate.now(), "thanet",
                List.of(new Strand("race", null), new Strand("religion", "anti-muslim")), List.of("verbal-abuse"),
                true, "housing-provider", null, false, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("religion", "thanet") == religionBefore + 1);
        assertThat(count("race", "thanet")).isEqualTo(raceBefore + 1);
    }

    @Test
    void onlyAnalystsSeeStatistics() {
        given().when().get("/api/v1/statistics/incidents-by-strand").then().statusCode(401);
        given().auth().oauth2(Tokens.clientToken("kent-police")).when().get("/api/v1/statistics/incidents-by-strand")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.clientToken("kent-community-safety")).queryParam("strand", "Not A Code")
                .when().get("/api/v1/statistics/incidents-by-strand")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void analyticsSubscribesToTheStatisticsStreamAndNothingElse() {
        List<String> topics = StreamSupport.stream(ConfigProvider.getConfig().getPropertyNames().spliterator(), false)
                .filter(name -> name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic"))
                .map(name -> ConfigProvider.getConfig().getValue(name, String.class))
                .toList();
        assertThat(topics).containsExactly(Topics.CASEWORK_CASE_STATISTICS_V1);
    }
}
