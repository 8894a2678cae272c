package org.amity.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of {@code ./amity bench}: every option, its default, and what is wrong with a bad one. */
record Options(
        double rate, boolean max, boolean intakeOnly, int concurrency, long incidents, long seconds,
        int warmUpSeconds, double batchShare, int batchSize, int publicPerMinute, List<String> districts,
        List<String> feeds,
        String intakeUrl, String caseUrl, String sharingUrl, String analyticsUrl, String keycloakUrl,
        String kafka, String postgres, String superuser, String superuserPassword, Map<String, String> databases,
        Map<String, Long> pids, int rawSeconds, int drainSeconds, Path out, Path readme, String label,
        Progress.Mode progress, long seed, String commandLine) {

    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static final String HELP = """
            ./amity bench [options]   (the load tool, deploy/load, against a platform started by ./amity up)

            Sends generated reports to intake and measures the platform end to end: intake's acknowledgement
            latency, the time until each referral is in its recipient's feed and until the county's analysts'
            count moves, throughput, and RSS and CPU of every process; then the machine's own limits (a raw Kafka
            producer and raw PostgreSQL inserts), checks that nothing was lost or duplicated, and writes a dated
            Markdown report. Exit status: 0 all checks passed, 1 something was lost, duplicated or failed, 2 bad options.

            Load
              --rate N              incidents per second, held on a schedule (open model; latency counts from the
                                    intended send time, so a slow platform cannot slow the tool down)   [200]
              --max                 as fast as the platform takes them instead: --concurrency callers, each sending
                                    its next call when the last one is answered (closed model)
              --concurrency N       callers for --max                                                    [16]
              --incidents N         reports from organisations to send                                  [10000]
              --seconds N           or: send for N seconds (at --rate: rate x N reports)
              --warm-up N           first send for N seconds at --rate, the same mix, neither measured nor checked,
                                    and start the measured run right after: the services meet the measured reports
                                    compiled for generated ones, not for another tool's (with --intake-only)     [0]
              --batch-share F       share of reports sent in batch calls by the housing provider, 0..1   [0.3]
              --batch-size N        reports per batch call, 1..500                                       [100]
              --public-per-minute N reports through the public form per minute, 0..10, on top of the others:
                                    the form allows 10 a minute per client address                        [6]
              --districts A,B,...   districts to report in                                  [Kent's twelve + medway]
              --seed N              generator seed (the same seed, the same reports)                   [random]
            Measurement
              --feeds A,B,...       recipients whose feed (GET /api/v1/feed) is followed
                                    [kent-police,tell-mama,cst,galop,victim-support-kent]
              --intake-only         measure intake's acknowledgements only: follow no feed or figure, read no case,
                                    sharing or analytics database, check only intake's lists (case, sharing and
                                    analytics may be paused or behind)
              --raw-seconds N       seconds for each raw baseline (Kafka producer; PostgreSQL single-row commits;
                                    PostgreSQL batches); 0 skips them                                      [5]
              --drain-seconds N     how long to wait for referrals and counts after the last send        [300]
              --pid NAME=PID        a process to measure (repeatable); without it, the processes listening on the
                                    platform's ports are found in /proc. Names: intake case sharing analytics
                                    postgres kafka keycloak
            Where the platform is (defaults: ./amity up)
              --intake URL  --case URL  --sharing URL  --analytics URL  --keycloak URL
                                    [http://localhost:8081 8082 8083 8084, http://localhost:8180]
              --kafka HOST:PORT     [localhost:9092]
              --postgres HOST:PORT  [localhost:5432]
              --superuser USER:PASSWORD  PostgreSQL superuser, for the scratch database of the raw baseline
                                    [postgres:postgres, local development only]
              --databases K=V,...   the services' databases (user = password = name, as ./amity sets them up), read
                                    only, for the checks no API can make
                                    [intake=intake,case=casework,sharing=sharing,analytics=analytics]
            Report
              --out DIR             where the dated report goes                                [docs/benchmarks]
              --readme FILE         a README whose "latest benchmark" line to point at the new report  [none]
              --label TEXT          a word or two for the report's title and file name                 [none]
              --progress MODE       bar (one updating line), lines, none, or auto (bar on a terminal)  [auto]
              --help                this text
            """;

    static Options parse(List<String> args) {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        boolean max = false;
        boolean intakeOnly = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--max")) {
                max = true;
                continue;
            }
            if (arg.equals("--intake-only")) {
                intakeOnly = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new Invalid("unexpected argument '" + arg + "' (options start with --; see --help)");
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.size()) {
                    throw new Invalid(name + " needs a value (see --help)");
                }
                value = args.get(++i);
            }
            if (!KNOWN.contains(name)) {
                throw new Invalid("unknown option " + name + " (see --help)");
            }
            if (name.equals("--pid")) {
                String[] kv = value.split("=", 2);
                if (kv.length != 2 || !COMPONENTS.contains(kv[0])) {
                    throw new Invalid("--pid takes NAME=PID with NAME one of " + COMPONENTS + ", not '" + value + "'");
                }
                pids.put(kv[0], positiveLong("--pid " + kv[0], kv[1]));
                continue;
            }
            if (given.put(name, value) != null) {
                throw new Invalid(name + " is given twice");
            }
        }
        if (given.containsKey("--incidents") && given.containsKey("--seconds")) {
            throw new Invalid("give --incidents or --seconds, not both");
        }
        if (max && given.containsKey("--rate")) {
            throw new Invalid("give --rate or --max, not both");
        }
        for (String followed : List.of("--feeds", "--drain-seconds")) {
            if (intakeOnly && given.containsKey(followed)) {
                throw new Invalid("--intake-only follows nothing downstream: drop " + followed);
            }
        }
        if (given.containsKey("--warm-up") && (max || !intakeOnly)) {
            throw new Invalid("--warm-up goes with --rate and --intake-only: its reports still reach case, sharing "
                    + "and analytics, whose checks would count them");
        }
        int warmUpSeconds = (int) range("--warm-up", given.getOrDefault("--warm-up", "0"), 0, 3600);
        double rate = positiveDouble("--rate", given.getOrDefault("--rate", "200"));
        int concurrency = (int) range("--concurrency", given.getOrDefault("--concurrency", "16"), 1, 1024);
        long seconds = given.containsKey("--seconds") ? positiveLong("--seconds", given.get("--seconds")) : 0;
        long incidents = given.containsKey("--incidents") ? positiveLong("--incidents", given.get("--incidents"))
                : seconds > 0 ? (max ? Long.MAX_VALUE : Math.max(1, Math.round(rate * seconds))) : 10_000;
        double batchShare = fraction("--batch-share", given.getOrDefault("--batch-share", "0.3"));
        int batchSize = (int) range("--batch-size", given.getOrDefault("--batch-size", "100"), 1, 500);
        int publicPerMinute = (int) range("--public-per-minute", given.getOrDefault("--public-per-minute", "6"), 0, 10);
        List<String> districts = list(given.getOrDefault("--districts",
                String.join(",", Districts.ALL.stream().map(Districts.District::code).toList())));
        for (String district : districts) {
            if (!Districts.BY_CODE.containsKey(district)) {
                throw new Invalid("--districts: unknown district '" + district + "'; the demo districts are "
                        + Districts.BY_CODE.keySet().stream().sorted().toList());
            }
        }
        List<String> feeds = list(given.getOrDefault("--feeds", String.join(",", ReportGenerator.RECIPIENTS)));
        for (String feed : feeds) {
            if (!ReportGenerator.RECIPIENTS.contains(feed)) {
                throw new Invalid("--feeds: '" + feed + "' receives no referral of generated reports; choose from "
                        + ReportGenerator.RECIPIENTS);
            }
        }
        String[] superuser = given.getOrDefault("--superuser", "postgres:postgres").split(":", 2);
        if (superuser.length != 2 || superuser[0].isBlank()) {
            throw new Invalid("--superuser takes USER:PASSWORD");
        }
        Map<String, String> databases = new LinkedHashMap<>(Map.of("intake", "intake", "case", "casework",
                "sharing", "sharing", "analytics", "analytics"));
        if (given.containsKey("--databases")) {
            for (String pair : list(given.get("--databases"))) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2 || !databases.containsKey(kv[0]) || kv[1].isBlank()) {
                    throw new Invalid("--databases takes SERVICE=DATABASE pairs with SERVICE one of "
                            + databases.keySet() + ", not '" + pair + "'");
                }
                databases.put(kv[0], kv[1]);
            }
        }
        Progress.Mode progress;
        try {
            progress = Progress.Mode.valueOf(given.getOrDefault("--progress", "auto").toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new Invalid("--progress must be bar, lines, none or auto, not '" + given.get("--progress") + "'");
        }
        long seed = given.containsKey("--seed") ? parseLong("--seed", given.get("--seed"))
                : new java.security.SecureRandom().nextLong();
        String label = given.get("--label");
        if (label != null && !label.matches("[A-Za-z0-9 ._-]{1,40}")) {
            throw new Invalid("--label: 1 to 40 letters, digits, spaces, dots, dashes or underscores");
        }
        return new Options(rate, max, intakeOnly, concurrency, incidents, seconds, warmUpSeconds, batchShare,
                batchSize, publicPerMinute, districts, feeds,
                url("--intake", given.getOrDefault("--intake", "http://localhost:8081")),
                url("--case", given.getOrDefault("--case", "http://localhost:8082")),
                url("--sharing", given.getOrDefault("--sharing", "http://localhost:8083")),
                url("--analytics", given.getOrDefault("--analytics", "http://localhost:8084")),
                url("--keycloak", given.getOrDefault("--keycloak", "http://localhost:8180")),
                hostPort("--kafka", given.getOrDefault("--kafka", "localhost:9092")),
                hostPort("--postgres", given.getOrDefault("--postgres", "localhost:5432")),
                superuser[0], superuser[1], Map.copyOf(databases), Map.copyOf(pids),
                (int) range("--raw-seconds", given.getOrDefault("--raw-seconds", "5"), 0, 600),
                (int) range("--drain-seconds", given.getOrDefault("--drain-seconds", "300"), 1, 3600),
                Path.of(given.getOrDefault("--out", "docs/benchmarks")),
                given.containsKey("--readme") ? Path.of(given.get("--readme")) : null,
                label, progress, seed, String.join(" ", args));
    }

    /**
     * The warm-up's load: the run's rate and mix of calls for {@code --warm-up} seconds, none through the public form
     * (its limit per client address would refuse the measured run's).
     */
    Options warmUp() {
        return new Options(rate, false, true, concurrency, Math.max(1, Math.round(rate * warmUpSeconds)),
                warmUpSeconds, 0, batchShare, batchSize, 0, districts, feeds, intakeUrl, caseUrl, sharingUrl,
                analyticsUrl, keycloakUrl, kafka, postgres, superuser, superuserPassword, databases, pids, rawSeconds,
                drainSeconds, out, readme, label, progress, seed, commandLine);
    }

    /** Reports sent through the public form over a run of {@code sendSeconds}. */
    long publicReportsFor(double sendSeconds) {
        return publicPerMinute == 0 ? 0 : (long) Math.floor(sendSeconds * publicPerMinute / 60.0) + 1;
    }

    static final List<String> COMPONENTS = List.of("intake", "case", "sharing", "analytics", "postgres", "kafka",
            "keycloak");

    private static final List<String> KNOWN = List.of("--rate", "--concurrency", "--incidents", "--seconds",
            "--warm-up", "--batch-share", "--batch-size", "--public-per-minute", "--districts", "--seed", "--feeds",
            "--raw-seconds", "--drain-seconds", "--pid", "--intake", "--case", "--sharing", "--analytics",
            "--keycloak", "--kafka", "--postgres", "--superuser", "--databases", "--out", "--readme", "--label",
            "--progress");

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        if (items.isEmpty()) {
            throw new Invalid("an empty list: '" + value + "'");
        }
        return List.copyOf(items);
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new Invalid(option + " must be a whole number, not '" + value + "'");
        }
    }

    private static long positiveLong(String option, String value) {
        long n = parseLong(option, value);
        if (n <= 0) {
            throw new Invalid(option + " must be at least 1, not " + value);
        }
        return n;
    }

    private static long range(String option, String value, long min, long max) {
        long n = parseLong(option, value);
        if (n < min || n > max) {
            throw new Invalid(option + " must be from " + min + " to " + max + ", not " + value);
        }
        return n;
    }

    private static double positiveDouble(String option, String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new Invalid(option + " must be a number above 0, not " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Invalid(option + " must be a number, not '" + value + "'");
        }
    }

    private static double fraction(String option, String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (!(d >= 0 && d <= 1)) {
                throw new Invalid(option + " must be from 0 to 1, not " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Invalid(option + " must be a number from 0 to 1, not '" + value + "'");
        }
    }

    private static String url(String option, String value) {
        if (!value.matches("https?://[^/\\s]+(:\\d+)?/?")) {
            throw new Invalid(option + " must be a base URL such as http://localhost:8081, not '" + value + "'");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String hostPort(String option, String value) {
        if (!value.matches("[A-Za-z0-9.\\-]+:\\d{1,5}")) {
            throw new Invalid(option + " must be HOST:PORT, not '" + value + "'");
        }
        return value;
    }

    static int port(String urlOrHostPort) {
        String s = urlOrHostPort.replaceFirst("^https?://", "");
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return urlOrHostPort.startsWith("https") ? 443 : 80;
        }
        return Integer.parseInt(s.substring(colon + 1).replaceAll("/.*", ""));
    }
}
