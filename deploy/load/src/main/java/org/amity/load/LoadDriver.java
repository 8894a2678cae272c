package org.amity.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;

import org.amity.load.GeneratedReport.Channel;
import org.amity.load.ReportGenerator.Unit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends the generated reports. At a fixed rate (open model) each call has an intended send time on a schedule that
 * does not wait for answers: call k goes when the reports before it, at the rate, have had their time; its latency
 * counts from that intended time, so a platform that stalls shows the stall in every call that should have gone
 * meanwhile (no coordinated omission). Calls run on virtual threads; at most {@value #MAX_IN_FLIGHT} at once, and
 * when that many hang the schedule waits, still counting from the intended times. With {@code --max} a number of
 * callers each send their next call when the last was answered (closed model: as fast as the platform takes them).
 * Public-form reports go on their own schedule, a few a minute, within the form's limit per client address.
 */
final class LoadDriver {

    static final int MAX_IN_FLIGHT = 2_048;
    /**
     * Connections opened before the schedule starts: at 500 reports a second and 5 ms each, a few calls are in
     * flight at once; a stall of a second leaves hundreds waiting, and those open connections of their own.
     */
    static final int WARM_CONNECTIONS = 32;
    private static final int KEPT_ERRORS = 8;

    private final Options options;
    private final ReportGenerator generator;
    private final Api api;
    private final PostClient intake;
    private final Ledger ledger;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calling = new AtomicInteger();
    private final BiFunction<Long, IntSupplier, Timeline> timelineFrom;
    private Timeline timeline;
    private volatile boolean organisationsDone;
    private long scheduled;
    volatile long startNanos;
    volatile long lastAnswerNanos;

    /**
     * @param timelineFrom the timeline of a sending that starts at the given {@code System.nanoTime()}, with the
     *     count of calls in flight
     */
    LoadDriver(Options options, ReportGenerator generator, Api api, Ledger ledger,
            BiFunction<Long, IntSupplier, Timeline> timelineFrom) {
        this.options = options;
        this.timelineFrom = timelineFrom;
        this.generator = generator;
        this.api = api;
        this.intake = new PostClient(options.intakeUrl());
        this.ledger = ledger;
    }

    /** Sends everything and returns, with the sending's timeline (closed), when every call is answered. */
    Timeline run() throws InterruptedException {
        intake.warm(options.max() ? options.concurrency() : WARM_CONNECTIONS);
        startNanos = System.nanoTime() + 100_000_000L;
        timeline = timelineFrom.apply(startNanos, this::callsInFlight);
        timeline.start();
        Thread publicForm = options.publicPerMinute() > 0 ? Thread.ofVirtual().start(this::publicStream) : null;
        if (options.max()) {
            closed();
        } else {
            open();
        }
        organisationsDone = true;
        if (publicForm != null) {
            LockSupport.unpark(publicForm);
            publicForm.join();
        }
        inFlight.acquire(MAX_IN_FLIGHT); // every call answered
        inFlight.release(MAX_IN_FLIGHT);
        intake.close();
        timeline.close();
        return timeline;
    }

    /** Calls sent and not yet answered. */
    int callsInFlight() {
        return calling.get();
    }

    /** The first few distinct errors, for the report. */
    List<String> errors() {
        return new ArrayList<>(errors);
    }

    /** Reports planned so far (for the progress line). */
    long planned() {
        return options.incidents() == Long.MAX_VALUE ? -1 : options.incidents();
    }

    private void open() throws InterruptedException {
        double nanosPerIncident = 1e9 / options.rate();
        while (true) {
            Unit unit = nextUnit();
            if (unit == null) {
                return;
            }
            long intended = startNanos + (long) ((scheduled - unit.reports().size()) * nanosPerIncident);
            parkUntil(intended);
            inFlight.acquire();
            Thread.ofVirtual().start(() -> {
                try {
                    send(unit, intended);
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    private void closed() throws InterruptedException {
        long deadline = options.seconds() > 0 ? startNanos + options.seconds() * 1_000_000_000L : Long.MAX_VALUE;
        parkUntil(startNanos);
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < options.concurrency(); i++) {
            callers.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < deadline) {
                    Unit unit = nextUnit();
                    if (unit == null) {
                        return;
                    }
                    send(unit, System.nanoTime());
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }
    }

    /** The next call of the organisations' stream, cut to what is left to send; null when all is sent. */
    private synchronized Unit nextUnit() {
        long left = options.incidents() - scheduled;
        if (left <= 0) {
            return null;
        }
        Unit unit;
        synchronized (generator) {
            unit = generator.nextUnit();
        }
        if (unit.reports().size() > left) {
            unit = new Unit(unit.channel(), unit.sender(), unit.reports().subList(0, (int) left));
        }
        scheduled += unit.reports().size();
        return unit;
    }

    private void publicStream() {
        long every = 60_000_000_000L / options.publicPerMinute();
        for (long k = 0; !organisationsDone; k++) {
            long intended = startNanos + k * every;
            if (!parkUntilOrStop(intended)) {
                return;
            }
            GeneratedReport report;
            synchronized (generator) {
                report = generator.nextPublic();
            }
            send(new Unit(Channel.PUBLIC, null, List.of(report)), intended);
        }
    }

    private void send(Unit unit, long intended) {
        calling.incrementAndGet();
        ledger.callsSent.incrementAndGet();
        ledger.incidentsSent.addAndGet(unit.reports().size());
        String what = unit.channel().name().toLowerCase();
        try {
            switch (unit.channel()) {
                case SINGLE -> single(unit, intended);
                case BATCH -> batch(unit, intended);
                case PUBLIC -> publicForm(unit, intended);
            }
        } catch (RuntimeException e) { // Api.CallFailed among them
            ledger.refused(what + ": " + e.getClass().getSimpleName(), unit.reports().size());
            keep(what + ": " + e.getMessage());
        } finally {
            lastAnswerNanos = Math.max(lastAnswerNanos, System.nanoTime());
            calling.decrementAndGet();
        }
    }

    private void single(Unit unit, long intended) {
        GeneratedReport report = unit.reports().get(0);
        byte[] json = Json.bytes(report.body());
        String token = api.token(unit.sender());
        timeline.sending(intended, System.nanoTime());
        Api.Response response = intake.post("/api/v1/incidents", token, json);
        long answered = System.nanoTime();
        if (response.status() == 201) {
            record(ledger.acknowledgementSingle, intended, answered, 1);
            ledger.accepted(report, intended, answered, UUID.fromString(Json.topLevelText(response.body(), "id")));
        } else {
            refuse("single", response, 1);
        }
    }

    private void batch(Unit unit, long intended) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidents", unit.reports().stream().map(GeneratedReport::body).toList());
        byte[] json = Json.bytes(body);
        String token = api.token(unit.sender());
        timeline.sending(intended, System.nanoTime());
        Api.Response response = intake.post("/api/v1/incidents/batch", token, json);
        long answered = System.nanoTime();
        if (response.status() != 200) {
            refuse("batch", response, unit.reports().size());
            return;
        }
        JsonNode results = response.json().path("results");
        int accepted = 0;
        for (JsonNode item : results) {
            GeneratedReport report = unit.reports().get(item.path("index").asInt());
            switch (item.path("status").asText()) {
                case "accepted" -> {
                    accepted++;
                    ledger.accepted(report, intended, answered, UUID.fromString(item.path("id").asText()));
                }
                case "duplicate" -> ledger.refused("batch item: duplicate", 1);
                default -> {
                    ledger.refused("batch item: rejected", 1);
                    keep("batch item rejected: " + item.path("errors"));
                }
            }
        }
        ledger.acknowledgementBatch.recordNanos(answered - intended);
        for (int i = 0; i < accepted; i++) {
            ledger.acknowledgement.recordNanos(answered - intended);
        }
        timeline.acknowledged(intended, answered, accepted);
    }

    private void publicForm(Unit unit, long intended) {
        GeneratedReport report = unit.reports().get(0);
        byte[] json = Json.bytes(report.body());
        timeline.sending(intended, System.nanoTime());
        Api.Response response = intake.post("/api/v1/public/reports", null, json);
        long answered = System.nanoTime();
        if (response.status() == 201) {
            record(ledger.acknowledgementPublic, intended, answered, 1);
            ledger.accepted(report, intended, answered, null);
        } else {
            refuse("public", response, 1);
        }
    }

    private void record(LatencyHistogram channel, long intended, long answered, int incidents) {
        channel.recordNanos(answered - intended);
        for (int i = 0; i < incidents; i++) {
            ledger.acknowledgement.recordNanos(answered - intended);
        }
        timeline.acknowledged(intended, answered, incidents);
    }

    private void refuse(String what, Api.Response response, int reports) {
        ledger.refused(what + ": HTTP " + response.status(), reports);
        keep(what + ": HTTP " + response.status() + " " + Json.abbreviate(response.body()));
    }

    private void keep(String error) {
        if (errors.size() < KEPT_ERRORS && !errors.contains(error)) {
            errors.add(error);
        }
    }

    private static void parkUntil(long nanos) {
        for (long wait = nanos - System.nanoTime(); wait > 0; wait = nanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /** false when the organisations' stream ended meanwhile (the public stream ends with it). */
    private boolean parkUntilOrStop(long nanos) {
        for (long wait = nanos - System.nanoTime(); wait > 0 && !organisationsDone; wait = nanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        return !organisationsDone;
    }
}
