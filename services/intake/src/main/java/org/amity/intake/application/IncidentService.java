package org.amity.intake.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.common.problem.ProblemException;
import org.amity.common.security.Caller;
import org.amity.intake.domain.Channel;
import org.amity.intake.domain.Incident;
import org.amity.intake.domain.IncidentEvents;
import org.amity.intake.domain.IncidentRejected;
import org.amity.intake.domain.IncidentRepository;
import org.amity.intake.domain.PersonalDataVault;
import org.amity.intake.domain.ReportingRules;
import org.amity.intake.domain.Violation;

/**
 * Use cases of intake: accept reports (state and event in one transaction), idempotently, one at a
 * time or in batches; read one's own reports.
 */
@ApplicationScoped
public class IncidentService {

    /**
     * A report as submitted. {@code idempotencyKey} is the client's Idempotency-Key, or null (then the
     * source reference serves); {@code requestHash} fingerprints the request body.
     */
    public record Submission(Incident.Draft draft, String idempotencyKey, String requestHash) {

        String effectiveKey() {
            if (idempotencyKey != null) {
                return "key:" + idempotencyKey;
            }
            return draft.sourceReference() == null ? null : "ref:" + draft.sourceReference();
        }
    }

    /** What became of one submission. */
    public sealed interface Outcome {
        record Accepted(Incident incident) implements Outcome {
        }

        /** The same request was made before: its original result. */
        record Repeated(Incident incident) implements Outcome {
        }

        record Rejected(List<Violation> violations) implements Outcome {
        }
    }

    public record Page(List<Incident> items, long total, int page, int size) {
    }

    @Inject
    IncidentRepository incidents;

    @Inject
    IncidentEvents events;

    @Inject
    PersonalDataVault vault;

    @Inject
    ReportingRules rules;

    Clock clock = Clock.systemUTC();

    /**
     * Accepts one report, or returns the original result of the same request made before.
     *
     * @throws IncidentRejected when the report breaks the rules
     * @throws ProblemException 409 when the key or reference was used before for a different request
     */
    @Transactional
    public Outcome report(Submission submission, String organisation, Channel channel, UUID correlationId) {
        Outcome outcome = accept(submission, organisation, channel, correlationId, new HashMap<>());
        if (outcome instanceof Outcome.Rejected rejected) {
            throw new IncidentRejected(rejected.violations());
        }
        return outcome;
    }

    /**
     * Accepts a batch in one transaction: each item is accepted, repeated or rejected on its own.
     * {@code prechecked} holds, per item, the request-level violations found before (empty when none); the
     * submission of such an item may be null.
     */
    @Transactional
    public List<Outcome> reportBatch(List<Submission> submissions, List<List<Violation>> prechecked,
            String organisation, UUID correlationId) {
        List<Outcome> outcomes = new ArrayList<>(submissions.size());
        Map<String, UUID> seenInBatch = new HashMap<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (!prechecked.get(i).isEmpty()) {
                outcomes.add(new Outcome.Rejected(prechecked.get(i)));
                continue;
            }
            try {
                outcomes.add(accept(submissions.get(i), organisation, Channel.MACHINE_API, correlationId,
                        seenInBatch));
            } catch (ProblemException conflict) {
                outcomes.add(new Outcome.Rejected(List.of(new Violation("$", conflict.getMessage()))));
            }
        }
        return outcomes;
    }

    private Outcome accept(Submission submission, String organisation, Channel channel, UUID correlationId,
            Map<String, UUID> seenInBatch) {
        String key = submission.effectiveKey();
        if (key != null) {
            Optional<IncidentRepository.PriorRequest> prior = incidents.findPrior(organisation, key);
            if (prior.isPresent()) {
                if (!prior.get().requestHash().equals(submission.requestHash())) {
                    throw ProblemException.conflict(describe(key) + " was used before for a different report");
                }
                return new Outcome.Repeated(incidents.findOwnedBy(prior.get().incidentId(), organisation)
                        .orElseThrow());
            }
            if (seenInBatch.containsKey(key)) {
                throw ProblemException.conflict(describe(key) + " appears twice in this batch");
            }
        }
        Incident incident;
        try {
            incident = Incident.report(submission.draft(), organisation, channel, clock.instant(), rules);
        } catch (IncidentRejected rejected) {
            return new Outcome.Rejected(rejected.violations());
        }
        PersonalDataVault.Sealed sealed = vault.seal(incident.personal());
        incidents.add(incident, sealed, key, submission.requestHash());
        events.reported(incident, sealed, correlationId);
        if (key != null) {
            seenInBatch.put(key, incident.id());
        }
        return new Outcome.Accepted(incident);
    }

    private static String describe(String key) {
        return key.startsWith("key:") ? "Idempotency-Key " + key.substring(4) : "sourceReference " + key.substring(4);
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
