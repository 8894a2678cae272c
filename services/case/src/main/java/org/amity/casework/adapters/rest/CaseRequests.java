package org.amity.casework.adapters.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What case workers send. Unknown fields are rejected; every text is a code or bounded. */
final class CaseRequests {

    static final String CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String ACTOR = "^[A-Za-z0-9@._:-]{1,100}$";
    static final String CONTACT_METHODS = "phone|email|in-person|letter|text-relay|video";
    static final String CONSENT_METHODS = "verbal|written|online";

    record Assignment(
            @NotBlank @Size(max = 100) @Pattern(regexp = ACTOR, message = "must be a user name or id") String assignee) {
    }

    record Contact(
            Instant contactedAt,
            @NotNull @Pattern(regexp = CONTACT_METHODS, message = "must be one of " + CONTACT_METHODS) String method) {
    }

    record StrandRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = "must be a strand code") String code,
            @Size(max = 64) @Pattern(regexp = CODE, message = "must be a sub-category code") String subCategory) {
    }

    record Triage(
            @NotNull @Pattern(regexp = "hate-crime|non-crime-hate-incident",
                    message = "must be hate-crime or non-crime-hate-incident") String classification,
            @Size(min = 1, max = 10) List<@NotNull @Valid StrandRequest> strands,
            @Size(max = 64) @Pattern(regexp = CODE, message = "must be a reason code") String reason) {
    }

    record Risk(
            @NotNull @Pattern(regexp = "standard|medium|high", message = "must be standard, medium or high") String level) {
    }

    record Note(
            @NotBlank @Size(max = 5000)
            @Pattern(regexp = "^[\\P{Cntrl}\\r\\n\\t]*$", message = "must not contain control characters") String text) {
        @Override
        public String toString() {
            return "Note[personal data withheld]";
        }
    }

    record Action(
            @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = "must be an action code") String action,
            Instant takenAt) {
    }

    record OutcomeRequest(
            Integer homeOfficeOutcome,
            @Size(max = 64) @Pattern(regexp = CODE, message = "must be a housing outcome code") String housingOutcome) {
    }

    record Reason(
            @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = "must be a reason code") String reason) {
    }

    record ConsentRequest(
            @Size(max = 64) @Pattern(regexp = CODE, message = "must be an organisation alias") String recipientOrganisation,
            @Pattern(regexp = "police|housing-provider|third-party-reporting-centre|support-charity|local-authority",
                    message = "must be an organisation type") String recipientType,
            @NotNull @Pattern(regexp = "support|investigation|statistics|contact",
                    message = "must be support, investigation, statistics or contact") String purpose,
            @NotNull @Pattern(regexp = "identifiable|anonymised", message = "must be identifiable or anonymised") String level,
            @NotNull @Pattern(regexp = CONSENT_METHODS, message = "must be verbal, written or online") String method,
            Instant givenAt) {
    }

    record Withdrawal(
            @NotNull @Pattern(regexp = CONSENT_METHODS, message = "must be verbal, written or online") String method) {
    }

    private CaseRequests() {
    }
}
