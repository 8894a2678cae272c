package org.amity.sharing.domain;

/** A step on a referral that its state does not allow (for example accepting a revoked referral). */
public class ReferralRejected extends RuntimeException {

    public ReferralRejected(String message) {
        super(message);
    }
}
