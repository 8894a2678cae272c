package org.amity.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CaseTest {

    static final Instant RECEIVED = Instant.parse("2026-11-17T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-18T09:00:00Z");
    static final WorkingDays DAYS = new WorkingDays(Set.of());

    static Case opened(String ownerType) {
        return Case.open(UUID.randomUUID(), "west-kent-housing", ownerType, RECEIVED, RECEIVED.minusSeconds(3600), null,
                "sevenoaks", List.of(new Case.StrandCode("race", null)), List.of("verbal-abuse"), true, "victim", false,
                "25-34", UUID.randomUUID(), List.of(), null, DAYS);
    }

    static CaseRuleBroken refusal(Runnable change) {
        try {
            change.run();
        } catch (CaseRuleBroken e) {
            return e;
        }
        throw new AssertionError("the change was allowed");
    }

    @Test
    void aCaseIdSortsByTimeButItsStatisticsKeySaysNothingOfWhen() {
        Case c = opened("police");
        assertThat(c.id().version()).isEqualTo(7);
        assertThat(c.statisticsKey().version()).as("random: a key that told its millisecond would link it to the case")
                .isEqualTo(4);
        assertThat(c.recordAction("leaflet-given", NOW, "officer", NOW).change()).isInstanceOfSatisfying(
                CaseChange.ActionRecorded.class, a -> assertThat(a.actionId().version()).isEqualTo(7));
    }

    @Test
    void closingAClosedCaseIsAnInvalidTransitionNamingTheStatus() {
        Case closed = opened("housing-provider").close("resolved", "officer", NOW).after();

        CaseRuleBroken e = refusal(() -> closed.close("resolved", "officer", NOW));
        assertThat(e.kind()).isEqualTo(CaseRuleBroken.Kind.INVALID_TRANSITION);
        assertThat(e.field()).isEqualTo("status");
        assertThat(refusal(() -> closed.assessRisk(RiskLevel.HIGH, "officer", NOW)).field()).isEqualTo("status");
        assertThat(closed.reopen("new-information", "officer", NOW).after().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void aHomeOfficeOutcomeBelongsToPoliceCasesAndMustExist() {
        assertThat(refusal(() -> opened("housing-provider").recordOutcome(8, null, "o", NOW)).field())
                .isEqualTo("$.homeOfficeOutcome");
        assertThat(refusal(() -> opened("third-party-reporting-centre").recordOutcome(null, "mediation", "o", NOW))
                .field()).isEqualTo("$.housingOutcome");
        assertThat(refusal(() -> opened("police").recordOutcome(23, null, "o", NOW)).getMessage()).contains("0 to 22");
        assertThat(refusal(() -> opened("housing-provider").recordOutcome(null, "eviction", "o", NOW)).field())
                .isEqualTo("$.housingOutcome");

        assertThat(opened("police").recordOutcome(0, null, "o", NOW).after().work().outcome().homeOfficeOutcome())
                .isZero();
        assertThat(opened("housing-provider").recordOutcome(null, "injunction", "o", NOW).after().work().outcome()
                .scheme()).isEqualTo(Outcome.Scheme.HOUSING);
    }

    @Test
    void aReclassificationNeedsAReasonAndSaysWhoAndWhy() {
        Case c = opened("police");
        assertThat(refusal(() -> c.triage(Classification.NON_CRIME_HATE_INCIDENT, null, null, "officer", NOW)).field())
                .isEqualTo("$.reason");

        Case.Changed confirmed = c.triage(Classification.HATE_CRIME, null, null, "officer", NOW);
        assertThat(((CaseChange.Triaged) confirmed.change()).reclassified()).isFalse();

        Case.Changed changed = confirmed.after().triage(Classification.NON_CRIME_HATE_INCIDENT,
                List.of(new Case.StrandCode("religion", "anti-muslim")), "new-evidence", "sergeant", NOW);
        CaseChange.Triaged fact = (CaseChange.Triaged) changed.change();
        assertThat(fact.reclassified()).isTrue();
        assertThat(fact.previous()).isEqualTo(Classification.HATE_CRIME);
        assertThat(fact.by()).isEqualTo("sergeant");
        assertThat(fact.reason()).isEqualTo("new-evidence");
        assertThat(changed.after().strands()).containsExactly(new Case.StrandCode("religion", "anti-muslim"));
    }

    @Test
    void contactBeforeTheDeadlineMeetsTheTargetAndABreachIsRecordedOnce() {
        Case c = opened("housing-provider");
        assertThat(c.recordContact(NOW, "phone", "o", NOW).after().contactTargetMet()).isTrue();

        Instant late = c.contactDueBy().plusSeconds(1);
        assertThat(c.missContactTarget(c.contactDueBy().minusNanos(1))).isEmpty();
        Case missed = c.missContactTarget(late).orElseThrow().after();
        assertThat(missed.contactTargetMet()).isFalse();
        assertThat(missed.missContactTarget(late.plusSeconds(60))).isEmpty();
        assertThat(missed.recordContact(late, "phone", "o", late).after().contactTargetMet()).isFalse();
        assertThat(refusal(() -> c.recordContact(NOW.plusSeconds(60), "phone", "o", NOW)).field())
                .isEqualTo("$.contactedAt");
    }

    @Test
    void aWithdrawalIsANewVersionAndTheFirstIsKept() {
        Case c = opened("housing-provider").recordConsent("kent-police", null, "investigation", "identifiable",
                "verbal", NOW, "officer", NOW).after();
        UUID consent = c.consents().get(0).id();

        Case withdrawn = c.withdrawConsent(consent, "written", "officer", NOW).after();

        assertThat(withdrawn.consents()).hasSize(2);
        assertThat(withdrawn.consents().get(0).withdrawnAt()).isNull();
        assertThat(withdrawn.currentConsent(consent).orElseThrow().version()).isEqualTo(2);
        assertThat(withdrawn.currentConsent(consent).orElseThrow().withdrawnAt()).isEqualTo(NOW);
        assertThat(refusal(() -> withdrawn.withdrawConsent(consent, "written", "o", NOW)).kind())
                .isEqualTo(CaseRuleBroken.Kind.INVALID_TRANSITION);
        assertThat(refusal(() -> c.withdrawConsent(UUID.randomUUID(), "written", "o", NOW)).kind())
                .isEqualTo(CaseRuleBroken.Kind.NOT_FOUND);
    }

    @Test
    void anEarlierCaseOfTheSameIncidentIsADuplicateAndOthersInTheYearAreRepeats() {
        Case c = opened("housing-provider");
        UUID sameIncident = UUID.randomUUID();
        UUID lastMonth = UUID.randomUUID();
        UUID twoYearsAgo = UUID.randomUUID();
        Matching.Result result = Matching.judge(c, List.of(
                new Matching.Candidate(sameIncident, RECEIVED.minusSeconds(600), c.occurredFrom().plusSeconds(1800)),
                new Matching.Candidate(lastMonth, RECEIVED.minusSeconds(30L * 86400), RECEIVED.minusSeconds(31L * 86400)),
                new Matching.Candidate(twoYearsAgo, RECEIVED.minusSeconds(730L * 86400), RECEIVED.minusSeconds(731L * 86400))));

        assertThat(result.duplicateOf()).contains(sameIncident);
        assertThat(result.earlierCases()).containsExactly(lastMonth);
    }

    @Test
    void aVictimWithManyEarlierCasesIsLinkedToTheMostRecentOnesOnly() {
        Case c = opened("housing-provider");
        List<Matching.Candidate> weekly = new ArrayList<>();
        for (int week = 1; week <= 52 + 20; week++) { // most recent first, as the repository returns them
            weekly.add(new Matching.Candidate(UUID.randomUUID(), RECEIVED.minusSeconds(week * 7L * 86400),
                    RECEIVED.minusSeconds(week * 7L * 86400 + 3600)));
        }

        Matching.Result result = Matching.judge(c, weekly);

        assertThat(result.duplicateOf()).isEmpty();
        assertThat(result.earlierCases()).hasSize(Matching.MOST_LINKS)
                .containsExactlyElementsOf(weekly.subList(0, Matching.MOST_LINKS).stream()
                        .map(Matching.Candidate::caseId).toList());
    }
}
