package org.amity.analytics.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.amity.analytics.config.AnalyticsConfig;
import org.amity.analytics.domain.Statistics;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the counts (and the tension spikes they show) up to date with the facts, off the consumer's path: on a
 * schedule, the cells recorded since the last round have their changes added to their counts (or, after a bulk batch,
 * are counted again from their facts) once they have been quiet for {@code quiet} (or have waited
 * {@code longest-wait}), a transaction per {@code cells-per-transaction}. A table therefore trails ingest by one to two
 * seconds, at most {@code longest-wait} and an interval. While the consumer works through a backlog ({@link Backlog})
 * the counts wait for it, at most {@code longest-wait-behind}: bringing them up to date costs as much CPU then as
 * after, and on a machine the two share it would only slow the events' way in; once the backlog is gone, each touched
 * cell is brought up to date once. When more than {@link #SMALL_ROUND} cells are due, the rest of the round runs
 * {@code workers} transactions at a time, each for its share of the districts (one statement counting cells keeps one
 * PostgreSQL backend busy: alone, it left a third of the machine idle after a backlog).
 */
@ApplicationScoped
public class CountsCatchUp {

    @Inject
    Statistics statistics;

    @Inject
    AnalyticsConfig config;

    @Inject
    TensionWatch tension;

    @Inject
    Backlog backlog;

    /** A round with at most this many cells due is one transaction; a larger one is rebuilt in shares. */
    static final int SMALL_ROUND = 100;

    /** Rebuilds the shares other than the first (which the calling thread takes). */
    private ExecutorService workers;

    @PostConstruct
    void startWorkers() {
        AtomicInteger named = new AtomicInteger();
        workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "counts-catch-up-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stopWorkers() {
        workers.shutdownNow();
    }

    /**
     * The configured areas' sums follow their districts; spikes stored under another rule (the configuration
     * changed) are found again: every cell is marked.
     */
    void onStart(@Observes StartupEvent start) {
        Map<String, List<String>> areas = new HashMap<>();
        config.areas().forEach((code, area) -> areas.put(code, area.districts()));
        Set<String> ownReports = new HashSet<>();
        config.organisations().forEach((organisation, viewer) -> {
            if (viewer.ownReportsOnly()) {
                ownReports.add(organisation);
            }
        });
        List<String> counted = statistics.adoptSources(ownReports);
        if (!counted.isEmpty()) {
            Log.infof("counts: %s now counted per source (own reports)", counted);
        }
        List<String> summed = statistics.adoptAreas(areas);
        if (!summed.isEmpty()) {
            Log.infof("counts: areas %s are new or changed; their sums were made again", summed);
        }
        if (statistics.adopt(tension.monitor())) {
            Log.info("counts: the tension rule is new or changed; every cell is marked and its spikes found again");
        }
    }

    @Scheduled(every = "${amity.analytics.catch-up.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        scheduledRound();
    }

    /**
     * Rebuilds what the schedule's rules allow now: the cells quiet for {@code quiet} or waiting for
     * {@code longest-wait}, or, while the consumer is behind, those quiet or waiting for {@code longest-wait-behind}.
     * How many.
     */
    public int scheduledRound() {
        AnalyticsConfig.CatchUp rules = config.catchUp();
        if (backlog.behind()) {
            return rebuild(rules.longestWaitBehind(), rules.longestWaitBehind());
        }
        return rebuild(rules.quiet(), rules.longestWait());
    }

    /** Rebuilds every cell dirty now, quiet or not (tests, and a caller that needs the figures now); how many. */
    public int catchUp() {
        return rebuild(Duration.ZERO, Duration.ZERO);
    }

    /**
     * Rebuilds the dirty cells that have been quiet for {@code quiet} or waiting for {@code longestWait} (a month
     * being loaded in bulk is counted once it settles, not every round); cells marked again meanwhile wait for the
     * next round. How many.
     */
    private int rebuild(Duration quiet, Duration longestWait) {
        int small = Math.min(SMALL_ROUND, config.catchUp().cellsPerTransaction());
        int first = statistics.catchUp(Statistics.Share.ALL, small, tension.monitor(), quiet, longestWait);
        if (first < small) {
            return first;
        }
        // more is due (a backlog went through): the shares are rebuilt side by side. A round of a few cells stays one
        // transaction, so that it never takes two cores from the services beside it.
        int shares = config.catchUp().workers();
        if (shares == 1) {
            return first + rebuild(Statistics.Share.ALL, quiet, longestWait);
        }
        List<Future<Integer>> others = new ArrayList<>(shares - 1);
        for (int index = 1; index < shares; index++) {
            Statistics.Share share = new Statistics.Share(index, shares);
            others.add(workers.submit(() -> rebuild(share, quiet, longestWait)));
        }
        int total = first + rebuild(new Statistics.Share(0, shares), quiet, longestWait);
        for (Future<Integer> other : others) {
            try {
                total += other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the counts were rebuilt", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not rebuild a share of the counts", e.getCause());
            }
        }
        return total;
    }

    /** Rebuilds a share's cells, a transaction per page, until none is due. How many. */
    private int rebuild(Statistics.Share share, Duration quiet, Duration longestWait) {
        int page = config.catchUp().cellsPerTransaction();
        int total = 0;
        int rebuilt;
        do {
            rebuilt = statistics.catchUp(share, page, tension.monitor(), quiet, longestWait);
            total += rebuilt;
        } while (rebuilt == page);
        return total;
    }
}
