package org.amity.analytics.adapters.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.analytics.domain.TensionAlerts;
import org.amity.analytics.domain.TensionMonitor;
import org.amity.common.messaging.Outbox;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Topics;
import org.amity.contracts.analytics.TensionSpikeDetected;

/**
 * Tension alerts through the outbox: the note that a spike was alerted and its {@code TensionSpikeDetected} commit in
 * one transaction, and the relay sends it to {@code analytics.tension.v1}, keyed by the spike id.
 */
@ApplicationScoped
public class TensionAlertPublisher implements TensionAlerts {

    static final String SOURCE = "analytics";

    @Inject
    Outbox outbox;

    @Override
    public void send(TensionMonitor.Spike spike, TensionMonitor monitor) {
        UUID spikeId = spikeId(spike);
        TensionSpikeDetected alert = new TensionSpikeDetected(spikeId, spike.day(), spike.district(), spike.strand(),
                spike.incidents(), monitor.baselineDays(), spike.baselineMean(), spike.baselineSuppressed(),
                monitor.threshold(), Instant.now());
        outbox.append(Topics.ANALYTICS_TENSION_V1, EventCodec.newEvent(TensionSpikeDetected.TYPE,
                TensionSpikeDetected.VERSION, spikeId.toString(), spikeId, SOURCE,
                DataProtectionScope.of("statistics", "uk-gdpr-6-1-e"), alert, List.of()));
    }

    /** The same spike (day, district, strand) always has the same id. */
    public static UUID spikeId(TensionMonitor.Spike spike) {
        return UUID.nameUUIDFromBytes(("tension-spike|" + spike.day() + "|" + spike.district() + "|" + spike.strand())
                .getBytes(StandardCharsets.UTF_8));
    }
}
