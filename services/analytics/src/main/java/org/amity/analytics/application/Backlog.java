package org.amity.analytics.application;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.analytics.config.AnalyticsConfig;

/**
 * Whether the statistics consumer is working through a backlog: the latest poll of one of its partitions brought at
 * least {@code backlog-poll} events (a poll brings what has been waiting, up to its limit; a consumer that keeps up
 * gets a few events a poll). While it is, {@link CountsCatchUp} leaves the counts for later (at most
 * {@code longest-wait-behind}), so that the two cores go to taking the events in first. A large poll counts for
 * {@link #RECENT}: a consumer behind polls again well within that, and one whose last large poll emptied its partition
 * (no poll after it is handed over) or that stopped is not behind for long.
 */
@ApplicationScoped
public class Backlog {

    /** How long a large poll says the consumer is behind. */
    static final Duration RECENT = Duration.ofSeconds(2);

    private record Poll(int events, Instant at) {
    }

    private final Map<Integer, Poll> latest = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final int backlogPoll;

    @Inject
    Backlog(AnalyticsConfig config) {
        this(InstantSource.system(), config.catchUp().backlogPoll());
    }

    Backlog(InstantSource clock, int backlogPoll) {
        this.clock = clock;
        this.backlogPoll = backlogPoll;
    }

    /** Notes a poll of a partition and how many events it brought. */
    public void polled(int partition, int events) {
        latest.put(partition, new Poll(events, clock.instant()));
    }

    /** Whether the latest poll of some partition was a large one, at most {@link #RECENT} ago. */
    public boolean behind() {
        Instant recent = clock.instant().minus(RECENT);
        for (Poll poll : latest.values()) {
            if (poll.events() >= backlogPoll && poll.at().isAfter(recent)) {
                return true;
            }
        }
        return false;
    }
}
