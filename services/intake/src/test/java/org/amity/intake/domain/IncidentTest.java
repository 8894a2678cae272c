package org.amity.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
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

    static PersonalAccount account(Optional<Victim> victim, Optional<Reporter> reporter) {
        return PersonalAccount.of(victim, reporter, Optional.empty(), Optional.of("told in their words"),
                Optional.empty());
    }

    static Incident.Draft draft(Instant occurred, Instant reported, String district, List<StrandChoice> strands,
            Perceiver perceiver, PersonalAccount personal, List<Consent> consents) {
        return new Incident.Draft("REF-1", occurred, null, reported, district, strands, List.of("verbal-abuse"), true,
                perceiver, personal, consents);
    }

    static Incident.Draft draft(Instant occurred, String district, List<StrandChoice> strands, Optional<Victim> victim,
            List<Consent> consents) {
        return draft(occurred, null, district, strands, Perceiver.VICTIM, account(victim, Optional.empty()), consents);
    }

    static Consent consent() {
        return new Consent(UUID.randomUUID(), "kent-police", null, "investigation", "identifiable", "verbal",
                "west-kent-housing", null);
    }

    static Victim victim(LocalDate dateOfBirth, String ageBand) {
        return new Victim(UUID.randomUUID(), "A", null, null, null, dateOfBirth, ageBand, null, null, null, false);
    }

    static Optional<Victim> victim() {
        return Optional.of(victim(null, null));
    }

    @Test
    void acceptsAReportThatMeetsTheRulesAndDatesItsConsentsAtReceipt() {
        Incident incident = Incident.report(draft(NOW.minusSeconds(3600), "sevenoaks",
                List.of(new StrandChoice("religion", "anti-muslim"), new StrandChoice("race", null)), victim(),
                List.of(consent())), "west-kent-housing", Channel.MACHINE_API, NOW, RULES);

        assertThat(incident.sourceOrganisationType()).isEqualTo("housing-provider");
        assertThat(incident.receivedAt()).isEqualTo(NOW);
        assertThat(incident.reportedAt()).as("defaults to receipt").isEqualTo(NOW);
        assertThat(incident.consents()).singleElement().extracting(Consent::givenAt).isEqualTo(NOW);
        assertThat(incident.anonymous()).isFalse();
        assertThat(incident.publicReference()).isNull();
        assertThat(incident.personal().narrativeSubjectId()).as("the narrative is sealed under the victim's key")
                .isEqualTo(incident.victim().orElseThrow().subjectId());
    }

    @Test
    void anAnonymousReportIsAcceptedButCannotCarryConsent() {
        Incident anonymous = Incident.report(draft(NOW, "medway", List.of(new StrandChoice("race", null)),
                Optional.empty(), List.of()), "west-kent-housing", Channel.MACHINE_API, NOW, RULES);
        assertThat(anonymous.anonymous()).isTrue();
        assertThat(anonymous.personal().narrativeSubjectId()).as("a key of the report's own").isNotNull();

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
    void itCannotHaveOccurredAfterItWasReported() {
        Incident.Draft late = draft(NOW.minusSeconds(60), NOW.minusSeconds(120), "medway",
                List.of(new StrandChoice("race", null)), Perceiver.VICTIM, account(victim(), Optional.empty()), List.of());
        assertThatThrownBy(() -> Incident.report(late, "west-kent-housing", Channel.MACHINE_API, NOW, RULES))
                .isInstanceOfSatisfying(IncidentRejected.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("$.occurredAt", "must not be after reportedAt")));
        Incident.Draft reportedLater = draft(NOW.minusSeconds(60), NOW.plusSeconds(60), "medway",
                List.of(new StrandChoice("race", null)), Perceiver.VICTIM, account(victim(), Optional.empty()), List.of());
        assertThatThrownBy(() -> Incident.report(reportedLater, "west-kent-housing", Channel.MACHINE_API, NOW, RULES))
                .isInstanceOfSatisfying(IncidentRejected.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("$.reportedAt"));
    }

    @Test
    void aRangeMustNotEndBeforeItBegins() {
        Incident.Draft backwards = new Incident.Draft(null, NOW.minusSeconds(60), NOW.minusSeconds(120), null, "medway",
                List.of(new StrandChoice("race", null)), List.of("verbal-abuse"), false, Perceiver.WITNESS,
                account(Optional.empty(), Optional.empty()), List.of());
        assertThatThrownBy(() -> Incident.report(backwards, "west-kent-housing", Channel.MACHINE_API, NOW, RULES))
                .isInstanceOfSatisfying(IncidentRejected.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("$.occurredTo"));
    }

    @Test
    void aReporterWhoPerceivedItMustBeNamedAndDatesOfBirthMustBePlausible() {
        Incident.Draft noReporter = draft(NOW.minusSeconds(60), null, "medway", List.of(new StrandChoice("race", null)),
                Perceiver.REPORTER, account(Optional.of(victim(LocalDate.of(2030, 1, 1), null)), Optional.empty()),
                List.of());
        assertThatThrownBy(() -> Incident.report(noReporter, "west-kent-housing", Channel.MACHINE_API, NOW, RULES))
                .isInstanceOfSatisfying(IncidentRejected.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactlyInAnyOrder("$.reporter", "$.victim.dateOfBirth"));
    }

    @Test
    void theAgeBandComesFromTheDateOfBirthOnTheDayOfReceipt() {
        Incident incident = Incident.report(draft(NOW.minusSeconds(60), "medway", List.of(new StrandChoice("race", null)),
                Optional.of(victim(LocalDate.of(2001, 11, 21), null)), List.of()), "west-kent-housing",
                Channel.MACHINE_API, NOW, RULES);
        // 24 on 20 November 2026, 25 the next day
        assertThat(incident.victimAgeBand()).isEqualTo("18-24");
        assertThat(victim(LocalDate.of(1950, 1, 1), null).ageBandOn(LocalDate.of(2026, 1, 1))).isEqualTo("65-plus");
        assertThat(victim(LocalDate.of(2015, 1, 1), null).ageBandOn(LocalDate.of(2026, 1, 1))).isEqualTo("under-18");
        assertThat(victim(null, "35-44").ageBandOn(LocalDate.of(2026, 1, 1))).isEqualTo("35-44");
    }

    @Test
    void theIncidentAndItsNewSubjectsHaveTimeOrderedIds() {
        PersonalAccount anonymous = PersonalAccount.of(Optional.empty(), Optional.empty(), Optional.of("tall, red coat"),
                Optional.of("told in their words"), Optional.empty());
        Incident incident = Incident.report(draft(NOW.minusSeconds(60), null, "medway",
                List.of(new StrandChoice("race", null)), Perceiver.VICTIM, anonymous, List.of()), "west-kent-housing",
                Channel.MACHINE_API, NOW, RULES);
        assertThat(incident.id().version()).isEqualTo(7);
        assertThat(incident.personal().perpetratorSubjectId().version()).isEqualTo(7);
        assertThat(incident.personal().narrativeSubjectId().version()).isEqualTo(7);
    }

    @Test
    void thePublicFormGivesAReferenceToQuote() {
        Incident incident = Incident.report(draft(NOW.minusSeconds(60), "medway", List.of(new StrandChoice("race", null)),
                Optional.empty(), List.of()), "west-kent-housing", Channel.PUBLIC_FORM, NOW, RULES);
        assertThat(incident.publicReference()).matches("HC-[A-Z2-9]{4}-[A-Z2-9]{4}");
    }
}
