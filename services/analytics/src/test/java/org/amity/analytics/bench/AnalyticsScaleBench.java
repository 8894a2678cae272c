package org.amity.analytics.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.amity.analytics.adapters.persistence.SqlStatistics;
import org.amity.analytics.application.CountsCatchUp;
import org.amity.analytics.domain.Period;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Topics;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.amity.platform.testing.Tokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/**
 * Analytics at national scale (issue 6): ingest rate of the statistics consumer, and how fast every table answers over
 * ten years of national volume. Not a test (the name keeps it out of {@code mvn verify}); run it with
 * {@code deploy/bench/analytics-bench.sh}, which runs it several times and prints medians.
 *
 * <p>Ingest: the generated stream ({@link NationalDataSet}) goes to the topic in rounds while the channel is paused;
 * then the channel resumes and the clock runs until the last event of every partition has stated its case's facts,
 * with nothing else running in this JVM but the counts' catch-up; a second figure is the time until the counts are
 * rebuilt too (no dirty cell left): what a table shows then includes every event. Queries: every table of the API through HTTP with a national analyst's
 * token, random periods over the ten years, after a warm-up; latencies as the client sees them.
 *
 * <p>System properties: {@code amity.bench.incidents} (1,500,000), {@code amity.bench.rounds} (3),
 * {@code amity.bench.requests} per table (60), {@code amity.bench.out} (a TSV of the figures),
 * {@code amity.bench.catch-up-every} ({@code 1s}; {@code off} runs the catch-up after each round's ingest, alone).
 */
@QuarkusTest
@TestProfile(NationalProfile.class)
class AnalyticsScaleBench {

    static final String CHANNEL = "case-statistics";
    static final int YEARS = 10;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChannelRegistry channels;

    @ConfigProperty(name = "mp.messaging.incoming." + CHANNEL + ".concurrency")
    Optional<Integer> concurrency;

    @Inject
    CountsCatchUp catchUp;

    /** The catch-up off while the consumer works ({@code -Damity.bench.catch-up-every=off}): run after it, alone. */
    static final boolean CATCH_UP_AFTER = "off".equals(System.getProperty("amity.bench.catch-up-every"));

    @TestHTTPResource("/")
    URL base;

    final Map<String, String> figures = new LinkedHashMap<>();

    @Test
    void ingestAndQueryAtNationalScale() throws Exception {
        int incidents = Integer.getInteger("amity.bench.incidents", 1_500_000);
        int rounds = Integer.getInteger("amity.bench.rounds", 3);
        LocalDate lastDay = LocalDate.now().minusDays(1);
        LocalDate firstDay = lastDay.minusYears(YEARS).plusDays(1);
        int days = (int) (lastDay.toEpochDay() - firstDay.toEpochDay()) + 1;
        long t0 = System.nanoTime();
        List<CaseStatisticsRecorded> stream = NationalDataSet.generate(42, incidents, firstDay, days);
        note("events", Integer.toString(stream.size()));
        note("generated in s", seconds(System.nanoTime() - t0));

        int perRound = (stream.size() + rounds - 1) / rounds;
        statementTimes(0); // what a kept data directory's statistics file still holds, not this run's, is let go
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<CaseStatisticsRecorded> round = stream.subList(r * perRound, Math.min(stream.size(), (r + 1) * perRound));
            rates.add(ingest(r + 1, round));
        }
        note("ingest events/s per round", rates.stream().map(x -> "%.0f".formatted(x)).toList().toString());
        checkTheCounts(stream);

