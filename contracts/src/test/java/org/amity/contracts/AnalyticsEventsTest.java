package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.amity.contracts.analytics.TensionSpikeDetected;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The tension alert validates against its schema; free text, a missing count or a personal part do not. */
class AnalyticsEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> violations(Object data, List<EncryptedPersonalData> personal) throws Exception {
        EventEnvelope event = EventCodec.newEvent(TensionSpikeDetected.TYPE, TensionSpikeDetected.VERSION,
                UUID.randomUUID().toString(), UUID.randomUUID(), "analytics",
                DataProtectionScope.of("statistics", "uk-gdpr-6-1-e"), data, personal);
        try {
            return EventSchemas.violations(JSON.readTree(EventCodec.encode(event)));
        } catch (InvalidEventException e) {
            return e.violations();
        }
    }

    static TensionSpikeDetected spike(String district, Double baselineMean, boolean suppressed) {
        return new TensionSpikeDetected(UUID.randomUUID(), LocalDate.of(2016, 6, 24), district, "race", 11, 28,
                baselineMean, suppressed, 4, Instant.parse("2016-06-24T21:00:00Z"));
    }

    @Test
    void aSpikeCarriesCodesADayAndCountsOnly() throws Exception {
        assertThat(violations(spike("dartford", 1.5, false), List.of())).isEmpty();
        assertThat(violations(spike("dartford", null, true), List.of())).isEmpty();
        assertThat(violations(spike("Dartford, 12 Acacia Avenue", 1.5, false), List.of()))
                .anyMatch(v -> v.startsWith("$.data.district"));
    }

    @Test
    void aSpikeNeverCarriesAPersonalPart() throws Exception {
        EncryptedPersonalData part = new EncryptedPersonalData(UUID.randomUUID(), "victim", "AES-256-GCM",
                "AAAAAAAAAAAAAAAA", "AAAA");
        assertThat(violations(spike("dartford", 1.5, false), List.of(part)))
                .contains("$.personal: a statistics event never carries personal data");
    }
}
