package org.amity.intake.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** One report to accept: the submission, whose it is, how it came, and the request's correlation id. */
    public record Request(Submission submission, String organisation, Channel channel, UUID correlationId) {
    }

    /**
     * Accepts one report, or returns the original result of the same request made before.
     *
     * @throws IncidentRejected when the report breaks the rules
     * @throws ProblemException 409 when the key or reference was used before for a different request
     */
    @Transactional
    public Outcome report(Submission submission, String organisation, Channel channel, UUID correlationId) {
        return orThrow(acceptAll(List.of(new Request(submission, organisation, channel, correlationId))).get(0));
    }

    /**
     * The outcome of one report as the single-report calls give it: a rejection as {@link IncidentRejected}, a
     * conflict as a 409 problem.
     */
    public static Outcome orThrow(Outcome outcome) {
        if (outcome instanceof Outcome.Rejected rejected) {
            if (rejected.conflict()) {
                throw ProblemException.conflict(rejected.violations().get(0).message());
            }
            throw new IncidentRejected(rejected.violations());
        }
        return outcome;
    }

    /**
     * Accepts reports of several callers in one transaction (the single reports that {@link ReportGroups} commits
     * together): each is accepted, repeated or rejected on its own, as if it had come alone after those before it.
     */
    @Transactional
    public List<Outcome> reportTogether(List<Request> requests) {
        return acceptAll(requests);
    }

    /**
     * Accepts a batch in one transaction: each item is accepted, repeated or rejected on its own.
     * {@code prechecked} holds, per item, the request-level violations found before (empty when none); the
     * submission of such an item may be null.
     */
    @Transactional
    public List<Outcome> reportBatch(List<Submission> submissions, List<List<Violation>> prechecked,
            String organisation, UUID correlationId) {
        List<Request> toAccept = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (prechecked.get(i).isEmpty()) {
                toAccept.add(new Request(submissions.get(i), organisation, Channel.MACHINE_API, correlationId));
            }
        }
        List<Outcome> accepted = acceptAll(toAccept);
        List<Outcome> outcomes = new ArrayList<>(submissions.size());
        int next = 0;
        for (int i = 0; i < submissions.size(); i++) {
            outcomes.add(prechecked.get(i).isEmpty() ? accepted.get(next++) : new Outcome.Rejected(prechecked.get(i)));
        }
        return outcomes;
    }

    /**
     * The one path every report takes: repeats and conflicts found by key (one query for each organisation), the
     * rules checked, every subject's key made in one go, then each report stored with its event.
     */
    private List<Outcome> acceptAll(List<Request> requests) {
        Map<String, Set<String>> keysByOrganisation = new HashMap<>();
        for (Request request : requests) {
            String key = request.submission().effectiveKey();
            if (key != null) {
                keysByOrganisation.computeIfAbsent(request.organisation(), o -> new LinkedHashSet<>()).add(key);
            }
        }
        Map<String, Map<String, IncidentRepository.PriorRequest>> priors = new HashMap<>();
        keysByOrganisation.forEach((organisation, keys) -> priors.put(organisation,
                incidents.findPriors(organisation, keys)));
        // a key belongs to its organisation: two organisations may use the same reference
        Map<List<String>, Integer> firstInBatch = new HashMap<>();
        Outcome[] outcomes = new Outcome[requests.size()];
        List<Request> fresh = new ArrayList<>();
        List<Incident> freshIncidents = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            Submission submission = request.submission();
            String key = submission.effectiveKey();
            List<String> ownKey = key == null ? null : List.of(request.organisation(), key);
            IncidentRepository.PriorRequest prior = key == null ? null
                    : priors.getOrDefault(request.organisation(), Map.of()).get(key);
            Integer earlier = key == null ? null : firstInBatch.get(ownKey);
            if (prior != null || earlier != null) {
                String hash = prior != null ? prior.requestHash() : requests.get(earlier).submission().requestHash();
                if (!hash.equals(submission.requestHash())) {
                    outcomes[i] = Outcome.Rejected.conflict(describe(key) + " was used before for a different report");
                } else if (prior != null) {
                    outcomes[i] = new Outcome.Repeated(incidents.findOwnedBy(prior.incidentId(), request.organisation())
                            .orElseThrow());
                } else {
                    outcomes[i] = outcomes[earlier] instanceof Outcome.Accepted a ? new Outcome.Repeated(a.incident())
                            : outcomes[earlier];
                }
                continue;
            }
            try {
                Incident incident = Incident.report(submission.draft(), request.organisation(), request.channel(),
                        clock.instant(), rules);
                freshIncidents.add(incident);
                fresh.add(request);
                if (key != null) {
                    firstInBatch.put(ownKey, i);
                }
                outcomes[i] = new Outcome.Accepted(incident);
            } catch (IncidentRejected rejected) {
                outcomes[i] = new Outcome.Rejected(rejected.violations());
            }
        }
        List<PersonalDataVault.Sealed> sealed = vault.sealAll(freshIncidents.stream().map(Incident::personal).toList());
        List<IncidentRepository.Accepted> accepted = new ArrayList<>(freshIncidents.size());
        for (int n = 0; n < freshIncidents.size(); n++) {
            Submission submission = fresh.get(n).submission();
            accepted.add(new IncidentRepository.Accepted(freshIncidents.get(n), sealed.get(n),
                    submission.effectiveKey(), submission.requestHash()));
        }
        incidents.addAll(accepted);
        events.reportedAll(freshIncidents, sealed, fresh.stream().map(Request::correlationId).toList());
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
