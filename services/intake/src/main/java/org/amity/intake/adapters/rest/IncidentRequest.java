package org.amity.intake.adapters.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an organisation sends to report an incident. Unknown fields are rejected. */
@Schema(name = "IncidentRequest", description = "A hate incident or hate crime report.")
public record IncidentRequest(
        @Schema(description = "The sending organisation's own reference; unique per organisation.", examples = "WKH-2026-0042")
        @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9/_.:-]+$", message = "letters, digits and / _ . : - only")
        String sourceReference,

        @Schema(description = "When it happened (or began), UTC.", required = true)
        @NotNull Instant occurredAt,

        @Schema(description = "When it ended, for incidents over a period.")
        Instant occurredTo,

        @Schema(description = "Configured district code.", examples = "sevenoaks", required = true)
        @NotBlank @Size(max = 64) String district,

        @Schema(required = true)
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid StrandRequest> strands,

        @Schema(description = "Configured incident type codes.", examples = "[\"verbal-abuse\"]", required = true)
        @NotNull @Size(min = 1, max = 12) List<@NotBlank @Size(max = 64) String> incidentTypes,

        @Schema(description = "True when the incident may be a criminal offence (hate crime).", required = true)
        @NotNull Boolean crimeSuspected,

        @Schema(description = "Who perceived the hostility.", enumeration = {"victim", "witness", "reporter", "other"}, required = true)
        @NotNull @Pattern(regexp = "victim|witness|reporter|other", message = "must be victim, witness, reporter or other")
        String perceivedBy,

        @Schema(description = "The victim; leave out for an anonymous report.")
        @Valid VictimRequest victim,

        @Schema(description = "Consent choices the victim made when reporting.")
        @Size(max = 20) List<@NotNull @Valid ConsentRequest> consents) {

    public record StrandRequest(
            @Schema(examples = "religion", required = true) @NotBlank @Size(max = 64) String code,
            @Schema(examples = "anti-muslim") @Size(max = 64) String subCategory) {
    }

    public record VictimRequest(
            @Size(max = 200) String name,
            @Email @Size(max = 254) String email,
            @Size(max = 32) @Pattern(regexp = "^\\+?[0-9 ()-]{6,32}$", message = "must be a telephone number") String phone,
            @Pattern(regexp = "phone|email|post|text-relay|in-person", message = "must be phone, email, post, text-relay or in-person")
            String preferredContact,
            @Schema(examples = "25-34")
            @Pattern(regexp = "under-18|18-24|25-34|35-44|45-54|55-64|65-plus", message = "must be an age band such as 25-34")
            String ageBand) {
    }

    public record ConsentRequest(
            @Schema(description = "Alias of the recipient organisation.", examples = "kent-police")
            @Size(max = 64) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be an organisation alias")
            String recipientOrganisation,
            @Schema(description = "Or every organisation of a type.", examples = "support-charity")
            @Pattern(regexp = "police|housing-provider|third-party-reporting-centre|support-charity|local-authority",
                    message = "must be an organisation type") String recipientType,
            @NotNull @Pattern(regexp = "support|investigation|statistics|contact", message = "must be support, investigation, statistics or contact")
            String purpose,
            @NotNull @Pattern(regexp = "identifiable|anonymised", message = "must be identifiable or anonymised")
            String level,
            @NotNull @Pattern(regexp = "verbal|written|online", message = "must be verbal, written or online")
            String method,
            @Schema(description = "When it was given; defaults to receipt.")
            Instant givenAt) {
    }
}
