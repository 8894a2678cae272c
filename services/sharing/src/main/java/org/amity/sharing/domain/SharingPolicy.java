package org.amity.sharing.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sharing decision (DOMAIN.md). Among the agreements in force that let the case's owner share with the recipient
 * and cover one of the case's strands (oldest id first, for a stable answer): identifiable where the agreement allows
 * identifiable items and either a given consent covers this recipient and one of its purposes (when it requires
 * consent) or a justified safeguarding override names the recipient (when it permits overrides); otherwise
 * anonymised where the agreement allows anonymised items; otherwise nothing. An anonymous report is never shared
 * identifiably. Pure: no clock, no I/O.
 */
public final class SharingPolicy {

    public Decision decide(CaseFacts facts, Organisation recipient, List<Agreement> agreements, Instant now) {
        if (recipient.alias().equals(facts.ownerOrganisation())) {
            return Decision.none(recipient.alias(), "the owner of the case");
        }
        List<Agreement> applicable = agreements.stream()
                .filter(a -> a.inForce(now))
                .filter(a -> a.allowsFlow(facts.ownerOrganisation(), recipient.alias()))
                .filter(a -> a.covers(facts.strands()))
                .sorted(Comparator.comparing(Agreement::id))
                .toList();
        if (applicable.isEmpty()) {
            return Decision.none(recipient.alias(), "no agreement in force covers this case and recipient");
        }
        if (!facts.anonymous()) {
            for (Agreement agreement : applicable) {
                Optional<Decision> identifiable = identifiable(facts, recipient, agreement, now);
                if (identifiable.isPresent()) {
                    return identifiable.get();
                }
            }
        }
        return applicable.stream().filter(Agreement::anonymisedAllowed).findFirst()
                .map(a -> new Decision(recipient.alias(), SharingLevel.ANONYMISED, a.id(), a.version(),
                        a.clauses().anonymised(), null, null, null, null, a.lawfulBasisOf(facts.ownerOrganisation()),
                        Set.copyOf(a.anonymisedItems()),
                        facts.anonymous() ? "anonymous report: anonymised only"
                                : "no consent or override covers identifiable sharing: anonymised"))
                .orElseGet(() -> Decision.none(recipient.alias(),
                        "no consent or override for identifiable sharing and no agreement permits anonymised sharing"));
    }

    private static Optional<Decision> identifiable(CaseFacts facts, Organisation recipient, Agreement agreement,
            Instant now) {
        if (!agreement.identifiableAllowed()) {
            return Optional.empty();
        }
        Set<String> items = new HashSet<>(agreement.identifiableItems());
        String basis = agreement.lawfulBasisOf(facts.ownerOrganisation());
        if (agreement.identifiableRequiresConsent()) {
            Optional<Consent> consent = facts.consents().stream()
                    .filter(c -> c.allowsIdentifiable(recipient, agreement.purposes(), now))
                    .max(Comparator.comparing(Consent::givenAt).thenComparing(c -> c.id().toString()));
            if (consent.isPresent()) {
                return Optional.of(new Decision(recipient.alias(), SharingLevel.IDENTIFIABLE, agreement.id(),
                        agreement.version(), agreement.clauses().identifiable(), consent.get().id(),
                        consent.get().version(), null, null, basis, Set.copyOf(items),
                        "the victim consented (" + consent.get().purpose() + ")"));
            }
        }
        if (agreement.safeguardingOverridePermitted()) {
            Optional<SafeguardingOverride> override = facts.overrides().stream()
                    .filter(o -> o.justifiedFor(recipient.alias(), now))
                    .max(Comparator.comparing(SafeguardingOverride::recordedAt));
            if (override.isPresent()) {
                return Optional.of(new Decision(recipient.alias(), SharingLevel.IDENTIFIABLE, agreement.id(),
                        agreement.version(), agreement.clauses().safeguardingOverride(), null, null,
                        override.get().id(), override.get().justification(), override.get().lawfulBasis(),
                        Set.copyOf(items), "safeguarding override (not consent)"));
            }
        }
        return Optional.empty();
    }
}
