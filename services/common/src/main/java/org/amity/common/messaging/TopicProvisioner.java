package org.amity.common.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Makes sure the topics a service produces and consumes exist before its consumers subscribe, so
 * that the first event does not wait for a consumer's metadata refresh. Topics that exist are left
 * as they are. Where topics are provisioned by operations instead, leave {@code amity.kafka.topics} empty.
 */
@Singleton
public class TopicProvisioner {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "amity.kafka.topics")
    Optional<List<String>> topics;

    @ConfigProperty(name = "amity.kafka.partitions", defaultValue = "3")
    int partitions;

    @ConfigProperty(name = "amity.kafka.replication-factor", defaultValue = "1")
    short replicationFactor;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        List<String> wanted = topics.orElse(List.of());
        if (wanted.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000))) {
            List<NewTopic> missing = wanted.stream().map(t -> new NewTopic(t, partitions, replicationFactor)).toList();
            admin.createTopics(missing).values().forEach((topic, created) -> {
                try {
                    created.get(15, TimeUnit.SECONDS);
                    Log.infof("created topic %s", topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        Log.warnf("could not create topic %s: %s", topic, e.getCause().getMessage());
                    }
                } catch (TimeoutException e) {
                    Log.warnf("could not create topic %s in time; it will be created on first use", topic);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
