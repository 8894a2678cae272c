package org.amity.sharing.domain;

import static org.amity.sharing.domain.Fixtures.NOW;
import static org.amity.sharing.domain.Fixtures.POLICE;
import static org.amity.sharing.domain.Fixtures.consent;
import static org.amity.sharing.domain.Fixtures.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What a recipient's referral holds, and the steps it goes through. */
class ReferralTest {

    static final Agreement AGREEMENT = Fixtures.housingToPolice();
    static final SharingPolicy POLICY = new SharingPolicy();

    static Referral identifiable() {
        CaseFacts f = facts(false, List.of(consent("kent-police", null, "investigation", "identifiable")), "race");
        return Referral.share(f, POLICY.decide(f, POLICE, List.of(AGREEMENT), NOW), NOW, NOW.plusSeconds(86_400));
    }

    @Test
    void anAnonymisedReferralHoldsTheIncidentItemsOnlyAndNoSealedDetails() {
        CaseFacts f = facts(false, List.of(), "race");
        Referral r = Referral.share(f, POLICY.decide(f, POLICE, List.of(AGREEMENT), NOW), NOW, NOW);
        assertThat(r.level()).isEqualTo(SharingLevel.ANONYMISED);
        assertThat(r.sealedPersonalData()).isNull();
        assertThat(r.view().district()).isEqualTo("sevenoaks");
        assertThat(r.view().victimAgeBand()).isEqualTo("25-34");
        assertThat(r.view().occurredOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(r.recipientCaseReference()).startsWith("AMY-").hasSize(14);
        assertThat(r.id().version()).as("time-ordered, like every row id").isEqualTo(7);
    }

    @Test
    void theProjectionLeavesOutEveryItemTheAgreementDoesNotAllow() {
        Referral.View view = Referral.project(facts(false, List.of(), "race"), Set.of(DataItems.STRANDS));
        assertThat(view.district()).isNull();
        assertThat(view.victimAgeBand()).isNull();
        assertThat(view.occurredOn()).isNull();
        assertThat(view.strands()).hasSize(1);
    }

    @Test
    void eachRecipientGetsItsOwnCaseReference() {
        assertThat(identifiable().recipientCaseReference()).isNotEqualTo(identifiable().recipientCaseReference());
    }

    @Test
    void goesThroughAcknowledgeAcceptOutcomeCloseEachAVersion() {
        Referral r = identifiable();
        Instant t = NOW.plusSeconds(60);
        Referral closed = r.acknowledge(t).accept(t).recordOutcome(1, t).close(t);
        assertThat(closed.status()).isEqualTo(Referral.Status.CLOSED);
        assertThat(closed.homeOfficeOutcome()).isEqualTo(1);
        assertThat(closed.version()).isEqualTo(5);
        assertThat(closed.acknowledgedAt()).isEqualTo(t);
        assertThatThrownBy(() -> closed.decline("late", t)).isInstanceOf(ReferralRejected.class);
        assertThatThrownBy(() -> r.recordOutcome(23, t)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRevokedReferralKeepsNoDataAndAllowsNothing() {
        Referral revoked = identifiable().revoke("consent-withdrawn", NOW);
        assertThat(revoked.view()).isNull();
        assertThat(revoked.sealedPersonalData()).isNull();
        assertThat(revoked.live()).isFalse();
        assertThatThrownBy(() -> revoked.acknowledge(NOW)).isInstanceOf(ReferralRejected.class);
    }

    @Test
    void isOverdueWhenNotAcknowledgedByItsDueTime() {
        Referral r = identifiable();
        assertThat(r.overdue(NOW)).isFalse();
        assertThat(r.overdue(NOW.plusSeconds(86_400))).isTrue();
        assertThat(r.acknowledge(NOW).overdue(NOW.plusSeconds(90_000))).isFalse();
    }

    @Test
    void newDataIsANewVersionAndTheSameDataIsNot() {
        Referral r = identifiable();
        CaseFacts same = facts(false, List.of(), "race");
        Decision d = new Decision("kent-police", r.level(), r.agreementId(), r.agreementVersion(), r.clause(),
                r.consentId(), 1, null, null, r.lawfulBasis(), AGREEMENT.identifiableItems(), "test");
        CaseFacts changed = same.withStrands(List.of(new CaseFacts.StrandCode("religion", "anti-muslim")), true);
        assertThat(r.update(changed, d, NOW).version()).isEqualTo(2);
    }
}
