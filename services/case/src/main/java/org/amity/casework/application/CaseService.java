package org.amity.casework.application;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.casework.domain.Case;
import org.amity.casework.domain.CaseEvents;
import org.amity.casework.domain.CaseRepository;
import org.amity.common.problem.ProblemException;
import org.amity.common.security.Caller;

/** Use cases of the case service. */
@ApplicationScoped
public class CaseService {

    public record Page(List<Case> items, long total, int page, int size) {
    }

    @Inject
    CaseRepository cases;

    @Inject
    CaseEvents events;

    /** Opens a case unless one already exists for the incident (a report opens exactly one case). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean open(Case opened, UUID correlationId) {
        if (cases.existsForIncident(opened.incidentId())) {
            return false;
        }
        cases.add(opened);
        events.opened(opened, correlationId);
        return true;
    }

    @Transactional
    public Case get(UUID id, Caller caller) {
        return cases.findOwnedBy(id, caller.organisation()).orElseThrow(() -> ProblemException.notFound("case " + id));
    }

    @Transactional
    public Page list(Caller caller, int page, int size) {
        return new Page(cases.listOwnedBy(caller.organisation(), page * size, size),
                cases.countOwnedBy(caller.organisation()), page, size);
    }
}
