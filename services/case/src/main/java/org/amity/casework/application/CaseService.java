package org.amity.casework.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.casework.domain.Case;
import org.amity.casework.domain.CaseChange;
import org.amity.casework.domain.CaseEvents;
import org.amity.casework.domain.CaseFilter;
import org.amity.casework.domain.CaseNotes;
import org.amity.casework.domain.CaseRepository;
import org.amity.casework.domain.Classification;
import org.amity.casework.domain.Consent;
import org.amity.casework.domain.Matching;
import org.amity.casework.domain.Outcome;
import org.amity.casework.domain.RiskLevel;
import org.amity.casework.domain.VictimMatchKeys;
import org.amity.casework.domain.WorkingDays;
import org.amity.common.problem.ProblemException;
import org.amity.common.security.Caller;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.InvalidEventException;
import org.amity.contracts.TimeOrderedIds;
import org.amity.contracts.intake.IncidentReported;
import org.amity.contracts.sharing.ReferralOutcomeRecorded;

import io.quarkus.logging.Log;

/**
 * Use cases of the case service. Every change loads the case locked, applies the domain's rule, stores
 * the new state, its history entry and its events (outbox) in one transaction. Consumers hand each
 * decoded event to a method here ({@link #onIncidentReported}, {@link #onReferralEvent}), so that
 * the Kafka adapters stay thin and can consume in batches.
 */
@ApplicationScoped
public class CaseService {

    static final String SYSTEM = "case-service";
    static final int BREACHES_PER_RUN = 200;

    public record Page(List<Case> items, long total, int page, int size) {
    }

    /** A case with what a case worker sees around it. */
    public record CaseView(Case found, List<CaseRepository.Link> links, List<CaseRepository.Entry> history) {
    }

    @Inject
    CaseRepository cases;

    @Inject
    CaseEvents events;

    @Inject
    CaseNotes notes;

    @Inject
    WorkingDays workingDays;

    @Inject
    VictimMatchKeys matchKeys;

    @Inject
    CaseVocabulary vocabulary;

    @Inject
    Clock clock;

    // ---- events from other services

    /**
     * Opens a case for an {@code IncidentReported}, once: a redelivered event is recognised by its id, another
     * event for the same incident by the incident id. Repeat victims and likely duplicates are found by keyed hashes.
     *
     * The consumer has checked the event's type and that it is the first delivery of its id.
     *
     * @return true when a case was opened
     */
    @Transactional
    public boolean onIncidentReported(EventEnvelope event) {
        return onIncidentsReported(List.of(event)) == 1;
    }

