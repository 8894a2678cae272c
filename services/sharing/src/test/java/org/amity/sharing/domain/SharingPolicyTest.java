package org.amity.sharing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.amity.sharing.domain.Agreement.AgreementStatus;
import org.amity.sharing.domain.Agreement.Flow;
import org.amity.sharing.domain.Agreement.StrandScope;
import org.junit.jupiter.api.Test;

/** Named examples of the sharing decision from DOMAIN.md. */
class SharingPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final Organisation POLICE = new Organisation("kent-police", "Kent Police", "police");
    static final Organisation TELL_MAMA = new Organisation("tell-mama", "Tell MAMA", "third-party-reporting-centre");
    static final Organisation GALOP = new Organisation("galop", "Galop", "support-charity");

    static final Agreement HOUSING_TO_POLICE = agreement(AgreementStatus.ACTIVE, null,
            List.of(new Flow("west-kent-housing", "kent-police")), List.of(new StrandScope("race", null),
                    new StrandScope("religion", null)), true);
    static final Agreement HOUSING_TO_GALOP = agreement(AgreementStatus.ACTIVE, null,
            List.of(new Flow("west-kent-housing", "galop")), List.of(new StrandScope("sexual-orientation", null)), false);

    static Agreement agreement(AgreementStatus status, Instant end, List<Flow> flows, List<StrandScope> strands,
            boolean anonymised) {
        return new Agreement(UUID.randomUUID(), 3, "test", status, Instant.parse("2026-01-01T00:00:00Z"), end, flows,
                strands, anonymised, true, true, Set.of("investigation", "support"), "uk-gdpr-6-1-e", "4.1", "4.2");
    }

    static CaseFacts facts(boolean anonymous, List<Consent> consents, String strand) {
        return new CaseFacts(UUID.randomUUID(), "west-kent-housing", NOW, NOW, "sevenoaks",
                List.of(new CaseFacts.StrandCode(strand, null)), List.of("verbal-abuse"), true, "victim", anonymous,
                "25-34", anonymous ? null : UUID.randomUUID(), consents, anonymous ? null : "[sealed]");
    }

    static Consent consent(String organisation, String type, String purpose, String level) {
        return new Consent(UUID.randomUUID(), 1, organisation, type, purpose, level, NOW.minusSeconds(60));
    }

    private final SharingPolicy policy = new SharingPolicy();

    @Test
    void sharesIdentifiablyWhenTheVictimConsentedToThisRecipient() {
        Consent consent = consent("kent-police", null, "investigation", "identifiable");
        Decision decision = policy.decide(facts(false, List.of(consent), "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW);

        assertThat(decision.level()).isEqualTo(SharingLevel.IDENTIFIABLE);
        assertThat(decision.consentId()).isEqualTo(consent.id());
        assertThat(decision.agreementId()).isEqualTo(HOUSING_TO_POLICE.id());
        assertThat(decision.agreementVersion()).isEqualTo(3);
        assertThat(decision.clause()).isEqualTo("4.2");
        assertThat(decision.lawfulBasis()).isEqualTo("uk-gdpr-6-1-e");
    }

    @Test
    void aConsentToTheRecipientsTypeCountsToo() {
        Decision decision = policy.decide(facts(false, List.of(consent(null, "police", "support", "identifiable")),
                "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW);
        assertThat(decision.level()).isEqualTo(SharingLevel.IDENTIFIABLE);
    }

    @Test
    void sharesAnonymisedWithoutConsent() {
        Decision decision = policy.decide(facts(false, List.of(), "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW);
        assertThat(decision.level()).isEqualTo(SharingLevel.ANONYMISED);
        assertThat(decision.consentId()).isNull();
        assertThat(decision.clause()).isEqualTo("4.1");
    }

    @Test
    void sharesAnonymisedWhenTheConsentIsForSomeoneElseOrAnotherPurposeOrAnonymisedOnly() {
        for (Consent other : List.of(consent("tell-mama", null, "investigation", "identifiable"),
                consent("kent-police", null, "statistics", "identifiable"),
                consent("kent-police", null, "investigation", "anonymised"))) {
            assertThat(policy.decide(facts(false, List.of(other), "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW)
                    .level()).as(other.toString()).isEqualTo(SharingLevel.ANONYMISED);
        }
    }

    @Test
    void anAnonymousReportIsNeverIdentifiable() {
        Decision decision = policy.decide(facts(true, List.of(consent("kent-police", null, "investigation",
                "identifiable")), "race"), POLICE, List.of(HOUSING_TO_POLICE), NOW);
        assertThat(decision.level()).isEqualTo(SharingLevel.ANONYMISED);
    }

    @Test
    void sharesNothingWithoutAnAgreementBetweenTheParties() {
        Decision decision = policy.decide(facts(false, List.of(consent("tell-mama", null, "support", "identifiable")),
                "race"), TELL_MAMA, List.of(HOUSING_TO_POLICE), NOW);
        assertThat(decision.level()).isEqualTo(SharingLevel.NONE);
    }

    @Test
    void sharesNothingForAStrandOutOfScope() {
        Decision decision = policy.decide(facts(false, List.of(consent("kent-police", null, "investigation",
                "identifiable")), "disability"), POLICE, List.of(HOUSING_TO_POLICE), NOW);
        assertThat(decision.level()).isEqualTo(SharingLevel.NONE);
    }

    @Test
    void aSuspendedExpiredOrFutureAgreementSharesNothing() {
        Consent consent = consent("kent-police", null, "investigation", "identifiable");
        List<Agreement> notInForce = List.of(
                agreement(AgreementStatus.SUSPENDED, null, HOUSING_TO_POLICE.flows(), HOUSING_TO_POLICE.strands(), true),
                agreement(AgreementStatus.ACTIVE, NOW, HOUSING_TO_POLICE.flows(), HOUSING_TO_POLICE.strands(), true),
                agreement(AgreementStatus.DRAFT, null, HOUSING_TO_POLICE.flows(), HOUSING_TO_POLICE.strands(), true));
        for (Agreement agreement : notInForce) {
            assertThat(policy.decide(facts(false, List.of(consent), "race"), POLICE, List.of(agreement), NOW).level())
                    .as(agreement.status() + " until " + agreement.effectiveTo()).isEqualTo(SharingLevel.NONE);
        }
    }

    @Test
    void anAgreementWithoutAnonymisedSharingSharesNothingWithoutConsent() {
        assertThat(policy.decide(facts(false, List.of(), "sexual-orientation"), GALOP, List.of(HOUSING_TO_GALOP), NOW)
                .level()).isEqualTo(SharingLevel.NONE);
        assertThat(policy.decide(facts(false, List.of(consent("galop", null, "support", "identifiable")),
                "sexual-orientation"), GALOP, List.of(HOUSING_TO_GALOP), NOW).level())
                .isEqualTo(SharingLevel.IDENTIFIABLE);
    }

    @Test
    void theAnonymisedReferralHoldsNoVictimDetails() {
        CaseFacts facts = facts(false, List.of(), "race");
        Referral referral = Referral.share(facts, policy.decide(facts, POLICE, List.of(HOUSING_TO_POLICE), NOW), NOW);
        assertThat(referral.sealedPersonalData()).isNull();
        assertThat(referral.recipientCaseReference()).matches("AMY-[A-Z0-9]{10}");
        assertThat(referral.view().victimAgeBand()).isEqualTo("25-34");
    }
}
