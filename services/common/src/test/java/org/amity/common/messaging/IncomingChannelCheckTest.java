package org.amity.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Each consuming service runs the check at start, so its own tests fail to start when its channels are unsafe. */
class IncomingChannelCheckTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    private static Map<String, String> safeChannel(String channel) {
        Map<String, String> p = new HashMap<>();
        p.put("mp.messaging.incoming." + channel + ".connector", "smallrye-kafka");
        p.put("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", channel + ".dead-letter.v1");
        p.put("mp.messaging.incoming." + channel + ".throttled.unprocessed-record-max-age.ms", "0");
        return p;
    }

    @Test
    void aChannelWithItsDeadLetterTopicAndNoAgeLimitPasses() {
        Map<String, String> p = safeChannel("incidents");
        p.putAll(safeChannel("referrals"));
        p.put("mp.messaging.outgoing.events.connector", "smallrye-kafka");
        p.put("mp.messaging.incoming.memory.connector", "smallrye-in-memory");
        assertThat(IncomingChannelCheck.problems(config(p))).isEmpty();
    }

    @Test
    void theConnectorsDefaultAgeLimitOrAnyPositiveOneIsAProblemNamingTheChannel() {
        Map<String, String> p = safeChannel("incidents");
        p.remove("mp.messaging.incoming.incidents.throttled.unprocessed-record-max-age.ms");
        p.putAll(safeChannel("cases"));
        p.put("mp.messaging.incoming.cases.throttled.unprocessed-record-max-age.ms", "600000");

        assertThat(IncomingChannelCheck.problems(config(p))).containsExactly(
                "cases: throttled.unprocessed-record-max-age.ms is 600000 (a poll waiting that long for the CPU would"
                        + " stop the channel for good; set 0)",
                "incidents: throttled.unprocessed-record-max-age.ms is 60000 (a poll waiting that long for the CPU"
                        + " would stop the channel for good; set 0)");
    }

    @Test
    void aChannelWithoutADeadLetterTopicIsAProblem() {
        Map<String, String> p = safeChannel("case-statistics");
        p.put("mp.messaging.incoming.case-statistics.dead-letter-queue.topic", " ");
        assertThat(IncomingChannelCheck.problems(config(p)))
                .containsExactly("case-statistics: no dead-letter-queue.topic (a poison event would have nowhere to go)");
    }
}
