package org.amity.intake.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs items that wait at the same moment as one unit of work, a transaction for all of them (group commit), on a
 * few threads of its own. A thread takes whatever is waiting when it is free, up to {@code maxGroup} items; under
 * light load that is one item, so nobody waits for company, and the more that arrive while a unit runs, the more
 * the next one takes, so that the cost of a transaction (its round trips, its commit, the relay's send and delete)
 * is shared out as the load grows instead of growing with it.
 *
 * <p>A unit that fails is run again item by item, each in a unit of its own, so that one bad item fails only
 * itself. The unit of work must therefore leave nothing behind when it throws (a transaction that rolls back), and
 * must answer each item as if it had come alone after the items before it in its group.
 *
 * <p>The queue is bounded: when it is full, {@link #submit} refuses at once ({@link RejectedExecutionException}),
 * and the caller can tell its client to come back later instead of letting every wait grow.
 *
 * @param <I> an item of work
 * @param <O> its outcome
 */
public final class GroupCommit<I, O> implements AutoCloseable {

    private record Waiting<I, O>(I item, CompletableFuture<O> result, long queuedNanos) {
    }

    private final BlockingQueue<Waiting<I, O>> queue;
    private final Function<List<I>, List<O>> together;
    private final int maxGroup;
    private final long lingerNanos;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param name     the threads' name
     * @param threads  how many units may run at once
     * @param maxGroup the most items in one unit
     * @param capacity the most items waiting; beyond it, {@link #submit} refuses
     * @param together runs a unit: one outcome for each item, in order
     */
    public GroupCommit(String name, int threads, int maxGroup, int capacity, Function<List<I>, List<O>> together) {
        this(name, threads, maxGroup, capacity, Duration.ZERO, together);
    }

    /**
     * @param linger how long a unit's first item may wait, from when it was queued, for others to join it before the
     *               unit runs (it runs at once when full); zero: it runs with whatever waits when a thread is free
     */
    public GroupCommit(String name, int threads, int maxGroup, int capacity, Duration linger,
            Function<List<I>, List<O>> together) {
        if (threads < 1 || maxGroup < 1 || capacity < 1 || linger.isNegative()) {
            throw new IllegalArgumentException(
                    "threads, maxGroup and capacity must be at least 1, linger not negative");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.together = together;
        this.maxGroup = maxGroup;
        this.lingerNanos = linger.toNanos();
        for (int i = 0; i < threads; i++) {
            Thread thread = Thread.ofPlatform().name(name + "-" + i).daemon().unstarted(this::run);
            this.threads.add(thread);
            thread.start();
        }
    }

    /**
     * Queues the item; the result completes on one of this group's threads once its unit has run.
     *
     * @throws RejectedExecutionException when the queue is full or closed; the item was not queued
     */
    public CompletableFuture<O> submit(I item) {
        if (closed) {
            throw new RejectedExecutionException("closed");
        }
        Waiting<I, O> waiting = new Waiting<>(item, new CompletableFuture<>(), System.nanoTime());
        if (!queue.offer(waiting)) {
            throw new RejectedExecutionException("full");
        }
        if (closed && queue.remove(waiting)) {
            throw new RejectedExecutionException("closed"); // closing, and perhaps no thread left to take it
        }
        return waiting.result();
    }

    /** How many items wait for a thread now. */
    public int waiting() {
        return queue.size();
    }

    private void run() {
        List<Waiting<I, O>> group = new ArrayList<>(maxGroup);
        while (true) {
            Waiting<I, O> first;
            try {
                // a timeout, not an interrupt, ends an idle thread: an interrupt could land in a unit's JDBC calls
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            group.add(first);
            queue.drainTo(group, maxGroup - 1);
            linger(group, first.queuedNanos() + lingerNanos);
            try {
                runUnit(group);
            } catch (Throwable e) {
                group.forEach(w -> w.result().completeExceptionally(e));
            }
            group.clear();
        }
    }

    /** Adds what comes to the group until it is full or the deadline ({@link System#nanoTime}) has passed. */
    private void linger(List<Waiting<I, O>> group, long deadline) {
        long left;
        while (group.size() < maxGroup && (left = deadline - System.nanoTime()) > 0) {
            Waiting<I, O> next;
            try {
                next = queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                return;
            }
            group.add(next);
            queue.drainTo(group, maxGroup - group.size());
        }
    }

    private void runUnit(List<Waiting<I, O>> group) {
        List<O> outcomes;
        try {
            outcomes = together.apply(group.stream().map(Waiting::item).toList());
            if (outcomes.size() != group.size()) {
                throw new IllegalStateException(outcomes.size() + " outcomes for " + group.size() + " items");
            }
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(e);
                return;
            }
            for (Waiting<I, O> one : group) {
                runUnit(List.of(one));
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).result().complete(outcomes.get(i));
        }
    }

    /**
     * Takes no more items, runs the ones waiting (for up to {@code timeoutMillis}), then refuses what is left.
     */
    public void close(long timeoutMillis) {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Waiting<I, O> left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new RejectedExecutionException("closed"));
        }
    }

    @Override
    public void close() {
        close(10_000);
    }
}
