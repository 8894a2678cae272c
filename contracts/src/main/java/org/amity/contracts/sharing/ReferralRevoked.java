package org.amity.contracts.sharing;

import java.time.Instant;
import java.util.UUID;

/**
 * A referral was revoked (consent withdrawn, agreement suspended, terminated or expired, or the basis of sharing
 * changed): its data is gone from the recipient's view and the recipient must delete its copy.
 * Schema: {@code schemas/sharing/ReferralRevoked.v1.schema.json}.
 *
 * @param referralVersion the revoking version of the referral
 * @param reason          why, as a code: consent-withdrawn, agreement-suspended, agreement-terminated,
 *                        agreement-expired, agreement-not-in-force, out-of-scope (strands changed) or basis-changed
 */
public record ReferralRevoked(
        UUID referralId,
        int referralVersion,
        String recipientOrganisation,
        String recipientCaseReference,
        UUID agreementId,
        int agreementVersion,
        UUID consentId,
        String reason,
        Instant revokedAt) {

    public static final String TYPE = "ReferralRevoked";
    public static final int VERSION = 1;
}
