package org.amity.load;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Where the readers of the platform (feeds, the county figure) say that something new arrived, and where the tool
 * waits until everything it expects has: no polling of its own, it wakes when a reader has news.
 */
final class Arrivals {

    /** A reader took something new. */
    synchronized void arrived() {
        notifyAll();
    }

    /**
     * Waits until {@code done} holds, checked at each arrival; false when {@code timeoutNanos} passed first.
     * Readers call {@link #arrived} after updating what {@code done} reads, so no arrival is missed.
     */
    synchronized boolean await(BooleanSupplier done, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
