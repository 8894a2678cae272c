package org.amity.analytics.adapters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.amity.analytics.application.CountsCatchUp;
import org.amity.analytics.domain.Period;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Strand;
import org.amity.contracts.Topics;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.amity.platform.testing.Tokens;
import org.amity.platform.testing.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Facts through Kafka into the figures: multi-strand counting, redeliveries and runs sent again (no inbox), poison events
 * to the dead-letter topic, updates of a case, a consumer a partition.
 */
@QuarkusTest
class StatisticsFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CountsCatchUp catchUp;

    @Inject
    KafkaClientService kafkaClients;

    void send(List<CaseStatisticsRecorded> facts) throws Exception {
        TestFacts.publishTwice(bootstrapServers, facts);
    }

    static CaseStatisticsRecorded facts(UUID key, Period year, List<Strand> strands) {
        return new CaseStatisticsRecorded(key, year.firstDay().plusDays(40), year.firstDay().plusDays(39), "thanet",
                strands, List.of("verbal-abuse"), true, "housing-provider", null, false, true, null, null, false,
                "west-kent-housing");
    }

    JsonPath strandTable(Period year) {
        return given().auth().oauth2(Tokens.clientToken("kent-community-safety"))
                .queryParam("period", year.label()).queryParam("district", "thanet")
                .when().get("/api/v1/statistics/tables/strand")
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> row(JsonPath table, String strand) {
        List<Map<String, Object>> rows = table.getList("table.rows");
        return rows.stream().filter(r -> strand.equals(r.get("value"))).findFirst().orElseThrow();
    }

    static Object total(JsonPath table, String strand) {
        return ((Map<?, ?>) row(table, strand).get("total")).get("incidents");
    }

    @Test
    void aMultiStrandCaseCountsOnceInEachStrandRedeliveriesDoNotCountAndTheLatestFactsWin() throws Exception {
        Period year = TestFacts.freshYear(dataSource);
        List<UUID> keys = new ArrayList<>();
        List<CaseStatisticsRecorded> facts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(UUID.randomUUID());
            facts.add(facts(keys.get(i), year, List.of(new Strand("race", null), new Strand("religion", "anti-muslim"))));
        }
        send(facts);
        await().atMost(Duration.ofSeconds(60)).until(() -> catchUp.catchUp() >= 0 && Integer.valueOf(6).equals(total(strandTable(year), "religion")));
        assertThat(total(strandTable(year), "race")).isEqualTo(6);
        assertThat(strandTable(year).getInt("table.totals.total.incidents")).isEqualTo(6);

        // the case changes: religion no longer applies; and another case is added with disability alone
        send(List.of(facts(keys.get(0), year, List.of(new Strand("race", null))),
                facts(UUID.randomUUID(), year, List.of(new Strand("disability", null)))));
        await().atMost(Duration.ofSeconds(60)).until(() -> catchUp.catchUp() >= 0 && Integer.valueOf(5).equals(total(strandTable(year), "religion")));
        JsonPath table = strandTable(year);
        assertThat(total(table, "race")).isEqualTo(6);
        assertThat(table.getInt("table.totals.total.incidents")).isEqualTo(7);
        // one disability incident: suppressed, with no count
        assertThat(((Map<?, ?>) row(table, "disability").get("total")).get("suppressed")).isEqualTo(true);
        assertThat(((Map<?, ?>) row(table, "disability").get("total")).get("incidents")).isNull();
    }

    /**
     * A run of events sent again after later ones (an outbox relay that stopped between sending and forgetting its
     * batch sends the whole batch again): the case ends with its latest facts, counted once, and the consumer, which
     * keeps no inbox, marked none of the events there.
     */
    @Test
    void aRunOfEventsSentAgainEndsWithTheLatestFactsAndNoInboxRowIsWritten() throws Exception {
        Instant start = Instant.now();
        Period year = TestFacts.freshYear(dataSource);
        // five cases that change strand and five that do not (counts of five: above the suppression threshold)
        List<CaseStatisticsRecorded> statements = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID moving = UUID.randomUUID();
            statements.add(facts(moving, year, List.of(new Strand("race", null))));
            statements.add(facts(UUID.randomUUID(), year, List.of(new Strand("disability", null))));
            statements.add(facts(moving, year, List.of(new Strand("sexual-orientation", null))));
        }
        List<String> run = TestFacts.events(statements);
        List<String> sent = new ArrayList<>(run);
        sent.addAll(run);
        TestFacts.publish(bootstrapServers, sent);

        await().atMost(Duration.ofSeconds(60)).until(() -> catchUp.catchUp() >= 0
                && Integer.valueOf(5).equals(total(strandTable(year), "sexual-orientation"))
                && Integer.valueOf(5).equals(total(strandTable(year), "disability")));
        JsonPath table = strandTable(year);
        assertThat(table.getInt("table.totals.total.incidents")).isEqualTo(10);
        assertThat(total(table, "race")).as("the moving cases' earlier strand").isEqualTo(0);
        try (Connection c = dataSource.getConnection(); PreparedStatement marks = c.prepareStatement(
                "select count(*) from processed_event where consumer = ? and processed_at >= ?")) {
            marks.setString(1, "analytics.case-statistics");
            marks.setObject(2, start.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = marks.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).as("inbox rows written by the statistics consumer").isZero();
            }
        }
    }

    /**
     * A record that is not an event, and a statistics event that carries a field its schema does not admit (here a
     * person's name), go to the dead-letter topic with their reason; neither is recorded, and the events around them
     * in the same partition are.
     */
    @Test
    void poisonEventsGoToTheDeadLetterTopicAndTheEventsAroundThemAreRecorded() throws Exception {
        Period year = TestFacts.freshYear(dataSource);
        UUID key = UUID.randomUUID();
        UUID named = UUID.randomUUID();
        List<String> good = TestFacts.events(List.of(facts(key, year, List.of(new Strand("race", null))),
                facts(key, year, List.of(new Strand("religion", null)))));
        String withAName = TestFacts.events(List.of(facts(named, year, List.of(new Strand("race", null))))).get(0)
                .replace("\"caseKey\":", "\"victimName\":\"Jane Doe\",\"caseKey\":");
        assertThat(withAName).contains("Jane Doe");
        TestFacts.publishUnder(bootstrapServers, key.toString(),
                List.of(good.get(0), "{\"this is\": \"not an event\"}", withAName, good.get(1)));

        ConsumerRecord<String, String> notAnEvent = TopicReader.await(bootstrapServers, "analytics.dead-letter.v1",
                r -> key.toString().equals(r.key()) && r.value().contains("not an event"), Duration.ofSeconds(60));
        ConsumerRecord<String, String> rejected = TopicReader.await(bootstrapServers, "analytics.dead-letter.v1",
                r -> key.toString().equals(r.key()) && r.value().contains(named.toString()), Duration.ofSeconds(60));
        assertThat(new String(rejected.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("victimName");
        assertThat(notAnEvent.headers().lastHeader("dead-letter-reason")).isNotNull();
        await().atMost(Duration.ofSeconds(60)).until(() -> factColumn("select last_event_id from case_fact where case_key = ?",
                key) != null);
        assertThat(factColumn("select last_event_id::text from case_fact where case_key = ?", key))
                .as("the last good event stated the facts").isEqualTo(EventCodec.decode(good.get(1)).eventId().toString());
        assertThat(factColumn("select case_key::text from case_fact where case_key = ?", named)).as("the named case").isNull();
    }

    /** One value from the facts of a case, or null when the case has none. */
    String factColumn(String sql, UUID caseKey) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, caseKey);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    @Test
    void everyPartitionHasAConsumerOfItsOwnAndEachCaseEndsWithItsLatestFacts() throws Exception {
        int partitions;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            partitions = admin.describeTopics(List.of(Topics.CASEWORK_CASE_STATISTICS_V1)).allTopicNames().get()
                    .get(Topics.CASEWORK_CASE_STATISTICS_V1).partitions().size();
        }
        assertThat(partitions).isGreaterThan(1);
        // this service's own consumers of the channel (not whatever the broker still lists for the group)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            // the channel's copies are channels of their own: case-statistics$1, $2, ...
            List<KafkaConsumer<Object, Object>> consumers = kafkaClients.getConsumerChannels().stream()
                    .filter(channel -> channel.equals("case-statistics") || channel.startsWith("case-statistics$"))
                    .flatMap(channel -> kafkaClients.<Object, Object>getConsumers(channel).stream()).toList();
            assertThat(consumers).hasSize(partitions);
            for (KafkaConsumer<Object, Object> consumer : consumers) {
                assertThat(consumer.getAssignments().await().atMost(Duration.ofSeconds(10))).hasSize(1);
            }
        });

        // forty cases stated four times each, the statements of all of them interleaved: each case's key keeps its
        // statements in one partition, so its consumer takes them in order while the others work on theirs
        Period year = TestFacts.freshYear(dataSource);
        List<String> strands = List.of("race", "religion", "sexual-orientation", "disability");
        List<UUID> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(UUID.randomUUID());
        }
        List<CaseStatisticsRecorded> statements = new ArrayList<>();
        for (String strand : strands) {
            keys.forEach(key -> statements.add(facts(key, year, List.of(new Strand(strand, null)))));
        }
        send(statements);

        await().atMost(Duration.ofSeconds(60)).until(() -> catchUp.catchUp() >= 0
                && Integer.valueOf(40).equals(total(strandTable(year), "disability")));
        JsonPath table = strandTable(year);
        assertThat(table.getInt("table.totals.total.incidents")).isEqualTo(40);
        for (String earlier : strands.subList(0, 3)) {
            assertThat(((Map<?, ?>) row(table, earlier).get("total")).get("incidents")).as(earlier).isEqualTo(0);
        }
    }

    @Test
    void analyticsSubscribesToTheStatisticsStreamAndNothingElse() {
        List<String> topics = StreamSupport.stream(ConfigProvider.getConfig().getPropertyNames().spliterator(), false)
                .filter(name -> name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic"))
                .map(name -> ConfigProvider.getConfig().getValue(name, String.class))
                .toList();
        assertThat(topics).containsExactly(Topics.CASEWORK_CASE_STATISTICS_V1);

        List<String> channels = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.amity.analytics")) {
            Arrays.stream(c.reflect().getDeclaredMethods()).map(m -> m.getAnnotation(Incoming.class))
                    .filter(java.util.Objects::nonNull).forEach(in -> channels.add(in.value()));
        }
        assertThat(channels).containsExactly("case-statistics");
        assertThat(ConfigProvider.getConfig().getValue("mp.messaging.incoming.case-statistics.topic", String.class))
                .isEqualTo(Topics.CASEWORK_CASE_STATISTICS_V1);
    }

}
