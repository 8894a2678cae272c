package org.amity.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class RelayStartTest {

    private final RelayStart start = new RelayStart();

    @Test
    void nothingIsDueUntilATransactionCommits() {
        assertThat(start.anythingDue()).isFalse();
        assertThat(start.take()).isEmpty();

        start.committing(100);
        assertThat(start.anythingDue()).isFalse();
        assertThat(start.take()).isEmpty();

        start.committed(100);
        assertThat(start.anythingDue()).isTrue();
        assertThat(start.take()).isEqualTo(OptionalLong.of(100));
        assertThat(start.take()).as("taken once").isEmpty();
    }

    @Test
    void aScanStartsAtTheLowestCommittedRowNotYetTaken() {
        start.committing(100);
        start.committing(150);
        start.committed(150);
        start.committed(100);

        assertThat(start.take()).isEqualTo(OptionalLong.of(100));
    }

    @Test
    void aCommitNotYetNotedHoldsTheStartBackEvenWhenALaterOneWasNotedFirst() {
        // 100 may have committed in the database already, its outcome not yet noted; 150 was written after it
        start.committing(100);
        start.committing(150);
        start.committed(150);

        assertThat(start.take()).as("a scan for 150 also reaches 100").isEqualTo(OptionalLong.of(100));

        start.committed(100);
        assertThat(start.take()).isEqualTo(OptionalLong.of(100));
    }

    @Test
    void aRolledBackTransactionNoLongerHoldsTheStartBack() {
        start.committing(100);
        start.committing(150);
        start.rolledBack(100);
        start.committed(150);

        assertThat(start.take()).isEqualTo(OptionalLong.of(150));
        assertThat(start.take()).isEmpty();
    }

    @Test
    void theScheduledScanStartsFromTheBeginning() {
        start.committing(100);
        start.committed(100);
        start.fromTheStart();

        assertThat(start.take()).isEqualTo(OptionalLong.of(0));
    }
}
