package org.amity.common.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a service whose Kafka consumer channels could drop or stall events quietly. Each incoming
 * channel of the Kafka connector must
 * <ul>
 * <li>name its dead-letter topic ({@code dead-letter-queue.topic}): {@link EventBatches} sends a poison event there,
 * never drops it;</li>
 * <li>have no age limit on polled records ({@code throttled.unprocessed-record-max-age.ms} 0 or less): the consumers
 * run at background priority, a poll may wait minutes for the CPU while intake takes a burst, and the connector's
 * age check (60 s unless set) then stops the channel for good. Slowness shows as consumer lag instead.</li>
 * </ul>
 */
@Singleton
public class IncomingChannelCheck {

    private static final Pattern KAFKA_CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final long CONNECTOR_DEFAULT_MAX_AGE_MS = 60_000;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        List<String> problems = problems(ConfigProvider.getConfig());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("incoming Kafka channels set up unsafely: " + String.join("; ", problems));
        }
    }

    /** What is wrong with each incoming Kafka channel of the configuration, in channel order; empty when nothing. */
    static List<String> problems(Config config) {
        TreeSet<String> channels = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = KAFKA_CHANNEL.matcher(name);
            if (m.matches() && "smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse(""))) {
                channels.add(m.group(1));
            }
        }
        List<String> problems = new ArrayList<>();
        for (String channel : channels) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            if (config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class).filter(t -> !t.isBlank())
                    .isEmpty()) {
                problems.add(channel + ": no dead-letter-queue.topic (a poison event would have nowhere to go)");
            }
            long maxAge = config.getOptionalValue(prefix + "throttled.unprocessed-record-max-age.ms", Long.class)
                    .orElse(CONNECTOR_DEFAULT_MAX_AGE_MS);
            if (maxAge > 0) {
                problems.add(channel + ": throttled.unprocessed-record-max-age.ms is " + maxAge
                        + " (a poll waiting that long for the CPU would stop the channel for good; set 0)");
            }
        }
        return problems;
    }
}
