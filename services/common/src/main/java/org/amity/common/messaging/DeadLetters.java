package org.amity.common.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;

/**
 * Moves a poison record to its channel's dead-letter topic ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}),
 * unchanged, with the same headers SmallRye's dead-letter strategy writes: the reason, the exception's type and where the
 * record came from. Waits for the broker's acknowledgement, so that the record's offset is committed only after its
 * dead letter is safe.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Config config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private ReliableProducer producer;

    public void send(String channel, ConsumerRecord<String, String> record, Throwable reason) {
        String topic = config.getValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class);
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, null, record.key(), record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        header(dead, "dead-letter-reason", reason.getMessage() == null ? reason.getClass().getName() : reason.getMessage());
        header(dead, "dead-letter-exception-class-name", reason.getClass().getName());
        if (reason.getCause() != null) {
            header(dead, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
        }
        header(dead, "dead-letter-topic", record.topic());
        header(dead, "dead-letter-partition", Integer.toString(record.partition()));
        header(dead, "dead-letter-offset", Long.toString(record.offset()));
        try {
            producer().send(dead).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            // not acknowledged: the batch fails, is not committed, and the record comes back
            throw new IllegalStateException("could not dead-letter a record of " + record.topic(), e);
        }
        Log.warnf("dead-lettered %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(), topic,
                Failures.describe(reason));
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PostConstruct
    void createProducer() {
        producer = new ReliableProducer(bootstrapServers, applicationName + "-dead-letters", SEND_TIMEOUT, Map.of());
    }

    private KafkaProducer<String, String> producer() {
        return producer.get();
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
