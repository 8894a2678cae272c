package org.amity.load;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Follows one recipient's partner feed ({@code GET /api/v1/feed?after=<cursor>}) as that recipient, as a partner
 * system would: a page as soon as the last one was full, otherwise every {@value #IDLE_MILLIS} ms. Notes when each
 * referral first appeared as {@code new}, how often, and for identifiable referrals the victim's name (which links
 * a referral to the report sent, as nothing else in the feed does). Pulling is not free: the sharing service audits
 * every referral it discloses.
 */
final class FeedWatcher implements AutoCloseable {

    static final int PAGE = 500;
    static final long IDLE_MILLIS = 100;

    final String recipient;
    final long startCursor;
    /** referral id to the nanoTime it was first seen as new */
    final Map<UUID, Long> firstSeen = new ConcurrentHashMap<>();
    /** referral id to how many times it came as new (1 expected) */
    final Map<UUID, Integer> newItems = new ConcurrentHashMap<>();
    /** victim name (identifiable referrals) to referral id */
    final Map<String, UUID> byVictimName = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
    /** referral id to the cursor of its "new" item */
    private final Map<UUID, Long> cursorOf = new ConcurrentHashMap<>();
    final AtomicLong polls = new AtomicLong();
    volatile String failure;

    private final Api api;
    private final String sharingUrl;
    private final Arrivals arrivals;
    private final Periodic reader;
    private long after;

    FeedWatcher(Api api, String sharingUrl, String recipient, long startCursor, Arrivals arrivals) {
        this.api = api;
        this.arrivals = arrivals;
        this.sharingUrl = sharingUrl;
        this.recipient = recipient;
        this.startCursor = startCursor;
        this.after = startCursor;
        this.reader = Periodic.paced("feed-" + recipient, () -> {
            int read = page(after, newItems);
            if (read > 0) {
                arrivals.arrived();
            }
            return read < PAGE ? IDLE_MILLIS : 0;
        }, problem -> failure = problem);
    }

    long newCount() {
        return firstSeen.size();
    }

    /** Reads one page after {@code from}, counting new items into {@code counts}; returns how many it held. */
    private int page(long from, Map<UUID, Integer> counts) {
        Api.Response response = api.get(sharingUrl + "/api/v1/feed?after=" + from + "&limit=" + PAGE, recipient);
        if (response.status() != 200) {
            throw new Api.CallFailed("feed of " + recipient + ": HTTP " + response.status() + " "
                    + Json.abbreviate(response.body()));
        }
        long seenAt = System.nanoTime();
        polls.incrementAndGet();
        JsonNode page = response.json();
        int n = 0;
        for (JsonNode item : page.path("items")) {
            n++;
            take(item, seenAt, counts);
        }
        after = page.path("nextCursor").asLong(from);
        return n;
    }

    private void take(JsonNode item, long seenAt, Map<UUID, Integer> counts) {
        String kind = item.path("kind").asText();
        kinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (!"new".equals(kind)) {
            return;
        }
        UUID referral = UUID.fromString(item.path("referralId").asText());
        firstSeen.putIfAbsent(referral, seenAt);
        cursorOf.putIfAbsent(referral, item.path("cursor").asLong());
        counts.merge(referral, 1, Integer::sum);
        JsonNode name = item.path("referral").path("victim").path("name");
        if (name.isTextual()) {
            byVictimName.put(name.asText(), referral);
        }
    }

    /**
     * Stops following, then reads the whole feed again from the start cursor: an item whose cursor was handed out
     * before another's but committed after it is invisible to a reader that only moves forward. The counts of new
     * items are then those of the second reading. Returns how many referrals the forward reader passed over: found
     * only by the second reading, with a cursor the forward reader had already gone beyond (items written after it
     * stopped are not counted).
     */
    long stopAndReread() throws InterruptedException {
        reader.close();
        Set<UUID> before = Set.copyOf(firstSeen.keySet());
        long passed = after;
        Map<UUID, Integer> counts = new ConcurrentHashMap<>();
        kinds.clear();
        after = startCursor;
        while (page(after, counts) > 0) {
            // on to the end
        }
        newItems.clear();
        newItems.putAll(counts);
        return firstSeen.keySet().stream().filter(id -> !before.contains(id) && cursorOf.get(id) <= passed).count();
    }

    @Override
    public void close() {
        reader.close();
    }
}
