package org.amity.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IncidentTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final ReportingRules RULES = new ReportingRules(Set.of("sevenoaks", "medway"),
            Map.of("race", Set.of(), "religion", Set.of("anti-muslim", "antisemitic")),
            Set.of("verbal-abuse", "online-abuse"), Map.of("west-kent-housing", "housing-provider"));

    static Incident.Draft draft(Instant occurred, String district, List<StrandChoice> strands, Optional<Victim> victim,
            List<Consent> consents) {
        return new Incident.Draft("REF-1", occurred, null, district, strands, List.of("verbal-abuse"), true,
                Perceiver.VICTIM, victim, consents);
    }

    static Consent consent() {
        return new Consent(UUID.randomUUID(), "kent-police", null, "investigation", "identifiable", "verbal",
                "west-kent-housing", null);
    }

    static Optional<Victim> victim() {
        return Optional.of(new Victim(UUID.randomUUID(), "A", null, null, null, null));
    }

    @Test
    void acceptsAReportThatMeetsTheRulesAndDatesItsConsentsAtReceipt() {
        Incident incident = Incident.report(draft(NOW.minusSeconds(3600), "sevenoaks",
                List.of(new StrandChoice("religion", "anti-muslim"), new StrandChoice("race", null)), victim(),
                List.of(consent())), "west-kent-housing", Channel.MACHINE_API, NOW, RULES);

        assertThat(incident.sourceOrganisationType()).isEqualTo("housing-provider");
        assertThat(incident.receivedAt()).isEqualTo(NOW);
        assertThat(incident.consents()).singleElement().extracting(Consent::givenAt).isEqualTo(NOW);
        assertThat(incident.anonymous()).isFalse();
    }

    @Test
    void anAnonymousReportIsAcceptedButCannotCarryConsent() {
        assertThat(Incident.report(draft(NOW, "medway", List.of(new StrandChoice("race", null)), Optional.empty(),
                List.of()), "west-kent-housing", Channel.MACHINE_API, NOW, RULES).anonymous()).isTrue();

        assertThatThrownBy(() -> Incident.report(draft(NOW, "medway", List.of(new StrandChoice("race", null)),
                Optional.empty(), List.of(consent())), "west-kent-housing", Channel.MACHINE_API, NOW, RULES))
                .isInstanceOfSatisfying(IncidentRejected.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("$.consents[0]"));
    }

    @Test
    void listsEveryBrokenRuleAtOnce() {
        assertThatThrownBy(() -> Incident.report(draft(NOW.plusSeconds(1), "gotham",
                List.of(new StrandChoice("astrology", null), new StrandChoice("religion", "invented")), victim(),
                List.of()), "unknown-org", Channel.MACHINE_API, NOW, RULES))
                .isInstanceOfSatisfying(IncidentRejected.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactlyInAnyOrder("$", "$.occurredAt", "$.district", "$.strands[0].code",
                                "$.strands[1].subCategory"));
    }

    @Test
    void aRangeMustNotEndBeforeItBegins() {
        Incident.Draft backwards = new Incident.Draft(null, NOW.minusSeconds(60), NOW.minusSeconds(120), "medway",
                List.of(new StrandChoice("race", null)), List.of("verbal-abuse"), false, Perceiver.WITNESS,
                Optional.empty(), List.of());
        assertThatThrownBy(() -> Incident.report(backwards, "west-kent-housing", Channel.MACHINE_API, NOW, RULES))
                .isInstanceOfSatisfying(IncidentRejected.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("$.occurredTo"));
    }
}
