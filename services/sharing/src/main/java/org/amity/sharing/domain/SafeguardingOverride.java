package org.amity.sharing.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded safeguarding override (risk to life or serious harm): not consent. It lets identifiable data go to one
 * recipient only where the agreement permits overrides, and only with a justification and a lawful basis.
 */
public record SafeguardingOverride(UUID id, String recipient, String justification, String lawfulBasis,
        String recordedBy, Instant recordedAt) {

    public boolean justifiedFor(String alias, Instant now) {
        return recipient != null && recipient.equals(alias) && justification != null && !justification.isBlank()
                && lawfulBasis != null && !lawfulBasis.isBlank() && recordedAt != null && !recordedAt.isAfter(now);
    }
}
