package org.amity.load;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Work repeated on a daemon thread of its own until closed: each run says how long to pause before the next (a
 * reader of the platform goes on at once while there is more to read). A run that fails is reported and tried again
 * after a second (the platform may be busy).
 */
final class Periodic implements AutoCloseable {

    /** One run; returns the pause before the next, in milliseconds. */
    interface Run {
        long run() throws Exception;
    }

    static final long AFTER_FAILURE_MILLIS = 1_000;

    private final ScheduledExecutorService executor;
    private final Run work;
    private final Consumer<String> failed;

    private Periodic(String name, Run work, Consumer<String> failed) {
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name).factory());
        this.work = work;
        this.failed = failed;
    }

    /** Runs {@code work} at once and again after the pause each run returns. */
    static Periodic paced(String name, Run work, Consumer<String> failed) {
        Periodic periodic = new Periodic(name, work, failed);
        periodic.next(0);
        return periodic;
    }

    /** Runs {@code work} every {@code millis}, the first time after one period. */
    static Periodic every(String name, long millis, Runnable work) {
        Periodic periodic = new Periodic(name, () -> {
            work.run();
            return millis;
        }, problem -> { });
        periodic.next(millis);
        return periodic;
    }

    private void next(long pauseMillis) {
        try {
            executor.schedule(this::runOnce, pauseMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed meanwhile: no next run
        }
    }

    private void runOnce() {
        long pause;
        try {
            pause = work.run();
        } catch (InterruptedException e) {
            return; // closing
        } catch (Exception e) {
            failed.accept(e.getMessage());
            pause = AFTER_FAILURE_MILLIS;
        }
        next(pause);
    }

    /** Stops: interrupts a run under way and returns once it has ended (or after five seconds). */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
