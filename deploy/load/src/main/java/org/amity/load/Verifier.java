package org.amity.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * After the run: did every accepted report become exactly one of each thing it should? Through the APIs where they
 * can tell, and read-only SQL on the services' own databases where no API can:
 * <ul>
 * <li>intake: each accepted id is in its organisation's list once (API; public-form reports, which answer no id,
 * are found in the responsible organisation's list by the marker in their narrative);</li>
 * <li>case: one case per incident (SQL: the case API serves only case workers of the owner, and Tell MAMA and CST
 * have none);</li>
 * <li>sharing: one live referral per expected recipient and none for others (SQL: a referral names no incident, so
 * the link from referral to case to incident is read from the sharing and case databases), and each such referral
 * once as new in the recipient's feed (API);</li>
 * <li>analytics: one statistics fact per case, none taken for a likely duplicate (SQL: figures have no ids), and the
 * county's figure moved by as many as were sent in the county (API).</li>
 * </ul>
 */
final class Verifier {

    /** One check: how, what was expected, what was found. */
    record Check(String what, String how, long expected, long found, long lost, long duplicated, long unexpected,
            String note) {
        boolean passed() {
            return lost == 0 && duplicated == 0 && unexpected == 0;
        }
    }

    private static final int CHUNK = 5_000;

    private final Options options;
    private final Api api;
    private final Ledger ledger;
    private final Map<String, FeedWatcher> feeds;
    private final Instant runStart;

    final Map<String, LatencyHistogram> referralLatency = new TreeMap<>();
    final LatencyHistogram allReferralLatency = new LatencyHistogram();
    long lastReferralSeenNanos;
    private final Map<UUID, UUID> caseOf = new HashMap<>();
    private final Map<UUID, UUID> statisticsKeyOf = new HashMap<>();

    Verifier(Options options, Api api, Ledger ledger, Map<String, FeedWatcher> feeds, Instant runStart) {
        this.options = options;
        this.api = api;
        this.ledger = ledger;
        this.feeds = feeds;
        this.runStart = runStart;
    }

    List<Check> intake() throws Exception {
        Map<String, Set<UUID>> wanted = new TreeMap<>();
        ledger.byId().values().forEach(s -> wanted.computeIfAbsent(s.report.sender(), o -> new HashSet<>())
                .add(s.incidentId));
        Map<String, Ledger.Sent> markers = new HashMap<>();
        ledger.publicReports().forEach(s -> markers.put(s.report.marker(), s));
        Map<UUID, Integer> seen = new HashMap<>();
        for (Map.Entry<String, Set<UUID>> organisation : wanted.entrySet()) {
            scan(organisation.getKey(), item -> {
                UUID id = UUID.fromString(item.path("id").asText());
                if (organisation.getValue().contains(id)) {
                    seen.merge(id, 1, Integer::sum);
                }
            }, () -> organisation.getValue().stream().allMatch(seen::containsKey));
        }
        Map<String, Integer> publicSeen = new HashMap<>();
        if (!markers.isEmpty()) {
            scan(ReportGenerator.POLICE, item -> {
                String narrative = item.path("narrative").asText("");
                int open = narrative.lastIndexOf("[load:");
                if (open >= 0 && "public-form".equals(item.path("channel").asText())) {
                    String marker = narrative.substring(open + 1, narrative.length() - 1);
                    Ledger.Sent sent = markers.get(marker);
                    if (sent != null) {
                        publicSeen.merge(marker, 1, Integer::sum);
                        sent.incidentId = UUID.fromString(item.path("id").asText());
                    }
                }
            }, () -> publicSeen.size() == markers.size());
        }
        long expected = ledger.acceptedCount();
        long found = seen.size() + publicSeen.size();
        long duplicated = seen.values().stream().filter(n -> n > 1).count()
                + publicSeen.values().stream().filter(n -> n > 1).count();
        return List.of(new Check("intake: accepted reports in their organisation's list", "API: GET /api/v1/incidents"
                + " as each sender; public-form reports in kent-police's list by the marker in their narrative",
                expected, found, expected - found, duplicated, ledger.duplicateIds(),
                ledger.duplicateIds() > 0 ? "intake answered one id for two reports" : ""));
    }

