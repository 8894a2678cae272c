package org.amity.sharing.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A consent the data subject gave, to an organisation or to every organisation of a type; withdrawn ones are removed. */
public record Consent(
        UUID id,
        int version,
        String recipientOrganisation,
        String recipientType,
        String purpose,
        String level,
        Instant givenAt) {

    /** True when this consent, already given, names the recipient (directly or by type) for one of the purposes, identifiably. */
    public boolean allowsIdentifiable(Organisation recipient, Set<String> purposes, Instant now) {
        boolean names = recipient.alias().equals(recipientOrganisation)
                || (recipientOrganisation == null && recipient.type().equals(recipientType));
        return names && "identifiable".equals(level) && purposes.contains(purpose) && givenAt != null
                && !givenAt.isAfter(now);
    }
}