    /**
     * Opens the cases of a batch of {@code IncidentReported} events, in their order, exactly as one at a time
     * would (a case later in the batch is matched against the earlier ones), with a handful of statements for the
     * whole batch: which incidents already have a case, the earlier cases sharing a victim hash, then the writes.
     *
     * @return how many cases were opened
     */
    @Transactional
    public int onIncidentsReported(List<EventEnvelope> reported) {
        Map<UUID, EventEnvelope> byIncident = new LinkedHashMap<>();
        Map<UUID, IncidentReported> incidents = new HashMap<>();
        for (EventEnvelope event : reported) {
            IncidentReported incident = EventCodec.data(event, IncidentReported.class);
            if (byIncident.putIfAbsent(incident.incidentId(), event) == null) {
                incidents.put(incident.incidentId(), incident);
            }
        }
        byIncident.keySet().removeAll(cases.incidentsWithCases(byIncident.keySet()));
        if (byIncident.isEmpty()) {
            return 0;
        }
        List<Case> opened = new ArrayList<>(byIncident.size());
        Map<UUID, Set<String>> keys = new LinkedHashMap<>();
        byIncident.forEach((incidentId, event) -> {
            Case c = open(incidents.get(incidentId), event);
            opened.add(c);
            keys.put(c.id(), matchKeys.of(c.sealedPersonalData()));
        });
        Set<String> allKeys = new HashSet<>();
        keys.values().forEach(allKeys::addAll);
        Instant since = opened.stream().map(c -> Matching.lookBackFrom(c.receivedAt())).min(Instant::compareTo)
                .orElseThrow();
        Map<String, List<Matching.Candidate>> known = new HashMap<>(allKeys.isEmpty() ? Map.of()
                : cases.findByMatchKeys(allKeys, since, Matching.MOST_LINKS + 1));

        Opening batch = new Opening();
        for (Case c : opened) {
            UUID correlationId = byIncident.get(c.incidentId()).correlationId();
            Matching.Result matched = Matching.judge(c, candidates(c, keys.get(c.id()), known));
            events.opened(c, correlationId);
            Case current = c;
            if (matched.duplicateOf().isPresent()) {
                UUID other = matched.duplicateOf().get();
                batch.links.add(new CaseRepository.NewLink(current.id(), other, "likely-duplicate"));
                batch.links.add(new CaseRepository.NewLink(other, current.id(), "likely-duplicate"));
                current = batch.apply(current, current.flagDuplicateOf(other), correlationId);
            }
            if (!matched.earlierCases().isEmpty()) {
                for (UUID earlier : matched.earlierCases()) {
                    batch.links.add(new CaseRepository.NewLink(current.id(), earlier, "earlier-case-of-victim"));
                    batch.links.add(new CaseRepository.NewLink(earlier, current.id(), "later-case-of-victim"));
                }
                current = batch.apply(current, current.linkRepeats(matched.earlierCases()), correlationId);
            }
            batch.stored.add(current);
            Matching.Candidate self = new Matching.Candidate(c.id(), c.receivedAt(), c.occurredFrom());
            keys.get(c.id()).forEach(key -> known.computeIfAbsent(key, k -> new ArrayList<>()).add(0, self));
        }
        cases.addAll(batch.stored);
        cases.addMatchKeys(keys);
        cases.linkAll(batch.links);
        cases.recordAll(batch.history);
        return opened.size();
    }

    /** What a batch of openings writes once it has been judged: the cases as they end up, links and history. */
    private final class Opening {
        final List<Case> stored = new ArrayList<>();
        final List<CaseRepository.NewLink> links = new ArrayList<>();
        final List<CaseRepository.Recorded> history = new ArrayList<>();

        /** A change made by the service while opening: its history entry and event, the case not yet stored. */
        Case apply(Case before, Case.Changed changed, UUID correlationId) {
            history.add(new CaseRepository.Recorded(before.id(), entry(changed.change(), SYSTEM)));
            events.changed(changed.after(), changed.change(), correlationId);
            return changed.after();
        }
    }

    private Case open(IncidentReported incident, EventEnvelope event) {
        String sealed = event.personal().isEmpty() ? null
                : new String(EventCodec.bytes(event.personal()), StandardCharsets.UTF_8);
        return Case.open(incident.incidentId(), incident.sourceOrganisation(), incident.sourceOrganisationType(),
                incident.receivedAt(), incident.occurredFrom(), incident.occurredTo(), incident.district(),
                incident.strands().stream().map(s -> new Case.StrandCode(s.code(), s.subCategory())).toList(),
                incident.incidentTypes(), incident.crimeSuspected(), incident.perceivedBy(), incident.anonymous(),
                incident.victimAgeBand(), incident.victimSubjectId(),
                incident.consents().stream().map(c -> new Consent(c.consentId(), c.version(), c.recipientOrganisation(),
                        c.recipientType(), c.purpose(), c.level(), c.method(), c.recordedBy(), c.givenAt(), null))
                        .toList(),
                sealed, workingDays);
    }

