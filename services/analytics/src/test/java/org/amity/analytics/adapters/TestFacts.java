package org.amity.analytics.adapters;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.amity.analytics.domain.CaseFacts;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Topics;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.amity.analytics.domain.Period;

import io.agroal.api.AgroalDataSource;

/**
 * Facts for component tests. The database outlives a test run, so each test class counts in a financial year of
 * its own, picked at random in the past century and emptied first.
 */
final class TestFacts {

    private TestFacts() {
    }

    /** Years handed out in this JVM: a test's year and the years beside it are nobody else's. */
    private static final java.util.Set<Integer> USED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A financial year nobody else counts in, emptied with the years before and after it (a rolling year or a
     * baseline reaches into them), none of which another test of this run has.
     */
    /** A one-number query with a period's first and end day as its two parameters. */
    static long scalar(AgroalDataSource dataSource, String sql, LocalDate from, LocalDate to) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setDate(1, Date.valueOf(from));
            q.setDate(2, Date.valueOf(to));
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static synchronized Period freshYear(AgroalDataSource dataSource) {
        int start;
        do {
            start = ThreadLocalRandom.current().nextInt(1901, 1999);
        } while (USED.contains(start - 1) || USED.contains(start) || USED.contains(start + 1));
        USED.add(start);
        Period year = Period.financialYear(start);
        LocalDate from = Period.financialYear(start - 1).firstDay();
        LocalDate to = Period.financialYear(start + 1).endDay();
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of("delete from dirty_cell where month >= ? and month < ?",
                    "delete from monthly_count_cell where month >= ? and month < ?",
                    "delete from quarterly_count_cell where quarter >= ? and quarter < ?",
                    "delete from area_monthly_count where month >= ? and month < ?",
                    "delete from source_monthly_count where month >= ? and month < ?",
                    "delete from daily_count_cell where month >= ? and month < ?",
                    "delete from tension_spike where day >= ? and day < ?",
                    "delete from case_fact where received_on >= ? and received_on < ?")) {
                try (PreparedStatement delete = c.prepareStatement(sql)) {
                    delete.setDate(1, Date.valueOf(from));
                    delete.setDate(2, Date.valueOf(to));
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return year;
    }

    /** Each statement of facts as the event the case service would write to its outbox (a fresh event id each). */
    static List<String> events(List<CaseStatisticsRecorded> facts) {
        return facts.stream().map(f -> EventCodec.encode(EventCodec.newEvent(CaseStatisticsRecorded.TYPE, 1,
                f.caseKey().toString(), UUID.randomUUID(), "case", DataProtectionScope.of("statistics", "uk-gdpr-6-1-e"),
                f, List.of()))).toList();
    }

    /** Publishes events on the statistics topic in this order, keyed by their case as the case service keys them. */
    static void publish(String bootstrapServers, List<String> events) throws Exception {
        publish(bootstrapServers, events.stream().map(event -> new ProducerRecord<>(Topics.CASEWORK_CASE_STATISTICS_V1,
                EventCodec.decode(event).aggregateId(), event)).toList());
    }

    /** Publishes values on the statistics topic under one key, so in one partition and in this order. */
    static void publishUnder(String bootstrapServers, String key, List<String> values) throws Exception {
        publish(bootstrapServers,
                values.stream().map(value -> new ProducerRecord<>(Topics.CASEWORK_CASE_STATISTICS_V1, key, value)).toList());
    }

    private static void publish(String bootstrapServers, Collection<ProducerRecord<String, String>> records)
            throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get();
            }
        }
    }

    /** Publishes the facts on the statistics topic as the case service would, each event twice (a redelivery). */
    static void publishTwice(String bootstrapServers, List<CaseStatisticsRecorded> facts) throws Exception {
        List<String> twice = new ArrayList<>();
        // the same event again at once (a redelivery) must not count twice
        events(facts).forEach(event -> twice.addAll(List.of(event, event)));
        publish(bootstrapServers, twice);
    }

    static CaseFacts facts(LocalDate receivedOn, String district, String sourceOrganisation, List<String> strands) {
        return facts(UUID.randomUUID(), receivedOn, district, sourceOrganisation, strands);
    }

    static CaseFacts facts(UUID key, LocalDate receivedOn, String district, String sourceOrganisation,
            List<String> strands) {
        return new CaseFacts(key, receivedOn, receivedOn, district,
                strands.stream().map(s -> new CaseFacts.Strand(s, null)).toList(), List.of("verbal-abuse"), true,
                sourceOrganisation == null ? "third-party-reporting-centre" : "housing-provider", sourceOrganisation,
                null, null, null, false, true, false);
    }
}
