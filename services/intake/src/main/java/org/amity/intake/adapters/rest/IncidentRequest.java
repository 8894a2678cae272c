package org.amity.intake.adapters.rest;

import java.time.Instant;
import java.time.LocalDate;
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
        @Size(max = 100) @Pattern(regexp = Text.REFERENCE, message = "letters, digits and / _ . : - only")
        String sourceReference,

        @Schema(description = "When it happened (or began), UTC.", required = true)
        @NotNull Instant occurredAt,

        @Schema(description = "When it ended, for incidents over a period.")
        Instant occurredTo,

        @Schema(description = "When the victim or reporter told your organisation; defaults to receipt.")
        Instant reportedAt,

        @Schema(description = "Configured district code.", examples = "sevenoaks", required = true)
        @NotBlank @Size(max = 64) @Pattern(regexp = Text.CODE, message = "must be a district code") String district,

        @Schema(description = "UK postcode of where it happened (personal data: sealed).", examples = "TN13 1AA")
        @Size(max = 8) @Pattern(regexp = Text.POSTCODE, message = "must be a UK postcode") String postcode,

        @Schema(required = true)
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid StrandRequest> strands,

        @Schema(description = "Configured incident type codes.", examples = "[\"verbal-abuse\"]", required = true)
        @NotNull @Size(min = 1, max = 12)
        List<@NotBlank @Size(max = 64) @Pattern(regexp = Text.CODE, message = "must be an incident type code") String> incidentTypes,

        @Schema(description = "True when the incident may be a criminal offence (hate crime).", required = true)
        @NotNull Boolean crimeSuspected,

        @Schema(description = "Who perceived the hostility.", enumeration = {"victim", "witness", "reporter", "other"}, required = true)
        @NotNull @Pattern(regexp = "victim|witness|reporter|other", message = "must be victim, witness, reporter or other")
        String perceivedBy,

        @Schema(description = "The victim; leave out for an anonymous report.")
        @Valid VictimRequest victim,

        @Schema(description = "Who reported, when not the victim.")
        @Valid ReporterRequest reporter,

        @Schema(description = "What is known of the suspected perpetrator.")
        @Valid PerpetratorRequest perpetrator,

        @Schema(description = "What happened, in the reporter's words (personal data: sealed).")
        @Size(max = 10000) @Pattern(regexp = Text.MULTI_LINE, message = "must not contain control characters")
        String narrative,

        @Schema(description = "Consent choices the victim made when reporting.")
        @Size(max = 20) List<@NotNull @Valid ConsentRequest> consents) {

    public record StrandRequest(
            @Schema(examples = "religion", required = true)
            @NotBlank @Size(max = 64) @Pattern(regexp = Text.CODE, message = "must be a strand code") String code,
            @Schema(examples = "anti-muslim")
            @Size(max = 64) @Pattern(regexp = Text.CODE, message = "must be a sub-category code") String subCategory) {
    }

    public record VictimRequest(
            @Size(max = 200) @Pattern(regexp = Text.ONE_LINE, message = "must not contain control characters") String name,
            @Email @Size(max = 254) String email,
            @Size(max = 32) @Pattern(regexp = Text.PHONE, message = "must be a telephone number") String phone,
            @Pattern(regexp = "phone|email|post|text-relay|in-person", message = "must be phone, email, post, text-relay or in-person")
            String preferredContact,
            @Schema(description = "Date of birth; or give an age band.") LocalDate dateOfBirth,
            @Schema(examples = "25-34")
            @Pattern(regexp = "under-18|18-24|25-34|35-44|45-54|55-64|65-plus", message = "must be an age band such as 25-34")
            String ageBand,
            @Valid AddressRequest address,
            @Size(max = 50) @Pattern(regexp = Text.REFERENCE, message = "letters, digits and / _ . : - only")
            String tenancyReference,
            @Valid AccessibilityRequest accessibility) {
    }

    public record AddressRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = Text.ONE_LINE, message = "must not contain control characters") String line1,
            @Size(max = 200) @Pattern(regexp = Text.ONE_LINE, message = "must not contain control characters") String line2,
            @Size(max = 100) @Pattern(regexp = Text.ONE_LINE, message = "must not contain control characters") String town,
            @NotBlank @Size(max = 8) @Pattern(regexp = Text.POSTCODE, message = "must be a UK postcode") String postcode) {
    }

    public record AccessibilityRequest(
            @Schema(description = "Language for an interpreter (BCP 47 tag).", examples = "ur")
            @Size(max = 35) @Pattern(regexp = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", message = "must be a language tag such as ur or pl")
            String interpreterLanguage,
            @Schema(description = "Contact through text relay (deaf or speech-impaired).") Boolean textRelay) {
    }

    public record ReporterRequest(
            @Size(max = 200) @Pattern(regexp = Text.ONE_LINE, message = "must not contain control characters") String name,
            @Email @Size(max = 254) String email,
            @Size(max = 32) @Pattern(regexp = Text.PHONE, message = "must be a telephone number") String phone,
            @NotNull @Pattern(regexp = "witness|family-member|friend|neighbour|support-worker|housing-officer|advocate|other",
                    message = "must be witness, family-member, friend, neighbour, support-worker, housing-officer, advocate or other")
            String role) {
    }

    public record PerpetratorRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE, message = "must not contain control characters")
            String description) {
    }

    public record ConsentRequest(
            @Schema(description = "Alias of the recipient organisation.", examples = "kent-police")
            @Size(max = 64) @Pattern(regexp = Text.CODE, message = "must be an organisation alias")
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
