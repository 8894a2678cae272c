package org.amity.common.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
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
 * Relays the outbox to Kafka: takes the oldest unsent rows (locked, so that two instances never
 * send the same row at once), sends them with an idempotent producer ({@code acks=all}), waits for
 * every acknowledgement and only then deletes them, in one transaction. A crash between send and
 * delete sends the rows again on restart: consumers skip repeats by event id (at-least-once in,
 * exactly-once effect).
 *
 * <p>It runs on a short schedule and is also woken right after a transaction that appended events
 * commits, so that an event usually leaves within milliseconds.
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
    private volatile boolean stopping;
    private ReliableProducer producer;
    private Counter relayed;

    /** Runs the relay on a worker thread once the current transaction has committed. */
    void wakeUpAfterCommit() {
        Object marker = OutboxRelay.class;
        if (synchronizations.getResource(marker) != null) {
            return;
        }
        synchronizations.putResource(marker, Boolean.TRUE);
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    Thread.ofVirtual().name("outbox-relay-wakeup").start(OutboxRelay.this::relayAll);
                }
            }
        });
    }

    @Scheduled(every = "${amity.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        relayAll();
    }

    /** Relays until the outbox is empty; returns at once when another thread is already relaying. */
    public void relayAll() {
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            Log.warnf("outbox relay paused: %s (rows stay in the outbox and are retried)", e.getMessage());
        } finally {
            running.set(false);
        }
    }

    private int relayBatch() throws InterruptedException, ExecutionException, TimeoutException {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> batch = entityManager
                .createNativeQuery("select * from outbox_message order by id limit :limit for update skip locked",
                        OutboxMessage.class)
                .setParameter("limit", batchSize)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
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
        });
        relayedCounter().increment(batch.size());
        return batch.size();
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
