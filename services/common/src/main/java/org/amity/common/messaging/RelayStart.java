package org.amity.common.messaging;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the outbox relay's next scan starts, so that it reads from the rows just committed instead of walking
 * every row it deleted before. Those deleted rows stay in the table's index until no transaction in the whole
 * PostgreSQL cluster can still see them; while a slow transaction of another service holds them, a scan from the
 * start read some 1,700 buffers a batch (docs/figures.md, intake, session 18).
 *
 * <p>The rule, for the rows of this service instance's own transactions:
 * <ul>
 * <li>a transaction that wrote rows is <em>committing</em> from just before its commit until its outcome is noted;
 * <li>when it has committed, its first row's id becomes <em>pending</em> before it stops committing;
 * <li>a scan starts at the lowest of what is pending and what is committing.
 * </ul>
 * So every committed row is reached by a scan that starts after its commit, and a row committed before another
 * was written is never passed over by the later one's scan, even between its commit and the moment the commit is
 * noted: rows of one aggregate go to Kafka in the order their transactions committed. A transaction still at work
 * holds no scan back: its rows are invisible until it commits, and then its own wake-up reads them. Only the
 * commits under way do, for the few milliseconds a commit takes. Rows of other instances,
 * and rows a failed send left behind, are reached by the scheduled scan from the start ({@link #fromTheStart}).
 */
final class RelayStart {

    static final long NOTHING = Long.MAX_VALUE;

    private final AtomicLong pending = new AtomicLong(NOTHING);
    private final ConcurrentSkipListSet<Long> committing = new ConcurrentSkipListSet<>();

    /** The transaction whose first row is {@code firstId} is about to commit: until its outcome is noted, no scan
     * starts after it. */
    void committing(long firstId) {
        committing.add(firstId);
    }

    /** The transaction whose first row is {@code firstId} committed: its rows are due. */
    void committed(long firstId) {
        pending.accumulateAndGet(firstId, Math::min);
        committing.remove(firstId);
    }

    /** The transaction whose first row is {@code firstId} rolled back: its rows are gone. */
    void rolledBack(long firstId) {
        committing.remove(firstId);
    }

    /** Every row is due (the scheduled scan: other instances' rows, rows of a failed send). */
    void fromTheStart() {
        pending.set(0);
    }

    boolean anythingDue() {
        return pending.get() != NOTHING;
    }

    /** Where to scan from now, or empty when nothing is due; what was due is then the caller's to relay. */
    OptionalLong take() {
        long due = pending.getAndSet(NOTHING);
        if (due == NOTHING) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.min(due, oldestCommitting()));
    }

    /** Read on every scan: {@code ceiling} answers an empty set with null, where {@code first} would throw. */
    private long oldestCommitting() {
        Long oldest = committing.ceiling(Long.MIN_VALUE);
        return oldest == null ? NOTHING : oldest;
    }
}
