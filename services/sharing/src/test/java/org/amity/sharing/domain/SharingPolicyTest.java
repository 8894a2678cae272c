package org.amity.sharing.domain;

import static org.amity.sharing.domain.Fixtures.GALOP;
import static org.amity.sharing.domain.Fixtures.HOUSING;
import static org.amity.sharing.domain.Fixtures.NOW;
import static org.amity.sharing.domain.Fixtures.POLICE;
import static org.amity.sharing.domain.Fixtures.TELL_MAMA;
import static org.amity.sharing.domain.Fixtures.active;
import static org.amity.sharing.domain.Fixtures.consent;
import static org.amity.sharing.domain.Fixtures.facts;
import static org.amity.sharing.domain.Fixtures.housingToPolice;
import static org.amity.sharing.domain.Fixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.amity.sharing.domain.Agreement.StrandScope;
import org.junit.jupiter.api.Test;

/** Named examples of the sharing decision from DOMAIN.md. */
class SharingPolicyTest {

    static final Agreement HOUSING_TO_POLICE = housingToPolice();
    static final Agreement HOUSING_TO_GALOP = active(terms(HOUSING, "galop",
            List.of(new StrandScope("sexual-orientation", null)), false, true, false, null));
    static final Agreement.Change BY_ADMIN = new Agreement.Change("admin", HOUSING, NOW, "because");

    private final SharingPolicy policy = new SharingPolicy();

