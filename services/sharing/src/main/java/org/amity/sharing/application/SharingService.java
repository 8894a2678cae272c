package org.amity.sharing.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.common.problem.ProblemException;
import org.amity.common.security.Caller;
import org.amity.contracts.TimeOrderedIds;
import org.amity.sharing.domain.Agreement;
import org.amity.sharing.domain.CaseFacts;
import org.amity.sharing.domain.Decision;
import org.amity.sharing.domain.Organisation;
import org.amity.sharing.domain.Referral;
import org.amity.sharing.domain.SafeguardingOverride;
import org.amity.sharing.domain.SharingLevel;
import org.amity.sharing.domain.SharingPolicy;
import org.amity.sharing.domain.SharingPorts;
import org.amity.sharing.domain.WorkingDays;

import io.quarkus.logging.Log;

/**
 * Takes the sharing decision for a case and every organisation of the directory, whenever the case, a consent or an
 * agreement changes, and applies it: a new referral; new data as a new version of a live referral; a revocation when
 * nothing may be shared any more or the basis changed (consent withdrawn, agreement suspended, terminated, expired),
 * followed by a new referral on the new basis where there is one. Every decision and disclosure is audited; every
 * change reaches the recipient's feed and {@code sharing.referral.v1} in the same transaction.
 */
@ApplicationScoped
public class SharingService {

    @Inject
    SharingPorts.Agreements agreements;

    @Inject
    SharingPorts.Directory directory;

    @Inject
    SharingPorts.Cases cases;

    @Inject
    SharingPorts.Referrals referrals;

    @Inject
    SharingPorts.Feed feed;

    @Inject
    SharingPorts.ReferralEvents events;

    @Inject
    Audit audit;

    @Inject
    WorkingDays workingDays;

    @Inject
    Clock clock;

    private final SharingPolicy policy = new SharingPolicy();

    /** A case opened, with the correlation id of the event that said so. */
    public record Opened(CaseFacts facts, UUID correlationId) {
    }

    /**
     * Takes the decisions for cases opened one after the other (a run of {@code CaseOpened} in a consumer's batch),
     * exactly as they would be one by one (a case already known is a repeat and left alone), but stores the new cases in one statement, writes their audit
     * entries together and, as a new case has no referral yet, reads none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void casesOpened(List<Opened> opened) {
        Map<UUID, UUID> correlation = new HashMap<>();
        opened.forEach(o -> correlation.putIfAbsent(o.facts().caseId(), o.correlationId()));
        List<CaseFacts> fresh = cases.addNew(opened.stream().map(Opened::facts).toList());
        audit.collecting(() -> fresh.forEach(facts -> redecide(facts, Map.of(), correlation.get(facts.caseId()))));
    }

    /** Applies a change to a known case and re-decides; a case this service never received is skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void caseChanged(UUID caseId, UnaryOperator<CaseFacts> change, UUID correlationId) {
        cases.lock(caseId).ifPresentOrElse(facts -> {
            CaseFacts next = change.apply(facts);
            cases.save(next);
            redecide(next, correlationId);
        }, () -> Log.infof("case %s is not known to sharing; change skipped", caseId));
    }

    /**
     * Records a safeguarding override (risk to life or serious harm) by a case worker of the case's owner: not consent;
     * it counts only where the agreement with the recipient permits overrides, and it is audited as such.
     *
     * @return the decision now in force for that recipient
     */
    @Transactional
    public Decision recordOverride(UUID caseId, String recipient, String justification, String lawfulBasis,
            Caller caller) {
        CaseFacts facts = cases.lock(caseId).filter(f -> f.ownerOrganisation().equals(caller.organisation()))
                .orElseThrow(() -> ProblemException.notFound("case " + caseId));
        Organisation to = directory.all().stream().filter(o -> o.alias().equals(recipient)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("$.recipient", "no partner " + recipient));
        SafeguardingOverride override = new SafeguardingOverride(TimeOrderedIds.next(), recipient, justification,
                lawfulBasis, caller.subject(), clock.instant());
        CaseFacts next = facts.withOverride(override);
        cases.save(next);
        audit.override(next, override, caller);
        redecide(next, UUID.randomUUID());
        return policy.decide(next, to, agreements.current(), clock.instant());
    }

