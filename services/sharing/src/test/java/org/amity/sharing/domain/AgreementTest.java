package org.amity.sharing.domain;

import static org.amity.sharing.domain.Fixtures.HOUSING;
import static org.amity.sharing.domain.Fixtures.NOW;
import static org.amity.sharing.domain.Fixtures.START;
import static org.amity.sharing.domain.Fixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.amity.sharing.domain.Agreement.StrandScope;
import org.junit.jupiter.api.Test;

/** The agreement's rules and lifecycle: drafted, signed by each party, active, suspended, terminated, expired. */
class AgreementTest {

    static final Agreement.Change BY = new Agreement.Change("admin", HOUSING, START, "drafted");
    static final List<StrandScope> RACE = List.of(new StrandScope("race", null));

    static Agreement.Terms valid() {
        return terms(HOUSING, "kent-police", RACE, true, true, false, null);
    }

    static List<String> fields(Agreement.Terms t) {
        return Agreement.problems(t).stream().map(Violation::field).toList();
    }

    @Test
    void aCompleteAgreementHasNoProblems() {
        assertThat(Agreement.problems(valid())).isEmpty();
    }

    @Test
    void rejectsAnAgreementWithoutALawfulBasis() {
        Agreement.Terms t = valid();
        Agreement.Terms noBasis = new Agreement.Terms(t.title(), List.of(t.parties().get(0),
                new Agreement.Party("kent-police", "separate-controller", " ", null)), t.flows(), t.purposes(),
                t.necessity(), t.strands(), t.anonymisedItems(), t.identifiableItems(), true, false, true, 365,
                t.securityRequirements(), t.dpiaReference(), t.reviewDate(), t.effectiveFrom(), null, t.clauses());
        assertThat(fields(noBasis)).containsExactly("$.parties[1].lawfulBasis");
    }

    @Test
    void rejectsAFlowToAnOrganisationThatIsNotAParty() {
        Agreement.Terms t = valid();
        Agreement.Terms missing = new Agreement.Terms(t.title(), t.parties(),
                List.of(new Agreement.Flow(HOUSING, "galop")), t.purposes(), t.necessity(), t.strands(),
                t.anonymisedItems(), t.identifiableItems(), true, false, true, 365, t.securityRequirements(),
                t.dpiaReference(), t.reviewDate(), t.effectiveFrom(), null, t.clauses());
        assertThat(fields(missing)).containsExactly("$.flows[0]");
    }

    @Test
    void rejectsASinglePartyAgreement() {
        Agreement.Terms t = valid();
        Agreement.Terms alone = new Agreement.Terms(t.title(), List.of(t.parties().get(0)), List.of(), t.purposes(),
                t.necessity(), t.strands(), t.anonymisedItems(), t.identifiableItems(), true, false, true, 365,
                t.securityRequirements(), t.dpiaReference(), t.reviewDate(), t.effectiveFrom(), null, t.clauses());
        assertThat(fields(alone)).contains("$.parties", "$.flows");
    }

    @Test
    void rejectsIdentifiableItemsWithoutAConsentOrOverrideRule() {
        Agreement.Terms t = valid();
        Agreement.Terms noRule = new Agreement.Terms(t.title(), t.parties(), t.flows(), t.purposes(), t.necessity(),
                t.strands(), t.anonymisedItems(), t.identifiableItems(), false, false, true, 365,
                t.securityRequirements(), t.dpiaReference(), t.reviewDate(), t.effectiveFrom(), null, t.clauses());
        assertThat(fields(noRule)).containsExactly("$.identifiableRequiresConsent");
    }

    @Test
    void rejectsAnEndBeforeTheStart() {
        assertThat(fields(terms(HOUSING, "kent-police", RACE, true, true, false, START.minusSeconds(1))))
                .containsExactly("$.effectiveTo");
    }

    @Test
    void rejectsDirectIdentifiersAtTheAnonymisedLevel() {
        Agreement.Terms t = valid();
        Agreement.Terms leaky = new Agreement.Terms(t.title(), t.parties(), t.flows(), t.purposes(), t.necessity(),
                t.strands(), Set.of(DataItems.DISTRICT, DataItems.VICTIM_NAME), t.identifiableItems(), true, false,
                true, 365, t.securityRequirements(), t.dpiaReference(), t.reviewDate(), t.effectiveFrom(), null,
                t.clauses());
        assertThat(fields(leaky)).containsExactly("$.anonymisedItems");
    }

    @Test
    void becomesActiveOnlyWhenEveryPartyHasSignedEachChangeANewVersion() {
        Agreement draft = Agreement.draft(UUID.randomUUID(), valid(), BY);
        Agreement once = draft.sign(HOUSING, "alice", START);
        Agreement both = once.sign("kent-police", "bob", START);

        assertThat(draft.version()).isEqualTo(1);
        assertThat(once.status()).isEqualTo(Agreement.Status.DRAFT);
        assertThat(once.inForce(NOW)).isFalse();
        assertThat(both.status()).isEqualTo(Agreement.Status.ACTIVE);
        assertThat(both.version()).isEqualTo(3);
        assertThat(both.inForce(NOW)).isTrue();
        assertThat(both.party("kent-police").orElseThrow().signature().signatory()).isEqualTo("bob");
    }

    @Test
    void onlyAPartySignsAndOnlyOnce() {
        Agreement draft = Agreement.draft(UUID.randomUUID(), valid(), BY);
        assertThatThrownBy(() -> draft.sign("galop", "eve", START)).isInstanceOf(AgreementRejected.class)
                .hasMessageContaining("not a party");
        assertThatThrownBy(() -> draft.sign(HOUSING, "a", START).sign(HOUSING, "b", START))
                .isInstanceOf(AgreementRejected.class).hasMessageContaining("already signed");
    }

    @Test
    void anActiveAgreementIsNotEditedButSuspendedResumedOrTerminated() {
        Agreement active = Fixtures.active(valid());
        assertThatThrownBy(() -> active.edit(valid(), BY)).isInstanceOf(AgreementRejected.class);
        Agreement suspended = active.suspend(BY);
        assertThat(suspended.inForce(NOW)).isFalse();
        assertThat(suspended.resume(BY).inForce(NOW)).isTrue();
        Agreement terminated = suspended.terminate(BY);
        assertThat(terminated.status()).isEqualTo(Agreement.Status.TERMINATED);
        assertThatThrownBy(() -> terminated.resume(BY)).isInstanceOf(AgreementRejected.class);
    }

    @Test
    void expiresAtItsEndDateOnce() {
        Agreement ending = Fixtures.active(terms(HOUSING, "kent-police", RACE, true, true, false, NOW));
        assertThat(ending.expireIfDue(NOW.minusSeconds(1))).isEmpty();
        Agreement expired = ending.expireIfDue(NOW).orElseThrow();
        assertThat(expired.status()).isEqualTo(Agreement.Status.EXPIRED);
        assertThat(expired.version()).isEqualTo(ending.version() + 1);
        assertThat(expired.expireIfDue(NOW.plusSeconds(60))).isEmpty();
    }
}
