package org.amity.intake.adapters.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.amity.intake.domain.Consent;
import org.amity.intake.domain.Incident;
import org.amity.intake.domain.StrandChoice;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An accepted report as its sending organisation sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentResponse(
        UUID id,
        String status,
        String sourceReference,
        String channel,
        Instant receivedAt,
        Instant reportedAt,
        Instant occurredAt,
        Instant occurredTo,
        String district,
        String postcode,
        List<StrandChoice> strands,
        List<String> incidentTypes,
        boolean crimeSuspected,
        String perceivedBy,
        boolean anonymous,
        Victim victim,
        Reporter reporter,
        String perpetratorDescription,
        String narrative,
        List<Consent> consents) {

    public record Victim(String name, String email, String phone, String preferredContact, LocalDate dateOfBirth,
            String ageBand, org.amity.intake.domain.Victim.Address address, String tenancyReference,
            String interpreterLanguage, boolean textRelay) {
    }

    public record Reporter(String name, String email, String phone, String role) {
    }

    static IncidentResponse of(Incident incident) {
        var personal = incident.personal();
        return new IncidentResponse(incident.id(), "accepted", incident.sourceReference(),
                incident.channel().name().toLowerCase().replace('_', '-'), incident.receivedAt(),
                incident.reportedAt(), incident.occurredFrom(), incident.occurredTo(), incident.district(),
                personal.postcode().orElse(null), incident.strands(), incident.incidentTypes(),
                incident.crimeSuspected(), incident.perceivedBy().name().toLowerCase(), incident.anonymous(),
                incident.victim().map(v -> new Victim(v.name(), v.email(), v.phone(), v.preferredContact(),
                        v.dateOfBirth(), incident.victimAgeBand(), v.address(), v.tenancyReference(),
                        v.interpreterLanguage(), v.textRelay())).orElse(null),
                personal.reporter().map(r -> new Reporter(r.name(), r.email(), r.phone(), r.role())).orElse(null),
                personal.perpetratorDescription().orElse(null), personal.narrative().orElse(null),
                incident.consents());
    }
}
