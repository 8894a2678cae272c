package org.amity.common.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Consumes a poll's worth of events at once: one transaction, one commit, for the whole batch, instead of
 * one per event. The guarantees stay those of one event at a time:
 * <ul>
 * <li>an event that cannot be decoded, or is of a type the stream does not carry, goes to the channel's
 * dead-letter topic with its reason, and the rest are processed;</li>
 * <li>every event is marked in the {@link Inbox} in the same transaction as its effects, so a redelivered
 * event is skipped (unless the stream's {@link Repeats} say a repeat is harmless to its handler);</li>
 * <li>events are handled in the order they were read (per partition, the order they were written);</li>
 * <li>when the batch's transaction fails, each event is tried again in a transaction of its own, and the
 * ones that still fail go to the dead-letter topic; the others are processed as if nothing happened;</li>
 * <li>when the failure is the database being unreachable, nothing is dead-lettered: the batch is tried again
 * with a growing pause, and the records are acknowledged only once they have been processed;</li>
 * <li>while the service is stopping, nothing is dead-lettered either: whatever fails then (a closed connection
 * pool, a closed session) is the shutdown's doing, so the batch is given up unacknowledged and comes back after
 * the restart, where the inbox skips what was done.</li>
 * </ul>
 * The channel is configured with {@code batch=true}; its {@code dead-letter-queue.topic} names the topic.
 */
@ApplicationScoped
public class EventBatches {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** What a consumer does with one event, inside the batch's transaction. */
    @FunctionalInterface
    public interface Handler extends Consumer<EventEnvelope> {
    }

    /**
     * What a consumer does with the events of a batch at once, inside the batch's transaction: the events it has
     * not processed before, in the order they were read. When the batch fails it is called again with each event
     * alone, so it must not rely on seeing the whole batch.
     */
    @FunctionalInterface
    public interface BatchHandler extends Consumer<List<EventEnvelope>> {
    }

    /**
     * A stream of events read by one consumer: the channel (for its dead-letter topic), the consumer's name
     * (for the inbox) and the event types it accepts (any other type is a poison event), and how a repeated
     * event is kept from acting twice.
     */
    public record Stream(String channel, String consumer, Predicate<String> acceptedType, Repeats repeats) {

        /** A stream whose repeats the inbox skips. */
        public Stream(String channel, String consumer, Predicate<String> acceptedType) {
            this(channel, consumer, acceptedType, Repeats.SKIPPED_BY_INBOX);
        }
    }

    /** How a consumer is kept from acting twice on an event delivered again. */
    public enum Repeats {
        /** Each event is marked in the {@link Inbox} with its effects; one marked before is not handed over. */
        SKIPPED_BY_INBOX,
        /**
         * Every event is handed over, repeats included, and no inbox row is written: the handler's effect is to
         * make a keyed state what the event says it is now (the latest facts of a case, say), so acting on an event
         * again changes nothing, and a repeat read again in the partition's order is followed by every later event
         * of its key, which brings the state back to the latest. Only for such handlers.
         */
        HARMLESS
    }

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Outbox outbox;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Processes the records of one poll, event by event; returns when each is processed or dead-lettered. */
    public void process(Stream stream, ConsumerRecords<String, String> records, Handler handler) {
        processAll(stream, records, events -> events.forEach(handler));
    }

    /** Polls of at least this many records are decoded in parallel. */
    static final int PARALLEL_DECODE = 64;

    /** A record decoded, or the reason it could not be (then {@code decoded} holds the record and no event). */
    private record Attempt(Decoded decoded, RuntimeException failure) {
    }

    private static Attempt decode(Stream stream, ConsumerRecord<String, String> record) {
        try {
            EventEnvelope event = EventCodec.decode(record.value());
            if (!stream.acceptedType().test(event.eventType())) {
                throw new InvalidEventException("unexpected event type " + event.eventType() + " on "
                        + record.topic(), List.of());
            }
            return new Attempt(new Decoded(record, event), null);
        } catch (RuntimeException e) {
            return new Attempt(new Decoded(record, null), e);
        }
    }

    /** Processes the records of one poll with a handler that takes them all at once. */
    public void processAll(Stream stream, ConsumerRecords<String, String> records, BatchHandler handler) {
        List<ConsumerRecord<String, String>> polled = new ArrayList<>(records.count());
        records.forEach(polled::add);
        // decoding (parsing, schema checks) is pure CPU: a large poll is decoded on every core, in order
        List<Attempt> attempts = (polled.size() >= PARALLEL_DECODE ? polled.parallelStream() : polled.stream())
                .map(record -> decode(stream, record)).toList();
        List<Decoded> decoded = new ArrayList<>(attempts.size());
        for (Attempt attempt : attempts) {
            if (attempt.failure() == null) {
                decoded.add(attempt.decoded());
            } else {
                deadLetters.send(stream.channel(), attempt.decoded().record(), attempt.failure());
            }
        }
        if (decoded.isEmpty()) {
            return;
        }
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> handleOnce(stream, decoded, handler));
                return;
            } catch (RuntimeException e) {
                leaveForRedeliveryWhenStopping(stream, decoded.size(), e);
                if (!Failures.isDatabaseUnreachable(e)) {
                    break;
                }
                Log.warnf("%s: database unreachable (%s); retrying %d events in %d ms", stream.consumer(),
                        Failures.describe(e), decoded.size(), pause.toMillis());
                pause = pauseAfter(pause);
            }
        }
        for (Decoded one : decoded) {
            processAlone(stream, one, handler);
        }
    }

    private void processAlone(Stream stream, Decoded one, BatchHandler handler) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> handleOnce(stream, List.of(one), handler));
                return;
            } catch (RuntimeException e) {
                leaveForRedeliveryWhenStopping(stream, 1, e);
                if (!Failures.isDatabaseUnreachable(e)) {
                    deadLetters.send(stream.channel(), one.record(), e);
                    return;
                }
                Log.warnf("%s: database unreachable (%s); retrying event %s in %d ms", stream.consumer(),
                        Failures.describe(e), one.event().eventId(), pause.toMillis());
                pause = pauseAfter(pause);
            }
        }
    }

    /**
     * Gives the batch up, unacknowledged, when the failure happened while the service was stopping: one line says so
     * with the failure's cause, and the exception thrown carries neither cause nor stack, because the channel reports
     * it again for every record of the batch (a poll of 2,000 records wrote 15 MB of stack traces at each stop).
     */
    private void leaveForRedeliveryWhenStopping(Stream stream, int events, RuntimeException failure) {
        if (stopping) {
            Log.infof("%s: stopping; %d events left unacknowledged, to be delivered again (%s)", stream.consumer(),
                    events, Failures.describe(failure));
            throw new LeftForRedelivery();
        }
    }

    /** A batch given up while stopping (reported once, by {@link #leaveForRedeliveryWhenStopping}). */
    static final class LeftForRedelivery extends RuntimeException {
        LeftForRedelivery() {
            super("stopping: the batch is left unacknowledged, to be delivered again", null, false, false);
        }
    }

    /**
     * Marks the events in the inbox (one statement) and hands the ones seen for the first time to the handler,
     * once each, in order (on a stream whose repeats are harmless: every event, in order, and no mark); the events
     * they append to the outbox are written together at the end.
     */
    private void handleOnce(Stream stream, List<Decoded> batch, BatchHandler handler) {
        if (stream.repeats() == Repeats.HARMLESS) {
            List<EventEnvelope> events = batch.stream().map(Decoded::event).toList();
            outbox.collecting(() -> handler.accept(events));
            return;
        }
        Set<UUID> fresh = inbox.firstDeliveries(stream.consumer(),
                batch.stream().map(d -> d.event().eventId()).toList());
        List<EventEnvelope> events = new ArrayList<>(fresh.size());
        for (Decoded one : batch) {
            if (fresh.remove(one.event().eventId())) {
                events.add(one.event());
            }
        }
        if (!events.isEmpty()) {
            outbox.collecting(() -> handler.accept(events));
        }
    }

    private static Duration pauseAfter(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
        Duration next = pause.multipliedBy(2);
        return next.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : next;
    }

    private record Decoded(ConsumerRecord<String, String> record, EventEnvelope event) {
    }
}
