package org.amity.sharing.domain;

import java.util.UUID;

/**
 * The outcome of the sharing decision for one case and one recipient, with its reasons: the
 * agreement (id, version, clause), the consent relied on, and the lawful basis.
 */
public record Decision(
        String recipient,
        SharingLevel level,
        UUID agreementId,
        Integer agreementVersion,
        String clause,
        UUID consentId,
        String lawfulBasis,
        String reason) {

    static Decision none(String recipient, String reason) {
        return new Decision(recipient, SharingLevel.NONE, null, null, null, null, null, reason);
    }
}
