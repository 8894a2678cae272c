package org.amity.intake.adapters.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.common.messaging.Outbox;
import org.amity.common.messaging.OutboxRelay;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventEnvelope;
import org.amity.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The outbox relay, woken after each commit, sends the committed transaction's own rows, which it holds from the
 * insert (RelayQueue), and deletes them; the scan from the start sends what no wake-up announced. Here the scheduled
 * scan is off, so a row is sent only by a wake-up, or by the full scan when the test calls it.
 */
@QuarkusTest
@TestProfile(OutboxRelayTest.WakeUpsOnly.class)
class OutboxRelayTest {

    static final String TOPIC = "test.outbox-relay.v1";

    public static class WakeUpsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no scheduled scan from the start, not even the first one at start-up
            return Map.of("quarkus.scheduler.enabled", "false",
                    "amity.kafka.topics", "intake.incident.v1," + TOPIC,
                    // the events here are not intake's: no schema to check them against
                    "amity.outbox.validate-events", "false");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aTransactionThatCommitsAfterALaterOneIsSentAtItsCommit() throws Exception {
        String early = "early-" + UUID.randomUUID();
        String later = "later-" + UUID.randomUUID();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(TOPIC, event(early));
            written.countDown();
            try {
                assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
        assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(outboxRows(early)).as("written, not yet committed: invisible here").isZero();

        // the later row, written after the early one's, commits first and is sent while the early one is open
        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, event(later)));
        TopicReader.await(bootstrapServers, TOPIC, r -> later.equals(r.key()), Duration.ofSeconds(30));

        // the early row's id is below the one already sent: a relay that went on from there would pass it over
        release.countDown();
        first.get(60, TimeUnit.SECONDS);
        TopicReader.await(bootstrapServers, TOPIC, r -> early.equals(r.key()), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(early) + outboxRows(later) == 0);
    }

    @Test
    void aWakeUpSendsItsOwnRowsAndTheFullScanTheRest() {
        // a row written without the outbox (so without a wake-up), then one through it, which commits after
        String unannounced = "unannounced-" + UUID.randomUUID();
        String announced = "announced-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into outbox_message (event_id, event_type, schema_version, topic, message_key, payload) "
                        + "values (?1, 'TestEvent', 1, ?2, ?3, '{}')")
                .setParameter(1, UUID.randomUUID()).setParameter(2, TOPIC).setParameter(3, unannounced)
                .executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, event(announced)));

        TopicReader.await(bootstrapServers, TOPIC, r -> announced.equals(r.key()), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(announced) == 0);
        assertThat(outboxRows(unannounced)).as("not the wake-up's: left for the scan from the start")
                .isEqualTo(1);

        relay.relayAll();
        assertThat(outboxRows(unannounced)).isZero();
        TopicReader.await(bootstrapServers, TOPIC, r -> unannounced.equals(r.key()), Duration.ofSeconds(30));
    }

    @Test
    void aTransactionsEventsLeaveInTheOrderItAppendedThem() {
        // several rows in one statement (Outbox.collecting): each gets its id back by its event id
        String key = "appended-" + UUID.randomUUID();
        List<EventEnvelope> events = IntStream.range(0, 5).mapToObj(i -> event(key)).toList();
        QuarkusTransaction.requiringNew().run(() -> outbox.collecting(() -> events.forEach(e -> outbox.append(TOPIC, e))));

        long previous = -1;
        for (EventEnvelope event : events) {
            String id = event.eventId().toString();
            ConsumerRecord<String, String> record = TopicReader.await(bootstrapServers, TOPIC, r -> key.equals(r.key())
                    && id.equals(new String(r.headers().lastHeader("amity-event-id").value(), StandardCharsets.UTF_8)),
                    Duration.ofSeconds(30));
            assertThat(record.offset()).as("one key, one partition: in the order appended").isGreaterThan(previous);
            previous = record.offset();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(key) == 0);
    }

    private long outboxRows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_message where message_key = ?1")
                .setParameter(1, key).getSingleResult()).longValue());
    }

    private static EventEnvelope event(String key) {
        return new EventEnvelope(UUID.randomUUID(), "TestEvent", 1, Instant.now(), key, UUID.randomUUID(), "intake",
                DataProtectionScope.of("testing", "none: a test event"), JsonNodeFactory.instance.objectNode().put("key", key), null);
    }
}
