package org.amity.sharing.domain;

import java.util.Set;
import java.util.UUID;

/**
 * The outcome of the sharing decision for one case and one recipient, with its reasons: the agreement (id, version,
 * clause), the consent relied on (id, version) or the safeguarding override (id, justification), the lawful basis,
 * and the data items allowed at the decided level.
 */
public record Decision(
        String recipient,
        SharingLevel level,
        UUID agreementId,
        Integer agreementVersion,
        String clause,
        UUID consentId,
        Integer consentVersion,
        UUID overrideId,
        String overrideJustification,
        String lawfulBasis,
        Set<String> items,
        String reason) {

    static Decision none(String recipient, String reason) {
        return new Decision(recipient, SharingLevel.NONE, null, null, null, null, null, null, null, null, Set.of(),
                reason);
    }
}