    /** Re-decides every case an agreement can concern: those owned by an organisation it lets share. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void agreementChanged(Agreement agreement, UUID correlationId) {
        List<String> senders = agreement.flows().stream().map(Agreement.Flow::from).distinct().toList();
        for (UUID caseId : cases.ownedBy(senders)) {
            cases.lock(caseId).ifPresent(facts -> redecide(facts, correlationId));
        }
    }

    void redecide(CaseFacts facts, UUID correlationId) {
        redecide(facts, referrals.liveForCase(facts.caseId()).stream()
                .collect(Collectors.toMap(Referral::recipient, r -> r)), correlationId);
    }

    /** Re-decides for every organisation; {@code live} holds the case's live referrals by recipient. */
    private void redecide(CaseFacts facts, Map<String, Referral> live, UUID correlationId) {
        Instant now = clock.instant();
        List<Agreement> current = agreements.current();
        for (Organisation recipient : directory.all()) {
            Decision decision = policy.decide(facts, recipient, current, now);
            Referral existing = live.get(recipient.alias());
            if (decision.level() == SharingLevel.NONE && existing == null) {
                continue;
            }
            audit.caseDecision(facts.caseId(), facts.ownerOrganisation(), recipient.alias(), why(decision));
            if (existing != null && (decision.level() == SharingLevel.NONE || !sameBasis(existing, decision))) {
                revoke(existing, revocationReason(existing, decision, current, now), decision, now, correlationId);
                existing = null;
            }
            if (decision.level() == SharingLevel.NONE) {
                continue;
            }
            if (existing == null) {
                Referral referral = Referral.share(facts, decision, now, workingDays.dueBy(now));
                referrals.add(referral);
                disclosed(referral, SharingPorts.FeedKind.NEW, "shared " + referral.level().name().toLowerCase(),
                        now, correlationId);
            } else {
                Referral updated = existing.update(facts, decision, now);
                if (updated != existing) {
                    referrals.update(updated);
                    disclosed(updated, SharingPorts.FeedKind.UPDATED, "new data for the referral", now, correlationId);
                }
            }
        }
    }

    private void disclosed(Referral referral, SharingPorts.FeedKind kind, String why, Instant now, UUID correlationId) {
        feed.append(referral.recipient(), referral.id(), referral.version(), kind, now);
        events.shared(referral, correlationId);
        audit.referral("DISCLOSURE", null, referral, why + " under agreement " + referral.agreementId() + " v"
                + referral.agreementVersion() + " clause " + referral.clause());
    }

    private void revoke(Referral existing, String reason, Decision decision, Instant now, UUID correlationId) {
        Referral revoked = existing.revoke(reason, now);
        referrals.update(revoked);
        feed.append(revoked.recipient(), revoked.id(), revoked.version(), SharingPorts.FeedKind.REVOKED, now);
        events.revoked(revoked, correlationId);
        audit.referral("REVOCATION", null, revoked, reason + "; now " + why(decision));
    }

    /**
     * Why a referral is revoked, as a code: its agreement is no longer in force (suspended, terminated, expired), the
     * consent it relied on is gone, the case left the agreement's scope, or the basis changed otherwise.
     */
    static String revocationReason(Referral existing, Decision decision, List<Agreement> current, Instant now) {
        Agreement agreement = current.stream().filter(a -> a.id().equals(existing.agreementId())).findFirst()
                .orElse(null);
        if (agreement == null || !agreement.inForce(now)) {
            return switch (agreement == null ? Agreement.Status.DRAFT : agreement.status()) {
                case SUSPENDED -> "agreement-suspended";
                case TERMINATED -> "agreement-terminated";
                case EXPIRED -> "agreement-expired";
                case ACTIVE -> agreement.effectiveTo() != null && !now.isBefore(agreement.effectiveTo())
                        ? "agreement-expired" : "agreement-not-in-force";
                default -> "agreement-not-in-force";
            };
        }
        if (existing.consentId() != null && !existing.consentId().equals(decision.consentId())) {
            return "consent-withdrawn";
        }
        return decision.level() == SharingLevel.NONE ? "out-of-scope" : "basis-changed";
    }

    private static boolean sameBasis(Referral r, Decision d) {
        return r.level() == d.level() && r.agreementId().equals(d.agreementId())
                && java.util.Objects.equals(r.consentId(), d.consentId())
                && java.util.Objects.equals(r.overrideId(), d.overrideId());
    }

    static String why(Decision d) {
        StringBuilder out = new StringBuilder(d.level().name().toLowerCase()).append(": ").append(d.reason());
        if (d.agreementId() != null) {
            out.append("; agreement ").append(d.agreementId()).append(" v").append(d.agreementVersion())
                    .append(" clause ").append(d.clause()).append("; lawful basis ").append(d.lawfulBasis());
        }
        if (d.consentId() != null) {
            out.append("; consent ").append(d.consentId()).append(" v").append(d.consentVersion());
        }
        if (d.overrideId() != null) {
            out.append("; safeguarding override ").append(d.overrideId());
        }
        return out.toString();
    }
}