    /**
     * The cases sharing a victim hash with the new one, received within its look-back, the most recent first and
     * at most one more than {@link Matching#MOST_LINKS}: what one query for this case alone would return.
     */
    private static List<Matching.Candidate> candidates(Case c, Set<String> keys,
            Map<String, List<Matching.Candidate>> known) {
        Instant since = Matching.lookBackFrom(c.receivedAt());
        Map<UUID, Matching.Candidate> found = new LinkedHashMap<>();
        for (String key : keys) {
            for (Matching.Candidate candidate : known.getOrDefault(key, List.of())) {
                if (candidate.receivedAt().isAfter(since)) {
                    found.putIfAbsent(candidate.caseId(), candidate);
                }
            }
        }
        return found.values().stream().sorted(Comparator.comparing(Matching.Candidate::receivedAt).reversed())
                .limit(Matching.MOST_LINKS + 1).toList();
    }

    /**
     * Attaches a recipient's outcome ({@code ReferralOutcomeRecorded}) to the case when the agreement lets
     * outcomes flow back; other referral events are not the case service's business and are skipped.
     *
     * @return true when an outcome was attached
     * @throws InvalidEventException when the case does not exist (the event goes to the dead-letter topic)
     */
    @Transactional
    public boolean onReferralEvent(EventEnvelope event) {
        if (!ReferralOutcomeRecorded.TYPE.equals(event.eventType())) {
            return false;
        }
        ReferralOutcomeRecorded outcome = EventCodec.data(event, ReferralOutcomeRecorded.class);
        if (!outcome.outcomesMayFlowBack()) {
            Log.infof("referral %s: the agreement keeps outcomes with the recipient; nothing attached",
                    outcome.referralId());
            return false;
        }
        Case found = cases.lock(outcome.caseId()).orElseThrow(() -> new InvalidEventException(
                "no case " + outcome.caseId() + " for referral outcome", List.of()));
        apply(found, found.attachRecipientOutcome(outcome.referralId(), outcome.recipientOrganisation(),
                outcome.agreementId(), outcome.agreementVersion(),
                Outcome.of(outcome.homeOfficeOutcome(), outcome.housingOutcome()), outcome.recordedAt()),
                outcome.recipientOrganisation(), event.correlationId());
        return true;
    }

    /** Records each breach of the contact deadline once; safe to run on several instances at once. */
    @Transactional
    public int recordMissedContactTargets() {
        Instant now = clock.instant();
        int recorded = 0;
        for (Case overdue : cases.lockContactBreaches(now, BREACHES_PER_RUN)) {
            var missed = overdue.missContactTarget(now);
            if (missed.isPresent()) {
                apply(overdue, missed.get(), SYSTEM, UUID.randomUUID());
                recorded++;
            }
        }
        return recorded;
    }

    // ---- case workers of the owning organisation

    @Transactional
    public CaseView view(UUID id, Caller caller) {
        Case found = owned(id, caller);
        return new CaseView(found, cases.links(id, caller.organisation()), cases.history(id));
    }

    @Transactional
    public Page list(Caller caller, CaseFilter filter, int page, int size) {
        CaseFilter at = new CaseFilter(filter.status(), filter.strand(), filter.district(), filter.contactDueBefore(),
                filter.overdue(), filter.risk(), filter.repeat(), clock.instant());
        return new Page(cases.search(caller.organisation(), at, page * size, size),
                cases.count(caller.organisation(), at), page, size);
    }

    @Transactional
    public Case assign(UUID id, Caller caller, String assignee, UUID correlationId) {
        return change(id, caller, correlationId, c -> c.assign(assignee, actor(caller), clock.instant()));
    }

    @Transactional
    public Case recordContact(UUID id, Caller caller, Instant contactedAt, String method, UUID correlationId) {
        Instant now = clock.instant();
        return change(id, caller, correlationId,
                c -> c.recordContact(contactedAt == null ? now : contactedAt, method, actor(caller), now));
    }

    @Transactional
    public Case triage(UUID id, Caller caller, Classification classification, List<Case.StrandCode> strands,
            String reason, UUID correlationId) {
        vocabulary.requireReclassificationReason(reason);
        return change(id, caller, correlationId,
                c -> c.triage(classification, strands, reason, actor(caller), clock.instant()));
    }

