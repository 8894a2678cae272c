package org.amity.analytics.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.analytics.config.AnalyticsConfig;
import org.amity.analytics.domain.Statistics;

import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the counts up to date with the facts, off the consumer's path: on a schedule, the cells recorded since the
 * last round are rebuilt from their facts, a transaction per {@code cells-per-transaction}, until none is left. A
 * table therefore trails ingest by about one interval; under a backlog, many events fold into one rebuild.
 */
@ApplicationScoped
public class CountsCatchUp {

    @Inject
    Statistics statistics;

    @Inject
    AnalyticsConfig config;

    @Scheduled(every = "${amity.analytics.catch-up.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        catchUp();
    }

    /**
     * Rebuilds the cells dirty now (cells dirtied again meanwhile wait for the next round, so that a backlog folds
     * into few rebuilds); how many.
     */
    public int catchUp() {
        int page = config.catchUp().cellsPerTransaction();
        int total = 0;
        int rebuilt;
        do {
            rebuilt = statistics.catchUp(page);
            total += rebuilt;
        } while (rebuilt == page);
        return total;
    }
}
