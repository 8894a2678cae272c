package org.amity.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {

    private static final long S = 1_000_000_000L;
    private static final long START = 50 * S;

    private final Deque<Timeline.Snapshot> readings = new ArrayDeque<>();

    private Timeline timeline(double plannedSeconds) {
        return new Timeline(List.of("intake", "postgres"), START, plannedSeconds, readings::poll);
    }

    private void reading(long nanos, long intakeTicks, long postgresTicks, long sectors, long queueMillis,
            int inFlight) {
        readings.add(new Timeline.Snapshot(nanos, new long[] {intakeTicks, postgresTicks}, Map.of(),
                10 * intakeTicks, intakeTicks / 10, sectors, queueMillis, inFlight));
    }

    @Test
    void aReportCountsInTheSecondItWasMeantToGoAndTheCountersInTheSecondTheyMoved() {
        Timeline timeline = timeline(30);
        reading(START, 1_000, 500, 10_000, 4_000, 0);
        reading(START + S, 1_062, 541, 10_000 + 2 * 12_207, 4_800, 3);
        reading(START + 2 * S, 1_067, 541, 10_000 + 2 * 12_207, 4_800, 0);
        timeline.sample();
        timeline.sample();
        // meant for the first second, answered in the second one: it counts in the first
        timeline.acknowledged(START + S / 2, START + S + S / 4, 1);
        timeline.acknowledged(START + S / 10, START + S / 10 + 4_000_000, 1);
        // a batch of three meant for the second second, which the tool itself put on the wire 7 ms late
        timeline.sending(START + S + 1, START + S + 1 + 7_000_000);
        timeline.acknowledged(START + S + 1, START + S + 1 + 20_000_000, 3);
        timeline.close();

        List<Timeline.Row> rows = timeline.rows();
        assertThat(rows).hasSize(2);
        Timeline.Row first = rows.get(0);
        assertThat(first.fromSeconds()).isZero();
        assertThat(first.toSeconds()).isEqualTo(1.0);
        assertThat(first.acknowledgement().count()).isEqualTo(2);
        assertThat(first.acknowledgement().max()).isEqualTo(750.0);
        assertThat(first.cores()).containsExactly(0.62, 0.41);
        assertThat(first.machineBusy()).isCloseTo(6.2, offset(1e-9));
        assertThat(first.stolen()).isCloseTo(0.06, offset(1e-9));
        assertThat(first.diskMegabytes()).isCloseTo(12.5, offset(0.01));
        assertThat(first.diskQueue()).isEqualTo(0.8);
        assertThat(first.inFlight()).isEqualTo(3);
        Timeline.Row second = rows.get(1);
        assertThat(second.acknowledgement().count()).isEqualTo(3);
        assertThat(second.acknowledgement().p50()).isEqualTo(20.0);
        assertThat(second.sentLate().max()).isEqualTo(7.0);
        assertThat(first.sentLate().count()).isZero();
        assertThat(second.cores()).containsExactly(0.05, 0.0);
        assertThat(second.diskMegabytes()).isZero();
        assertThat(second.inFlight()).isZero();
    }

    @Test
    void aProcessNotReadOrRestartedIsShownAsNotMeasured() {
        Timeline timeline = timeline(10);
        reading(START, 1_000, -1, -1, -1, 0);
        reading(START + S, 900, 700, 5, 5, 0); // intake's counter went back: a new process
        timeline.sample();
        timeline.close();

        Timeline.Row row = timeline.rows().get(0);
        assertThat(row.cores()).containsExactly(-1.0, -1.0);
        assertThat(row.diskMegabytes()).isEqualTo(-1.0);
        assertThat(row.diskQueue()).isEqualTo(-1.0);
        assertThat(row.machineBusy()).as("the machine's counter went back too").isEqualTo(-1.0);
    }

    @Test
    void reportsMeantBeforeTheStartOrAfterTheLastRowAreLeftOut() {
        Timeline timeline = timeline(10);
        reading(START, 0, 0, 0, 0, 0);
        reading(START + S, 0, 0, 0, 0, 0);
        timeline.sample();
        timeline.acknowledged(START - 1, START + 5, 1);
        timeline.acknowledged(START + Timeline.MAX_ROWS * S, START + Timeline.MAX_ROWS * S + 5, 1);
        timeline.acknowledged(START, START + 2_000_000, 1);
        timeline.close();

        assertThat(timeline.rows()).singleElement()
                .satisfies(row -> assertThat(row.acknowledgement().count()).isEqualTo(1));
    }

    @Test
    void postgresIsAlsoSplitByTheDatabaseItsBackendsServe() {
        Timeline timeline = timeline(10);
        Map<Long, Timeline.Backend> before = Map.of(
                10L, new Timeline.Backend("intake", 400), 11L, new Timeline.Backend("casework", 900),
                12L, new Timeline.Backend(Timeline.SERVER, 50), 13L, new Timeline.Backend("casework", 70));
        Map<Long, Timeline.Backend> after = Map.of(
                10L, new Timeline.Backend("intake", 430), 11L, new Timeline.Backend("casework", 920),
                12L, new Timeline.Backend(Timeline.SERVER, 51),
                14L, new Timeline.Backend("intake", 5), // connected meanwhile (13 ended: its ticks are not split)
                20L, new Timeline.Backend("sharing", 3));
        readings.add(new Timeline.Snapshot(START, new long[] {0, 1_419}, before, 0, 0, 0, 0, 0));
        readings.add(new Timeline.Snapshot(START + S, new long[] {0, 1_489}, after, 0, 0, 0, 0, 0));
        timeline.sample();
        timeline.close();

        Timeline.Row row = timeline.rows().get(0);
        assertThat(row.cores()[1]).isEqualTo(0.7);
        assertThat(row.postgresCores()).containsOnlyKeys("intake", "casework", "sharing", Timeline.SERVER);
        assertThat(row.postgresCores().get("intake")).isCloseTo(0.35, offset(1e-9));
        assertThat(row.postgresCores().get("casework")).isCloseTo(0.2, offset(1e-9));
        assertThat(row.postgresCores().get("sharing")).isCloseTo(0.03, offset(1e-9));
        assertThat(row.postgresCores().get(Timeline.SERVER)).isCloseTo(0.01,
                offset(1e-9));
    }

    @Test
    void aBackendsTitleNamesItsDatabase() {
        assertThat(Timeline.database("postgres: casework casework 127.0.0.1(51234) idle")).isEqualTo("casework");
        assertThat(Timeline.database("postgres: amity_keys amity_keys [local] INSERT")).isEqualTo("amity_keys");
        assertThat(Timeline.database("postgres: intake intake ::1(40000) idle in transaction")).isEqualTo("intake");
        assertThat(Timeline.database("postgres: checkpointer")).isEqualTo(Timeline.SERVER);
        assertThat(Timeline.database("postgres: autovacuum worker analytics")).isEqualTo(Timeline.SERVER);
        assertThat(Timeline.database("postgres: walwriter")).isEqualTo(Timeline.SERVER);
        assertThat(Timeline.database("")).isEqualTo(Timeline.SERVER);
    }

    @Test
    void theMomentBetweenTheLastRowAndTheCloseIsNoRowOfItsOwn() {
        Timeline timeline = timeline(10);
        reading(START, 0, 0, 0, 0, 0);
        reading(START + S, 50, 0, 0, 0, 0);
        reading(START + S + S / 10, 53, 0, 0, 0, 0); // 30 % of a core over 0.1 s: ticks too coarse to tell
        timeline.sample();
        timeline.sample();
        timeline.close();

        assertThat(timeline.rows()).singleElement().satisfies(row -> assertThat(row.cores()[0]).isEqualTo(0.5));
    }

    @Test
    void longRunsGetWiderRowsSoThatTheReportStaysReadable() {
        assertThat(timeline(30).widthSeconds()).isEqualTo(1.0);
        assertThat(timeline(Timeline.MAX_ROWS).widthSeconds()).isEqualTo(1.0);
        assertThat(timeline(Timeline.MAX_ROWS + 1).widthSeconds()).isEqualTo(2.0);
        assertThat(timeline(3_600).widthSeconds()).isEqualTo(30.0);
        assertThat(timeline(0).widthSeconds()).as("a run of unknown length").isEqualTo(10.0);

        Timeline wide = timeline(600); // 5-s rows
        reading(START, 0, 0, 0, 0, 0);
        reading(START + 5 * S, 250, 0, 0, 0, 0);
        wide.sample();
        wide.acknowledged(START + 4 * S, START + 4 * S + 1_000_000, 1);
        wide.acknowledged(START + 5 * S, START + 5 * S + 1_000_000, 1);
        wide.close();
        assertThat(wide.rows()).singleElement().satisfies(row -> {
            assertThat(row.acknowledgement().count()).isEqualTo(1);
            assertThat(row.cores()[0]).isEqualTo(0.5);
        });
    }

    @Test
    void theMachinesCpuIsReadFromProcStat(@TempDir Path dir) throws Exception {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "cpu  4723875 624688 636557 2263964 35276 7 121500 65615 0 0\n"
                + "cpu0 1 2 3 4 5 6 7 8 0 0\nintr 1 2 3\n");
        assertThat(ProcFs.machineTicks(stat)).containsExactly(4_723_875L + 624_688 + 636_557 + 7 + 121_500, 65_615);
        Files.writeString(stat, "intr 1 2 3\n");
        assertThat(ProcFs.machineTicks(stat)).containsExactly(-1, -1);
        assertThat(ProcFs.machineTicks(dir.resolve("missing"))).containsExactly(-1, -1);
    }

    @Test
    void theDisksAreTheMachinesBlockDevicesWithoutLoopRamOrPartitions(@TempDir Path dir) throws Exception {
        Path sysBlock = Files.createDirectories(dir.resolve("block"));
        for (String disk : List.of("vda", "nvme0n1", "loop0", "zram0")) {
            Files.createDirectories(sysBlock.resolve(disk));
        }
        Path diskstats = dir.resolve("diskstats");
        Files.writeString(diskstats, String.join("\n",
                "   7       0 loop0 1 0 8 0 900 0 7200 0 0 10 10 0 0 0 0 0 0",
                " 254       0 vda 100 0 800 50 2000 10 40000 300 1 900 1200 0 0 0 0 0 0",
                " 254       1 vda1 90 0 700 40 1990 10 39000 290 0 880 1100 0 0 0 0 0 0",
                " 259       0 nvme0n1 5 0 40 1 20 0 160 3 0 4 7 0 0 0 0 0 0",
                " 252       0 zram0 0 0 0 0 500 0 4000 0 0 0 50 0 0 0 0 0 0",
                "garbage"));

        assertThat(ProcFs.diskWrites(diskstats, sysBlock)).containsExactly(40_160, 1_207);
        assertThat(ProcFs.diskWrites(dir.resolve("missing"), sysBlock)).containsExactly(-1, -1);
    }
}