    @Test
    void sharesIdentifiablyWhenTheVictimConsentedToThisRecipient() {
        Consent consent = consent("kent-police", null, "investigation", "identifiable");
        Decision decision = policy.decide(facts(false, List.of(consent), "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW);

        assertThat(decision.level()).isEqualTo(SharingLevel.IDENTIFIABLE);
        assertThat(decision.consentId()).isEqualTo(consent.id());
        assertThat(decision.consentVersion()).isEqualTo(1);
        assertThat(decision.agreementId()).isEqualTo(HOUSING_TO_POLICE.id());
        assertThat(decision.agreementVersion()).isEqualTo(HOUSING_TO_POLICE.version());
        assertThat(decision.clause()).isEqualTo("4.2");
        assertThat(decision.lawfulBasis()).isEqualTo("uk-gdpr-6-1-e");
        assertThat(decision.items()).contains(DataItems.VICTIM_NAME);
    }

    @Test
    void sharesAnonymisedWithThePoliceWithoutConsent() {
        Decision decision = policy.decide(facts(false, List.of(), "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW);

        assertThat(decision.level()).isEqualTo(SharingLevel.ANONYMISED);
        assertThat(decision.clause()).isEqualTo("4.1");
        assertThat(decision.consentId()).isNull();
        assertThat(decision.items()).doesNotContainAnyElementsOf(DataItems.DIRECT_IDENTIFIERS);
    }

    @Test
    void sharesAnonymisedWhenConsentWasForAnotherOrganisation() {
        Consent toGalop = consent("galop", null, "support", "identifiable");
        assertThat(policy.decide(facts(false, List.of(toGalop), "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW).level())
                .isEqualTo(SharingLevel.ANONYMISED);
    }

    @Test
    void aConsentToAnOrganisationTypeCoversEveryOrganisationOfThatType() {
        Consent toPoliceForces = consent(null, "police", "investigation", "identifiable");
        assertThat(policy.decide(facts(false, List.of(toPoliceForces), "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW)
                .level()).isEqualTo(SharingLevel.IDENTIFIABLE);
    }

    @Test
    void aConsentForAPurposeOutsideTheAgreementDoesNotCount() {
        Consent statistics = consent("kent-police", null, "statistics", "identifiable");
        assertThat(policy.decide(facts(false, List.of(statistics), "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW)
                .level()).isEqualTo(SharingLevel.ANONYMISED);
    }

    @Test
    void anAnonymousReportIsNeverSharedIdentifiably() {
        Consent consent = consent("kent-police", null, "investigation", "identifiable");
        assertThat(policy.decide(facts(true, List.of(consent), "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW).level())
                .isEqualTo(SharingLevel.ANONYMISED);
    }

    @Test
    void sharesNothingWithACharityWhoseAgreementIsConsentOnlyWithoutConsent() {
        Decision decision = policy.decide(facts(false, List.of(), "sexual-orientation"), GALOP,
                List.of(HOUSING_TO_GALOP), NOW);
        assertThat(decision.level()).isEqualTo(SharingLevel.NONE);
        assertThat(decision.agreementId()).isNull();
    }

    @Test
    void sharesNothingOutsideTheStrandsInScope() {
        Consent consent = consent("galop", null, "support", "identifiable");
        assertThat(policy.decide(facts(false, List.of(consent), "disability"), GALOP, List.of(HOUSING_TO_GALOP), NOW)
                .level()).isEqualTo(SharingLevel.NONE);
    }

    @Test
    void sharesNothingWithAnOrganisationWithoutAnAgreement() {
        assertThat(policy.decide(facts(false, List.of(), "race"), TELL_MAMA, List.of(HOUSING_TO_POLICE), NOW).level())
                .isEqualTo(SharingLevel.NONE);
    }

    @Test
    void aSuspendedAgreementSharesNothing() {
        Agreement suspended = HOUSING_TO_POLICE.suspend(BY_ADMIN);
        assertThat(policy.decide(facts(false, List.of(), "race"), POLICE, List.of(suspended), NOW).level())
                .isEqualTo(SharingLevel.NONE);
    }

    @Test
    void anAgreementPastItsEndDateSharesNothing() {
        Agreement ended = active(terms(HOUSING, "kent-police", List.of(new StrandScope("race", null)), true, true, false,
                NOW.minusSeconds(1)));
        assertThat(policy.decide(facts(false, List.of(), "race"), POLICE, List.of(ended), NOW).level())
                .isEqualTo(SharingLevel.NONE);
    }

    @Test
    void anUnsignedDraftSharesNothing() {
        Agreement draft = Agreement.draft(UUID.randomUUID(), HOUSING_TO_POLICE.terms(), BY_ADMIN)
                .sign(HOUSING, "signatory", NOW);
        assertThat(policy.decide(facts(false, List.of(), "race"), POLICE, List.of(draft), NOW).level())
                .isEqualTo(SharingLevel.NONE);
    }

    @Test
    void aSubCategoryScopeMatchesOnlyThatSubCategory() {
        Agreement antiMuslim = active(terms("kent-police", "tell-mama", List.of(new StrandScope("religion", "anti-muslim")),
                true, true, false, null));
        CaseFacts antisemitic = new CaseFacts(UUID.randomUUID(), "kent-police", NOW, NOW, "dover",
                List.of(new CaseFacts.StrandCode("religion", "antisemitic")), List.of(), true, "victim", false, "18-24",
                UUID.randomUUID(), List.of(), List.of(), null);
        assertThat(policy.decide(antisemitic, TELL_MAMA, List.of(antiMuslim), NOW).level()).isEqualTo(SharingLevel.NONE);
    }

    @Test
    void aJustifiedSafeguardingOverrideSharesIdentifiablyWhereTheAgreementPermitsIt() {
        SafeguardingOverride override = new SafeguardingOverride(UUID.randomUUID(), "kent-police",
                "threats to kill; risk to life", "dpa-2018-sch-1-para-18", "caseworker", NOW.minusSeconds(5));
        Decision decision = policy.decide(facts(false, List.of(), "race").withOverride(override), POLICE,
                List.of(HOUSING_TO_POLICE), NOW);
        assertThat(decision.level()).isEqualTo(SharingLevel.IDENTIFIABLE);
        assertThat(decision.overrideId()).isEqualTo(override.id());
        assertThat(decision.consentId()).isNull();
        assertThat(decision.clause()).isEqualTo("4.3");
        assertThat(decision.lawfulBasis()).isEqualTo("dpa-2018-sch-1-para-18");
    }

    @Test
    void anOverrideWithoutJustificationOrWhereNotPermittedIsIgnored() {
        SafeguardingOverride unjustified = new SafeguardingOverride(UUID.randomUUID(), "galop", " ",
                "dpa-2018-sch-1-para-18", "caseworker", NOW.minusSeconds(5));
        SafeguardingOverride notPermitted = new SafeguardingOverride(UUID.randomUUID(), "galop", "risk to life",
                "dpa-2018-sch-1-para-18", "caseworker", NOW.minusSeconds(5));
        assertThat(policy.decide(facts(false, List.of(), "sexual-orientation").withOverride(unjustified)
                .withOverride(notPermitted), GALOP, List.of(HOUSING_TO_GALOP), NOW).level()).isEqualTo(SharingLevel.NONE);
    }

    @Test
    void aWithdrawnConsentNoLongerCounts() {
        Consent consent = consent("kent-police", null, "investigation", "identifiable");
        CaseFacts withdrawn = facts(false, List.of(consent), "race").withoutConsent(consent.id());
        assertThat(policy.decide(withdrawn, POLICE, List.of(HOUSING_TO_POLICE), NOW).level())
                .isEqualTo(SharingLevel.ANONYMISED);
    }

    @Test
    void aConsentGivenInTheFutureDoesNotCountYet() {
        Consent later = new Consent(UUID.randomUUID(), 1, "kent-police", null, "investigation", "identifiable",
                Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(policy.decide(facts(false, List.of(later), "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW).level())
                .isEqualTo(SharingLevel.ANONYMISED);
    }
}
