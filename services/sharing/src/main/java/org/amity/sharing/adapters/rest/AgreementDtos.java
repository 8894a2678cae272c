package org.amity.sharing.adapters.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.amity.sharing.domain.Agreement;

/** The agreement API's bodies. Size limits here; the domain's rules (named by JSON path) in {@link Agreement#problems}. */
public final class AgreementDtos {

    static final String CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public record PartyRequest(@NotBlank @Size(max = 64) @Pattern(regexp = CODE) String organisation,
            @NotBlank @Size(max = 40) String controllerRole,
            @NotBlank @Size(max = 64) @Pattern(regexp = CODE) String lawfulBasis) {
    }

    public record FlowRequest(@NotBlank @Size(max = 64) String from, @NotBlank @Size(max = 64) String to) {
    }

    public record StrandRequest(@NotBlank @Size(max = 64) @Pattern(regexp = CODE) String code,
            @Size(max = 64) @Pattern(regexp = CODE) String subCategory) {
    }

    public record ClausesRequest(@Size(max = 40) String anonymised, @Size(max = 40) String identifiable,
            @Size(max = 40) String safeguardingOverride) {
    }

    /** The terms of a draft or an edit. */
    public record AgreementRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Size(max = 20) List<@Valid @NotNull PartyRequest> parties,
            @NotNull @Size(max = 40) List<@Valid @NotNull FlowRequest> flows,
            @NotNull @Size(max = 10) Set<@NotBlank @Size(max = 40) String> purposes,
            @NotBlank @Size(max = 2000) String necessity,
            @NotNull @Size(max = 40) List<@Valid @NotNull StrandRequest> strands,
            @NotNull @Size(max = 20) Set<@NotBlank @Size(max = 40) String> anonymisedItems,
            @NotNull @Size(max = 20) Set<@NotBlank @Size(max = 40) String> identifiableItems,
            boolean identifiableRequiresConsent,
            boolean safeguardingOverridePermitted,
            boolean outcomesMayFlowBack,
            @Min(1) @Max(36500) int retentionDays,
            @NotBlank @Size(max = 2000) String securityRequirements,
            @NotBlank @Size(max = 100) String dpiaReference,
            @NotNull LocalDate reviewDate,
            @NotNull Instant effectiveFrom,
            Instant effectiveTo,
            @NotNull @Valid ClausesRequest clauses) {

        Agreement.Terms terms() {
            return new Agreement.Terms(title,
                    parties.stream().map(p -> new Agreement.Party(p.organisation(), p.controllerRole(), p.lawfulBasis(),
                            null)).toList(),
                    flows.stream().map(f -> new Agreement.Flow(f.from(), f.to())).toList(), purposes, necessity,
                    strands.stream().map(s -> new Agreement.StrandScope(s.code(), s.subCategory())).toList(),
                    anonymisedItems, identifiableItems, identifiableRequiresConsent, safeguardingOverridePermitted,
                    outcomesMayFlowBack, retentionDays, securityRequirements, dpiaReference, reviewDate, effectiveFrom,
                    effectiveTo, new Agreement.Clauses(clauses.anonymised(), clauses.identifiable(),
                            clauses.safeguardingOverride()));
        }
    }

    /** Why a suspension, resumption or termination happens. */
    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** An agreement as its parties read it: every field, the status and who signed. */
    public record AgreementResponse(UUID id, int version, String status, Agreement.Terms terms,
            List<Agreement.Party> signatories, Agreement.Change lastChange) {

        static AgreementResponse of(Agreement a) {
            return new AgreementResponse(a.id(), a.version(), a.status().name().toLowerCase(), a.terms(), a.parties(),
                    a.lastChange());
        }
    }

    private AgreementDtos() {
    }
}
