package org.amity.common.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A Kafka producer that loses nothing and writes nothing twice (idempotent, {@code acks=all}, a bounded delivery
 * time), made on first use so that a service starts even while the broker is away.
 */
final class ReliableProducer implements AutoCloseable {

    private final Properties settings = new Properties();
    private volatile KafkaProducer<String, String> producer;

    ReliableProducer(String bootstrapServers, String clientId, Duration deliveryTimeout, Map<String, Object> tuning) {
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(deliveryTimeout.toMillis(), 15000));
        settings.putAll(tuning);
    }

    KafkaProducer<String, String> get() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