    @Transactional
    public Case assessRisk(UUID id, Caller caller, RiskLevel level, UUID correlationId) {
        return change(id, caller, correlationId, c -> c.assessRisk(level, actor(caller), clock.instant()));
    }

    @Transactional
    public UUID addNote(UUID id, Caller caller, String text, UUID correlationId) {
        UUID noteId = TimeOrderedIds.next();
        Instant now = clock.instant();
        Case after = change(id, caller, correlationId, c -> c.addNote(noteId, actor(caller), now));
        notes.add(after, noteId, actor(caller), now, text);
        return noteId;
    }

    @Transactional
    public List<CaseNotes.Note> notes(UUID id, Caller caller) {
        owned(id, caller);
        return notes.of(id);
    }

    @Transactional
    public Case recordAction(UUID id, Caller caller, String action, Instant takenAt, UUID correlationId) {
        vocabulary.requireAction(action);
        Instant now = clock.instant();
        return change(id, caller, correlationId,
                c -> c.recordAction(action, takenAt == null ? now : takenAt, actor(caller), now));
    }

    @Transactional
    public Case recordOutcome(UUID id, Caller caller, Integer homeOfficeOutcome, String housingOutcome,
            UUID correlationId) {
        return change(id, caller, correlationId,
                c -> c.recordOutcome(homeOfficeOutcome, housingOutcome, actor(caller), clock.instant()));
    }

    @Transactional
    public Case close(UUID id, Caller caller, String reason, UUID correlationId) {
        vocabulary.requireClosingReason(reason);
        return change(id, caller, correlationId, c -> c.close(reason, actor(caller), clock.instant()));
    }

    @Transactional
    public Case reopen(UUID id, Caller caller, String reason, UUID correlationId) {
        vocabulary.requireReopeningReason(reason);
        return change(id, caller, correlationId, c -> c.reopen(reason, actor(caller), clock.instant()));
    }

    @Transactional
    public Consent recordConsent(UUID id, Caller caller, String recipientOrganisation, String recipientType,
            String purpose, String level, String method, Instant givenAt, UUID correlationId) {
        Instant now = clock.instant();
        Case after = change(id, caller, correlationId, c -> c.recordConsent(recipientOrganisation, recipientType,
                purpose, level, method, givenAt == null ? now : givenAt, actor(caller), now));
        return after.consents().get(after.consents().size() - 1);
    }

    @Transactional
    public Consent withdrawConsent(UUID id, Caller caller, UUID consentId, String method, UUID correlationId) {
        Case after = change(id, caller, correlationId,
                c -> c.withdrawConsent(consentId, method, actor(caller), clock.instant()));
        return after.consents().get(after.consents().size() - 1);
    }

    @Transactional
    public List<Consent> consents(UUID id, Caller caller) {
        return owned(id, caller).consents();
    }

    private Case owned(UUID id, Caller caller) {
        return cases.findOwnedBy(id, caller.organisation()).orElseThrow(() -> ProblemException.notFound("case " + id));
    }

    private Case change(UUID id, Caller caller, UUID correlationId, Function<Case, Case.Changed> rule) {
        Case found = cases.lockOwnedBy(id, caller.organisation())
                .orElseThrow(() -> ProblemException.notFound("case " + id));
        return apply(found, rule.apply(found), actor(caller), correlationId);
    }

    private Case apply(Case before, Case.Changed changed, String by, UUID correlationId) {
        CaseChange change = changed.change();
        cases.update(changed.after(), change);
        cases.record(before.id(), entry(change, by));
        events.changed(changed.after(), change, correlationId);
        return changed.after();
    }

    private CaseRepository.Entry entry(CaseChange change, String by) {
        return new CaseRepository.Entry(change.getClass().getSimpleName(), by, clock.instant(),
                new String(EventCodec.bytes(change), StandardCharsets.UTF_8));
    }

    static String actor(Caller caller) {
        return caller.subject() != null ? caller.subject() : caller.organisation() + ":service-account";
    }
}