        vacuum();
        queries(firstDay, lastDay);
        explain(lastDay);
        write();
    }

    /** Fills the topic with the channel paused, then measures the consumer alone. Returns events per second. */
    double ingest(int round, List<CaseStatisticsRecorded> events) throws Exception {
        long t0 = System.nanoTime();
        Map<Integer, EventWithId> lastOfPartition = produce(events);
        note("round " + round + " produced in s", seconds(System.nanoTime() - t0));
        Load before = Load.now(dataSource);
        long start = System.nanoTime();
        copies().forEach(PausableChannel::resume);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> processed(lastOfPartition.values()) == lastOfPartition.size());
        long elapsed = System.nanoTime() - start;
        Load after = Load.now(dataSource);
        // the counts trail the facts by the catch-up (CountsCatchUp): the round ends when every cell is rebuilt
        if (CATCH_UP_AFTER) {
            catchUp.catchUp();
        }
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> dirtyCells() == 0);
        long current = System.nanoTime() - start;
        Load settled = Load.now(dataSource);
        statementTimes(round);
        copies().forEach(PausableChannel::pause);
        double rate = events.size() / (elapsed / 1e9);
        note("round " + round + " ingest", "%d events in %s s = %.0f events/s; %s".formatted(events.size(),
                seconds(elapsed), rate, Load.between(before, after)));
        note("round " + round + " figures current", "%s s after resume = %.0f events/s; %s".formatted(seconds(current),
                events.size() / (current / 1e9), Load.between(before, settled)));
        return rate;
    }

    /**
     * The channel's copies, a consumer each ({@code concurrency}: {@code case-statistics$1}, {@code $2}, ...), or the
     * channel itself when it has one consumer.
     */
    List<PausableChannel> copies() {
        int copies = concurrency.orElse(1);
        if (copies == 1) {
            return List.of(channels.getPausable(CHANNEL));
        }
        List<PausableChannel> all = new ArrayList<>();
        for (int copy = 1; copy <= copies; copy++) {
            all.add(channels.getPausable(CHANNEL + "$" + copy));
        }
        return all;
    }

    /** Sends the events; returns the last of each partition. */
    Map<Integer, EventWithId> produce(List<CaseStatisticsRecorded> events) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Map<Integer, long[]> lastOffset = new HashMap<>();
        Map<Integer, EventWithId> lastId = new HashMap<>();
        int chunk = 20_000;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int from = 0; from < events.size(); from += chunk) {
                List<CaseStatisticsRecorded> part = events.subList(from, Math.min(events.size(), from + chunk));
                // encoding validates against the schema, as the case service's outbox does: the costly part, in parallel
                List<EventWithId> encoded = part.parallelStream().map(AnalyticsScaleBench::encode).toList();
                for (EventWithId e : encoded) {
                    producer.send(new ProducerRecord<>(Topics.CASEWORK_CASE_STATISTICS_V1, e.key(), e.json()),
                            (metadata, failure) -> {
                                if (failure != null) {
                                    return;
                                }
                                synchronized (lastOffset) {
                                    long[] last = lastOffset.computeIfAbsent(metadata.partition(), p -> new long[] { -1 });
                                    if (metadata.offset() > last[0]) {
                                        last[0] = metadata.offset();
                                        lastId.put(metadata.partition(), e);
                                    }
                                }
                            });
                }
            }
            producer.flush();
        }
        synchronized (lastOffset) {
            return Map.copyOf(lastId);
        }
    }

    record EventWithId(UUID id, String key, String json) {
    }

    static EventWithId encode(CaseStatisticsRecorded facts) {
        var event = EventCodec.newEvent(CaseStatisticsRecorded.TYPE, CaseStatisticsRecorded.VERSION,
                facts.caseKey().toString(), UUID.randomUUID(), "case",
                DataProtectionScope.of("statistics", "uk-gdpr-6-1-e"), facts, List.of());
        return new EventWithId(event.eventId(), facts.caseKey().toString(), EventCodec.encode(event));
    }

    /**
     * How many of these events have stated their case's facts: the last event of a partition is the last of its case
     * too (a case stays in one partition), so once its row holds that event's id, the partition has been consumed.
     * The rows are found by their case keys (the primary key): the check must not cost the server a scan.
     */
    int processed(java.util.Collection<EventWithId> events) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from case_fact where case_key = any(?::uuid[]) and last_event_id = any(?)")) {
            q.setArray(1, c.createArrayOf("text", events.stream().map(EventWithId::key).toArray()));
            q.setArray(2, c.createArrayOf("uuid", events.stream().map(EventWithId::id).toArray()));
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /**
     * Where PostgreSQL's time went in a round, when pg_stat_statements is loaded; reset for the next round. Round 0
     * only resets: the server keeps its statistics in its data directory across restarts.
     */
    void statementTimes(int round) {
        String url = dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration().jdbcUrl();
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            try (ResultSet rows = s.executeQuery("select round(total_exec_time)::bigint, calls, rows, "
                    + "left(regexp_replace(query, '\\s+', ' ', 'g'), 140) from pg_stat_statements order by total_exec_time desc limit 14")) {
                int line = 0;
                while (round > 0 && rows.next()) {
                    note("round " + round + " statement " + (++line), rows.getLong(1) + " ms, " + rows.getLong(2)
                            + " calls, " + rows.getLong(3) + " rows: " + rows.getString(4));
                }
            }
            s.execute("select pg_stat_statements_reset()");
            // PostgreSQL 17 moved the checkpoints' figures out of pg_stat_bgwriter
            boolean checkpointer = c.getMetaData().getDatabaseMajorVersion() >= 17;
            String checkpoints = checkpointer
                    ? "select num_timed, num_requested, buffers_written from pg_stat_checkpointer"
                    : "select checkpoints_timed, checkpoints_req, buffers_checkpoint from pg_stat_bgwriter";
            try (ResultSet rows = s.executeQuery("select w.wal_records, w.wal_fpi, w.wal_bytes, w.wal_sync, k.* "
                    + "from pg_stat_wal w, (" + checkpoints + ") k")) {
                rows.next();
                if (round > 0) {
                    note("round " + round + " wal", ("%,d records, %,d full-page images, %,d MB, %,d flushes; "
                            + "checkpoints %d timed, %d requested, %,d buffers written by them")
                            .formatted(rows.getLong(1), rows.getLong(2), rows.getLong(3) >> 20, rows.getLong(4),
                                    rows.getLong(5), rows.getLong(6), rows.getLong(7)));
                }
            }
            s.execute("select pg_stat_reset_shared('wal')");
            s.execute("select pg_stat_reset_shared('" + (checkpointer ? "checkpointer" : "bgwriter") + "')");
        } catch (SQLException e) {
            note("round " + round + " statements", "pg_stat_statements not available: " + e.getMessage());
        }
    }

    int dirtyCells() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*) from dirty_cell")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The total over ten years is the number of cases that are not likely duplicates: nothing lost or doubled. */
    void checkTheCounts(List<CaseStatisticsRecorded> stream) throws SQLException {
        Map<UUID, CaseStatisticsRecorded> latest = new HashMap<>();
        stream.forEach(e -> latest.put(e.caseKey(), e));
        long expected = latest.values().stream().filter(e -> !Boolean.TRUE.equals(e.likelyDuplicate())).count();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select sum(incidents) from monthly_count where dimension = 'total'")) {
            rows.next();
            assertThat(rows.getLong(1)).as("incidents counted").isEqualTo(expected);
        }
        note("incidents counted", Long.toString(expected));
    }

    /**
     * How PostgreSQL reads the cells of a district table (the slowest kind) for a national financial year: the plan
     * with its timings, for the figures' "where the time goes". The statement is the one {@code SqlStatistics.count}
     * sends for a scope of districts.
     */
    void explain(LocalDate lastDay) throws SQLException {
        Period year = Period.financialYearOf(YearMonth.from(lastDay).minusMonths(12));
        for (String dimension : List.of("sub-category", "outcome")) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement q = c.prepareStatement("explain (analyze, buffers) " + SqlStatistics.DISTRICT_CELLS)) {
                SqlStatistics.bindDistrictCells(q, c.createArrayOf("varchar", new String[] {dimension}), year,
                        c.createArrayOf("varchar", NationalDataSet.districts().toArray()));
                try (ResultSet rows = q.executeQuery()) {
                    int line = 0;
                    while (rows.next()) {
                        note("plan " + dimension + " by district " + year.label() + " " + (++line), rows.getString(1));
                    }
                }
            }
        }
    }

    /** What autovacuum does after a bulk load, done now so that every run measures the same thing. */
    void vacuum() throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("vacuum (analyze) monthly_count_cell");
            s.execute("vacuum (analyze) daily_count_cell");
            try (ResultSet rows = s.executeQuery("select (select count(*) from monthly_count),"
                    + " (select count(*) from monthly_count_cell), pg_size_pretty(pg_total_relation_size('monthly_count_cell'))")) {
                rows.next();
                note("monthly counts, rows stored, size", rows.getLong(1) + " counts, " + rows.getLong(2) + " rows, "
                        + rows.getString(3));
            }
        }
        note("vacuum in s", seconds(System.nanoTime() - t0));
    }

    /** Every table of the API with random periods over the ten years; p50, p95, p99 and max per table. */
    void queries(LocalDate firstDay, LocalDate lastDay) throws Exception {
        int requests = Integer.getInteger("amity.bench.requests", 60);
        Random random = new Random(7);
        YearMonth firstMonth = YearMonth.from(firstDay).plusMonths(1);
        YearMonth lastMonth = YearMonth.from(lastDay).minusMonths(1);
        int firstFy = Period.financialYearOf(firstMonth).from().getYear() + 1;
        int lastFy = Period.financialYearOf(lastMonth).from().getYear() - 1;
        Map<String, java.util.function.Supplier<String>> tables = new LinkedHashMap<>();
        for (String dimension : List.of("strand", "sub-category", "incident-type", "classification", "source-type",
                "outcome", "housing-outcome", "repeat", "contact-target")) {
            tables.put(dimension + " by district", () -> "/api/v1/statistics/tables/" + dimension + "?period="
                    + randomPeriod(random, firstFy, lastFy, firstMonth, lastMonth));
            tables.put(dimension + " by month", () -> "/api/v1/statistics/tables/" + dimension + "?by=month&period="
                    + randomPeriod(random, firstFy, lastFy, firstMonth, lastMonth));
            if (!dimension.equals("strand") && !dimension.equals("sub-category")) {
                tables.put(dimension + " by strand", () -> "/api/v1/statistics/tables/" + dimension
                        + "?by=strand&period=" + randomPeriod(random, firstFy, lastFy, firstMonth, lastMonth));
            }
        }
        tables.put("home-office", () -> "/api/v1/statistics/home-office?year="
                + Period.financialYear(firstFy + random.nextInt(lastFy - firstFy + 1)).label());
        tables.put("rolling-year strand", () -> "/api/v1/statistics/rolling-year?to="
                + randomMonth(random, firstMonth.plusMonths(24), lastMonth));
        tables.put("rolling-year outcome, one district", () -> "/api/v1/statistics/rolling-year?dimension=outcome"
                + "&district=" + NationalDataSet.district(1 + random.nextInt(NationalDataSet.DISTRICTS)) + "&to="
                + randomMonth(random, firstMonth.plusMonths(24), lastMonth));
        tables.put("tension spikes, a year", () -> "/api/v1/tension/spikes?from="
                + lastDay.minusDays(365 - random.nextInt(30)) + "&to=" + lastDay);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // every table a few times first, so that the first table measured does not carry the JIT's warm-up of the
        // code all tables share
        for (int i = 0; i < 5; i++) {
            for (var table : tables.values()) {
                get(http, "kent-community-safety", table.get());
            }
        }
        List<Long> all = new ArrayList<>();
        for (var table : tables.entrySet()) {
            for (String organisation : List.of("kent-community-safety", "west-kent-housing")) {
                if (organisation.equals("west-kent-housing") && !table.getKey().startsWith("strand")) {
                    continue; // own reports: one table is enough to show the cost of the source filter
                }
                for (int i = 0; i < 10; i++) {
                    get(http, organisation, table.getValue().get());
                }
                List<Long> micros = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    micros.add(get(http, organisation, table.getValue().get()));
                }
                all.addAll(micros);
                String who = organisation.equals("west-kent-housing") ? " (own reports)" : "";
                note("query " + table.getKey() + who, percentiles(micros));
            }
        }
        note("query every table", percentiles(all));
    }

    static String randomPeriod(Random random, int firstFy, int lastFy, YearMonth firstMonth, YearMonth lastMonth) {
        int fy = firstFy + random.nextInt(lastFy - firstFy + 1);
        return switch (random.nextInt(4)) {
            case 0 -> Period.financialYear(fy).label();
            case 1 -> Period.financialYear(fy).quarter(1 + random.nextInt(4)).label();
            case 2 -> randomMonth(random, firstMonth, lastMonth).toString();
            default -> "R12-" + randomMonth(random, firstMonth.plusMonths(12), lastMonth);
        };
    }

    static YearMonth randomMonth(Random random, YearMonth from, YearMonth to) {
        return from.plusMonths(random.nextInt((int) from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1));
    }

    long get(HttpClient http, String organisation, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Authorization", "Bearer " + Tokens.clientToken(organisation)).GET().build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long micros = (System.nanoTime() - t0) / 1000;
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return micros;
    }

    static String percentiles(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)".formatted(at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0, sorted.size());
    }

    static double at(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }

    static String seconds(long nanos) {
        return "%.1f".formatted(nanos / 1e9);
    }

    void note(String what, String value) {
        figures.put(what, value);
        System.out.printf("[analytics-bench] %-45s %s%n", what, value);
    }

    void write() throws IOException {
        String out = System.getProperty("amity.bench.out");
        if (out == null) {
            return;
        }
        Path file = Path.of(out);
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder tsv = new StringBuilder();
        String at = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        figures.forEach((k, v) -> tsv.append(at).append('\t').append(k).append('\t').append(v).append('\n'));
        Files.writeString(file, tsv.toString(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * CPU of this JVM, of this run's PostgreSQL (its server processes as {@code pg_stat_activity} lists them, which
     * is every backend and background process; read from /proc) and of the whole machine (two cores, shared; with the
     * share the host took, steal), and the load average, at a moment.
     */
    record Load(long jvmCpuNanos, long postgresTicks, long machineBusy, long machineStolen, long machineTotal,
            String loadAverage, long at) {

        static Load now(AgroalDataSource dataSource) throws IOException, SQLException {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            // time the hypervisor gave this machine's CPUs to someone else: the share a noisy host takes away
            long stolen = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            return new Load(os.getProcessCpuTime(), postgresTicks(dataSource), total - idle, stolen, total,
                    load.substring(0, load.indexOf(' ', load.indexOf(' ', load.indexOf(' ') + 1) + 1)),
                    System.nanoTime());
        }

        static long postgresTicks(AgroalDataSource dataSource) throws SQLException {
            long ticks = 0;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("select pid from pg_stat_activity")) {
                while (rows.next()) {
                    try {
                        String[] stat = Files.readString(Path.of("/proc/" + rows.getInt(1) + "/stat"))
                                .replaceFirst("^.*\\) ", "").split(" ");
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime, stime
                    } catch (IOException gone) {
                        // a backend that ended between the query and the read
                    }
                }
            }
            return ticks;
        }

        static String between(Load a, Load b) {
            double wall = (b.at - a.at) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            long total = Math.max(1, b.machineTotal - a.machineTotal);
            return ("this JVM %.2f cores, PostgreSQL %.2f cores, machine busy %.0f %% of %d cores (stolen by the host"
                    + " %.0f %%), load average %s")
                    .formatted((b.jvmCpuNanos - a.jvmCpuNanos) / 1e9 / wall,
                            (b.postgresTicks - a.postgresTicks) / 100.0 / wall,
                            100.0 * (b.machineBusy - a.machineBusy) / total, cores,
                            100.0 * (b.machineStolen - a.machineStolen) / total, b.loadAverage);
        }
    }
}
