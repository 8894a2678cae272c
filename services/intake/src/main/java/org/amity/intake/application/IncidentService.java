package org.amity.intake.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.common.problem.ProblemException;
import org.amity.common.security.Caller;
import org.amity.intake.domain.Channel;
import org.amity.intake.domain.Incident;
import org.amity.intake.domain.IncidentEvents;
import org.amity.intake.domain.IncidentRepository;
import org.amity.intake.domain.ReportingRules;

/** Use cases of intake: accept a report (state and event in one transaction), read one's own reports. */
@ApplicationScoped
public class IncidentService {

    public record Page(List<Incident> items, long total, int page, int size) {
    }

    @Inject
    IncidentRepository incidents;

    @Inject
    IncidentEvents events;

    @Inject
    ReportingRules rules;

    Clock clock = Clock.systemUTC();

    @Transactional
    public Incident report(Incident.Draft draft, Caller caller, Channel channel, UUID correlationId) {
        Incident incident = Incident.report(draft, caller.organisation(), channel, clock.instant(), rules);
        if (incident.sourceReference() != null
                && incidents.referenceTaken(caller.organisation(), incident.sourceReference())) {
            throw ProblemException.conflict("your organisation already reported " + incident.sourceReference());
        }
        incidents.add(incident);
        events.reported(incident, correlationId);
        return incident;
    }

    @Transactional
    public Incident get(UUID id, Caller caller) {
        return incidents.findOwnedBy(id, caller.organisation())
                .orElseThrow(() -> ProblemException.notFound("incident " + id));
    }

    @Transactional
    public Page list(Caller caller, int page, int size) {
        return new Page(incidents.listOwnedBy(caller.organisation(), page * size, size),
                incidents.countOwnedBy(caller.organisation()), page, size);
    }
}
