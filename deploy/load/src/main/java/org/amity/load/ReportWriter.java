package org.amity.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dated Markdown report of a run ({@code <out>/<yyyy-MM-dd-HHmmss>[-label].md}), the index of reports beside it
 * ({@code <out>/README.md}, newest first) and, when asked, the README line that points at the latest report: the
 * line between {@code <!-- bench:latest -->} and {@code <!-- /bench:latest -->}.
 */
final class ReportWriter {

    static final String LATEST_OPEN = "<!-- bench:latest -->";
    static final String LATEST_CLOSE = "<!-- /bench:latest -->";
    private static final String INDEX_MARK = "<!-- runs, newest first -->";
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Writes the report and the index entry; returns the report's path. */
    static Path write(BenchResult r, Path out) throws IOException {
        Files.createDirectories(out);
        String name = FILE.format(r.started()) + (r.label() == null ? "" : "-" + r.label().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")) + ".md";
        Path file = out.resolve(name);
        Files.writeString(file, markdown(r));
        index(out, name, r);
        return file;
    }

    /** Points the README's latest-benchmark line at {@code report}; false when the README has no such line. */
    static boolean linkLatest(Path readme, Path report) throws IOException {
        String text = Files.readString(readme);
        Pattern line = Pattern.compile(Pattern.quote(LATEST_OPEN) + ".*?" + Pattern.quote(LATEST_CLOSE),
                Pattern.DOTALL);
        Matcher m = line.matcher(text);
        if (!m.find()) {
            return false;
        }
        String relative = readme.toAbsolutePath().getParent().relativize(report.toAbsolutePath()).toString()
                .replace('\\', '/');
        String link = LATEST_OPEN + "[" + report.getFileName().toString().replaceFirst("\\.md$", "") + "]("
                + relative + ")" + LATEST_CLOSE;
        Files.writeString(readme, text.substring(0, m.start()) + link + text.substring(m.end()));
        return true;
    }

    private static void index(Path out, String name, BenchResult r) throws IOException {
        Path index = out.resolve("README.md");
        String entry = "| [" + name.replaceFirst("\\.md$", "") + "](" + name + ") | " + r.mode() + " | "
                + count(r.accepted()) + " | " + perSecond(r.endToEndPerSecond()) + " | "
                + ms(r.acknowledgement().p99(), r.acknowledgement().count()) + " | "
                + ms(r.allReferrals().p99(), r.allReferrals().count()) + " | " + (r.passed() ? "yes" : "**no**")
                + " |\n";
        String text = Files.exists(index) ? Files.readString(index) : """
                # Benchmarks

                Reports of `./amity bench` (the load tool, `deploy/load`), newest first. Each names its command and
                machine; compare runs by their ratios to the machine's own limits, not by raw figures.

                | report | load | incidents | end to end / s | intake p99 ms | referral p99 ms | nothing lost or duplicated |
                |---|---|---|---|---|---|---|
                """ + INDEX_MARK + "\n";
        if (!text.contains(INDEX_MARK)) {
            text = text + "\n" + INDEX_MARK + "\n";
        }
        Files.writeString(index, text.replace(INDEX_MARK + "\n", INDEX_MARK + "\n" + entry));
    }

    static String markdown(BenchResult r) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark ").append(HUMAN.format(r.started()))
                .append(r.label() == null ? "" : " — " + r.label()).append("\n\n");
        md.append(r.passed() ? "**Nothing lost, nothing duplicated.**" : "**Checks failed: see below.**")
                .append(" Run `").append(r.run()).append("`, generator seed ").append(r.seed()).append(".\n\n");
        md.append("Command:\n\n```\n").append(r.command()).append("\n```\n\n");

        md.append("## Machine\n\n| | |\n|---|---|\n");
        md.append("| cores | ").append(r.machine().cores()).append(" |\n");
        md.append("| memory | ").append(r.machine().memoryMb() < 0 ? "unknown"
                : String.format(Locale.ROOT, "%.1f GiB", r.machine().memoryMb() / 1024.0)).append(" |\n");
        md.append("| CPU | ").append(r.machine().cpu()).append(" |\n");
        md.append("| kernel | ").append(r.machine().kernel()).append(" |\n");
        md.append("| JDK (load tool) | ").append(r.machine().jdk()).append(" |\n");
        md.append("| load average before / after (1, 5, 15 min) | ").append(r.loadAverageBefore()).append(" / ")
                .append(r.loadAverageAfter()).append(" |\n");
        md.append("| time | ").append(HUMAN.format(r.started())).append(" to ").append(HUMAN.format(r.finished()))
                .append(" |\n\n");
        md.append("Everything (servers, services, this tool) shares the machine: the tool's own CPU is in the "
                + "process table.\n\n");

        md.append("## Load\n\n| | |\n|---|---|\n");
        md.append("| schedule | ").append(r.mode()).append(" |\n");
        md.append("| reports planned (organisations) | ").append(count(r.planned())).append(" |\n");
        md.append("| in batch calls | ").append(pct(r.batchShare())).append(", ").append(r.batchSize())
                .append(" a call |\n");
        md.append("| public form | ").append(r.publicPerMinute()).append(" a minute |\n");
        md.append("| districts | ").append(r.districts()).append(" |\n");
        md.append("| accepted | ").append(count(r.accepted())).append(" (").append(count(r.publicAccepted()))
                .append(" through the public form) in ").append(count(r.calls())).append(" calls |\n");
        md.append("| refused | ").append(r.refusals().isEmpty() ? "none" : r.refusals().toString()).append(" |\n");
        md.append("| sending took | ").append(seconds(r.sendSeconds())).append(" (accepted ")
                .append(perSecond(r.acceptedPerSecond())).append(" a second) |\n\n");
        if (!r.errors().isEmpty()) {
            md.append("First errors:\n\n");
            r.errors().forEach(e -> md.append("- `").append(e.replace("`", "'")).append("`\n"));
            md.append("\n");
        }

        md.append("## Latency (ms)\n\nFrom the intended send time (open model) or the send (closed model).\n\n");
        md.append("| what | count | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        latency(md, "intake acknowledgement, each report", r.acknowledgement());
        latency(md, "… single calls", r.single());
        latency(md, "… batch calls (whole call)", r.batch());
        latency(md, "… public form", r.publicForm());
        for (Map.Entry<String, LatencyHistogram.Summary> e : r.referral().entrySet()) {
            latency(md, "referral in the feed of " + e.getKey(), e.getValue());
        }
        latency(md, "referral in a recipient's feed, all", r.allReferrals());
        latency(md, "county figure moved (estimate, see below)", r.analytics());
        md.append("\nA referral is seen when the tool's reader of the recipient's feed (polling every ")
                .append(FeedWatcher.IDLE_MILLIS).append(" ms when idle) first gets it. ").append(r.analyticsNote())
                .append("\n\n");

        md.append("## Throughput\n\n| | |\n|---|---|\n");
        md.append("| intake accepted | ").append(perSecond(r.acceptedPerSecond())).append(" incidents/s |\n");
        md.append("| every expected referral in its feed after | ").append(seconds(r.referralsCompleteSeconds()))
                .append(" |\n");
        md.append("| the county's figure complete after | ").append(seconds(r.analyticsCompleteSeconds()))
                .append(" |\n");
        md.append("| **end to end, sustained** | **").append(perSecond(r.endToEndPerSecond()))
                .append(" incidents/s** (accepted ÷ time from the first send until the last referral and count) |\n");
        if (!r.drained()) {
            md.append("| | not everything came through within the drain time |\n");
        }
        md.append("\n");

        md.append("## Processes\n\nRSS from /proc/PID/status (PostgreSQL: the sum of PSS over the postmaster and its "
                + "backends); CPU from /proc/PID/stat, from the first send until everything was through.\n\n");
        md.append("| process | pid | RSS start MB | RSS peak MB | RSS end MB | CPU s (sending) | CPU s (all) | "
                + "cores | CPU ms / incident |\n|---|---|---|---|---|---|---|---|---|\n");
        double services = 0;
        for (BenchResult.ProcessFigures p : r.processes()) {
            md.append("| ").append(p.name()).append(" | ").append(p.pid()).append(" | ").append(mb(p.firstMb()))
                    .append(" | ").append(mb(p.peakMb())).append(" | ").append(mb(p.lastMb())).append(" | ")
                    .append(num(p.cpuSecondsSending(), 1)).append(" | ").append(num(p.cpuSecondsAll(), 1))
                    .append(" | ").append(num(p.cores(), 2)).append(" | ").append(num(p.cpuMillisPerIncident(), 2))
                    .append(" |\n");
            if (List.of("intake", "case", "sharing", "analytics").contains(p.name()) && p.peakMb() > 0) {
                services += p.peakMb();
            }
        }
        md.append("\nThe four services' peak RSS added up: **").append(mb(services)).append(" MB**.\n\n");

        timeline(md, r);

        BenchResult.Raw raw = r.raw();
        md.append("## The machine's own limits\n\n");
        if (raw == null) {
            md.append("Not measured.\n\n");
        } else {
            md.append("| | measured | platform end to end as a share |\n|---|---|---|\n");
            md.append("| Kafka producer, acks=all, idempotent, ").append(raw.kafkaMessageBytes())
                    .append("-byte messages (").append(raw.kafkaSizeSource()).append(") | ")
                    .append(perSecond(raw.kafkaPerSecond())).append(" msgs/s, ")
                    .append(num(raw.kafkaMegabytesPerSecond(), 1)).append(" MB/s | ")
                    .append(ratio(r.endToEndPerSecond(), raw.kafkaPerSecond())).append(" |\n");
            md.append("| PostgreSQL, one row per commit, ").append(RawPostgres.SINGLE_CONNECTIONS)
                    .append(" connections | ").append(perSecond(raw.postgresSingleRowCommits()))
                    .append(" commits/s | ").append(ratio(r.endToEndPerSecond(), raw.postgresSingleRowCommits()))
                    .append(" |\n");
            md.append("| PostgreSQL, JDBC batches of ").append(RawPostgres.BATCH).append(" rows, ")
                    .append(RawPostgres.BATCH_CONNECTIONS).append(" connections | ")
                    .append(perSecond(raw.postgresBatchedRows())).append(" rows/s | ")
                    .append(ratio(r.endToEndPerSecond(), raw.postgresBatchedRows())).append(" |\n");
            md.append("\nIntake's acceptance rate as a share of batched PostgreSQL inserts: ")
                    .append(ratio(r.acceptedPerSecond(), raw.postgresBatchedRows()))
                    .append(". Every incident costs the platform several Kafka messages and some forty statements "
                            + "across four databases, so these shares are far below 100 % by design; they let runs on "
                            + "different machines be compared.");
            if (raw.note() != null && !raw.note().isBlank()) {
                md.append(" ").append(raw.note());
            }
            md.append("\n\n");
        }

        md.append("## Nothing lost, nothing duplicated\n\n| check | how | expected | found | lost | duplicated | "
                + "unexpected | |\n|---|---|---|---|---|---|---|---|\n");
        for (Verifier.Check c : r.checks()) {
            md.append("| ").append(c.what()).append(" | ").append(c.how()).append(" | ").append(count(c.expected()))
                    .append(" | ").append(count(c.found())).append(" | ").append(count(c.lost())).append(" | ")
                    .append(count(c.duplicated())).append(" | ").append(count(c.unexpected())).append(" | ")
                    .append(c.passed() ? "ok" : "**FAILED**").append(c.note().isBlank() ? "" : " — " + c.note())
                    .append(" |\n");
        }
        md.append("\n");
        if (!r.notes().isEmpty()) {
            md.append("## Notes\n\n");
            r.notes().forEach(n -> md.append("- ").append(n).append("\n"));
            md.append("\n");
        }
        return md.toString();
    }

    /** The sending second by second, so that a slow second can be read against what the machine did in it. */
    private static void timeline(StringBuilder md, BenchResult r) {
        if (r.timeline().isEmpty()) {
            return;
        }
        // PostgreSQL's databases in any row, the server's own processes last
        List<String> databases = r.timeline().stream().flatMap(row -> row.postgresCores().keySet().stream())
                .distinct().sorted(Comparator.comparing((String d) -> d.equals(Timeline.SERVER))
                        .thenComparing(Comparator.naturalOrder())).toList();
        String width = r.timelineSeconds() == 1 ? "second" : num(r.timelineSeconds(), 0) + " seconds";
        md.append("## Second by second\n\nThe sending, a row a ").append(width).append(": the acknowledgements of "
                + "the reports meant to go in it (ms from the intended time), how late this tool itself wrote those "
                + "calls to their connections (p99, ms: part of the latency, and none of the platform's doing), the "
                + "calls in flight at its end, the cores each process used in it");
        if (!databases.isEmpty()) {
            md.append(" (PostgreSQL's also by the database its live backends serve, `pg:` columns; `pg: ")
                    .append(Timeline.SERVER).append("` is its checkpointer, writers and autovacuum)");
        }
        md.append(", the cores the whole machine used (`all`: every process, this tool's and any other's) and the "
                + "cores the hypervisor gave to other machines (`stolen`: a virtual machine's CPUs taken away), what "
                + "the disks wrote (MB) and their queue's average length.\n\n");
        md.append("| from s | reports | p50 | p99 | max | sent late | in flight |");
        r.timelineComponents().forEach(c -> md.append(' ').append(c).append(" |"));
        databases.forEach(d -> md.append(" pg: ").append(d).append(" |"));
        md.append(" all | stolen | disk MB | disk queue |\n|");
        md.append("---|".repeat(11 + r.timelineComponents().size() + databases.size())).append("\n");
        for (Timeline.Row row : r.timeline()) {
            LatencyHistogram.Summary a = row.acknowledgement();
            md.append("| ").append(num(row.fromSeconds(), 1)).append(" | ").append(count(a.count())).append(" | ")
                    .append(ms(a.p50(), a.count())).append(" | ").append(ms(a.p99(), a.count())).append(" | ")
                    .append(ms(a.max(), a.count())).append(" | ")
                    .append(ms(row.sentLate().p99(), row.sentLate().count())).append(" | ").append(row.inFlight())
                    .append(" |");
            for (double cores : row.cores()) {
                md.append(' ').append(num(cores, 2)).append(" |");
            }
            for (String database : databases) {
                md.append(' ').append(num(row.postgresCores().getOrDefault(database, 0.0), 2)).append(" |");
            }
            md.append(' ').append(num(row.machineBusy(), 2)).append(" | ").append(num(row.stolen(), 2)).append(" | ")
                    .append(num(row.diskMegabytes(), 1)).append(" | ").append(num(row.diskQueue(), 1)).append(" |\n");
        }
        md.append("\n");
    }

    private static void latency(StringBuilder md, String what, LatencyHistogram.Summary s) {
        if (s == null || s.empty()) {
            md.append("| ").append(what).append(" | 0 | – | – | – | – |\n");
            return;
        }
        md.append("| ").append(what).append(" | ").append(count(s.count())).append(" | ").append(num(s.p50(), 1))
                .append(" | ").append(num(s.p95(), 1)).append(" | ").append(num(s.p99(), 1)).append(" | ")
                .append(num(s.max(), 1)).append(" |\n");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String num(double d, int decimals) {
        return d < 0 || Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", d);
    }

    private static String ms(double d, long count) {
        return count == 0 ? "–" : num(d, 1);
    }

    private static String mb(double d) {
        return num(d, 0);
    }

    private static String perSecond(double d) {
        return num(d, 0);
    }

    private static String seconds(double d) {
        return d < 0 ? "–" : num(d, 1) + " s";
    }

    private static String pct(double d) {
        return String.format(Locale.ROOT, "%.0f %%", d * 100);
    }

    static String ratio(double part, double whole) {
        return part < 0 || whole <= 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", part * 100 / whole);
    }
}
