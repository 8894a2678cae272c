package org.amity.casework.adapters.rest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.amity.casework.domain.Case;
import org.amity.casework.domain.Consent;
import org.amity.casework.domain.Work;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A case as its owning organisation's case workers see it; {@code links} and {@code history} on a single case only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResponse(
        UUID id,
        UUID incidentId,
        String status,
        Instant receivedAt,
        Instant contactDueBy,
        Instant contactedAt,
        Boolean contactTargetMet,
        Instant occurredAt,
        Instant occurredTo,
        String district,
        List<Case.StrandCode> strands,
        List<String> incidentTypes,
        boolean crimeSuspected,
        String classification,
        boolean triaged,
        String risk,
        String assignedTo,
        String perceivedBy,
        boolean anonymous,
        String victimAgeBand,
        boolean repeatVictim,
        boolean likelyDuplicate,
        OutcomeResponse outcome,
        Instant closedAt,
        List<Consent> consents,
        List<LinkResponse> links,
        List<EntryResponse> history) {

    public record OutcomeResponse(String scheme, Integer homeOfficeOutcome, String housingOutcome) {
    }

    /** A linked case; its id only when the caller's organisation owns it too. */
    public record LinkResponse(String kind, UUID caseId, boolean otherOrganisation) {
    }

    public record EntryResponse(String kind, String by, Instant at, Object detail) {
    }

    static CaseResponse of(Case c) {
        return of(c, null, null);
    }

    static CaseResponse of(Case c, List<LinkResponse> links, List<EntryResponse> history) {
        Work w = c.work();
        return new CaseResponse(c.id(), c.incidentId(), c.status().name().toLowerCase(), c.receivedAt(),
                c.contactDueBy(), w.contactedAt(), c.contactTargetMet(), c.occurredFrom(), c.occurredTo(), c.district(),
                c.strands(), c.incidentTypes(), c.crimeSuspected(), w.classification().code(), w.triaged(),
                w.risk() == null ? null : w.risk().code(), w.assignedTo(), c.perceivedBy(), c.anonymous(),
                c.victimAgeBand(), w.repeatVictim(), w.likelyDuplicate(),
                w.outcome() == null ? null : new OutcomeResponse(w.outcome().scheme().code(),
                        w.outcome().homeOfficeOutcome(), w.outcome().housingOutcome()),
                w.closedAt(), current(c.consents()), links, history);
    }

    /** The latest version of each consent. */
    static List<Consent> current(List<Consent> versions) {
        return List.copyOf(versions.stream().collect(Collectors.toMap(Consent::id, Function.identity(),
                (a, b) -> a.version() >= b.version() ? a : b, java.util.LinkedHashMap::new)).values())
                .stream().sorted(Comparator.comparing(Consent::givenAt)).toList();
    }
}
