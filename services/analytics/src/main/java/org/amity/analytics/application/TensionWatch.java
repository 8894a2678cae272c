package org.amity.analytics.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.analytics.config.AnalyticsConfig;
import org.amity.analytics.domain.Statistics;
import org.amity.analytics.domain.TensionAlerts;
import org.amity.analytics.domain.TensionMonitor;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Watches the spikes the counts' catch-up finds (CountsCatchUp) and alerts each spike once ({@code TensionSpikeDetected} on
 * {@code analytics.tension.v1}). Detection runs on a schedule over the last few days only: an alert is news, and a
 * replay of history (a new service loading years of facts) must not send partners alerts about 2016. The API still
 * lists every spike of any period. Running again, or facts redelivered, finds the same spikes, which are not alerted
 * again.
 */
@ApplicationScoped
public class TensionWatch {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Inject
    Statistics statistics;

    @Inject
    TensionAlerts alerts;

    @Inject
    TensionAlerts.Alerted alerted;

    @Inject
    AnalyticsConfig config;

    /** The monitor as configured, with the disclosure threshold of every published figure. */
    public TensionMonitor monitor() {
        AnalyticsConfig.Tension t = config.tension();
        return new TensionMonitor(t.baselineDays(), t.minimumCount(), t.deviations(), t.ratio(),
                config.suppressionThreshold());
    }

    @Scheduled(every = "${amity.analytics.tension.detect-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        detect(LocalDate.now(ENGLAND));
    }

    /** Alerts the spikes from {@code alert-within-days} before {@code today} to today not alerted yet; how many. */
    @Transactional
    public int detect(LocalDate today) {
        TensionMonitor monitor = monitor();
        LocalDate from = today.minusDays(config.tension().alertWithinDays());
        LocalDate to = today.plusDays(1);
        List<TensionMonitor.Spike> spikes = statistics.spikes(null, null, from, to, monitor);
        int sent = 0;
        for (TensionMonitor.Spike spike : spikes) {
            if (alerted.firstAlert(spike)) {
                alerts.send(spike, monitor);
                sent++;
            }
        }
        if (sent > 0) {
            Log.infof("tension: %d new spikes alerted", sent);
        }
        return sent;
    }
}
