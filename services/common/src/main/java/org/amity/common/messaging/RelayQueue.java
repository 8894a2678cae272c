package org.amity.common.messaging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The transactions of this service instance that wrote outbox rows, in the order they began to commit, with the
 * rows themselves: the relay sends a committed transaction's rows from here, without reading them back from the
 * table. Reading them back was the outbox's dearest statement: an index scan over rows still being written and rows
 * already deleted, some 180 buffers for ten rows (docs/figures.md, intake, session 20).
 *
 * <p>The order is the one Kafka must keep. Two transactions that change one aggregate hold its row lock one after
 * the other, so the second begins to commit only after the first has committed: a queue in the order of
 * {@link #enter} has them in commit order. A transaction still committing holds back every one behind it, even
 * those already committed, for the few milliseconds a commit takes; one that rolled back is dropped.
 *
 * <p>Rows this queue does not hold are in the table, and the relay's scan from the start sends them: rows of other
 * instances, rows of a transaction that entered when the queue was full ({@link Entry#overflowed}), rows of a send
 * that failed. Once some committed rows are only in the table, the queue is <em>behind</em>: it drops the rows of
 * every later transaction too (they are in the table as well), so that none of them overtakes the earlier ones, until
 * a scan that started after the last drop has sent the lot ({@link #scanStarting}, {@link #scanned}).
 */
final class RelayQueue {

    /** One outbox row as the relay sends it. */
    record Row(long id, UUID eventId, String eventType, int schemaVersion, String topic, String messageKey,
            String payload) {
    }

    private enum Outcome { COMMITTING, COMMITTED, ROLLED_BACK, UNKNOWN }

    /** A transaction's place in the queue. */
    static final class Entry {
        private final List<Row> rows;
        private volatile Outcome outcome = Outcome.COMMITTING;

        private Entry(List<Row> rows) {
            this.rows = rows;
        }

        /** True when the queue was full as it entered: its rows stay in the table for the scan from the start. */
        boolean overflowed() {
            return rows == null;
        }
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private int heldRows;
    private boolean behind;
    private long drops;
    private long dropsAtScanStart = -1;

    /** @param capacity the most rows held at once; beyond it, a transaction's rows are left to the table */
    RelayQueue(int capacity) {
        this.capacity = capacity;
    }

    /** The transaction that wrote {@code rows} is about to commit. */
    synchronized Entry enter(List<Row> rows) {
        boolean fits = heldRows + rows.size() <= capacity;
        Entry entry = new Entry(fits ? List.copyOf(rows) : null);
        if (fits) {
            heldRows += rows.size();
        }
        entries.addLast(entry);
        return entry;
    }

    /** Notes the outcome; the caller then wakes the relay. */
    void committed(Entry entry) {
        entry.outcome = Outcome.COMMITTED;
    }

    void rolledBack(Entry entry) {
        entry.outcome = Outcome.ROLLED_BACK;
    }

    /** The transaction manager could not tell: its rows, if they are there, are the table's to send. */
    void unknown(Entry entry) {
        entry.outcome = Outcome.UNKNOWN;
    }

    /** True when the transaction at the head has an outcome, so that {@link #take} would take something. */
    synchronized boolean anythingDue() {
        Entry head = entries.peekFirst();
        return head != null && head.outcome != Outcome.COMMITTING;
    }

    /**
     * Takes the transactions at the head that have an outcome, up to the first still committing or up to about
     * {@code maxRows} rows, and returns the committed ones' rows, in order, to send now. While behind, it drops
     * them instead, and returns none.
     */
    synchronized List<Row> take(int maxRows) {
        List<Row> rows = new ArrayList<>();
        Entry head;
        while ((head = entries.peekFirst()) != null && head.outcome != Outcome.COMMITTING) {
            boolean onlyInTheTable = head.outcome == Outcome.UNKNOWN
                    || (head.rows == null && head.outcome == Outcome.COMMITTED);
            int size = head.rows == null ? 0 : head.rows.size();
            if (!rows.isEmpty() && (onlyInTheTable || rows.size() + size > maxRows)) {
                break; // the rows before it go first
            }
            entries.removeFirst();
            heldRows -= size;
            if (onlyInTheTable) {
                behind = true;
            }
            if (behind) {
                drops++;
            } else if (head.outcome == Outcome.COMMITTED) {
                rows.addAll(head.rows);
            }
        }
        return rows;
    }

    /** The rows last taken were not sent, or not deleted: they are in the table, and the queue is behind. */
    synchronized void sendFailed() {
        behind = true;
        drops++;
    }

    /** A scan of the whole table from the start begins. */
    synchronized void scanStarting() {
        dropsAtScanStart = drops;
    }

    /**
     * The scan that began at the last {@link #scanStarting} has sent every row it found. When nothing was dropped
     * since it began, every row dropped before was among those, and the queue is no longer behind.
     */
    synchronized void scanned() {
        if (drops == dropsAtScanStart) {
            behind = false;
        }
    }

    synchronized boolean behind() {
        return behind;
    }
}
