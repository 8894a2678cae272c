package org.amity.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many events the platform's consumers have still to read (their groups' lag over every partition they have
 * committed in), every {@value #EVERY_MILLIS} ms. A run is through only when nothing is queued: the consumers run at
 * background priority and may still carry the backlog of an earlier run (of intake alone, say), whose referrals and
 * counts would otherwise pass for this run's. A group the broker does not know counts as no lag.
 */
final class BacklogWatcher implements AutoCloseable {

    static final long EVERY_MILLIS = 500;
    static final List<String> GROUPS = List.of("case", "sharing", "analytics");

    private final Admin admin;
    private final Periodic reader;
    private volatile long lag = -1;
    volatile String failure;

    BacklogWatcher(String bootstrap, Arrivals arrivals) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.admin = Admin.create(config);
        this.reader = Periodic.paced("backlog", () -> {
            long now = read();
            if (now != lag) {
                lag = now;
                arrivals.arrived();
            }
            return EVERY_MILLIS;
        }, problem -> failure = problem);
    }

    /** Events not yet read by the platform's consumers at the last reading; -1 before the first. */
    long lag() {
        return lag;
    }

    private long read() throws Exception {
        long total = 0;
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    latest.put(partition, OffsetSpec.latest());
                }
            });
            if (latest.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(10, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                total += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset());
            }
        }
        return total;
    }

    /** Stops reading; a request still under way is abandoned after a few seconds rather than awaited. */
    @Override
    public void close() {
        reader.close();
        admin.close(Duration.ofSeconds(5));
    }
}
