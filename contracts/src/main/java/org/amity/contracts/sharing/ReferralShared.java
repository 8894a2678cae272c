package org.amity.contracts.sharing;

import java.time.Instant;
import java.util.UUID;

/**
 * A referral was shared with a recipient organisation. Recipients read the referral itself through
 * the sharing API, where it is projected to what their agreement allows; this fact carries only the
 * decision and its reasons.
 *
 * @param recipientCaseReference pseudonymous case reference, different for every recipient
 * @param level                  identifiable or anonymised
 * @param consentId              the consent an identifiable referral relies on, or null
 */
public record ReferralShared(
        UUID referralId,
        int referralVersion,
        String recipientOrganisation,
        String recipientCaseReference,
        String level,
        UUID agreementId,
        int agreementVersion,
        String agreementClause,
        UUID consentId,
        String lawfulBasis,
        Instant sharedAt) {

    public static final String TYPE = "ReferralShared";
    public static final int VERSION = 1;
}
