package org.amity.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's own limit on this machine: one producer as the services' outbox relays configure theirs (acks=all,
 * idempotent), sending messages the size of an {@code IncidentReported} event to a scratch topic with as many
 * partitions as the broker gives a new topic, as fast as it acknowledges them. The topic is deleted afterwards.
 */
final class RawKafka {

    static final String INCIDENT_TOPIC = "intake.incident.v1";
    static final int FALLBACK_SIZE = 2_048;

    record Result(long messages, double seconds, int messageSize, String sizeSource) {
        double perSecond() {
            return messages / seconds;
        }

        double megabytesPerSecond() {
            return messages * (double) messageSize / seconds / 1e6;
        }
    }

    static Result measure(String bootstrap, int seconds, String run) throws Exception {
        int[] size = {FALLBACK_SIZE};
        String source = sampleSize(bootstrap, size);
        String topic = "amity-load-scratch-" + run.toLowerCase();
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, java.util.Optional.empty(), java.util.Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
            try {
                return produce(bootstrap, topic, seconds, size[0], source);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Result produce(String bootstrap, String topic, int seconds, int size, String source)
            throws InterruptedException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        byte[] value = new byte[size];
        java.util.Arrays.fill(value, (byte) 'x');
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start;
        long end;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.partitionsFor(topic); // metadata before the clock starts
            start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            long n = 0;
            while (System.nanoTime() < deadline) {
                byte[] key = Long.toString(n++).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            end = System.nanoTime();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " messages to the scratch topic failed");
        }
        return new Result(acked.get(), (end - start) / 1e9, size, source);
    }

    /** The median size (key + value + headers) of the latest IncidentReported events, into {@code size[0]}. */
    private static String sampleSize(String bootstrap, int[] size) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(INCIDENT_TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition p : partitions) {
                consumer.seek(p, Math.max(0, ends.get(p) - 20));
            }
            List<Integer> sizes = new ArrayList<>();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sizes.size() < 20 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    int s = (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
                    for (Header h : r.headers()) {
                        s += h.key().length() + (h.value() == null ? 0 : h.value().length);
                    }
                    sizes.add(s);
                }
            }
            if (sizes.isEmpty()) {
                return "no IncidentReported event to measure: " + FALLBACK_SIZE + " bytes assumed";
            }
            Collections.sort(sizes);
            size[0] = sizes.get(sizes.size() / 2);
            return "median of the last " + sizes.size() + " events on " + INCIDENT_TOPIC;
        } catch (RuntimeException e) {
            return "could not read " + INCIDENT_TOPIC + " (" + e.getMessage() + "): " + FALLBACK_SIZE + " bytes assumed";
        }
    }

    private RawKafka() {
    }
}
