package org.amity.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * RSS and CPU of every process of the platform, read from /proc every five seconds. A JVM or Kafka is one process:
 * RSS from {@code VmRSS}, CPU its user + system ticks. PostgreSQL is a postmaster with a backend per connection:
 * memory is the sum of their PSS (shared buffers divided among the processes, not counted once per backend), CPU the
 * postmaster's own ticks, those of its children that have ended (which it has waited for) and those of its live
 * children. CPU is read at marks (start, end of sending, end of draining) to give CPU seconds per phase.
 */
final class ProcessSampler implements AutoCloseable {

    /** One process (or process tree) and what was seen of it. */
    static final class Component {
        final String name;
        final long pid;
        final boolean tree;
        long firstKb = -1;
        long peakKb = -1;
        long lastKb = -1;
        final Map<String, Long> ticksAt = new LinkedHashMap<>();

        Component(String name, long pid, boolean tree) {
            this.name = name;
            this.pid = pid;
            this.tree = tree;
        }

        /** CPU seconds between two marks; -1 when either was not read. */
        double cpuSeconds(String from, String to) {
            Long a = ticksAt.get(from);
            Long b = ticksAt.get(to);
            return a == null || b == null ? -1 : (double) (b - a) / ProcFs.clockTicksPerSecond();
        }
    }

    /**
     * How often memory is read. PostgreSQL's PSS walks the page tables of every backend (a hundred or more): read
     * every second it cost the tool 0.06 of a core, charged to the machine it measures.
     */
    static final long SAMPLE_MILLIS = 5_000;

    private final List<Component> components;
    private final Periodic sampler;

    ProcessSampler(Map<String, Long> pids) {
        this.components = pids.entrySet().stream()
                .map(e -> new Component(e.getKey(), e.getValue(), e.getKey().equals("postgres"))).toList();
        sample();
        this.sampler = Periodic.every("process-sampler", SAMPLE_MILLIS, this::sample);
    }

    List<Component> components() {
        return components;
    }

    /** Reads CPU ticks of every process now, under this name. */
    synchronized void mark(String name) {
        for (Component c : components) {
            long ticks = ticks(c);
            if (ticks >= 0) {
                c.ticksAt.put(name, ticks);
            }
        }
    }

    private synchronized void sample() {
        for (Component c : components) {
            long kb = memoryKb(c);
            if (kb < 0) {
                continue;
            }
            if (c.firstKb < 0) {
                c.firstKb = kb;
            }
            c.peakKb = Math.max(c.peakKb, kb);
            c.lastKb = kb;
        }
    }

    static long ticks(Component c) {
        return ticks(c, child -> { });
    }

    /** The component's ticks (-1 when gone); for a tree, each live child is also handed to {@code eachChild}. */
    static long ticks(Component c, Consumer<ProcFs.Stat> eachChild) {
        return ProcFs.stat(c.pid).map(s -> {
            if (!c.tree) {
                return s.ownTicks();
            }
            long sum = s.ticksWithWaitedChildren();
            for (ProcFs.Stat child : ProcFs.children(c.pid)) {
                sum += child.ownTicks();
                eachChild.accept(child);
            }
            return sum;
        }).orElse(-1L);
    }

    static long memoryKb(Component c) {
        if (!c.tree) {
            return ProcFs.rssKb(c.pid).orElse(-1);
        }
        OptionalLong own = ProcFs.pssKb(c.pid);
        if (own.isEmpty()) {
            return ProcFs.rssKb(c.pid).orElse(-1);
        }
        long sum = own.getAsLong();
        for (ProcFs.Stat child : ProcFs.children(c.pid)) {
            sum += ProcFs.pssKb(child.pid()).orElse(0);
        }
        return sum;
    }

    @Override
    public void close() {
        sampler.close();
        sample();
    }
}
