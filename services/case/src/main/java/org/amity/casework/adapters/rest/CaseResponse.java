package org.amity.casework.adapters.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.amity.casework.domain.Case;
import org.amity.casework.domain.Consent;

/** A case as its owning organisation's case workers see it. */
public record CaseResponse(
        UUID id,
        UUID incidentId,
        String status,
        Instant receivedAt,
        Instant contactDueBy,
        Instant occurredAt,
        Instant occurredTo,
        String district,
        List<Case.StrandCode> strands,
        List<String> incidentTypes,
        boolean crimeSuspected,
        String perceivedBy,
        boolean anonymous,
        String victimAgeBand,
        List<Consent> consents) {

    static CaseResponse of(Case c) {
        return new CaseResponse(c.id(), c.incidentId(), c.status().name().toLowerCase(), c.receivedAt(),
                c.contactDueBy(), c.occurredFrom(), c.occurredTo(), c.district(), c.strands(), c.incidentTypes(),
                c.crimeSuspected(), c.perceivedBy(), c.anonymous(), c.victimAgeBand(), c.consents());
    }
}
