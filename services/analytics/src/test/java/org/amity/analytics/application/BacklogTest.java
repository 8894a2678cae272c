package org.amity.analytics.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The consumer is behind while the latest poll of some partition was a large one, and not for ever. */
class BacklogTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
    final Backlog backlog = new Backlog(now::get, 1000);

    @Test
    void aConsumerThatHasPolledNothingIsNotBehind() {
        assertThat(backlog.behind()).isFalse();
    }

    @Test
    void aLargePollMakesItBehindUntilThatPartitionsNextPollIsSmall() {
        backlog.polled(0, 2000);
        assertThat(backlog.behind()).isTrue();
        backlog.polled(0, 1000);
        assertThat(backlog.behind()).as("as large as the limit").isTrue();
        backlog.polled(0, 999);
        assertThat(backlog.behind()).isFalse();
    }

    @Test
    void onePartitionStillBehindIsEnough() {
        backlog.polled(0, 2000);
        backlog.polled(1, 2000);
        backlog.polled(2, 3);
        backlog.polled(1, 12);
        assertThat(backlog.behind()).as("partition 0's latest poll was large").isTrue();
        backlog.polled(0, 40);
        assertThat(backlog.behind()).isFalse();
    }

    @Test
    void aLargePollThatNothingFollowedStopsCountingAfterAMoment() {
        backlog.polled(0, 2000);
        now.set(now.get().plus(Backlog.RECENT).minusMillis(1));
        assertThat(backlog.behind()).isTrue();
        now.set(now.get().plus(Duration.ofMillis(1)));
        assertThat(backlog.behind()).as("the last poll of a backlog, or a consumer that stopped").isFalse();
    }
}
