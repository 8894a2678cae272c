package org.amity.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The sending, second by second: the acknowledgements of the calls meant to go in each second (their latency from the
 * intended time) and how late this tool wrote them, the calls in flight at its end, each process's CPU in it (and
 * the whole machine's, stolen time included), and what the disk wrote and how long its queue was. A slow second then
 * shows next to what the machine did meanwhile: which process had the cores, whether the disk was flushing. Rows are one second wide up to {@value #MAX_ROWS} seconds of sending and wider beyond, so
 * that a report stays readable; acknowledgements after the last row are left out of the timeline (not of the
 * run's figures).
 */
final class Timeline implements AutoCloseable {

    static final int MAX_ROWS = 120;

    /**
     * What the counters said at one moment: each component's CPU ticks (-1: not read), PostgreSQL's live processes
     * by pid, the whole machine's busy and stolen ticks, the disk, the calls.
     */
    record Snapshot(long nanos, long[] ticks, Map<Long, Backend> backends, long machineBusy, long machineStolen,
            long sectorsWritten, long queueMillis, int inFlight) {
    }

    /** A PostgreSQL process: the database it serves ({@value #SERVER} for the server's own work) and its ticks. */
    record Backend(String database, long ticks) {
    }

    /** PostgreSQL's own processes: checkpointer, WAL writer, background writer, autovacuum. */
    static final String SERVER = "server";

    /**
     * One row: how late the tool itself put its calls on the wire, cores per component (-1: not read), megabytes
     * the disk wrote, its queue's average length.
     */
    record Row(double fromSeconds, double toSeconds, LatencyHistogram.Summary acknowledgement,
            LatencyHistogram.Summary sentLate, int inFlight, double[] cores, Map<String, Double> postgresCores,
            double machineBusy, double stolen, double diskMegabytes, double diskQueue) {
    }

    private final List<String> components;
    private final Supplier<Snapshot> reader;
    private final long startNanos;
    private final long widthNanos;
    private final LatencyHistogram[] acknowledgements = new LatencyHistogram[MAX_ROWS];
    private final LatencyHistogram[] lateness = new LatencyHistogram[MAX_ROWS];
    private final List<Snapshot> snapshots = new ArrayList<>();
    private ScheduledExecutorService sampling;

    /**
     * @param plannedSeconds how long the sending is planned to take; 0 when not known (rows are then 10 s wide)
     * @param reader the counters now
     */
    Timeline(List<String> components, long startNanos, double plannedSeconds, Supplier<Snapshot> reader) {
        this.components = List.copyOf(components);
        this.reader = reader;
        this.startNanos = startNanos;
        long seconds = plannedSeconds <= 0 ? 10 : Math.max(1, (long) Math.ceil(plannedSeconds / MAX_ROWS));
        this.widthNanos = seconds * 1_000_000_000L;
        for (int i = 0; i < MAX_ROWS; i++) {
            acknowledgements[i] = new LatencyHistogram();
            lateness[i] = new LatencyHistogram();
        }
    }

    /**
     * The machine's counters: each process's ticks from /proc (PostgreSQL's also by database, from its backends'
     * titles), the whole machine's from /proc/stat, the disks' from /proc/diskstats.
     */
    static Supplier<Snapshot> machine(List<ProcessSampler.Component> processes, IntSupplier inFlight) {
        return () -> {
            long[] ticks = new long[processes.size()];
            Map<Long, Backend> backends = new HashMap<>();
            for (int i = 0; i < ticks.length; i++) {
                ProcessSampler.Component c = processes.get(i);
                ticks[i] = ProcessSampler.ticks(c, child -> backends.put(child.pid(),
                        new Backend(database(ProcFs.title(child.pid()).orElse("")), child.ownTicks())));
            }
            long[] machine = ProcFs.machineTicks();
            long[] disk = ProcFs.diskWrites();
            return new Snapshot(System.nanoTime(), ticks, backends, machine[0], machine[1], disk[0], disk[1],
                    inFlight.getAsInt());
        };
    }

    /**
     * The database in a backend's title, {@code postgres: USER DATABASE HOST(PORT) ACTIVITY} (or {@code [local]}
     * for a socket); anything else is the server's own work.
     */
    static String database(String title) {
        String[] words = title.split("\\s+");
        if (words.length >= 4 && words[0].equals("postgres:")
                && (words[3].endsWith(")") && words[3].contains("(") || words[3].equals("[local]"))) {
            return words[2];
        }
        return SERVER;
    }

    /** Reads the counters at the start and at the end of each row from now on, on a thread of its own. */
    void start() {
        sampling = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("timeline")
                .factory());
        long delay = Math.max(0, startNanos - System.nanoTime());
        sampling.scheduleAtFixedRate(this::sample, delay, widthNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * A call meant to go at {@code intendedNanos} is written to its connection now, {@code sendingNanos}: what lies
     * between the two is the tool's own delay (a schedule it could not keep, a body still being made), which the
     * acknowledgement's latency includes.
     */
    void sending(long intendedNanos, long sendingNanos) {
        int row = row(intendedNanos);
        if (row >= 0) {
            lateness[row].recordNanos(sendingNanos - intendedNanos);
        }
    }

    /** A call meant to go at {@code intendedNanos} was answered; it acknowledged {@code reports} reports. */
    void acknowledged(long intendedNanos, long answeredNanos, int reports) {
        int row = row(intendedNanos);
        for (int i = 0; row >= 0 && i < reports; i++) {
            acknowledgements[row].recordNanos(answeredNanos - intendedNanos);
        }
    }

    /** Cores kept busy between two tick counts; -1 when either was not read or the count went back. */
    private static double cores(long from, long to, double seconds) {
        return from < 0 || to < from ? -1 : (to - from) / (double) ProcFs.clockTicksPerSecond() / seconds;
    }

    /** The row of a moment, or -1 before the start or past the last row. */
    private int row(long nanos) {
        long row = Math.floorDiv(nanos - startNanos, widthNanos);
        return row < 0 || row >= MAX_ROWS ? -1 : (int) row;
    }

    /** Reads the counters now (the end of a row, and the start of the next). */
    void sample() {
        Snapshot now = reader.get();
        synchronized (snapshots) {
            if (snapshots.size() <= MAX_ROWS) {
                snapshots.add(now);
            }
        }
    }

    /** Stops reading; the counters are read once more, so that the last row (a part of one) is complete. */
    @Override
    public void close() {
        if (sampling != null) {
            sampling.shutdownNow();
            try {
                sampling.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sample();
    }

    List<String> components() {
        return components;
    }

    double widthSeconds() {
        return widthNanos / 1e9;
    }

    /**
     * The rows from the first reading on: a row's acknowledgements are those of the calls meant to go in it, its
     * CPU and disk what the counters moved between its two readings.
     */
    List<Row> rows() {
        List<Snapshot> taken;
        synchronized (snapshots) {
            taken = List.copyOf(snapshots);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i + 1 < taken.size() && i < MAX_ROWS; i++) {
            Snapshot from = taken.get(i);
            Snapshot to = taken.get(i + 1);
            double seconds = (to.nanos() - from.nanos()) / 1e9;
            if (seconds <= 0 || seconds < widthSeconds() / 2 && acknowledgements[i].count() == 0) {
                continue; // the moment between the last row and the close: too short for its CPU to say anything
            }
            double[] cores = new double[components.size()];
            for (int c = 0; c < cores.length; c++) {
                cores[c] = cores(c < from.ticks().length ? from.ticks()[c] : -1,
                        c < to.ticks().length ? to.ticks()[c] : -1, seconds);
            }
            Map<String, Double> postgresCores = new TreeMap<>();
            for (Map.Entry<Long, Backend> e : to.backends().entrySet()) {
                Backend before = from.backends().get(e.getKey());
                long used = e.getValue().ticks() - (before == null ? 0 : before.ticks());
                if (used < 0) { // a new process under a pid that was another's
                    used = e.getValue().ticks();
                }
                postgresCores.merge(e.getValue().database(), used / (double) ProcFs.clockTicksPerSecond() / seconds,
                        Double::sum);
            }
            double busy = cores(from.machineBusy(), to.machineBusy(), seconds);
            double stolen = cores(from.machineStolen(), to.machineStolen(), seconds);
            double megabytes = from.sectorsWritten() < 0 || to.sectorsWritten() < 0 ? -1
                    : (to.sectorsWritten() - from.sectorsWritten()) * 512 / 1e6;
            double queue = from.queueMillis() < 0 || to.queueMillis() < 0 ? -1
                    : (to.queueMillis() - from.queueMillis()) / (seconds * 1000);
            rows.add(new Row((from.nanos() - startNanos) / 1e9, (to.nanos() - startNanos) / 1e9,
                    acknowledgements[i].summary(), lateness[i].summary(), to.inFlight(), cores, postgresCores, busy,
                    stolen, megabytes, queue));
        }
        return rows;
    }
}
