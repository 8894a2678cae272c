package org.amity.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What was sent and what intake answered: each accepted report with its intake id (public-form reports get theirs
 * only at the check, from intake's list), the time it was meant to go, and the refusals by status. Times are
 * {@link System#nanoTime()} readings.
 */
final class Ledger {

    /** One accepted report. */
    static final class Sent {
        final GeneratedReport report;
        final long intendedNanos;
        final long acknowledgedNanos;
        volatile UUID incidentId;

        Sent(GeneratedReport report, long intendedNanos, long acknowledgedNanos, UUID incidentId) {
            this.report = report;
            this.intendedNanos = intendedNanos;
            this.acknowledgedNanos = acknowledgedNanos;
            this.incidentId = incidentId;
        }
    }

    final LatencyHistogram acknowledgement = new LatencyHistogram();
    final LatencyHistogram acknowledgementSingle = new LatencyHistogram();
    final LatencyHistogram acknowledgementBatch = new LatencyHistogram();
    final LatencyHistogram acknowledgementPublic = new LatencyHistogram();

    private final Map<UUID, Sent> byId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Sent> publicReports = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final AtomicLong duplicateIds = new AtomicLong();
    final AtomicLong incidentsSent = new AtomicLong();
    final AtomicLong callsSent = new AtomicLong();

    void accepted(GeneratedReport report, long intendedNanos, long acknowledgedNanos, UUID id) {
        Sent sent = new Sent(report.withoutBody(), intendedNanos, acknowledgedNanos, id);
        if (id == null) {
            publicReports.add(sent);
        } else if (byId.putIfAbsent(id, sent) != null) {
            duplicateIds.incrementAndGet(); // intake answered one id for two different reports
        }
    }

    /** A report or a call intake did not accept: {@code reason} such as "HTTP 503" or "rejected item". */
    void refused(String reason, long reports) {
        refusals.computeIfAbsent(reason, r -> new AtomicLong()).addAndGet(reports);
    }

    long acceptedCount() {
        return byId.size() + publicReports.size();
    }

    long refusedCount() {
        return refusals.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<String, Long> refusals() {
        Map<String, Long> out = new TreeMap<>();
        refusals.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    long duplicateIds() {
        return duplicateIds.get();
    }

    Map<UUID, Sent> byId() {
        return byId;
    }

    List<Sent> publicReports() {
        return new ArrayList<>(publicReports);
    }

    /** Every accepted report whose intake id is known (the public ones once the check found them). */
    List<Sent> identified() {
        List<Sent> all = new ArrayList<>(byId.values());
        publicReports.stream().filter(s -> s.incidentId != null).forEach(all::add);
        return all;
    }

    /** Accepted reports expected to be shared with {@code recipient}. */
    long expectedReferrals(String recipient) {
        return all().stream().filter(s -> s.report.expectedRecipients().contains(recipient)).count();
    }

    long expectedInCountyFigures() {
        return all().stream().filter(s -> s.report.countedByCountyAnalysts()).count();
    }

    List<Sent> all() {
        List<Sent> all = new ArrayList<>(byId.values());
        all.addAll(publicReports);
        return all;
    }
}
