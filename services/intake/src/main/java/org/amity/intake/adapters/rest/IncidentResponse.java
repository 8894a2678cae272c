package org.amity.intake.adapters.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.amity.intake.domain.Consent;
import org.amity.intake.domain.Incident;
import org.amity.intake.domain.StrandChoice;

/** An accepted report as its sending organisation sees it. */
public record IncidentResponse(
        UUID id,
        String status,
        String sourceReference,
        String channel,
        Instant receivedAt,
        Instant occurredAt,
        Instant occurredTo,
        String district,
        List<StrandChoice> strands,
        List<String> incidentTypes,
        boolean crimeSuspected,
        String perceivedBy,
        boolean anonymous,
        Victim victim,
        List<Consent> consents) {

    public record Victim(String name, String email, String phone, String preferredContact, String ageBand) {
    }

    static IncidentResponse of(Incident incident) {
        return new IncidentResponse(incident.id(), "accepted", incident.sourceReference(),
                incident.channel().name().toLowerCase().replace('_', '-'), incident.receivedAt(),
                incident.occurredFrom(), incident.occurredTo(), incident.district(), incident.strands(),
                incident.incidentTypes(), incident.crimeSuspected(), incident.perceivedBy().name().toLowerCase(),
                incident.anonymous(),
                incident.victim().map(v -> new Victim(v.name(), v.email(), v.phone(), v.preferredContact(), v.ageBand()))
                        .orElse(null),
                incident.consents());
    }
}
