package org.amity.sharing.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.common.problem.ProblemException;
import org.amity.common.security.Caller;
import org.amity.sharing.domain.Agreement;
import org.amity.sharing.domain.Referral;
import org.amity.sharing.domain.SharingPorts;

/**
 * What recipients do with their referrals: read them (every read audited), acknowledge, accept, decline, close,
 * record a Home Office outcome (sent back to the owner's case when the agreement allows), pull their feed and
 * confirm what they processed, including the deletion of a revoked referral. A referral of another organisation does
 * not exist for the caller.
 */
@ApplicationScoped
public class ReferralService {

    public record Page(List<Referral> items, long total, int page, int size) {
    }

    /** A feed item with the referral as it stands now; no referral data when it has been revoked since. */
    public record FeedEntry(SharingPorts.FeedItem item, Referral referral) {
    }

    @Inject
    SharingPorts.Referrals referrals;

    @Inject
    SharingPorts.Agreements agreements;

    @Inject
    SharingPorts.Feed feed;

    @Inject
    SharingPorts.ReferralEvents events;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Referral get(UUID id, Caller caller) {
        Referral referral = referrals.findForRecipient(id, caller.organisation())
                .orElseThrow(() -> ProblemException.notFound("referral " + id));
        audit.referral("VIEW", caller, referral, "read the referral");
        return referral;
    }

    @Transactional
    public Page list(Caller caller, Referral.Status status, org.amity.sharing.domain.SharingLevel level,
            boolean overdueOnly, int page, int size) {
        var filter = new SharingPorts.InboxFilter(status, level, overdueOnly, clock.instant());
        List<Referral> items = referrals.list(caller.organisation(), filter, page * size, size);
        audit.collecting(() -> items.forEach(r -> audit.referral("VIEW", caller, r, "listed in the inbox")));
        return new Page(items, referrals.count(caller.organisation(), filter), page, size);
    }

    @Transactional
    public Referral acknowledge(UUID id, Caller caller) {
        return step(id, caller, "ACKNOWLEDGEMENT", "acknowledged", r -> r.acknowledge(clock.instant()));
    }

    @Transactional
    public Referral accept(UUID id, Caller caller) {
        return step(id, caller, "ACCEPTANCE", "accepted", r -> r.accept(clock.instant()));
    }

    @Transactional
    public Referral decline(UUID id, String reason, Caller caller) {
        return step(id, caller, "DECLINE", "declined: " + reason, r -> r.decline(reason, clock.instant()));
    }

    @Transactional
    public Referral close(UUID id, Caller caller) {
        return step(id, caller, "CLOSE", "closed", r -> r.close(clock.instant()));
    }

    @Transactional
    public Referral recordOutcome(UUID id, int homeOfficeOutcome, Caller caller) {
        Referral recorded = step(id, caller, "OUTCOME", "Home Office outcome " + homeOfficeOutcome,
                r -> r.recordOutcome(homeOfficeOutcome, clock.instant()));
        boolean flowsBack = agreements.version(recorded.agreementId(), recorded.agreementVersion())
                .map(Agreement::outcomesMayFlowBack).orElse(false);
        events.outcomeRecorded(recorded, flowsBack, clock.instant(), UUID.randomUUID());
        return recorded;
    }

    @Transactional
    public List<FeedEntry> feed(Caller caller, long after, int limit) {
        List<SharingPorts.FeedItem> items = feed.after(caller.organisation(), after, limit);
        Map<UUID, Referral> byId = new HashMap<>();
        referrals.findAllForRecipient(items.stream().map(SharingPorts.FeedItem::referralId).distinct().toList(),
                caller.organisation()).forEach(r -> byId.put(r.id(), r));
        List<FeedEntry> out = new ArrayList<>(items.size());
        audit.collecting(() -> {
            for (SharingPorts.FeedItem item : items) {
                Referral referral = byId.get(item.referralId());
                if (referral != null && referral.live()) {
                    audit.referral("VIEW", caller, referral, "pulled from the feed");
                }
                out.add(new FeedEntry(item, referral));
            }
        });
        return out;
    }

    /** Confirms a feed item processed; a revocation needs the confirmation that the copy was deleted. */
    @Transactional
    public SharingPorts.FeedItem processed(long cursor, boolean deleted, Caller caller) {
        SharingPorts.FeedItem item = feed.lock(caller.organisation(), cursor)
                .orElseThrow(() -> ProblemException.notFound("feed item " + cursor));
        boolean revocation = item.kind() == SharingPorts.FeedKind.REVOKED;
        if (revocation && !deleted) {
            throw ProblemException.invalid("$.deleted", "confirm that you deleted your copy of the revoked referral");
        }
        if (!revocation && deleted) {
            throw ProblemException.invalid("$.deleted", "only a revocation is confirmed as deleted");
        }
        feed.processed(cursor, clock.instant(), deleted);
        referrals.findForRecipient(item.referralId(), caller.organisation()).ifPresent(r -> audit.referral(
                deleted ? "DELETION_CONFIRMED" : "FEED_ACKNOWLEDGEMENT", caller, r,
                deleted ? "the recipient confirmed it deleted its copy" : "processed feed item " + cursor));
        return feed.lock(caller.organisation(), cursor).orElseThrow();
    }

    private Referral step(UUID id, Caller caller, String action, String why, UnaryOperator<Referral> change) {
        Referral current = referrals.lockForRecipient(id, caller.organisation())
                .orElseThrow(() -> ProblemException.notFound("referral " + id));
        Referral next = change.apply(current);
        referrals.update(next);
        audit.referral(action, caller, next, why);
        return next;
    }
}
