package org.amity.sharing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Agreements, cases and consents for the domain tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Organisation POLICE = new Organisation("kent-police", "Kent Police", "police");
    static final Organisation TELL_MAMA = new Organisation("tell-mama", "Tell MAMA", "third-party-reporting-centre");
    static final Organisation GALOP = new Organisation("galop", "Galop", "support-charity");
    static final String HOUSING = "west-kent-housing";

    static Set<String> identifiableItems() {
        Set<String> items = new HashSet<>(DataItems.INCIDENT);
        items.addAll(DataItems.DIRECT_IDENTIFIERS);
        return items;
    }

    static Agreement.Terms terms(String from, String to, List<Agreement.StrandScope> strands, boolean anonymised,
            boolean identifiable, boolean override, Instant end) {
        return new Agreement.Terms("test agreement",
                List.of(new Agreement.Party(from, "separate-controller", "uk-gdpr-6-1-e", null),
                        new Agreement.Party(to, "separate-controller", "dpa-2018-part-3", null)),
                List.of(new Agreement.Flow(from, to)), Set.of("investigation", "support"), "to protect victims",
                strands, anonymised ? DataItems.INCIDENT : Set.of(), identifiable ? identifiableItems() : Set.of(),
                true, override, true, 365, "encrypted at rest", "DPIA-1", LocalDate.of(2027, 1, 1), START, end,
                new Agreement.Clauses("4.1", "4.2", override ? "4.3" : null));
    }

    /** An agreement signed by both parties (active). */
    static Agreement active(Agreement.Terms terms) {
        Agreement draft = Agreement.draft(UUID.randomUUID(), terms, new Agreement.Change("admin", terms.parties().get(0)
                .organisation(), START, "drafted"));
        return draft.sign(terms.parties().get(0).organisation(), "signatory-a", START)
                .sign(terms.parties().get(1).organisation(), "signatory-b", START);
    }

    static Agreement housingToPolice() {
        return active(terms(HOUSING, "kent-police", List.of(new Agreement.StrandScope("race", null),
                new Agreement.StrandScope("religion", null)), true, true, true, null));
    }

    static CaseFacts facts(boolean anonymous, List<Consent> consents, String strand) {
        return new CaseFacts(UUID.randomUUID(), HOUSING, NOW, NOW, "sevenoaks",
                List.of(new CaseFacts.StrandCode(strand, null)), List.of("verbal-abuse"), true, "victim", anonymous,
                "25-34", anonymous ? null : UUID.randomUUID(), consents, List.of(), anonymous ? null : "[sealed]");
    }

    static Consent consent(String organisation, String type, String purpose, String level) {
        return new Consent(UUID.randomUUID(), 1, organisation, type, purpose, level, NOW.minusSeconds(60));
    }

    private Fixtures() {
    }
}
