package org.amity.common.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
 * Relays the outbox to Kafka: takes the oldest unsent rows (locked, so that two instances never
 * send the same row at once), sends them with an idempotent producer ({@code acks=all}), waits for
 * every acknowledgement and only then deletes them, in one transaction. A crash between send and
 * delete sends the rows again on restart: consumers skip repeats by event id (at-least-once in,
 * exactly-once effect).
 *
 * <p>It is woken right after a transaction that appended events commits, so that an event usually leaves within
 * milliseconds, and then reads from that transaction's rows on ({@link RelayStart}); on a short schedule it reads
 * the whole outbox.
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

    @ConfigProperty(name = "amity.outbox.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    @Inject
    MeterRegistry meters;

    private final AtomicBoolean running = new AtomicBoolean();
    private final RelayStart start = new RelayStart();
    private volatile boolean stopping;
    private ReliableProducer producer;
    private Counter relayed;

    /**
     * Notes that the current transaction wrote outbox rows from {@code firstId} on, and relays them on a virtual
     * thread once it has committed. Called by {@link Outbox} after each insert; only a transaction's first call
     * counts (ids grow within a transaction).
     */
    void relayAfterCommit(long firstId) {
        Object marker = OutboxRelay.class;
        if (synchronizations.getResource(marker) != null) {
            return;
        }
        synchronizations.putResource(marker, Boolean.TRUE);
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                start.committing(firstId);
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    start.committed(firstId);
                    Thread.ofVirtual().name("outbox-relay-wakeup").start(OutboxRelay.this::relayDue);
                } else {
                    start.rolledBack(firstId);
                }
            }
        });
    }

    /** From the start of the outbox: rows of other instances, and rows a failed send left behind. */
    @Scheduled(every = "${amity.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        relayAll();
    }

    /** Relays every row in the outbox; returns at once when another thread is relaying (it takes this over). */
    public void relayAll() {
        start.fromTheStart();
        relayDue();
    }

    /**
     * Relays what is due until nothing is. One thread relays at a time; a thread that finds another relaying leaves
     * what it made due to that one, which looks again after it stops, so nothing due is left waiting for the
     * schedule.
     */
    private void relayDue() {
        while (!stopping && start.anythingDue() && running.compareAndSet(false, true)) {
            try {
                OptionalLong from;
                while (!stopping && (from = start.take()).isPresent()) {
                    long next = from.getAsLong();
                    Relayed relayed;
                    do {
                        long after = next;
                        relayed = QuarkusTransaction.requiringNew().call(() -> relayBatch(after));
                        next = relayed.lastId() + 1;
                    } while (relayed.count() == batchSize);
                }
            } catch (RuntimeException e) {
                Log.warnf("outbox relay paused: %s (rows stay in the outbox and are retried)", e.getMessage());
                return;
            } finally {
                running.set(false);
            }
        }
    }

    private record Relayed(int count, long lastId) {
    }

    private Relayed relayBatch(long from) throws InterruptedException, ExecutionException, TimeoutException {
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
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(message.topic, message.messageKey,
                    message.payload);
            record.headers()
                    .add(new RecordHeader(HEADER_EVENT_TYPE, message.eventType.getBytes(StandardCharsets.UTF_8)))
                    .add(new RecordHeader(HEADER_EVENT_ID, message.eventId.toString().getBytes(StandardCharsets.UTF_8)))
                    .add(new RecordHeader(HEADER_SCHEMA_VERSION,
                            Integer.toString(message.schemaVersion).getBytes(StandardCharsets.UTF_8)));
            acks.add(producer().send(record));
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        List<Long> ids = batch.stream().map(m -> m.id).toList();
        // plain SQL with an array: Hibernate translates an HQL "in :list" anew on every call
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from outbox_message where id = any (?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                delete.executeUpdate();
            }
            // The delete need not wait for its WAL flush: lost in a crash, the rows are sent again, which every
            // consumer tolerates (at-least-once, above). That spares the disk a flush per batch, which the
            // services' own commits would otherwise wait behind.
            try (Statement local = connection.createStatement()) {
                local.execute("set local synchronous_commit = off");
            }
        });
        relayedCounter().increment(batch.size());
        return new Relayed(batch.size(), ids.get(ids.size() - 1));
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
        producer = new ReliableProducer(bootstrapServers, applicationName + "-outbox-relay", sendTimeout,
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 2, ProducerConfig.BATCH_SIZE_CONFIG, 65536,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
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