    /** Pages through an organisation's reports, newest first, until done() or past the run's start. */
    private void scan(String organisation, java.util.function.Consumer<JsonNode> take,
            java.util.function.BooleanSupplier done) throws Exception {
        Instant before = runStart.minusSeconds(60);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int page = 0; ; page += 4) {
                List<Future<Api.Response>> pages = new ArrayList<>();
                for (int p = page; p < page + 4; p++) {
                    String url = options.intakeUrl() + "/api/v1/incidents?size=100&page=" + p;
                    pages.add(pool.submit(() -> api.get(url, organisation)));
                }
                boolean older = false;
                boolean empty = false;
                for (Future<Api.Response> f : pages) {
                    Api.Response response = f.get();
                    if (response.status() != 200) {
                        throw new Api.CallFailed("intake list of " + organisation + ": HTTP " + response.status());
                    }
                    JsonNode items = response.json().path("items");
                    empty |= items.isEmpty();
                    for (JsonNode item : items) {
                        take.accept(item);
                        older |= Instant.parse(item.path("receivedAt").asText()).isBefore(before);
                    }
                }
                if (done.getAsBoolean() || older || empty || page > 100_000) {
                    return;
                }
            }
        }
    }

    Check cases() throws SQLException {
        Map<UUID, Integer> count = new HashMap<>();
        List<UUID> incidents = ledger.identified().stream().map(s -> s.incidentId).toList();
        query("case", "select incident_id, id, statistics_key from case_file where incident_id = any(?)", incidents,
                rows -> {
                    UUID incident = (UUID) rows.getObject(1);
                    count.merge(incident, 1, Integer::sum);
                    caseOf.put(incident, (UUID) rows.getObject(2));
                    statisticsKeyOf.put((UUID) rows.getObject(2), (UUID) rows.getObject(3));
                });
        long unidentified = ledger.acceptedCount() - incidents.size();
        return new Check("case: one case per incident", "SQL (read only): case_file by incident_id",
                incidents.size(), count.size(), incidents.size() - count.size(),
                count.values().stream().filter(n -> n > 1).count(), 0,
                unidentified > 0 ? unidentified + " public-form report(s) not found in intake's list: not checked" : "");
    }

    List<Check> referrals() throws Exception {
        Map<UUID, Map<String, List<UUID>>> live = new HashMap<>(); // case -> recipient -> live referral ids
        query("sharing", "select id, case_id, recipient, status from referral where case_id = any(?)",
                new ArrayList<>(caseOf.values()), rows -> {
                    if (!"REVOKED".equals(rows.getString(4))) {
                        live.computeIfAbsent((UUID) rows.getObject(2), c -> new HashMap<>())
                                .computeIfAbsent(rows.getString(3), r -> new ArrayList<>()).add((UUID) rows.getObject(1));
                    }
                });
        Map<String, long[]> tally = new LinkedHashMap<>(); // expected, found, lost, dup, unexpected
        Map<String, long[]> feedTally = new LinkedHashMap<>(); // expected, found, lost, dup
        Map<String, Ledger.Sent> byName = new HashMap<>();
        ReportGenerator.RECIPIENTS.forEach(r -> tally.put(r, new long[5]));
        feeds.keySet().forEach(r -> feedTally.put(r, new long[4]));
        Map<UUID, UUID> referralToIncident = new HashMap<>();
        for (Ledger.Sent sent : ledger.identified()) {
            UUID caseId = caseOf.get(sent.incidentId);
            if (caseId == null) {
                continue; // lost before sharing: the case check says so
            }
            if (sent.report.victimName() != null) {
                byName.put(sent.report.victimName(), sent);
            }
            Map<String, List<UUID>> of = live.getOrDefault(caseId, Map.of());
            for (String recipient : ReportGenerator.RECIPIENTS) {
                long[] t = tally.get(recipient);
                List<UUID> referrals = of.getOrDefault(recipient, List.of());
                boolean expected = sent.report.expectedRecipients().contains(recipient);
                if (!expected) {
                    t[4] += referrals.isEmpty() ? 0 : 1;
                    continue;
                }
                t[0]++;
                t[1] += referrals.isEmpty() ? 0 : 1;
                t[2] += referrals.isEmpty() ? 1 : 0;
                t[3] += referrals.size() > 1 ? 1 : 0;
                FeedWatcher feed = feeds.get(recipient);
                if (feed == null || referrals.isEmpty()) {
                    continue;
                }
                UUID referral = referrals.get(0);
                referralToIncident.put(referral, sent.incidentId);
                long[] f = feedTally.get(recipient);
                f[0]++;
                Long seen = feed.firstSeen.get(referral);
                int times = feed.newItems.getOrDefault(referral, 0);
                f[1] += seen == null ? 0 : 1;
                f[2] += seen == null ? 1 : 0;
                f[3] += times > 1 ? 1 : 0;
                if (seen != null) {
                    long latency = seen - sent.intendedNanos;
                    referralLatency.computeIfAbsent(recipient, r -> new LatencyHistogram()).recordNanos(latency);
                    allReferralLatency.recordNanos(latency);
                    lastReferralSeenNanos = Math.max(lastReferralSeenNanos, seen);
                }
            }
        }
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, long[]> e : tally.entrySet()) {
            long[] t = e.getValue();
            if (t[0] == 0 && t[4] == 0) {
                continue;
            }
            checks.add(new Check("sharing: referrals to " + e.getKey(), "SQL (read only): referral by case_id, "
                    + "not revoked; case_file for the incident", t[0], t[1], t[2], t[3], t[4], ""));
        }
        for (Map.Entry<String, long[]> e : feedTally.entrySet()) {
            long[] f = e.getValue();
            if (f[0] == 0) {
                continue;
            }
            FeedWatcher feed = feeds.get(e.getKey());
            long mismatched = feed.byVictimName.entrySet().stream().filter(n -> byName.containsKey(n.getKey()))
                    .filter(n -> !byName.get(n.getKey()).incidentId.equals(referralToIncident.get(n.getValue())))
                    .count();
            long named = feed.byVictimName.keySet().stream().filter(byName::containsKey).count();
            checks.add(new Check("sharing: new in the feed of " + e.getKey(), "API: GET /api/v1/feed as "
                    + e.getKey() + " (read forward during the run, then once more from the start)", f[0], f[1], f[2],
                    f[3], mismatched, named + " identifiable referral(s) matched to their report by the victim's name"
                    + (mismatched > 0 ? ", " + mismatched + " of them to another report than SQL links" : "")));
        }
        return checks;
    }

    List<Check> analytics(AnalyticsWatcher watcher) throws SQLException {
        Map<UUID, Integer> count = new HashMap<>();
        long[] flagged = {0};
        query("analytics", "select case_key, likely_duplicate from case_fact where case_key = any(?)",
                new ArrayList<>(statisticsKeyOf.values()), rows -> {
                    count.merge((UUID) rows.getObject(1), 1, Integer::sum);
                    flagged[0] += rows.getBoolean(2) ? 1 : 0;
                });
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("analytics: one statistics fact per case", "SQL (read only): case_fact by case_key "
                + "(case_file.statistics_key)", statisticsKeyOf.size(), count.size(),
                statisticsKeyOf.size() - count.size(), count.values().stream().filter(n -> n > 1).count(), flagged[0],
                flagged[0] > 0 ? flagged[0] + " taken for likely duplicates (left out of the figures)" : ""));
        long expected = ledger.expectedInCountyFigures();
        long moved = watcher == null ? -1 : watcher.moved();
        // the figure counts anybody's reports: more than expected means others reported meanwhile (a note, not a
        // failure); fewer means some of ours are not in it
        String note = watcher == null || watcher.baseline == null
                ? "the county's figure was suppressed (1 to 4) at the start: no baseline, not checked"
                : moved > expected ? "moved " + (moved - expected) + " more than this run sent: others reported too"
                : "";
        checks.add(new Check("analytics: the county's figure moved (kent-community-safety)", "API: GET "
                + "/api/v1/statistics/tables/classification, total incidents, twelve months to this month", expected,
                Math.max(0, moved), moved < 0 ? 0 : Math.max(0, expected - moved), 0, 0, note));
        return checks;
    }

    private interface Row {
        void take(ResultSet rows) throws SQLException;
    }

    private void query(String service, String sql, List<UUID> ids, Row row) throws SQLException {
        String database = options.databases().get(service);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + options.postgres() + "/" + database,
                database, database)) {
            c.setReadOnly(true);
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    statement.setArray(1, c.createArrayOf("uuid",
                            ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray()));
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            row.take(rows);
                        }
                    }
                }
            }
        }
    }
}
