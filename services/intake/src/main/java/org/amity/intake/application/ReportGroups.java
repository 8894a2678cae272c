package org.amity.intake.application;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.common.problem.ProblemException;
import org.amity.intake.application.IncidentService.Outcome;
import org.amity.intake.application.IncidentService.Request;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Single reports that arrive together are committed together: one transaction, one idempotency query, one insert
 * of the reports and one of their events, one commit, one send to Kafka ({@link GroupCommit}). At a few hundred
 * reports a second, a transaction of its own for each report made intake's database work, its commits and the
 * relay's sends grow with the rate, on cores already full (docs/figures.md, intake, session 23).
 *
 * <p>Accepted still means committed: a caller's answer waits for the commit of the transaction that holds its
 * report. Each report is judged as if it had come alone after those before it in its group (a repeat of an earlier
 * one in the group is a repeat, as it would be a moment later).
 */
@ApplicationScoped
public class ReportGroups {

    @Inject
    IncidentService service;

    @Inject
    MeterRegistry meters;

    /**
     * Transactions that run at once. One: reports that arrive while it commits wait for the next group, which makes
     * groups larger (2-3 reports at 500 a second against 1.6-1.9 with two threads) and intake's CPU smaller
     * (docs/figures.md, intake, session 23).
     */
    @ConfigProperty(name = "amity.intake.group-commit.threads", defaultValue = "1")
    int threads;

    @ConfigProperty(name = "amity.intake.group-commit.max-group", defaultValue = "100")
    int maxGroup;

    /**
     * How long a group's first report may wait, from its arrival, for others to join it (Kafka's {@code linger.ms}).
     * Zero: a group is whatever waits when the thread is free.
     */
    @ConfigProperty(name = "amity.intake.group-commit.linger", defaultValue = "0s")
    Duration linger;

    /** Reports waiting for a transaction, at most; beyond it a report is refused with 503 and Retry-After. */
    @ConfigProperty(name = "amity.intake.group-commit.queue-capacity", defaultValue = "2000")
    int capacity;

    private GroupCommit<Request, Outcome> groups;

    @PostConstruct
    void start() {
        DistributionSummary sizes = DistributionSummary.builder("amity.intake.group.size")
                .description("single reports committed in one transaction").register(meters);
        groups = new GroupCommit<>("report-group", threads, maxGroup, capacity, linger, requests -> {
            sizes.record(requests.size());
            return service.reportTogether(requests);
        });
        Gauge.builder("amity.intake.group.waiting", groups, GroupCommit::waiting)
                .description("single reports waiting for a transaction").register(meters);
    }

    /**
     * The outcome of the report, once the transaction that holds it has committed (or failed).
     *
     * @throws ProblemException 503 when more reports wait than the service takes on; nothing was stored
     */
    public CompletionStage<Outcome> submit(Request request) {
        try {
            return groups.submit(request);
        } catch (RejectedExecutionException e) {
            throw ProblemException.busy("more reports are waiting than the service takes on; nothing was stored, "
                    + "send it again", 1);
        }
    }

    @PreDestroy
    void stop() {
        groups.close();
    }
}
