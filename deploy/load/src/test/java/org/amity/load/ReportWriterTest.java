package org.amity.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    static BenchResult result(Instant started, List<Verifier.Check> checks) {
        LatencyHistogram ack = new LatencyHistogram();
        for (int i = 1; i <= 1_000; i++) {
            ack.record(i * 10L);
        }
        LatencyHistogram none = new LatencyHistogram();
        LatencyHistogram late = new LatencyHistogram();
        late.record(1_500);
        return new BenchResult(started, started.plusSeconds(95), "./amity bench --rate 500 --incidents 1000",
                "quiet machine", "LABC123", 42L, new Machine(2, 24_000, "Test CPU", "Linux 6.1", "Temurin 25"),
                "0.10 0.20 0.30", "1.50 0.90 0.40", "open model, 500 incidents/s on a schedule", 1_000, 0.3, 100, 6,
                13, 1_003, 3, 420, Map.of("single: HTTP 503", 2L), List.of("single: HTTP 503 {\"title\":\"down\"}"),
                2.1, 477.6, ack.summary(), ack.summary(), ack.summary(), none.summary(),
                Map.of("kent-police", ack.summary()), ack.summary(), ack.summary(), "Estimated by rank.", 4.0, 5.0,
                true, List.of(new BenchResult.ProcessFigures("intake", 101, 250, 480.4, 470, 3.5, 4.0, 5.0, 1_003),
                        new BenchResult.ProcessFigures("case", 102, 240, 300, 290, 2.0, 3.0, 5.0, 1_003),
                        new BenchResult.ProcessFigures("postgres", 103, 100, 160, 150, 1.0, 2.0, 5.0, 1_003)),
                1, List.of("intake", "postgres"),
                List.of(new Timeline.Row(0, 1, ack.summary(), late.summary(), 3, new double[] {0.62, 0.41},
                                Map.of("intake", 0.3, Timeline.SERVER, 0.02, "casework", 0.09), 1.93, 0.04, 12.5, 0.8),
                        new Timeline.Row(1, 2, none.summary(), none.summary(), 0, new double[] {0.05, -1},
                                Map.of("intake", 0.01), 0.2, -1, 0, 0)),
                new BenchResult.Raw(50_000, 100.0, 2_000, "median of the last 20 events", 4_000, 60_000, 700, ""),
                checks, List.of("A note."));
    }

    static final Verifier.Check OK = new Verifier.Check("case: one case per incident", "SQL", 1_003, 1_003, 0, 0, 0,
            "");
    static final Verifier.Check LOST = new Verifier.Check("sharing: referrals to kent-police", "SQL", 900, 899, 1, 0,
            0, "");

    @Test
    void theReportNamesTheCommandTheMachineTheFiguresAndTheChecks() throws Exception {
        Instant started = Instant.parse("2026-11-21T10:15:30Z");
        Path report = ReportWriter.write(result(started, List.of(OK)), dir);

        assertThat(report.getFileName().toString()).isEqualTo("2026-11-21-101530-quiet-machine.md");
        String md = Files.readString(report);
        assertThat(md).startsWith("# Benchmark 2026-11-21 10:15:30 UTC — quiet machine")
                .contains("**Nothing lost, nothing duplicated.**")
                .contains("./amity bench --rate 500 --incidents 1000")
                .contains("| cores | 2 |").contains("| memory | 23.4 GiB |").contains("Temurin 25")
                .contains("0.10 0.20 0.30 / 1.50 0.90 0.40")
                .contains("| intake acknowledgement, each report | 1,000 | 5.0 | 9.5 | 9.9 | 10.0 |")
                .contains("| … public form | 0 | – | – | – | – |")
                .contains("| referral in the feed of kent-police |")
                .contains("| **end to end, sustained** | **201 incidents/s**")
                .contains("| intake | 101 | 250 | 480 | 470 | 3.5 | 4.0 | 0.80 | 3.99 |")
                .contains("The four services' peak RSS added up: **780 MB**")
                .contains("50,000 msgs/s").contains("| 0.4 % |")
                .contains("| case: one case per incident | SQL | 1,003 | 1,003 | 0 | 0 | 0 | ok |")
                .contains("- A note.")
                .contains("single: HTTP 503")
                .contains("## Second by second\n\nThe sending, a row a second:")
                .contains("| from s | reports | p50 | p99 | max | sent late | in flight | intake | postgres | "
                        + "pg: casework | pg: intake | pg: server | all | stolen | disk MB | disk queue |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
                        + "| 0.0 | 1,000 | 5.0 | 9.9 | 10.0 | 1.5 | 3 | 0.62 | 0.41 | 0.09 | 0.30 | 0.02 | 1.93 | 0.04 | "
                        + "12.5 | 0.8 |\n"
                        + "| 1.0 | 0 | – | – | – | – | 0 | 0.05 | – | 0.00 | 0.01 | 0.00 | 0.20 | – | 0.0 | 0.0 |\n");
    }

    @Test
    void aFailedCheckIsShownAsFailed() throws Exception {
        String md = ReportWriter.markdown(result(Instant.parse("2026-11-21T10:15:30Z"), List.of(OK, LOST)));
        assertThat(md).contains("**Checks failed: see below.**")
                .contains("| sharing: referrals to kent-police | SQL | 900 | 899 | 1 | 0 | 0 | **FAILED** |");
    }

    @Test
    void theIndexListsRunsNewestFirst() throws Exception {
        ReportWriter.write(result(Instant.parse("2026-11-21T10:00:00Z"), List.of(OK)), dir);
        ReportWriter.write(result(Instant.parse("2026-11-22T09:00:00Z"), List.of(OK, LOST)), dir);

        List<String> rows = Files.readAllLines(dir.resolve("README.md")).stream()
                .filter(l -> l.startsWith("| [")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("| [2026-11-22-090000-quiet-machine]").endsWith("| **no** |");
        assertThat(rows.get(1)).startsWith("| [2026-11-21-100000-quiet-machine]").endsWith("| yes |");
    }

    @Test
    void theReadmeLinksTheLatestReport() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# X\n\nLatest: " + ReportWriter.LATEST_OPEN + "none yet"
                + ReportWriter.LATEST_CLOSE + ".\n");
        Path out = dir.resolve("docs/benchmarks");
        Path report = ReportWriter.write(result(Instant.parse("2026-11-21T10:00:00Z"), List.of(OK)), out);

        assertThat(ReportWriter.linkLatest(readme, report)).isTrue();
        assertThat(Files.readString(readme)).isEqualTo("# X\n\nLatest: " + ReportWriter.LATEST_OPEN
                + "[2026-11-21-100000-quiet-machine](docs/benchmarks/2026-11-21-100000-quiet-machine.md)"
                + ReportWriter.LATEST_CLOSE + ".\n");
    }

    @Test
    void aReadmeWithoutTheMarkerIsLeftAlone() throws Exception {
        Path readme = dir.resolve("OTHER.md");
        Files.writeString(readme, "# nothing to link\n");
        Path report = ReportWriter.write(result(Instant.parse("2026-11-21T10:00:00Z"), List.of(OK)), dir);
        assertThat(ReportWriter.linkLatest(readme, report)).isFalse();
        assertThat(Files.readString(readme)).isEqualTo("# nothing to link\n");
    }
}
