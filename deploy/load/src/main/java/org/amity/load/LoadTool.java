package org.amity.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./amity bench}: drives a running platform with generated reports, follows them to the recipients' feeds and
 * the county's figures, measures the processes and the machine's own limits, checks that nothing was lost or
 * duplicated, and writes a dated report. See {@link Options#HELP}.
 */
public final class LoadTool {

    /** Reports made and written as JSON, then dropped, before the schedule starts. */
    static final int WARM_UP_REPORTS = 3_000;

    /** What a run ended with: the exit status and the report written (null when none was). */
    public record Outcome(int status, Path report) {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err).status());
    }

    /** Runs the tool as the command line would; never exits the JVM (the platform tests call it). */
    public static Outcome run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(Options.HELP);
            return new Outcome(0, null);
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.Invalid e) {
            err.println("amity bench: " + e.getMessage());
            return new Outcome(2, null);
        }
        try {
            return new LoadTool(options, out).execute();
        } catch (Api.CallFailed | IllegalStateException e) {
            err.println("amity bench: " + e.getMessage());
            return new Outcome(1, null);
        } catch (Exception e) {
            err.println("amity bench: failed: " + e);
            e.printStackTrace(err);
            return new Outcome(1, null);
        }
    }

    private final Options options;
    private final PrintStream out;
    private final Api api;
    private final Ledger ledger = new Ledger();
    private final Arrivals arrivals = new Arrivals();
    private final List<String> notes = new ArrayList<>();

    private LoadTool(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.api = new Api(options.keycloakUrl());
    }

    private Outcome execute() throws Exception {
        Instant started = Instant.now();
        String loadBefore = Machine.loadAverage();
        String run = runTag();
        checkPlatform();
        Map<String, Long> pids = processes();
        out.println("amity bench: run " + run + "; measuring " + pids.keySet() + "; "
                + (options.max() ? "as fast as it goes, " + options.concurrency() + " callers"
                : String.format(Locale.ROOT, "%.0f incidents/s", options.rate()))
                + (options.intakeOnly() ? "; intake only" : ""));

        ReportGenerator generator = new ReportGenerator(options.seed(), run, options.districts(),
                options.batchShare(), options.batchSize(), started);
        warmUp(started);
        Map<String, FeedWatcher> feeds = new LinkedHashMap<>();
        AnalyticsWatcher analytics = null;
        BacklogWatcher backlog = null;
        if (options.intakeOnly()) {
            notes.add("Intake only (--intake-only): no feed, figure, case, referral or statistics fact was followed "
                    + "or checked; only intake's acknowledgements and lists. Case, sharing and analytics may have "
                    + "been paused or behind during the run.");
        } else {
            for (String recipient : options.feeds()) {
                feeds.put(recipient, new FeedWatcher(api, options.sharingUrl(), recipient, feedEnd(recipient),
                        arrivals));
            }
            analytics = new AnalyticsWatcher(api, options.analyticsUrl(), arrivals);
            backlog = new BacklogWatcher(options.kafka(), arrivals);
        }
        AnalyticsWatcher watcher = analytics;
        warmUpLoad(run, started);
        ProcessSampler sampler = new ProcessSampler(pids);
        double plannedSeconds = options.max() ? options.seconds()
                : options.incidents() == Long.MAX_VALUE ? 0 : options.incidents() / options.rate();
        LoadDriver driver = new LoadDriver(options, generator, api, ledger, (start, inFlight) -> new Timeline(
                sampler.components().stream().map(c -> c.name).toList(), start, plannedSeconds,
                Timeline.machine(sampler.components(), inFlight)));
        Timeline timeline;
        long drainedNanos;
        boolean drained;
        sampler.mark("start");
        String[] phase = {"sending"};
        try (Progress progress = new Progress(options.progress(), out, () -> status(phase[0], driver, feeds,
                watcher))) {
            timeline = driver.run();
            sampler.mark("sent");
            phase[0] = "draining";
            drained = options.intakeOnly() || drain(feeds, analytics, backlog);
            drainedNanos = System.nanoTime();
            sampler.mark("drained");
            phase[0] = drained ? "through" : "drain time over";
        }
        sampler.close();
        long startNanos = driver.startNanos;
        out.println("amity bench: checking (intake lists, feeds read again from the start, databases read only) ...");
        long reread = 0;
        for (FeedWatcher feed : feeds.values()) {
            reread += feed.stopAndReread();
            if (feed.failure != null) {
                notes.add("The feed of " + feed.recipient + " failed at times: " + feed.failure);
            }
        }
        if (reread > 0) {
            notes.add(reread + " referral(s) appeared in a feed only when it was read again from the start: their "
                    + "cursor was handed out before an item the forward reader had already passed (a partner reading "
                    + "only forward would miss them).");
        }
        if (backlog != null) {
            backlog.close();
            if (backlog.failure != null) {
                notes.add("Reading the consumers' lag failed at times: " + backlog.failure);
            }
        }
        if (analytics != null) {
            analytics.close();
            if (analytics.failure != null) {
                notes.add("Reading the county's figure failed at times: " + analytics.failure);
            }
        }

        Verifier verifier = new Verifier(options, api, ledger, feeds, started);
        List<Verifier.Check> checks = new ArrayList<>(verifier.intake());
        if (analytics != null) {
            checks.add(verifier.cases());
            checks.addAll(verifier.referrals());
            checks.addAll(verifier.analytics(analytics));
        }

        BenchResult.Raw raw = raw(run, generator);
        Map<String, LatencyHistogram.Summary> perRecipient = new TreeMap<>();
        verifier.referralLatency.forEach((k, v) -> perRecipient.put(k, v.summary()));
        LatencyHistogram countMoved = new LatencyHistogram();
        String analyticsNote = analyticsLatency(analytics, countMoved);
        double sendSeconds = (driver.lastAnswerNanos - startNanos) / 1e9;
        double referralsDone = verifier.lastReferralSeenNanos == 0 ? -1
                : (verifier.lastReferralSeenNanos - startNanos) / 1e9;
        double analyticsDone = analyticsComplete(analytics, startNanos);
        List<BenchResult.ProcessFigures> figures = new ArrayList<>();
        double allSeconds = (drainedNanos - startNanos) / 1e9;
        for (ProcessSampler.Component c : sampler.components()) {
            figures.add(new BenchResult.ProcessFigures(c.name, c.pid, c.firstKb / 1024.0, c.peakKb / 1024.0,
                    c.lastKb / 1024.0, c.cpuSeconds("start", "sent"), c.cpuSeconds("start", "drained"), allSeconds,
                    ledger.acceptedCount()));
        }
        if (driver.errors().size() > 0 && ledger.refusedCount() > 0) {
            notes.add("Refused reports are not followed further: only accepted ones are expected downstream.");
        }
        notes.add("Referrals carry no reference to the report they came from (no incident id, source reference or "
                + "correlation id): identifiable ones are matched by the victim's name, which the generator makes "
                + "unique; anonymised ones only through the sharing and case databases.");
        BenchResult result = new BenchResult(started, Instant.now(), "./amity bench " + options.commandLine(),
                options.label(), run, options.seed(), Machine.here(), loadBefore, Machine.loadAverage(),
                options.max() ? "closed model, " + options.concurrency() + " callers as fast as answered"
                        : String.format(Locale.ROOT, "open model, %.0f incidents/s on a schedule", options.rate()),
                options.incidents() == Long.MAX_VALUE ? ledger.incidentsSent.get() : options.incidents(),
                options.batchShare(), options.batchSize(), options.publicPerMinute(), options.districts().size(),
                ledger.acceptedCount(), ledger.publicReports().size(), ledger.callsSent.get(), ledger.refusals(),
                driver.errors(), sendSeconds, sendSeconds > 0 ? ledger.acceptedCount() / sendSeconds : -1,
                ledger.acknowledgement.summary(), ledger.acknowledgementSingle.summary(),
                ledger.acknowledgementBatch.summary(), ledger.acknowledgementPublic.summary(), perRecipient,
                verifier.allReferralLatency.summary(), countMoved.summary(), analyticsNote, referralsDone,
                analyticsDone, drained, figures, timeline.widthSeconds(), timeline.components(), timeline.rows(),
                raw, checks, notes);
        Path report = ReportWriter.write(result, options.out());
        if (options.readme() != null && !ReportWriter.linkLatest(options.readme(), report)) {
            out.println("amity bench: " + options.readme() + " has no " + ReportWriter.LATEST_OPEN
                    + " line: not linked");
        }
        summary(result, report);
        return new Outcome(result.passed() ? 0 : 1, report);
    }

    /**
     * Makes and serialises {@value #WARM_UP_REPORTS} reports that are never sent, so that the tool's own code is
     * compiled before its first intended send time: a cold tool wrote the first second's calls up to 170 ms late
     * (the timeline's "sent late"), which counted as the platform's latency.
     */
    private void warmUp(Instant now) {
        ReportGenerator throwaway = new ReportGenerator(options.seed() ^ 0x5DEECE66DL, "warm-up", options.districts(),
                options.batchShare(), options.batchSize(), now);
        long bytes = 0;
        for (int made = 0; made < WARM_UP_REPORTS; ) {
            ReportGenerator.Unit unit = throwaway.nextUnit();
            for (GeneratedReport report : unit.reports()) {
                bytes += Json.bytes(report.body()).length;
            }
            made += unit.reports().size();
            bytes += Json.bytes(throwaway.nextPublic().body()).length;
        }
        if (bytes == 0) {
            throw new IllegalStateException("the warm-up made no reports");
        }
    }

    /**
     * Sends {@code --warm-up} seconds of the run's load first, neither measured nor checked, and returns when every
     * call is answered: the measured run then starts on services whose JIT has compiled the paths generated reports
     * take (a fixed wrk body leaves others cold: after wrk warm-ups, intake's first held run compiled 3,000-4,000
     * methods, docs/figures.md, intake, session 24). Its reports carry a run tag of their own.
     */
    private void warmUpLoad(String run, Instant started) throws InterruptedException {
        if (options.warmUpSeconds() == 0) {
            return;
        }
        Options warm = options.warmUp();
        ReportGenerator generator = new ReportGenerator(options.seed() ^ 0x2545F4914F6CDD1DL, "W" + run.substring(1),
                warm.districts(), warm.batchShare(), warm.batchSize(), started);
        Ledger warmLedger = new Ledger();
        LoadDriver driver = new LoadDriver(warm, generator, api, warmLedger, (start, inFlight) -> new Timeline(
                List.of(), start, warm.seconds(), Timeline.machine(List.of(), inFlight)));
        out.printf(Locale.ROOT, "amity bench: warming up, %d s at %.0f incidents/s (not measured) ...%n",
                warm.seconds(), warm.rate());
        driver.run();
        LatencyHistogram.Summary latency = warmLedger.acknowledgement.summary();
        out.printf(Locale.ROOT, "amity bench: warm-up accepted %,d of %,d; p99 %.1f ms%n", warmLedger.acceptedCount(),
                warm.incidents(), latency.p99());
        notes.add(String.format(Locale.ROOT, "Warm-up (--warm-up %d): %,d reports at %.0f/s right before the measured "
                + "run, neither measured nor checked (accepted %,d; p99 %.1f ms).", options.warmUpSeconds(),
                warm.incidents(), warm.rate(), warmLedger.acceptedCount(), latency.p99()));
    }

    private void summary(BenchResult r, Path report) {
        out.printf(Locale.ROOT, "accepted %,d (%,.0f/s); intake p50 %.1f p99 %.1f max %.1f ms; referral p99 %s ms; "
                        + "end to end %s/s%n", r.accepted(), r.acceptedPerSecond(), r.acknowledgement().p50(),
                r.acknowledgement().p99(), r.acknowledgement().max(),
                r.allReferrals().empty() ? "–" : String.format(Locale.ROOT, "%.1f", r.allReferrals().p99()),
                ReportWriter.num(r.endToEndPerSecond(), 0));
        for (Verifier.Check c : r.checks()) {
            out.printf(Locale.ROOT, "  %-6s %s: expected %,d, found %,d, lost %,d, duplicated %,d, unexpected %,d%s%n",
                    c.passed() ? "ok" : "FAILED", c.what(), c.expected(), c.found(), c.lost(), c.duplicated(),
                    c.unexpected(), c.note().isBlank() ? "" : " (" + c.note() + ")");
        }
        out.println("amity bench: " + (r.passed() ? "nothing lost, nothing duplicated" : "CHECKS FAILED")
                + "; report: " + report);
    }

    private static String runTag() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder tag = new StringBuilder("L");
        for (int i = 0; i < 6; i++) {
            tag.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return tag.toString();
    }

    private void checkPlatform() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("intake", options.intakeUrl());
        if (!options.intakeOnly()) {
            services.put("case", options.caseUrl());
            services.put("sharing", options.sharingUrl());
            services.put("analytics", options.analyticsUrl());
        }
        List<String> down = new ArrayList<>();
        services.forEach((name, url) -> {
            if (!api.ready(url + "/q/health/ready")) {
                down.add(name + " (" + url + ")");
            }
        });
        if (!down.isEmpty()) {
            throw new IllegalStateException("not ready: " + String.join(", ", down)
                    + ". Start the platform with ./amity up, or point the tool at it (see --help).");
        }
        for (String organisation : List.of(ReportGenerator.HOUSING, ReportGenerator.TELL_MAMA, ReportGenerator.CST)) {
            api.token(organisation);
        }
        if (!options.intakeOnly()) {
            api.token(AnalyticsWatcher.ANALYST);
            options.feeds().forEach(api::token);
        }
    }

    /** The processes to measure: as given, else whoever listens on the platform's ports; and this tool. */
    private Map<String, Long> processes() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("intake", Options.port(options.intakeUrl()));
        ports.put("case", Options.port(options.caseUrl()));
        ports.put("sharing", Options.port(options.sharingUrl()));
        ports.put("analytics", Options.port(options.analyticsUrl()));
        ports.put("postgres", Options.port(options.postgres()));
        ports.put("kafka", Options.port(options.kafka()));
        ports.put("keycloak", Options.port(options.keycloakUrl()));
        Map<String, Long> pids = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        if (!ProcFs.available()) {
            notes.add("No /proc here: RSS and CPU of the processes were not measured.");
            return pids;
        }
        for (Map.Entry<String, Integer> component : ports.entrySet()) {
            Long pid = options.pids().get(component.getKey());
            if (pid == null) {
                java.util.OptionalLong found = ProcFs.listening(component.getValue());
                pid = found.isPresent() ? found.getAsLong() : null;
            }
            if (pid == null || ProcFs.stat(pid).isEmpty()) {
                missing.add(component.getKey());
            } else {
                pids.put(component.getKey(), pid);
            }
        }
        pids.put("load tool", ProcessHandle.current().pid());
        if (!missing.isEmpty()) {
            notes.add("Not measured (no process found listening on its port, or not readable; give --pid): "
                    + missing + ".");
        }
        return pids;
    }

    /** The recipient's last feed cursor now: from the sharing database, else by reading the feed to its end. */
    private long feedEnd(String recipient) {
        String database = options.databases().get("sharing");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + options.postgres() + "/" + database,
                database, database); PreparedStatement q = c.prepareStatement(
                        "select coalesce(max(cursor), 0) from feed_item where recipient = ?")) {
            c.setReadOnly(true);
            q.setString(1, recipient);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            long after = 0;
            while (true) {
                Api.Response page = api.get(options.sharingUrl() + "/api/v1/feed?limit=500&after=" + after, recipient);
                long next = page.json().path("nextCursor").asLong(after);
                if (page.status() != 200 || next == after) {
                    return after;
                }
                after = next;
            }
        }
    }

    /**
     * Waits until nothing is queued for the consumers and the feeds and the county figure have moved by at least
     * what this run sent (they count whatever arrives, so an earlier run's backlog alone could satisfy them).
     */
    private boolean drain(Map<String, FeedWatcher> feeds, AnalyticsWatcher analytics, BacklogWatcher backlog)
            throws InterruptedException {
        long county = ledger.expectedInCountyFigures();
        return arrivals.await(() -> backlog.lag() == 0
                && feeds.values().stream().allMatch(f -> f.newCount() >= ledger.expectedReferrals(f.recipient))
                && (analytics.baseline == null || analytics.moved() >= county),
                options.drainSeconds() * 1_000_000_000L);
    }

    private String status(String phase, LoadDriver driver, Map<String, FeedWatcher> feeds,
            AnalyticsWatcher analytics) {
        long planned = driver.planned();
        long sent = ledger.incidentsSent.get();
        long expectedReferrals = feeds.values().stream().mapToLong(f -> ledger.expectedReferrals(f.recipient)).sum();
        long seen = feeds.values().stream().mapToLong(FeedWatcher::newCount).sum();
        long moved = analytics == null ? -1 : analytics.moved();
        double elapsed = Math.max(0, (System.nanoTime() - driver.startNanos) / 1e9);
        return String.format(Locale.ROOT, "%s %s sent %,d  accepted %,d  refused %,d  intake p99 %.0f ms  "
                        + "referrals %,d/%,d  county +%s/%,d  %.0f s",
                phase, Progress.bar(sent, planned < 0 ? Math.max(1, sent) : planned, 24), sent,
                ledger.acceptedCount(), ledger.refusedCount(), Math.max(0, ledger.acknowledgement.percentile(99) / 1000.0),
                seen, expectedReferrals, moved < 0 ? "?" : String.format(Locale.ROOT, "%,d", moved),
                ledger.expectedInCountyFigures(), elapsed);
    }

    private BenchResult.Raw raw(String run, ReportGenerator generator) {
        if (options.rawSeconds() == 0) {
            notes.add("The machine's own limits were not measured (--raw-seconds 0).");
            return null;
        }
        out.println("amity bench: the machine's own limits (" + options.rawSeconds() + " s each) ...");
        List<String> problems = new ArrayList<>();
        RawKafka.Result kafka = null;
        try {
            kafka = RawKafka.measure(options.kafka(), options.rawSeconds(), run);
        } catch (Exception e) {
            problems.add("Kafka baseline failed: " + e.getMessage());
        }
        RawPostgres.Result postgres = null;
        try {
            byte[] document;
            synchronized (generator) {
                document = Json.bytes(generator.nextUnit().reports().get(0).body());
            }
            postgres = RawPostgres.measure(options.postgres(), options.superuser(), options.superuserPassword(),
                    options.rawSeconds(), document);
        } catch (Exception e) {
            problems.add("PostgreSQL baseline failed: " + e.getMessage());
        }
        return new BenchResult.Raw(kafka == null ? -1 : kafka.perSecond(),
                kafka == null ? -1 : kafka.megabytesPerSecond(), kafka == null ? 0 : kafka.messageSize(),
                kafka == null ? "not measured" : kafka.sizeSource(),
                postgres == null ? -1 : postgres.singleRowCommitsPerSecond(),
                postgres == null ? -1 : postgres.batchedRowsPerSecond(),
                postgres == null ? 0 : postgres.documentBytes(), String.join(" ", problems));
    }

    /** Fills {@code into} with the rank-matched latencies of the county figure; returns how to read them. */
    private String analyticsLatency(AnalyticsWatcher analytics, LatencyHistogram into) {
        if (analytics == null) {
            return "The county's figure was not followed (--intake-only).";
        }
        if (analytics.baseline == null) {
            return "The county's figure was suppressed (1 to 4) when the run began: its movement was not timed.";
        }
        List<Long> intended = ledger.all().stream().filter(s -> s.report.countedByCountyAnalysts())
                .map(s -> s.intendedNanos).sorted().toList();
        AnalyticsWatcher.latencies(intended, analytics.baseline, analytics.readings()).forEach(into::recordNanos);
        return "The county's figure has no ids: the k-th report sent in the county is taken as counted when the "
                + "figure first reached its starting value + k (read every " + AnalyticsWatcher.EVERY_MILLIS
                + " ms; counts from 1 to 4 are suppressed and skipped).";
    }

    private double analyticsComplete(AnalyticsWatcher analytics, long startNanos) {
        if (analytics == null || analytics.baseline == null) {
            return -1;
        }
        long target = analytics.baseline + ledger.expectedInCountyFigures();
        return analytics.readings().stream().filter(r -> r.incidents() >= target).findFirst()
                .map(r -> (r.nanos() - startNanos) / 1e9).orElse(-1.0);
    }
}
