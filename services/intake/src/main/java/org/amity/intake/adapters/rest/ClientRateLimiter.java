package org.amity.intake.adapters.rest;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.amity.intake.config.IntakeConfig;

/**
 * A fixed-window limit on requests per client address for the unauthenticated public form. Held in
 * memory: one instance's view (several instances each allow the limit; a shared store would be the
 * next step). The table is bounded: it is cleared when a window ends.
 */
@Singleton
public class ClientRateLimiter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final int limit;
    private final int windowSeconds;
    private final Clock clock;

    @Inject
    ClientRateLimiter(IntakeConfig config, Clock clock) {
        this.limit = config.publicForm().requestsPerWindow();
        this.windowSeconds = config.publicForm().windowSeconds();
        this.clock = clock;
    }

    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long window = -1;

    /** @return seconds to wait before trying again, or 0 when this request may go ahead */
    public long acquire(String client) {
        long now = clock.millis() / 1000;
        long current = now / windowSeconds;
        if (current != window) {
            synchronized (this) {
                if (current != window) {
                    counts.clear();
                    window = current;
                }
            }
        }
        if (counts.size() >= MAX_TRACKED_CLIENTS && !counts.containsKey(client)) {
            return (current + 1) * windowSeconds - now;
        }
        int used = counts.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
        return used <= limit ? 0 : Math.max(1, (current + 1) * windowSeconds - now);
    }

    public int limit() {
        return limit;
    }
}
