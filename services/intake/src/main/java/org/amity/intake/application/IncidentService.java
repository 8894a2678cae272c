package org.amity.intake.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

        /** Broken rules; {@code conflict} when the key or reference was used for a different report. */
        record Rejected(List<Violation> violations, boolean conflict) implements Outcome {
            public Rejected(List<Violation> violations) {
                this(violations, false);
            }

            static Rejected conflict(String detail) {
                return new Rejected(List.of(new Violation("$", detail)), true);
            }
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
        Outcome outcome = acceptAll(List.of(submission), organisation, channel, correlationId).get(0);
        if (outcome instanceof Outcome.Rejected rejected) {
            if (rejected.conflict()) {
                throw ProblemException.conflict(rejected.violations().get(0).message());
            }
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
        List<Submission> toAccept = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (prechecked.get(i).isEmpty()) {
                toAccept.add(submissions.get(i));
            }
        }
        List<Outcome> accepted = acceptAll(toAccept, organisation, Channel.MACHINE_API, correlationId);
        List<Outcome> outcomes = new ArrayList<>(submissions.size());
        int next = 0;
        for (int i = 0; i < submissions.size(); i++) {
            outcomes.add(prechecked.get(i).isEmpty() ? accepted.get(next++) : new Outcome.Rejected(prechecked.get(i)));
        }
        return outcomes;
    }

    /**
     * The one path every report takes: repeats and conflicts found by key (one query for all), the rules
     * checked, every subject's key made in one go, then each report stored with its event.
     */
    private List<Outcome> acceptAll(List<Submission> submissions, String organisation, Channel channel,
            UUID correlationId) {
        Map<String, IncidentRepository.PriorRequest> priors = incidents.findPriors(organisation,
                submissions.stream().map(Submission::effectiveKey).filter(k -> k != null).distinct().toList());
        Map<String, Integer> firstInBatch = new HashMap<>();
        Outcome[] outcomes = new Outcome[submissions.size()];
        List<Integer> fresh = new ArrayList<>();
        List<Incident> freshIncidents = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            Submission submission = submissions.get(i);
            String key = submission.effectiveKey();
            IncidentRepository.PriorRequest prior = key == null ? null : priors.get(key);
            Integer earlier = key == null ? null : firstInBatch.get(key);
            if (prior != null || earlier != null) {
                String hash = prior != null ? prior.requestHash() : submissions.get(earlier).requestHash();
                if (!hash.equals(submission.requestHash())) {
                    outcomes[i] = Outcome.Rejected.conflict(describe(key) + " was used before for a different report");
                } else if (prior != null) {
                    outcomes[i] = new Outcome.Repeated(incidents.findOwnedBy(prior.incidentId(), organisation)
                            .orElseThrow());
                } else {
                    outcomes[i] = outcomes[earlier] instanceof Outcome.Accepted a ? new Outcome.Repeated(a.incident())
                            : outcomes[earlier];
                }
                continue;
            }
            try {
                freshIncidents.add(Incident.report(submission.draft(), organisation, channel, clock.instant(), rules));
                fresh.add(i);
                if (key != null) {
                    firstInBatch.put(key, i);
                }
            } catch (IncidentRejected rejected) {
                outcomes[i] = new Outcome.Rejected(rejected.violations());
            }
            if (outcomes[i] == null) {
                outcomes[i] = new Outcome.Accepted(freshIncidents.get(freshIncidents.size() - 1));
            }
        }
        List<PersonalDataVault.Sealed> sealed = vault.sealAll(freshIncidents.stream().map(Incident::personal).toList());
        List<IncidentRepository.Accepted> accepted = new ArrayList<>(freshIncidents.size());
        for (int n = 0; n < freshIncidents.size(); n++) {
            Submission submission = submissions.get(fresh.get(n));
            accepted.add(new IncidentRepository.Accepted(freshIncidents.get(n), sealed.get(n),
                    submission.effectiveKey(), submission.requestHash()));
        }
        incidents.addAll(accepted);
        events.reportedAll(freshIncidents, sealed, correlationId);
        return List.of(outcomes);
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
