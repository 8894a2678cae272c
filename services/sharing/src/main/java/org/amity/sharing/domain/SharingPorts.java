package org.amity.sharing.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The ports the sharing domain needs; adapters implement them. */
public final class SharingPorts {

    /** Agreements, every version kept. */
    public interface Agreements {
        /** The newest version of every agreement. */
        List<Agreement> current();

        /** The newest version, locked for a change. */
        Optional<Agreement> lockCurrent(UUID id);

        Optional<Agreement> version(UUID id, int version);

        List<Agreement> versions(UUID id);

        /** Stores a new version. */
        void add(Agreement agreement);
    }

    /** The partner directory (enabled organisations only in {@link #all()}). */
    public interface Directory {
        List<Organisation> all();

        boolean exists(String alias);

        void add(Partner partner, String onboardedBy);

        /** Disables a partner onboarded by this organisation; false when there is none. */
        boolean disable(String alias, String onboardedBy);
    }

    /** The credentials of a partner's API client, returned once at onboarding. */
    public record Credentials(String clientId, String clientSecret) {
    }

    /** The identity provider (Keycloak): organisations, API clients and their roles. */
    public interface IdentityProvider {
        boolean exists(String alias);

        Credentials register(Partner partner, Set<String> roles);

        void disable(String alias);
    }

    /** What the service knows of each case it received. */
    public interface Cases {
        Optional<CaseFacts> lock(UUID caseId);

        void save(CaseFacts facts);

        /**
         * Stores cases this service has not seen before, all at once; returns those it stored (a case already known,
         * or given twice, is stored once and left as it was).
         */
        List<CaseFacts> addNew(List<CaseFacts> facts);

        /** Cases owned by any of these organisations (for re-deciding after an agreement changes). */
        List<UUID> ownedBy(Collection<String> owners);
    }

    /** A filter of a recipient's inbox. */
    public record InboxFilter(Referral.Status status, SharingLevel level, boolean overdueOnly, Instant now) {
    }

    /** Referrals, readable only by their recipient. */
    public interface Referrals {
        void add(Referral referral);

        void update(Referral referral);

        /** Live (not revoked) referrals of a case. */
        List<Referral> liveForCase(UUID caseId);

        Optional<Referral> lockForRecipient(UUID id, String recipient);

        Optional<Referral> findForRecipient(UUID id, String recipient);

        /** The recipient's referrals among these ids (one read for a page of the feed). */
        List<Referral> findAllForRecipient(Collection<UUID> ids, String recipient);

        List<Referral> list(String recipient, InboxFilter filter, int offset, int limit);

        long count(String recipient, InboxFilter filter);
    }

    /** What a recipient's feed says about a referral. */
    public enum FeedKind {
        NEW, UPDATED, REVOKED
    }

    /** One item of a recipient's feed, in the order it happened. */
    public record FeedItem(long cursor, String recipient, UUID referralId, int referralVersion, FeedKind kind,
            Instant at, Instant processedAt, Instant deletionConfirmedAt) {
    }

    public interface Feed {
        void append(String recipient, UUID referralId, int referralVersion, FeedKind kind, Instant at);

        List<FeedItem> after(String recipient, long cursor, int limit);

        Optional<FeedItem> lock(String recipient, long cursor);

        void processed(long cursor, Instant at, boolean deletionConfirmed);
    }

    /** The append-only, hash-chained audit log. */
    public interface AuditLog {
        AuditEntry append(AuditEntry.Draft draft, Instant at);

        /**
         * Runs the work in the caller's transaction and writes the entries it appends together once it returns (one
         * round trip instead of one each). Inside the work, reads of the log do not see those entries yet.
         */
        void collecting(Runnable work);

        List<AuditEntry> forCase(UUID caseId, String organisation);

        List<AuditEntry> all();

        Optional<AuditEntry> head();

        /** Records that this head is published; false when it already was. */
        boolean markHeadPublished(AuditEntry head, Instant at);

        /** The most recent head published, if any. */
        Optional<AuditChain.PublishedHead> lastPublishedHead();
    }

    /** Publishes referral facts; called inside the transaction that stores them (outbox). */
    public interface ReferralEvents {
        void shared(Referral referral, java.util.UUID correlationId);

        void revoked(Referral referral, java.util.UUID correlationId);

        void outcomeRecorded(Referral referral, boolean outcomesMayFlowBack, Instant at, java.util.UUID correlationId);

        void auditHead(AuditEntry head, Instant at);
    }

    private SharingPorts() {
    }
}
