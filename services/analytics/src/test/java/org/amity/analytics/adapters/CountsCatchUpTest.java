package org.amity.analytics.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.amity.analytics.application.Backlog;
import org.amity.analytics.application.CountsCatchUp;
import org.amity.analytics.application.TensionWatch;
import org.amity.analytics.application.Viewers;
import org.amity.analytics.adapters.persistence.SqlStatistics;
import org.amity.analytics.domain.Dimension;
import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Period;
import org.amity.analytics.domain.Scope;
import org.amity.analytics.domain.Statistics;
import org.amity.analytics.domain.TensionMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The counts follow the facts: recording marks (month, district) cells dirty and the catch-up rebuilds them, so a
 * case that moves leaves its old cell, a redelivery changes nothing, and a cell recorded in while it was being
 * rebuilt stays dirty until it is rebuilt again.
 */
@QuarkusTest
class CountsCatchUpTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Statistics statistics;

    @Inject
    CountsCatchUp catchUp;

    @Inject
    TensionWatch watch;

    @Inject
    Viewers viewers;

    @Inject
    Backlog backlog;

    Period year;
    LocalDate april;
    LocalDate may;

    @BeforeEach
    void freshYear() {
        year = TestFacts.freshYear(dataSource);
        april = year.firstDay().plusDays(3);
        may = year.firstDay().plusMonths(1).plusDays(3);
    }

    @Test
    void aCaseThatMovesDistrictAndMonthLeavesItsOldCell() throws SQLException {
        List<CaseFacts> facts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            facts.add(TestFacts.facts(april, "dover", null, List.of("race")));
        }
        statistics.recordAll(facts);
        catchUp.catchUp();
        assertThat(totals()).containsExactlyInAnyOrderEntriesOf(Map.of("dover " + april.withDayOfMonth(1), 6L));
        assertThat(dirtyCells()).isZero();

        CaseFacts moved = facts.get(0);
        statistics.recordAll(List.of(TestFacts.facts(moved.caseKey(), may, "thanet", null, List.of("race"))));
        assertThat(dirtyCells()).as("the cell it left and the cell it entered").isEqualTo(2);
        catchUp.catchUp();
        assertThat(totals()).containsExactlyInAnyOrderEntriesOf(Map.of("dover " + april.withDayOfMonth(1), 5L,
                "thanet " + may.withDayOfMonth(1), 1L));
        assertThat(daily("thanet", may)).isEqualTo(1);
        assertThat(daily("dover", april)).isEqualTo(5);
    }

    @Test
    void aRoundAddsWhatWasRecordedSinceTheLastOneAndACellMarkedForItIsCountedAgainFromItsFacts()
            throws SQLException {
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", null, List.of("race"))));
        catchUp.catchUp();
        // a stored count set wrong behind the catch-up's back stays wrong while the cell is kept by its changes: the
        // round reads what was recorded since, not the cell's facts
        execute("update monthly_count_cell set incident_list = array[incident_list[1] + 5]"
                + " where dimension = 'total' and district = 'dover' and month = ?", april.withDayOfMonth(1));
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", null, List.of("race"))));
        catchUp.catchUp();
        assertThat(totals()).containsEntry("dover " + april.withDayOfMonth(1), 7L);

        // a cell asked to be counted again (marked before V16, or by a bulk batch) is counted from its facts, and
        // the changes already written for it are taken with them, not added again
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", null, List.of("race"))));
        execute("update dirty_cell set count_again = nextval('dirty_cell_seq')"
                + " where district = 'dover' and month = ?", april.withDayOfMonth(1));
        catchUp.catchUp();
        assertThat(totals()).containsEntry("dover " + april.withDayOfMonth(1), 3L);
        assertThat(scalar("select count(*) from dirty_cell where count_again is not null and month >= ? and month < ?",
                year.firstDay(), year.endDay())).isZero();
        assertThat(scalar("select count(*) from count_change where month >= ? and month < ?", year.firstDay(),
                year.endDay())).as("every change taken").isZero();
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", null, List.of("race"))));
        catchUp.catchUp();
        assertThat(totals()).containsEntry("dover " + april.withDayOfMonth(1), 4L);
    }

    @Test
    void aBulkBatchWritesNoChangesAndTheCellsItTouchesAreCountedAgainFromTheirFacts() throws SQLException {
        CaseFacts moving = TestFacts.facts(april, "dover", null, List.of("race"));
        statistics.recordAll(List.of(moving, TestFacts.facts(april, "dover", null, List.of("race"))));
        catchUp.catchUp();
        execute("update monthly_count_cell set incident_list = array[incident_list[1] + 5]"
                + " where dimension = 'total' and district = 'dover' and month = ?", april.withDayOfMonth(1));
        List<CaseFacts> bulk = new ArrayList<>();
        bulk.add(TestFacts.facts(moving.caseKey(), may, "thanet", null, List.of("race")));
        while (bulk.size() < SqlStatistics.COUNT_AGAIN_FROM) {
            bulk.add(TestFacts.facts(bulk.size() % 2 == 0 ? april : may, "thanet", null, List.of("disability")));
        }
        statistics.recordAll(bulk);
        assertThat(scalar("select count(*) from count_change where month >= ? and month < ?", year.firstDay(),
                year.endDay())).isZero();
        assertThat(scalar("select count(*) from dirty_cell where count_again is not null and month >= ? and month < ?",
                year.firstDay(), year.endDay())).as("dover and thanet in april, thanet in may").isEqualTo(3);
        catchUp.catchUp();
        int inApril = (SqlStatistics.COUNT_AGAIN_FROM - 1) / 2;
        assertThat(totals()).containsExactlyInAnyOrderEntriesOf(Map.of("dover " + april.withDayOfMonth(1), 1L,
                "thanet " + april.withDayOfMonth(1), (long) inApril,
                "thanet " + may.withDayOfMonth(1), (long) SqlStatistics.COUNT_AGAIN_FROM - inApril));
        assertThat(dirtyCells()).isZero();
        // kept by their changes again
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", null, List.of("race"))));
        assertThat(scalar("select count(*) from count_change where month >= ? and month < ?", year.firstDay(),
                year.endDay())).isEqualTo(1);
        catchUp.catchUp();
        assertThat(totals()).containsEntry("dover " + april.withDayOfMonth(1), 2L);
    }

    @Test
    void anOrganisationCountedPerSourceFromNowOnIsCountedOnceForCasesRecordedButNotYetCounted()
            throws SQLException {
        String source = "newly-own-" + year.firstDay().getYear();
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", source, List.of("race"))));
        catchUp.catchUp();
        CaseFacts moving = TestFacts.facts(april, "dover", source, List.of("race"));
        statistics.recordAll(List.of(moving));
        catchUp.catchUp();
        // recorded, not yet counted: a new case, and one that moves to thanet in may
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", source, List.of("disability")),
                TestFacts.facts(moving.caseKey(), may, "thanet", source, List.of("race"))));
        Set<String> before = countedSources();
        Set<String> with = new HashSet<>(before);
        with.add(source);
        try {
            statistics.adoptSources(with);
            catchUp.catchUp();
            assertThat(rows("""
                    select dimension || ' ' || month || ' ' || district || ' ' || value || ' ' || incidents
                    from source_monthly_count where dimension in ('total', 'strand') and month >= ? and month < ?
                      and source_organisation like 'newly-own-%'"""))
                    .containsExactlyInAnyOrder("strand " + april.withDayOfMonth(1) + " dover disability 1",
                            "strand " + april.withDayOfMonth(1) + " dover race 1",
                            "strand " + may.withDayOfMonth(1) + " thanet race 1",
                            "total " + april.withDayOfMonth(1) + " dover all 2",
                            "total " + may.withDayOfMonth(1) + " thanet all 1");
        } finally {
            statistics.adoptSources(before);
        }
    }

    @Test
    void whileTheConsumerWorksThroughABacklogTheScheduledCatchUpLeavesCellsForLater() throws SQLException {
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", null, List.of("race"))));
        markedAgo(Duration.ofSeconds(30));
        try {
            backlog.polled(0, 2000);
            catchUp.scheduledRound();
            assertThat(dirtyCells()).as("quiet for 30 s, but the consumer is behind").isEqualTo(1);
            assertThat(totals()).doesNotContainKey("dover " + april.withDayOfMonth(1));

            markedAgo(Duration.ofMinutes(3));
            catchUp.scheduledRound();
            assertThat(dirtyCells()).as("waited longer than longest-wait-behind").isZero();
            assertThat(totals()).containsEntry("dover " + april.withDayOfMonth(1), 1L);

            statistics.recordAll(List.of(TestFacts.facts(april, "dover", null, List.of("race"))));
            markedAgo(Duration.ofSeconds(30));
            backlog.polled(0, 3);
            catchUp.scheduledRound();
            assertThat(dirtyCells()).as("the backlog is gone: quiet is enough again").isZero();
            assertThat(totals()).containsEntry("dover " + april.withDayOfMonth(1), 2L);
        } finally {
            backlog.polled(0, 0);
        }
    }

    /** Sets back the marks of this test's year, as if its cells had been marked that long ago and not since. */
    void markedAgo(Duration ago) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                update dirty_cell set first_marked_at = now() - make_interval(secs => ?),
                                      marked_at = now() - make_interval(secs => ?)
                where month >= ? and month < ?""")) {
            q.setDouble(1, ago.toSeconds());
            q.setDouble(2, ago.toSeconds());
            q.setDate(3, Date.valueOf(year.firstDay()));
            q.setDate(4, Date.valueOf(year.endDay()));
            q.executeUpdate();
        }
    }

    @Test
    void theServicesConnectionsDoNotCompileQueries() throws SQLException {
        // a PostgreSQL built with LLVM would compile every catch-up statement again at each call (seconds a call)
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select current_setting('jit')"); ResultSet rows = q.executeQuery()) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("off");
        }
    }

    @Test
    void aCellStillBeingRecordedIntoWaitsUntilItIsQuietOrHasWaitedLongEnough() throws SQLException {
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", null, List.of("race"))));
        Duration hour = Duration.ofHours(1);
        assertThat(statistics.catchUp(100, watch.monitor(), hour, hour)).as("marked just now").isZero();
        assertThat(statistics.catchUp(100, watch.monitor(), hour, Duration.ZERO)).as("waited long enough").isEqualTo(1);
        assertThat(totals()).containsEntry("dover " + april.withDayOfMonth(1), 1L);
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", null, List.of("race"))));
        assertThat(statistics.catchUp(100, watch.monitor(), Duration.ZERO, hour)).as("quiet").isEqualTo(1);
        assertThat(totals()).containsEntry("dover " + april.withDayOfMonth(1), 2L);
    }

    @Test
    void aRedeliveryChangesNothing() throws SQLException {
        List<CaseFacts> facts = List.of(TestFacts.facts(april, "dover", null, List.of("race", "religion")),
                TestFacts.facts(april, "dover", null, List.of("religion")));
        statistics.recordAll(facts);
        catchUp.catchUp();
        Map<String, Long> once = totals();
        statistics.recordAll(facts);
        statistics.recordAll(facts);
        catchUp.catchUp();
        assertThat(totals()).isEqualTo(once).containsEntry("dover " + april.withDayOfMonth(1), 2L);
        Scope county = new Scope("test", List.of("dover"), null);
        assertThat(statistics.count(county, Dimension.STRAND, year))
                .extracting(Statistics.Cell::value, Statistics.Cell::incidents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("race", 1L),
                        org.assertj.core.groups.Tuple.tuple("religion", 2L));
    }

    /**
     * The statistics consumer keeps no inbox: an event is recorded again whenever Kafka delivers it again. A repeat of
     * the event that stated a case's facts writes nothing; a stream read again from any point, in its order, ends
     * with the latest facts.
     */
    @Test
    void aRepeatOfTheStatingEventWritesNothingAndAStreamReadAgainFromAnyPointEndsWithTheLatestFacts()
            throws SQLException {
        UUID key = UUID.randomUUID();
        // one case stated three times: reported in Dover in April, moved to Thanet in May, then a second strand
        List<Statistics.Stated> stream = List.of(
                new Statistics.Stated(UUID.randomUUID(), TestFacts.facts(key, april, "dover", null, List.of("race"))),
                new Statistics.Stated(UUID.randomUUID(), TestFacts.facts(key, may, "thanet", null, List.of("race"))),
                new Statistics.Stated(UUID.randomUUID(),
                        TestFacts.facts(key, may, "thanet", null, List.of("race", "religion"))));
        stream.forEach(stated -> statistics.recordStated(List.of(stated)));
        catchUp.catchUp();
        Map<String, Long> latest = totals();
        assertThat(latest).containsEntry("thanet " + may.withDayOfMonth(1), 1L);
        assertThat(latest.getOrDefault("dover " + april.withDayOfMonth(1), 0L)).as("the cell it left").isZero();
        Scope thanet = new Scope("test", List.of("thanet"), null);
        List<Statistics.Cell> strands = statistics.count(thanet, Dimension.STRAND, year);
        assertThat(strands).extracting(Statistics.Cell::value, Statistics.Cell::incidents).containsExactly(
                org.assertj.core.groups.Tuple.tuple("race", 1L), org.assertj.core.groups.Tuple.tuple("religion", 1L));

        // the last event again: no new version of the row, no cell to rebuild
        long version = rowVersion(key);
        statistics.recordStated(List.of(stream.get(2)));
        assertThat(rowVersion(key)).as("the row's version (the transaction that wrote it)").isEqualTo(version);
        assertThat(dirtyCells()).isZero();

        // the stream again from each of its events, in one batch and event by event, as Kafka delivers it again
        for (int from = 0; from < stream.size(); from++) {
            List<Statistics.Stated> again = stream.subList(from, stream.size());
            statistics.recordStated(again);
            catchUp.catchUp();
            assertThat(totals()).as("read again from %d in one batch", from).isEqualTo(latest);
            again.forEach(stated -> statistics.recordStated(List.of(stated)));
            catchUp.catchUp();
            assertThat(totals()).as("read again from %d event by event", from).isEqualTo(latest);
            assertThat(statistics.count(thanet, Dimension.STRAND, year)).isEqualTo(strands);
        }
        // the same facts stated by another event are written again (only a repeat of the stating event is skipped)
        statistics.recordStated(List.of(new Statistics.Stated(UUID.randomUUID(), stream.get(2).facts())));
        assertThat(dirtyCells()).isEqualTo(1);
        catchUp.catchUp();
        assertThat(totals()).isEqualTo(latest);
    }

    @Test
    void aCaseRecordedWhileItsCellIsRebuiltLeavesTheCellDirty() throws Exception {
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", null, List.of("race"))));
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> late = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                statistics.recordAll(List.of(TestFacts.facts(april, "dover", null, List.of("race"))));
                recorded.countDown();
                awaitUninterruptibly(commit);
            }));
            assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Integer> rebuild = threads.submit(() -> statistics.catchUp(100, watch.monitor(), Duration.ZERO, Duration.ZERO));
            // the rebuild counts what is committed, then waits for the late batch's mark before clearing it
            await().atMost(Duration.ofSeconds(30)).until(this::someoneWaitsOnARowLock);
            commit.countDown();
            late.get(30, TimeUnit.SECONDS);
            assertThat(rebuild.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(totals()).containsEntry("dover " + april.withDayOfMonth(1), 1L);
        assertThat(dirtyCells()).as("the late case's mark survives the rebuild that missed it").isEqualTo(1);
        catchUp.catchUp();
        assertThat(totals()).containsEntry("dover " + april.withDayOfMonth(1), 2L);
        assertThat(dirtyCells()).isZero();
    }

    static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean someoneWaitsOnARowLock() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
                ResultSet rows = q.executeQuery()) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    @Test
    void ownReportsAreCountedPerSourceForTheOrganisationsThatSeeOnlyThem() throws SQLException {
        statistics.recordAll(List.of(TestFacts.facts(april, "dover", "west-kent-housing", List.of("race")),
                TestFacts.facts(may, "dover", "west-kent-housing", List.of("disability")),
                TestFacts.facts(may, "dover", "another-housing", List.of("race"))));
        catchUp.catchUp();
        Scope own = new Scope("test", List.of("dover", "thanet"), "west-kent-housing");
        // an organisation not configured to see its own reports only is not counted per source
        assertThat(scalar("select count(*) from source_monthly_count where source_organisation = 'another-housing'"
                + " and month >= ? and month < ?", year.firstDay(), year.endDay())).isZero();
        assertThat(statistics.count(own, Dimension.TOTAL, year))
                .extracting(Statistics.Cell::district, Statistics.Cell::incidents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dover", 2L));
        assertThat(statistics.byMonth(own, Dimension.STRAND, year.from(), year.to()))
                .extracting(m -> m.month().toString() + " " + m.value() + " " + m.incidents())
                .containsExactly(april.withDayOfMonth(1).toString().substring(0, 7) + " race 1",
                        may.withDayOfMonth(1).toString().substring(0, 7) + " disability 1");
    }

    @Test
    void theStoredSpikesAreTheMonitorsSpikesBeforeAndAfterCasesMove() throws SQLException {
        TensionMonitor monitor = watch.monitor();
        Random random = new Random(year.firstDay().getYear());
        List<CaseFacts> facts = new ArrayList<>();
        for (String district : List.of("dover", "thanet", "swale")) {
            for (int d = 0; d < 150; d++) {
                // a quiet baseline with now and then a burst, in two strands
                int incidents = random.nextInt(12) == 0 ? 5 + random.nextInt(8) : random.nextInt(3);
                for (int i = 0; i < incidents; i++) {
                    facts.add(TestFacts.facts(year.firstDay().plusDays(d), district, null,
                            List.of(random.nextInt(3) == 0 ? "religion" : "race")));
                }
            }
        }
        statistics.recordAll(facts);
        catchUp.catchUp();
        List<TensionMonitor.Spike> before = storedSpikes(monitor);
        assertThat(before).isNotEmpty().isEqualTo(referenceSpikes(monitor));

        // cases move to other days and districts: the spikes of both cells' days and of the days after change
        List<CaseFacts> moved = new ArrayList<>();
        for (int k = 0; k < facts.size(); k += 7) {
            CaseFacts f = facts.get(k);
            moved.add(TestFacts.facts(f.caseKey(), f.receivedOn().plusDays(random.nextInt(40)), "dover", null,
                    List.of("race")));
        }
        statistics.recordAll(moved);
        catchUp.catchUp();
        List<TensionMonitor.Spike> after = storedSpikes(monitor);
        assertThat(after).isNotEqualTo(before).isEqualTo(referenceSpikes(monitor));

        // one case moves a few days within a later month: its cell is rebuilt alone, and the baselines of that
        // month's first days reach back into the month before, which is not rebuilt
        CaseFacts one = IntStream.range(0, facts.size()).filter(k -> k % 7 != 0)
                .mapToObj(facts::get).filter(f -> f.district().equals("swale")
                        && f.receivedOn().isAfter(year.firstDay().plusMonths(2)) && f.receivedOn().getDayOfMonth() <= 20)
                .findFirst().orElseThrow();
        statistics.recordAll(List.of(TestFacts.facts(one.caseKey(), one.receivedOn().plusDays(3), "swale", null,
                List.of("race"))));
        assertThat(dirtyCells()).isEqualTo(1);
        catchUp.catchUp();
        assertThat(storedSpikes(monitor)).isEqualTo(referenceSpikes(monitor));
    }

    List<TensionMonitor.Spike> storedSpikes(TensionMonitor monitor) {
        return statistics.spikes(new Scope("test", List.of("dover", "thanet", "swale"), null), null,
                year.firstDay().plusDays(monitor.baselineDays()), year.endDay(), monitor);
    }

    /** The monitor's own arithmetic over the daily counts: the rule's definition. */
    List<TensionMonitor.Spike> referenceSpikes(TensionMonitor monitor) {
        LocalDate from = year.firstDay().plusDays(monitor.baselineDays());
        return monitor.spikes(statistics.daily(from.minusDays(monitor.baselineDays()), year.endDay()), from,
                year.endDay()).stream()
                .filter(s -> !s.strand().equals("all") && List.of("dover", "thanet", "swale").contains(s.district()))
                .toList();
    }

    @Test
    void anAreasSumsAreItsDistrictsCountsAddedUp() {
        Random random = new Random(year.firstDay().getYear());
        List<CaseFacts> facts = new ArrayList<>();
        for (String district : List.of("dover", "thanet", "canterbury", "medway")) {
            for (int i = 0; i < 40; i++) {
                facts.add(TestFacts.facts(year.firstDay().plusDays(random.nextInt(300)), district, null,
                        random.nextBoolean() ? List.of("race") : List.of("religion", "disability")));
            }
        }
        statistics.recordAll(facts);
        catchUp.catchUp();
        // a case moves out of the county (to Medway): the county's sums lose it
        statistics.recordAll(List.of(TestFacts.facts(facts.get(0).caseKey(), facts.get(0).receivedOn(), "medway", null,
                List.of("race"))));
        catchUp.catchUp();
        Scope county = viewers.scopeOf("kent-community-safety").orElseThrow();
        assertThat(county.areaCode()).isEqualTo("kent-county");
        Scope sameDistricts = new Scope(county.area(), county.districts(), null);
        for (Dimension dimension : Dimension.values()) {
            assertThat(statistics.sum(county, dimension, year)).as(dimension.code())
                    .isEqualTo(statistics.sum(sameDistricts, dimension, year));
            assertThat(statistics.byMonth(county, dimension, year.from(), year.to())).as(dimension.code())
                    .isEqualTo(statistics.byMonth(sameDistricts, dimension, year.from(), year.to()));
            if (dimension.crossesWithStrand()) {
                assertThat(statistics.withinStrands(county, dimension, year)).as(dimension.code())
                        .isEqualTo(statistics.withinStrands(sameDistricts, dimension, year));
            }
        }
        assertThat(statistics.sum(county, Dimension.TOTAL, year)).containsEntry("all", 119L);
    }

    @Test
    void sharesOfTheDistrictsRebuiltAtOnceLeaveEveryAreaSumTheSumOfItsDistricts() throws Exception {
        Scope county = viewers.scopeOf("kent-community-safety").orElseThrow();
        Scope sameDistricts = new Scope(county.area(), county.districts(), null);
        Random random = new Random(year.firstDay().getYear());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                List<CaseFacts> facts = new ArrayList<>();
                for (String district : county.districts()) {
                    for (int i = 0; i < 6; i++) {
                        facts.add(TestFacts.facts(year.firstDay().plusDays(random.nextInt(91)), district, null,
                                List.of(random.nextBoolean() ? "race" : "religion")));
                    }
                }
                statistics.recordAll(facts);
                int dirty = dirtyCells();
                CountDownLatch start = new CountDownLatch(2);
                List<Future<Integer>> shares = new ArrayList<>();
                for (int index = 0; index < 2; index++) {
                    Statistics.Share share = new Statistics.Share(index, 2);
                    shares.add(threads.submit(() -> {
                        start.countDown();
                        awaitUninterruptibly(start);
                        return statistics.catchUp(share, 1000, watch.monitor(), Duration.ZERO, Duration.ZERO);
                    }));
                }
                int first = shares.get(0).get(60, TimeUnit.SECONDS);
                int second = shares.get(1).get(60, TimeUnit.SECONDS);
                assertThat(first).as("round %d: each share has districts of the county", round).isPositive();
                assertThat(second).as("round %d: each share has districts of the county", round).isPositive();
                assertThat(first + second).as("round %d: the shares divide the cells", round).isEqualTo(dirty);
                assertThat(dirtyCells()).isZero();
                for (Dimension dimension : List.of(Dimension.TOTAL, Dimension.STRAND)) {
                    assertThat(statistics.byMonth(county, dimension, year.from(), year.to()))
                            .as("round %d, %s", round, dimension.code())
                            .isEqualTo(statistics.byMonth(sameDistricts, dimension, year.from(), year.to()));
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(statistics.sum(county, Dimension.TOTAL, year)).containsEntry("all", 4L * 6 * 12);
    }

    @Test
    void afterRoundsOfChangesTheStoredCountsAreTheCountsMadeFromScratch() throws SQLException {
        // the catch-up writes only the rows whose count differs: counts that rise, fall, appear and vanish (a
        // district, a month, a strand or a source left by its last case) must all end where a full count would
        Random random = new Random(year.firstDay().getYear() * 31L);
        List<String> districts = List.of("dover", "thanet", "canterbury", "medway");
        List<List<String>> strands = List.of(List.of("race"), List.of("religion"), List.of("race", "disability"),
                List.of("transgender"));
        List<String> sources = java.util.Arrays.asList(null, "west-kent-housing", "another-housing");
        List<CaseFacts> cases = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            cases.add(TestFacts.facts(year.firstDay().plusDays(random.nextInt(70)),
                    districts.get(random.nextInt(districts.size())), sources.get(random.nextInt(sources.size())),
                    strands.get(random.nextInt(strands.size()))));
        }
        statistics.recordAll(cases);
        catchUp.catchUp();
        for (int round = 0; round < 6; round++) {
            List<CaseFacts> changed = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                int k = random.nextInt(cases.size());
                CaseFacts moved = TestFacts.facts(cases.get(k).caseKey(),
                        year.firstDay().plusDays(random.nextInt(70)), districts.get(random.nextInt(districts.size())),
                        sources.get(random.nextInt(sources.size())), strands.get(random.nextInt(strands.size())));
                cases.set(k, moved);
                changed.add(moved);
            }
            statistics.recordAll(changed);
            catchUp.catchUp();
            assertThat(rows("""
                    select dimension || ' ' || month || ' ' || district || ' ' || value || ' ' || incidents
                    from monthly_count where month >= ? and month < ?"""))
                    .as("district counts, round %d", round).isNotEmpty().isEqualTo(rows("""
                    select split_part(c, '=', 1) || ' ' || date_trunc('month', received_on)::date || ' ' || district
                           || ' ' || substr(c, strpos(c, '=') + 1) || ' ' || count(*)
                    from case_fact cross join unnest(counted) c where received_on >= ? and received_on < ?
                    group by split_part(c, '=', 1), date_trunc('month', received_on), district,
                             substr(c, strpos(c, '=') + 1)"""));
            assertThat(rows("""
                    select day || ' ' || district || ' ' || strand || ' ' || incidents
                    from daily_count where day >= ? and day < ?"""))
                    .as("daily counts, round %d", round).isNotEmpty().isEqualTo(rows("""
                    select received_on || ' ' || district || ' ' || substr(c, strpos(c, '=') + 1) || ' ' || count(*)
                    from case_fact cross join unnest(counted) c
                    where received_on >= ? and received_on < ? and (c like 'strand=%' or c = 'total=all')
                    group by received_on, district, substr(c, strpos(c, '=') + 1)"""));
            assertThat(rows("""
                    select source_organisation || ' ' || dimension || ' ' || month || ' ' || district || ' ' || value
                           || ' ' || incidents
                    from source_monthly_count where month >= ? and month < ?"""))
                    .as("own-report counts, round %d", round).isNotEmpty().isEqualTo(rows("""
                    select source_organisation || ' ' || split_part(c, '=', 1) || ' '
                           || date_trunc('month', received_on)::date || ' ' || district || ' '
                           || substr(c, strpos(c, '=') + 1) || ' ' || count(*)
                    from case_fact cross join unnest(counted) c
                    where received_on >= ? and received_on < ?
                      and source_organisation in (select source_organisation from counted_source)
                    group by source_organisation, split_part(c, '=', 1), date_trunc('month', received_on),
                             district, substr(c, strpos(c, '=') + 1)"""));
            assertThat(rows("""
                    select area || ' ' || dimension || ' ' || month || ' ' || value || ' ' || incidents
                    from area_monthly_count where month >= ? and month < ?"""))
                    .as("area sums, round %d", round).isNotEmpty().isEqualTo(rows("""
                    select a.area || ' ' || m.dimension || ' ' || m.month || ' ' || m.value || ' '
                           || sum(m.incidents)
                    from area_district a join monthly_count m on m.district = a.district
                    where m.month >= ? and m.month < ?
                    group by a.area, m.dimension, m.month, m.value"""));
        }
    }

    @Test
    void aTableByDistrictOverQuartersCountsWhatItsMonthsCount() throws SQLException {
        // tables by district read whole quarters from the quarters' sums and the months at the ends from the months:
        // both must follow cases that move between months, quarters and districts, and give the months' figures
        Random random = new Random(year.firstDay().getYear() * 17L);
        List<String> districts = List.of("dover", "thanet", "canterbury");
        LocalDate first = year.firstDay().minusYears(1);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, year.endDay().plusYears(1));
        List<CaseFacts> cases = new ArrayList<>();
        for (int i = 0; i < 400; i++) { // some eleven a month: no period of a month or more is empty
            cases.add(TestFacts.facts(first.plusDays(random.nextInt(days)), districts.get(random.nextInt(3)), null,
                    random.nextBoolean() ? List.of("race") : List.of("religion", "disability")));
        }
        statistics.recordAll(cases);
        catchUp.catchUp();
        for (int i = 0; i < 100; i++) {
            int k = random.nextInt(200);
            cases.set(k, TestFacts.facts(cases.get(k).caseKey(), first.plusDays(random.nextInt(days)),
                    districts.get(random.nextInt(3)), null, List.of("transgender")));
        }
        statistics.recordAll(cases.subList(0, 200));
        catchUp.catchUp();
        assertThat(rowsBetween(first, year.endDay().plusYears(1), """
                select dimension || ' ' || quarter || ' ' || district || ' ' || value || ' ' || incidents
                from quarterly_count where quarter >= ? and quarter < ?""")).as("the quarters' sums").isNotEmpty()
                .isEqualTo(rowsBetween(first, year.endDay().plusYears(1), """
                select dimension || ' ' || date_trunc('quarter', month)::date || ' ' || district || ' ' || value
                       || ' ' || sum(incidents)
                from monthly_count where month >= ? and month < ?
                group by dimension, date_trunc('quarter', month), district, value"""));
        Scope scope = new Scope("test", districts, null);
        List<Period> periods = new ArrayList<>(List.of(year, year.quarter(1), year.quarter(4),
                Period.rollingYearTo(year.from().plusMonths(13)), Period.rollingYearTo(year.from().plusMonths(2)),
                Period.month(year.from().plusMonths(5))));
        for (int i = 0; i < 12; i++) {
            java.time.YearMonth from = java.time.YearMonth.from(first).plusMonths(random.nextInt(30));
            periods.add(new Period("random", from, from.plusMonths(1 + random.nextInt(12))));
        }
        for (Period period : periods) {
            for (Dimension dimension : List.of(Dimension.TOTAL, Dimension.STRAND, Dimension.INCIDENT_TYPE)) {
                List<String> counted = statistics.count(scope, dimension, period).stream()
                        .map(c -> c.value() + " " + c.district() + " " + c.incidents()).sorted().toList();
                assertThat(counted).as("%s %s to %s", dimension.code(), period.from(), period.to())
                        .isNotEmpty().isEqualTo(rowsBetween(period.firstDay(), period.endDay(), """
                                select value || ' ' || district || ' ' || sum(incidents) from monthly_count
                                where dimension = '%s' and month >= ? and month < ?
                                  and district in ('dover', 'thanet', 'canterbury')
                                group by value, district""".formatted(dimension.code())));
            }
        }
    }

    /** The rows of a query over the test's year (its two parameters), as sorted strings. */
    List<String> rows(String sql) throws SQLException {
        return rowsBetween(year.firstDay(), year.endDay(), sql);
    }

    /** The rows of a query over [from, to) (its two parameters), as sorted strings. */
    List<String> rowsBetween(LocalDate from, LocalDate to, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setDate(1, Date.valueOf(from));
            q.setDate(2, Date.valueOf(to));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Total incidents per district and month of the test's year, from the counts. */
    Map<String, Long> totals() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select district, month, incidents from monthly_count
                where dimension = 'total' and month >= ? and month < ?""")) {
            q.setDate(1, Date.valueOf(year.firstDay()));
            q.setDate(2, Date.valueOf(year.endDay()));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1) + " " + rows.getDate(2).toLocalDate(), rows.getLong(3));
                }
            }
        }
        return out;
    }

    long daily(String district, LocalDate day) {
        return statistics.daily(day, day.plusDays(1)).stream()
                .filter(d -> d.district().equals(district) && d.strand().equals("all"))
                .mapToLong(Statistics.DayCount::incidents).sum();
    }

    /** The id of the transaction that wrote the case's facts row as it stands. */
    long rowVersion(UUID key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select xmin::text::bigint from case_fact where case_key = ?")) {
            q.setObject(1, key);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    Set<String> countedSources() throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select source_organisation from counted_source");
                ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }

    void execute(String sql, LocalDate day) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setDate(1, Date.valueOf(day));
            statement.executeUpdate();
        }
    }

    int dirtyCells() throws SQLException {
        return (int) scalar("select count(*) from dirty_cell where month >= ? and month < ?", year.firstDay(),
                year.endDay());
    }

    long scalar(String sql, LocalDate from, LocalDate to) throws SQLException {
        return TestFacts.scalar(dataSource, sql, from, to);
    }
}
