package org.amity.analytics.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.amity.analytics.application.CountsCatchUp;

import org.amity.analytics.application.TensionWatch;
import org.amity.analytics.domain.Statistics;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.Strand;
import org.amity.contracts.Topics;
import org.amity.contracts.analytics.TensionSpikeDetected;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rise in a district today, through Kafka (every event delivered twice), is alerted on {@code analytics.tension.v1}
 * once, however often detection runs, with counts only and no small numbers.
 */
@QuarkusTest
class TensionAlertTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TensionWatch watch;

    @Inject
    Statistics statistics;

    @Inject
    CountsCatchUp catchUp;

    @Inject
    AgroalDataSource dataSource;

    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    /** A strand code of this run's own, so that no other test or earlier run counts in it. */
    final String strand = "tension-test-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);

    static CaseStatisticsRecorded incident(LocalDate day, String district, String strand) {
        return new CaseStatisticsRecorded(UUID.randomUUID(), day, day, district, List.of(new Strand(strand, null)),
                List.of("verbal-abuse"), true, "police", 0, false, null, "hate-crime", null, false, "kent-police");
    }

    long today(String district) {
        catchUp.catchUp(); // the daily counts follow the facts recorded so far
        return statistics.daily(today, today.plusDays(1)).stream()
                .filter(c -> c.district().equals(district) && c.strand().equals(strand))
                .mapToLong(Statistics.DayCount::incidents).sum();
    }

    @Test
    void aSpikeIsAlertedOnceWithItsDistrictStrandAndCountsAndNoPersonalPart() throws Exception {
        List<CaseStatisticsRecorded> facts = new ArrayList<>();
        for (int d = 2; d <= 28; d += 2) { // one every other day: a baseline of 14 in 28 days
            facts.add(incident(today.minusDays(d), "dover", strand));
        }
        for (int i = 0; i < 9; i++) {
            facts.add(incident(today, "dover", strand));
        }
        facts.add(incident(today.minusDays(5), "thanet", strand)); // a baseline of 1 in Thanet...
        for (int i = 0; i < 6; i++) {
            facts.add(incident(today, "thanet", strand)); // ...then six today
        }
        TestFacts.publishTwice(bootstrapServers, facts);
        await().atMost(Duration.ofSeconds(60)).until(() -> today("dover") == 9 && today("thanet") == 6);

        watch.detect(today);
        UUID dover = spikeIdOf("dover");
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsOnTopic().getOrDefault(dover.toString(), List.of()).size() == 1);

        // detection again (and again, as the schedule does) finds the same spike and sends nothing new
        assertThat(watch.detect(today)).isZero();
        assertThat(watch.detect(today)).isZero();
        assertThat(pendingInOutbox()).isZero();
        Map<String, List<EventEnvelope>> alerts = alertsOnTopic();
        assertThat(alerts.get(dover.toString())).hasSize(1);

        EventEnvelope event = alerts.get(dover.toString()).get(0);
        assertThat(event.personal()).isNullOrEmpty();
        assertThat(event.source()).isEqualTo("analytics");
        TensionSpikeDetected spike = EventCodec.data(event, TensionSpikeDetected.class);
        assertThat(spike.day()).isEqualTo(today);
        assertThat(spike.district()).isEqualTo("dover");
        assertThat(spike.strand()).isEqualTo(strand);
        assertThat(spike.incidents()).isEqualTo(9);
        assertThat(spike.baselineDays()).isEqualTo(28);
        assertThat(spike.baselineMean()).isEqualTo(0.5);
        assertThat(spike.baselineSuppressed()).isFalse();
        assertThat(spike.suppressionThreshold()).isEqualTo(4);

        // Thanet: six today is a spike, but its baseline of one incident is not given
        UUID thanet = spikeIdOf("thanet");
        assertThat(alerts.get(thanet.toString())).singleElement().satisfies(e -> {
            TensionSpikeDetected t = EventCodec.data(e, TensionSpikeDetected.class);
            assertThat(t.incidents()).isEqualTo(6);
            assertThat(t.baselineSuppressed()).isTrue();
            assertThat(t.baselineMean()).isNull();
            assertThat(e.data().has("baselineMean")).isFalse();
        });
    }

    UUID spikeIdOf(String district) {
        return UUID.nameUUIDFromBytes(("tension-spike|" + today + "|" + district + "|" + strand)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    int pendingInOutbox() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from outbox_message where topic = ?")) {
            q.setString(1, Topics.ANALYTICS_TENSION_V1);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Every alert on the topic, by key, read from the beginning to the current end. */
    Map<String, List<EventEnvelope>> alertsOnTopic() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<EventEnvelope>> byKey = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ANALYTICS_TENSION_V1).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope event = EventCodec.decode(record.value());
                    assertThat(event.eventType()).isEqualTo(TensionSpikeDetected.TYPE);
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
                }
            }
        }
        return byKey;
    }
}
