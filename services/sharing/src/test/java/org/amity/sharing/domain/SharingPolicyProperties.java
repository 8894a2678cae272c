package org.amity.sharing.domain;

import static org.amity.sharing.domain.Fixtures.HOUSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The sharing decision over many agreements, consents, strands, dates and overrides. */
class SharingPolicyProperties {

    static final List<String> STRANDS = List.of("race", "religion", "disability", "sexual-orientation", "transgender");
    static final List<Organisation> ORGS = List.of(Fixtures.POLICE, Fixtures.GALOP, Fixtures.TELL_MAMA);

    record Scenario(Agreement agreement, CaseFacts facts, Organisation recipient, Instant now) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Agreement> agreements = Combinators.combine(
                Arbitraries.of(ORGS), Arbitraries.of(STRANDS), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(0, 3))
                .as((to, strand, anonymised, identifiable, override, endInDays, lifecycle) -> {
                    Instant end = endInDays < 0 ? null : Fixtures.NOW.plusSeconds(86_400L * endInDays - 43_200);
                    Agreement a = Fixtures.active(Fixtures.terms(HOUSING, to.alias(),
                            List.of(new Agreement.StrandScope(strand, null)), anonymised || !identifiable,
                            identifiable, override, end));
                    Agreement.Change by = new Agreement.Change("admin", HOUSING, Fixtures.NOW, "test");
                    return switch (lifecycle) {
                        case 1 -> a.suspend(by);
                        case 2 -> a.terminate(by);
                        default -> a;
                    };
                });
        Arbitrary<Consent> consents = Combinators.combine(Arbitraries.of(ORGS), Arbitraries.of("investigation",
                "support", "statistics"), Arbitraries.of("identifiable", "anonymised"), Arbitraries.integers().between(-2, 2))
                .as((to, purpose, level, days) -> new Consent(UUID.randomUUID(), 1, to.alias(), null, purpose, level,
                        Fixtures.NOW.plusSeconds(86_400L * days)));
        Arbitrary<SafeguardingOverride> overrides = Combinators.combine(Arbitraries.of(ORGS),
                Arbitraries.of("risk to life", "", " ")).as((to, why) -> new SafeguardingOverride(UUID.randomUUID(),
                        to.alias(), why, "dpa-2018-sch-1-para-18", "caseworker", Fixtures.NOW.minusSeconds(60)));
        Arbitrary<CaseFacts> facts = Combinators.combine(Arbitraries.of(STRANDS), Arbitraries.of(true, false),
                consents.list().ofMaxSize(3), overrides.list().ofMaxSize(2))
                .as((strand, anonymous, cs, os) -> new CaseFacts(UUID.randomUUID(), HOUSING, Fixtures.NOW, Fixtures.NOW,
                        "sevenoaks", List.of(new CaseFacts.StrandCode(strand, null)), List.of("harassment"), true,
                        "victim", anonymous, "25-34", anonymous ? null : UUID.randomUUID(), cs, os, "[sealed]"));
        return Combinators.combine(agreements, facts, Arbitraries.of(ORGS),
                Arbitraries.integers().between(0, 3).map(d -> Fixtures.NOW.plusSeconds(86_400L * d)))
                .as(Scenario::new);
    }

    private final SharingPolicy policy = new SharingPolicy();

    @Property
    void nothingIsSharedUnlessAnAgreementInForceCoversTheRecipientAndStrand(@ForAll("scenarios") Scenario s) {
        Decision d = policy.decide(s.facts(), s.recipient(), List.of(s.agreement()), s.now());
        boolean covered = s.agreement().inForce(s.now()) && s.agreement().allowsFlow(HOUSING, s.recipient().alias())
                && s.agreement().covers(s.facts().strands());
        if (!covered) {
            assertThat(d.level()).isEqualTo(SharingLevel.NONE);
        }
    }

    @Property
    void identifiableSharingAlwaysRestsOnAConsentOrAJustifiedOverride(@ForAll("scenarios") Scenario s) {
        Decision d = policy.decide(s.facts(), s.recipient(), List.of(s.agreement()), s.now());
        if (d.level() != SharingLevel.IDENTIFIABLE) {
            return;
        }
        assertThat(s.facts().anonymous()).isFalse();
        if (d.consentId() != null) {
            Consent c = s.facts().consents().stream().filter(x -> x.id().equals(d.consentId())).findFirst().orElseThrow();
            assertThat(c.recipientOrganisation()).isEqualTo(s.recipient().alias());
            assertThat(c.level()).isEqualTo("identifiable");
            assertThat(c.givenAt()).isBeforeOrEqualTo(s.now());
            assertThat(s.agreement().purposes()).contains(c.purpose());
        } else {
            assertThat(s.agreement().safeguardingOverridePermitted()).isTrue();
            SafeguardingOverride o = s.facts().overrides().stream().filter(x -> x.id().equals(d.overrideId()))
                    .findFirst().orElseThrow();
            assertThat(o.justification()).isNotBlank();
            assertThat(o.recipient()).isEqualTo(s.recipient().alias());
        }
    }

    @Property
    void anAnonymisedDecisionAllowsNoDirectIdentifierAndTheProjectionHoldsNone(@ForAll("scenarios") Scenario s) {
        Decision d = policy.decide(s.facts(), s.recipient(), List.of(s.agreement()), s.now());
        if (d.level() == SharingLevel.ANONYMISED) {
            assertThat(d.items()).doesNotContainAnyElementsOf(DataItems.DIRECT_IDENTIFIERS);
            assertThat(Referral.share(s.facts(), d, s.now(), s.now()).sealedPersonalData()).isNull();
        }
    }

    @Property
    void everySharingDecisionNamesItsAgreementVersionClauseAndLawfulBasis(@ForAll("scenarios") Scenario s) {
        Decision d = policy.decide(s.facts(), s.recipient(), List.of(s.agreement()), s.now());
        if (d.level() != SharingLevel.NONE) {
            assertThat(d.agreementId()).isEqualTo(s.agreement().id());
            assertThat(d.agreementVersion()).isEqualTo(s.agreement().version());
            assertThat(d.clause()).isNotBlank();
            assertThat(d.lawfulBasis()).isNotBlank();
        }
    }

    @Property
    void withdrawingEveryConsentNeverRaisesTheLevel(@ForAll("scenarios") Scenario s) {
        Decision before = policy.decide(s.facts(), s.recipient(), List.of(s.agreement()), s.now());
        CaseFacts withdrawn = s.facts();
        for (Consent c : s.facts().consents()) {
            withdrawn = withdrawn.withoutConsent(c.id());
        }
        Decision after = policy.decide(withdrawn, s.recipient(), List.of(s.agreement()), s.now());
        assertThat(after.level().ordinal()).isGreaterThanOrEqualTo(before.level().ordinal());
        assertThat(after.consentId()).isNull();
    }
}
