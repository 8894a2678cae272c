package org.amity.sharing.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.common.problem.ProblemException;
import org.amity.common.security.Caller;
import org.amity.contracts.TimeOrderedIds;
import org.amity.sharing.domain.Agreement;
import org.amity.sharing.domain.SharingPorts;

import io.quarkus.scheduler.Scheduled;

/**
 * The life of data-sharing agreements: drafted and edited by an agreement administrator of a party, signed by each
 * party's own signatory, suspended, resumed, terminated, expired at the end date (scheduled, idempotent). Every
 * change is a new version and re-takes the sharing decisions of the cases it can concern. Only parties see an
 * agreement; to anyone else it does not exist.
 */
@ApplicationScoped
public class AgreementService {

    @Inject
    SharingPorts.Agreements agreements;

    @Inject
    SharingService sharing;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Agreement draft(Agreement.Terms terms, Caller caller) {
        Agreement draft = Agreement.draft(TimeOrderedIds.next(), terms, change(caller, "drafted"));
        if (!draft.hasParty(caller.organisation())) {
            throw ProblemException.invalid("$.parties", "your organisation must be a party to an agreement it drafts");
        }
        return store(draft, caller, "AGREEMENT_DRAFTED");
    }

    @Transactional
    public Agreement edit(UUID id, Agreement.Terms terms, Caller caller) {
        Agreement edited = lock(id, caller).edit(terms, change(caller, "edited"));
        if (!edited.hasParty(caller.organisation())) {
            throw ProblemException.invalid("$.parties", "your organisation must stay a party to the agreement");
        }
        return store(edited, caller, "AGREEMENT_EDITED");
    }

    @Transactional
    public Agreement sign(UUID id, Caller caller) {
        Agreement signed = lock(id, caller).sign(caller.organisation(), caller.subject(), clock.instant());
        store(signed, caller, "AGREEMENT_SIGNED");
        if (signed.status() == Agreement.Status.ACTIVE) {
            sharing.agreementChanged(signed, UUID.randomUUID());
        }
        return signed;
    }

    @Transactional
    public Agreement suspend(UUID id, String reason, Caller caller) {
        return changed(lock(id, caller).suspend(change(caller, "suspended: " + reason)), caller, "AGREEMENT_SUSPENDED");
    }

    @Transactional
    public Agreement resume(UUID id, String reason, Caller caller) {
        return changed(lock(id, caller).resume(change(caller, "resumed: " + reason)), caller, "AGREEMENT_RESUMED");
    }

    @Transactional
    public Agreement terminate(UUID id, String reason, Caller caller) {
        return changed(lock(id, caller).terminate(change(caller, "terminated: " + reason)), caller,
                "AGREEMENT_TERMINATED");
    }

    @Transactional
    public Agreement get(UUID id, Caller caller) {
        return agreements.current().stream().filter(a -> a.id().equals(id) && a.hasParty(caller.organisation()))
                .findFirst().orElseThrow(() -> ProblemException.notFound("agreement " + id));
    }

    @Transactional
    public Agreement version(UUID id, int version, Caller caller) {
        get(id, caller);
        return agreements.version(id, version).orElseThrow(() -> ProblemException.notFound("agreement " + id + " v" + version));
    }

    @Transactional
    public List<Agreement> list(Caller caller) {
        return agreements.current().stream().filter(a -> a.hasParty(caller.organisation())).toList();
    }

    /** Expires every agreement whose end date has passed; a second run finds nothing to do. */
    @Transactional
    public int expireDue() {
        int expired = 0;
        for (Agreement candidate : agreements.current()) {
            if (candidate.expireIfDue(clock.instant()).isEmpty()) {
                continue;
            }
            var due = agreements.lockCurrent(candidate.id()).flatMap(a -> a.expireIfDue(clock.instant()));
            if (due.isPresent()) {
                agreements.add(due.get());
                audit.agreement("AGREEMENT_EXPIRED", Audit.SYSTEM, null, due.get().id(), due.get().version(),
                        "end date reached");
                sharing.agreementChanged(due.get(), UUID.randomUUID());
                expired++;
            }
        }
        return expired;
    }

    @Scheduled(every = "${amity.sharing.expiry-check-interval:1m}", delayed = "${amity.sharing.expiry-check-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOnSchedule() {
        expireDue();
    }

    private Agreement changed(Agreement next, Caller caller, String action) {
        store(next, caller, action);
        sharing.agreementChanged(next, UUID.randomUUID());
        return next;
    }

    private Agreement store(Agreement next, Caller caller, String action) {
        agreements.add(next);
        audit.agreement(action, caller.subject(), caller.organisation(), next.id(), next.version(),
                next.lastChange().what());
        return next;
    }

    private Agreement lock(UUID id, Caller caller) {
        return agreements.lockCurrent(id).filter(a -> a.hasParty(caller.organisation()))
                .orElseThrow(() -> ProblemException.notFound("agreement " + id));
    }

    private Agreement.Change change(Caller caller, String what) {
        return new Agreement.Change(caller.subject(), caller.organisation(), clock.instant(), what);
    }
}
