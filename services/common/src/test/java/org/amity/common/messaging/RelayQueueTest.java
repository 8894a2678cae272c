package org.amity.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class RelayQueueTest {

    private final RelayQueue queue = new RelayQueue(10);

    @Test
    void nothingIsDueUntilATransactionHasAnOutcome() {
        RelayQueue.Entry entry = queue.enter(rows(1, 2));
        assertThat(queue.anythingDue()).isFalse();
        assertThat(queue.take(500)).isEmpty();

        queue.committed(entry);
        assertThat(queue.anythingDue()).isTrue();
        assertThat(ids(queue.take(500))).containsExactly(1L, 2L);
        assertThat(queue.take(500)).as("taken once").isEmpty();
    }

    @Test
    void rowsLeaveInTheOrderTheirTransactionsBeganToCommit() {
        // 1 began to commit first; 2, behind it, has its outcome noted first
        RelayQueue.Entry first = queue.enter(rows(1));
        RelayQueue.Entry second = queue.enter(rows(2));
        queue.committed(second);

        assertThat(queue.anythingDue()).isFalse();
        assertThat(queue.take(500)).as("held back by the commit under way").isEmpty();

        queue.committed(first);
        assertThat(ids(queue.take(500))).containsExactly(1L, 2L);
    }

    @Test
    void theOrderIsThatOfEnteringNotOfTheIds() {
        // a transaction that took its ids earlier but held no lock the other needed may commit second
        RelayQueue.Entry later = queue.enter(rows(7));
        RelayQueue.Entry earlier = queue.enter(rows(3));
        queue.committed(later);
        queue.committed(earlier);

        assertThat(ids(queue.take(500))).containsExactly(7L, 3L);
    }

    @Test
    void aRolledBackTransactionIsDroppedAndHoldsNothingBack() {
        RelayQueue.Entry failed = queue.enter(rows(1));
        RelayQueue.Entry ok = queue.enter(rows(2));
        queue.committed(ok);
        queue.rolledBack(failed);

        assertThat(ids(queue.take(500))).containsExactly(2L);
    }

    @Test
    void aTakeStopsNearTheBatchSizeButTakesAtLeastOneTransaction() {
        queue.committed(queue.enter(rows(1, 2, 3)));
        queue.committed(queue.enter(rows(4, 5)));

        assertThat(ids(queue.take(2))).as("one transaction, whole").containsExactly(1L, 2L, 3L);
        assertThat(ids(queue.take(2))).containsExactly(4L, 5L);
    }

    @Test
    void whenFullATransactionsRowsAreLeftToTheTableAndNoLaterRowOvertakesThem() {
        queue.committed(queue.enter(rows(1, 2, 3, 4, 5, 6)));
        RelayQueue.Entry tooMany = queue.enter(rows(7, 8, 9, 10, 11));
        assertThat(tooMany.overflowed()).isTrue();
        queue.committed(tooMany);
        queue.committed(queue.enter(rows(12)));

        assertThat(ids(queue.take(500))).as("the rows before it").containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(queue.take(500)).as("12 is in the table too, behind 7-11: the scan sends them in order").isEmpty();
        assertThat(queue.behind()).isTrue();

        queue.committed(queue.enter(rows(13)));
        assertThat(queue.take(500)).as("still behind until a scan has run").isEmpty();
    }

    @Test
    void aScanThatStartedAfterTheLastDropCatchesTheQueueUp() {
        queue.committed(queue.enter(rows(1)));
        assertThat(queue.take(500)).hasSize(1);
        queue.sendFailed();
        queue.committed(queue.enter(rows(2)));
        assertThat(queue.take(500)).as("dropped: in the table").isEmpty();

        queue.scanStarting();
        RelayQueue.Entry duringTheScan = queue.enter(rows(3));
        queue.scanned();
        assertThat(queue.behind()).isFalse();

        queue.committed(duringTheScan);
        assertThat(ids(queue.take(500))).as("committed after the scan began: sent from the queue").containsExactly(3L);
    }

    @Test
    void aScanDuringWhichRowsWereDroppedDoesNotCatchTheQueueUp() {
        queue.sendFailed();
        queue.scanStarting();
        queue.committed(queue.enter(rows(1)));
        assertThat(queue.take(500)).as("dropped after the scan began: perhaps not in its snapshot").isEmpty();
        queue.scanned();

        assertThat(queue.behind()).isTrue();
        queue.scanStarting();
        queue.scanned();
        assertThat(queue.behind()).isFalse();
    }

    @Test
    void takenRowsMakeRoomAgain() {
        queue.committed(queue.enter(rows(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
        assertThat(queue.enter(rows(11)).overflowed()).isTrue();
        assertThat(ids(queue.take(500))).hasSize(10);

        assertThat(queue.enter(rows(12, 13, 14, 15, 16, 17, 18, 19, 20, 21)).overflowed()).isFalse();
    }

    @Test
    void anUnknownOutcomeLeavesTheRowsToTheTable() {
        RelayQueue.Entry entry = queue.enter(rows(1));
        queue.unknown(entry);

        assertThat(queue.take(500)).isEmpty();
        assertThat(queue.behind()).isTrue();
    }

    @Test
    void aRolledBackTransactionTooLargeToHoldIsNotMissed() {
        RelayQueue.Entry tooMany = queue.enter(rows(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        queue.rolledBack(tooMany);
        queue.committed(queue.enter(rows(12)));

        assertThat(ids(queue.take(500))).containsExactly(12L);
        assertThat(queue.behind()).isFalse();
    }

    private static List<RelayQueue.Row> rows(long... ids) {
        return LongStream.of(ids).mapToObj(id -> new RelayQueue.Row(id, UUID.randomUUID(), "TestEvent", 1, "t", "k",
                "{}")).toList();
    }

    private static List<Long> ids(List<RelayQueue.Row> rows) {
        return rows.stream().map(RelayQueue.Row::id).toList();
    }
}
