package org.amity.sharing.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ports the sharing domain needs; adapters implement them. */
public final class SharingPorts {

    /** Agreements, every version; the decision filters for those in force. */
    public interface Agreements {
        List<Agreement> current();
    }

    /** The partner directory. */
    public interface Directory {
        List<Organisation> all();
    }

    /** Referrals, readable only by their recipient. */
    public interface Referrals {
        void add(Referral referral);

        boolean exists(UUID caseId, String recipient);

        Optional<Referral> findForRecipient(UUID id, String recipient);

        List<Referral> listForRecipient(String recipient, int offset, int limit);

        long countForRecipient(String recipient);
    }

    /** Every decision, with its reasons, for the audit trail. */
    public interface DecisionLog {
        void record(UUID caseId, Decision decision);
    }

    /** Publishes referral facts; called inside the transaction that stores them. */
    public interface ReferralEvents {
        void shared(Referral referral, UUID correlationId);
    }

    private SharingPorts() {
    }
}
