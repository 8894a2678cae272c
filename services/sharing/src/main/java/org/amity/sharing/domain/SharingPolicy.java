package org.amity.sharing.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sharing decision (DOMAIN.md): among the agreements in force that let the case's owner share
 * with the recipient and cover one of the case's strands, share identifiably where a consent covers
 * this recipient and a purpose of the agreement; otherwise anonymised where the agreement permits;
 * otherwise nothing. Pure: no clock, no I/O.
 */
public final class SharingPolicy {

    public Decision decide(CaseFacts facts, Organisation recipient, List<Agreement> agreements, Instant now) {
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
                if (!agreement.identifiableAllowed()) {
                    continue;
                }
                Optional<Consent> consent = facts.consents().stream()
                        .filter(c -> c.allowsIdentifiable(recipient, agreement.purposes()))
                        .max(Comparator.comparing(Consent::givenAt));
                if (consent.isPresent() || !agreement.identifiableRequiresConsent()) {
                    return new Decision(recipient.alias(), SharingLevel.IDENTIFIABLE, agreement.id(),
                            agreement.version(), agreement.identifiableClause(), consent.map(Consent::id).orElse(null),
                            agreement.lawfulBasis(), consent.isPresent() ? "the victim consented"
                                    : "the agreement allows identifiable sharing without consent");
                }
            }
        }
        return applicable.stream().filter(Agreement::anonymisedAllowed).findFirst()
                .map(a -> new Decision(recipient.alias(), SharingLevel.ANONYMISED, a.id(), a.version(),
                        a.anonymisedClause(), null, a.lawfulBasis(),
                        facts.anonymous() ? "anonymous report" : "no consent covers identifiable sharing"))
                .orElseGet(() -> Decision.none(recipient.alias(),
                        "no consent for identifiable sharing and no agreement permits anonymised sharing"));
    }
}
