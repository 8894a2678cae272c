package org.amity.sharing.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.common.problem.ProblemException;
import org.amity.common.security.Caller;
import org.amity.sharing.domain.Agreement;
import org.amity.sharing.domain.CaseFacts;
import org.amity.sharing.domain.Decision;
import org.amity.sharing.domain.Organisation;
import org.amity.sharing.domain.Referral;
import org.amity.sharing.domain.SharingLevel;
import org.amity.sharing.domain.SharingPolicy;
import org.amity.sharing.domain.SharingPorts;

/** Use cases of the sharing service: decide and share when a case opens; let recipients read their referrals. */
@ApplicationScoped
public class SharingService {

    public record Page(List<Referral> items, long total, int page, int size) {
    }

    @Inject
    SharingPorts.Agreements agreements;

    @Inject
    SharingPorts.Directory directory;

    @Inject
    SharingPorts.Referrals referrals;

    @Inject
    SharingPorts.DecisionLog decisions;

    @Inject
    SharingPorts.ReferralEvents events;

    private final SharingPolicy policy = new SharingPolicy();

    Clock clock = Clock.systemUTC();

    /** Takes the decision for every other organisation of the directory; shares where it says so. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Decision> caseOpened(CaseFacts facts, UUID correlationId) {
        List<Agreement> inForce = agreements.current();
        List<Decision> taken = directory.all().stream()
                .filter(o -> !o.alias().equals(facts.ownerOrganisation()))
                .map((Organisation recipient) -> policy.decide(facts, recipient, inForce, clock.instant()))
                .toList();
        for (Decision decision : taken) {
            if (decision.level() == SharingLevel.NONE) {
                continue;
            }
            decisions.record(facts.caseId(), decision);
            if (!referrals.exists(facts.caseId(), decision.recipient())) {
                Referral referral = Referral.share(facts, decision, clock.instant());
                referrals.add(referral);
                events.shared(referral, correlationId);
            }
        }
        return taken;
    }

    @Transactional
    public Referral get(UUID id, Caller caller) {
        return referrals.findForRecipient(id, caller.organisation())
                .orElseThrow(() -> ProblemException.notFound("referral " + id));
    }

    @Transactional
    public Page list(Caller caller, int page, int size) {
        return new Page(referrals.listForRecipient(caller.organisation(), page * size, size),
                referrals.countForRecipient(caller.organisation()), page, size);
    }
}
