package org.amity.common.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Relays the outbox to Kafka. Right after a transaction that appended events commits, it sends that transaction's
 * rows, which it holds from the insert ({@link RelayQueue}), in commit order; it waits for every acknowledgement
 * ({@code acks=all}, idempotent producer) and only then deletes the rows. On a schedule it scans the whole outbox
 * from the start ({@link #onSchedule}): the oldest rows first, locked so that two instances never send the same row
 * at once. The scan sends what the wake-ups did not: rows of other instances, rows of a failed send. A crash between
 * send and delete sends the rows again: consumers skip repeats by event id (at-least-once in, exactly-once effect).
 *
 * <p>Kafka gets one aggregate's events in the order their transactions committed. When a send fails, or the queue
 * was too full to hold a transaction's rows, those rows are only in the table; until a scan from the start has sent
 * them, the relay leaves the queue's later rows to that scan as well ({@code behind}).
 */
@ApplicationScoped
public class OutboxRelay {

    static final String HEADER_EVENT_TYPE = "amity-event-type";
    static final String HEADER_EVENT_ID = "amity-event-id";
    static final String HEADER_SCHEMA_VERSION = "amity-schema-version";

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry synchronizations;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "amity.outbox.batch-size", defaultValue = "500")
    int batchSize;

    /** The most rows held for sending at once (about 2 kB each); the rest wait in the table for the scan. */
    @ConfigProperty(name = "amity.outbox.queue-capacity", defaultValue = "10000")
    int queueCapacity;

    @ConfigProperty(name = "amity.outbox.full-scan-interval", defaultValue = "PT10S")
    Duration fullScanInterval;

    @ConfigProperty(name = "amity.outbox.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    /**
     * The producer's {@code compression.type}. None by default: an event's personal parts are ciphertext, which does
     * not compress, and a relay that sends each transaction's rows at once makes small batches, for each of which
     * lz4 allocated two 64-kB buffers: nearly half of intake's garbage at 400-500 reports a second (docs/figures.md,
     * intake, session 22).
     */
    @ConfigProperty(name = "amity.outbox.compression", defaultValue = "none")
    String compression;

    @Inject
    MeterRegistry meters;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean scanDue = new AtomicBoolean();
    private RelayQueue queue;
    /** When the last scan from the start began ({@link System#nanoTime}); the first is due at once. */
    private volatile long lastScanStarted = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    private volatile boolean stopping;
    private ReliableProducer producer;
    private Counter relayed;

    /**
     * Notes that the current transaction wrote these outbox rows, and sends them on a virtual thread once it has
     * committed. Called by {@link Outbox} after each insert; a transaction's calls add up.
     */
    void relayAfterCommit(List<RelayQueue.Row> rows) {
        Object marker = OutboxRelay.class;
        @SuppressWarnings("unchecked")
        List<RelayQueue.Row> written = (List<RelayQueue.Row>) synchronizations.getResource(marker);
        if (written != null) {
            written.addAll(rows);
            return;
        }
        List<RelayQueue.Row> all = new ArrayList<>(rows);
        synchronizations.putResource(marker, all);
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            private RelayQueue.Entry entry;

            @Override
            public void beforeCompletion() {
                entry = queue.enter(all);
            }

            @Override
            public void afterCompletion(int status) {
                if (entry == null) {
                    return; // rolled back before it began to commit: never queued
                }
                switch (status) {
                    case Status.STATUS_COMMITTED -> queue.committed(entry);
                    case Status.STATUS_ROLLEDBACK -> queue.rolledBack(entry);
                    default -> queue.unknown(entry);
                }
                Thread.ofVirtual().name("outbox-relay-wakeup").start(OutboxRelay.this::relayDue);
            }
        });
    }

    /**
     * From the start of the outbox: every second while some committed rows are only in the table (a failed send, a
     * full queue), otherwise every {@code amity.outbox.full-scan-interval}, for rows of other instances. The scan
     * walks every row deleted since autovacuum last ran: while a consumer's transaction waits for the CPU, none of
     * them can be marked dead, and an index scan over them read 3,300-4,100 buffers (docs/figures.md, intake,
     * session 20).
     */
    @Scheduled(every = "${amity.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (queue.behind() || System.nanoTime() - lastScanStarted >= fullScanInterval.toNanos()) {
            relayAll();
        }
    }

    /**
     * Relays every row in the outbox: what is queued, then the table from the start. Returns at once when another
     * thread is relaying; that one does it before it stops.
     */
    public void relayAll() {
        scanDue.set(true);
        relayDue();
    }

    /**
     * Relays what is due until nothing is. One thread relays at a time; a thread that finds another relaying leaves
     * what it made due to that one, which looks again after it stops, so nothing due waits for the schedule.
     */
    private void relayDue() {
        while (!stopping && (queue.anythingDue() || scanDue.get()) && running.compareAndSet(false, true)) {
            try {
                relayQueued();
                if (scanDue.getAndSet(false)) {
                    lastScanStarted = System.nanoTime();
                    queue.scanStarting();
                    scanFromTheStart();
                    queue.scanned();
                    relayQueued();
                }
            } catch (RuntimeException e) {
                Log.warnf("outbox relay paused: %s (rows stay in the outbox and are retried)", e.getMessage());
                return;
            } finally {
                running.set(false);
            }
        }
    }

    /** Sends the queued rows of committed transactions, in order (while the queue is behind, it drops them). */
    private void relayQueued() {
        List<RelayQueue.Row> rows;
        while (!stopping && !(rows = queue.take(batchSize)).isEmpty()) {
            List<Long> ids = rows.stream().map(RelayQueue.Row::id).toList();
            try {
                send(rows);
                QuarkusTransaction.requiringNew().run(() -> delete(ids));
            } catch (RuntimeException e) {
                queue.sendFailed();
                throw e;
            }
        }
    }

    /** The whole outbox, oldest rows first, in batches. */
    private void scanFromTheStart() {
        long next = 0;
        Relayed relayed;
        do {
            long from = next;
            relayed = QuarkusTransaction.requiringNew().call(() -> relayBatch(from));
            next = relayed.lastId() + 1;
        } while (!stopping && relayed.count() == batchSize);
    }

    private record Relayed(int count, long lastId) {
    }

    private Relayed relayBatch(long from) {
        // by the index, in id order, for the reason given in delete
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement local = connection.createStatement()) {
                local.execute("set local enable_seqscan = off");
            }
        });
        @SuppressWarnings("unchecked")
        List<OutboxMessage> batch = entityManager
                .createNativeQuery("select * from outbox_message where id >= :from order by id limit :limit "
                        + "for update skip locked", OutboxMessage.class)
                .setParameter("from", from)
                .setParameter("limit", batchSize)
                .getResultList();
        if (batch.isEmpty()) {
            return new Relayed(0, from);
        }
        send(batch.stream().map(m -> new RelayQueue.Row(m.id, m.eventId, m.eventType, m.schemaVersion, m.topic,
                m.messageKey, m.payload)).toList());
        List<Long> ids = batch.stream().map(m -> m.id).toList();
        delete(ids);
        return new Relayed(batch.size(), ids.get(ids.size() - 1));
    }

    /** Sends the rows in order and returns once Kafka has acknowledged every one. */
    private void send(List<RelayQueue.Row> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (RelayQueue.Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.payload());
            record.headers()
                    .add(new RecordHeader(HEADER_EVENT_TYPE, row.eventType().getBytes(StandardCharsets.UTF_8)))
                    .add(new RecordHeader(HEADER_EVENT_ID, row.eventId().toString().getBytes(StandardCharsets.UTF_8)))
                    .add(new RecordHeader(HEADER_SCHEMA_VERSION,
                            Integer.toString(row.schemaVersion()).getBytes(StandardCharsets.UTF_8)));
            acks.add(producer().send(record));
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka acknowledged", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge: " + e.getMessage(), e);
        }
        relayedCounter().increment(rows.size());
    }

    /** Deletes sent rows, in the caller's transaction. */
    private void delete(List<Long> ids) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement local = connection.createStatement()) {
                // The delete need not wait for its WAL flush: lost in a crash, the rows are sent again, which every
                // consumer tolerates (at-least-once, above). That spares the disk a flush per batch, which the
                // services' own commits would otherwise wait behind.
                // And it must find the rows by their index. The outbox is nearly empty whenever autovacuum looks at
                // it, so the planner takes it for empty and reads the whole heap instead: with the seconds of
                // deleted rows the heap holds between two vacuums, 2,200 buffers a delete of 14 rows
                // (docs/figures.md, intake, session 20).
                local.execute("set local synchronous_commit = off; set local enable_seqscan = off");
            }
            // plain SQL with an array: Hibernate translates an HQL "in :list" anew on every call
            try (PreparedStatement delete = connection.prepareStatement("delete from outbox_message where id = any (?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                delete.executeUpdate();
            }
        });
    }

    private Counter relayedCounter() {
        if (relayed == null) {
            relayed = Counter.builder("amity.outbox.relayed").description("events relayed from the outbox to Kafka")
                    .register(meters);
        }
        return relayed;
    }

    @PostConstruct
    void createProducer() {
        queue = new RelayQueue(queueCapacity);
        producer = new ReliableProducer(bootstrapServers, applicationName + "-outbox-relay", sendTimeout,
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 2, ProducerConfig.BATCH_SIZE_CONFIG, 65536,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, compression));
    }

    private KafkaProducer<String, String> producer() {
        return producer.get();
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
