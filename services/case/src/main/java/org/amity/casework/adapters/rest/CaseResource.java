package org.amity.casework.adapters.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.amity.casework.application.CaseService;
import org.amity.casework.domain.Case;
import org.amity.casework.domain.CaseFilter;
import org.amity.casework.domain.CaseNotes;
import org.amity.casework.domain.CaseStatus;
import org.amity.casework.domain.Classification;
import org.amity.casework.domain.Consent;
import org.amity.casework.domain.RiskLevel;
import org.amity.common.security.Caller;
import org.amity.common.security.CurrentCaller;
import org.amity.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cases for the case workers of the organisation that owns them. Another organisation's case answers 404,
 * as one that does not exist; every change is one past-tense event on {@code casework.case.v1}.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CASE_WORKER)
public class CaseResource {

    static final String BODY = "a body is required";

    /** One page of cases. */
    public record CasePage(List<CaseResponse> items, int page, int size, long total) {
    }

    public record Created(UUID id) {
    }

    @Inject
    CaseService service;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Your organisation's cases, newest first, filtered",
            description = "overdue=true lists open cases whose first-contact deadline passed without contact.")
    public CasePage list(
            @QueryParam("status") @Pattern(regexp = "open|closed", message = "must be open or closed") String status,
            @QueryParam("strand") @Pattern(regexp = CaseRequests.CODE, message = "must be a strand code") String strand,
            @QueryParam("district") @Pattern(regexp = CaseRequests.CODE, message = "must be a district code") String district,
            @QueryParam("contactDueBefore") Instant contactDueBefore,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("risk") @Pattern(regexp = "standard|medium|high", message = "must be standard, medium or high") String risk,
            @QueryParam("repeat") Boolean repeat,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        CaseFilter filter = new CaseFilter(status == null ? null : CaseStatus.valueOf(status.toUpperCase()), strand,
                district, contactDueBefore, overdue, risk == null ? null : RiskLevel.of(risk), repeat, null);
        CaseService.Page found = service.list(caller.get(), filter, page, size);
        return new CasePage(found.items().stream().map(CaseResponse::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your organisation's cases, with its links and history")
    public CaseResponse get(@PathParam("id") UUID id) {
        CaseService.CaseView view = service.view(id, caller.get());
        return CaseResponse.of(view.found(),
                view.links().stream().map(l -> new CaseResponse.LinkResponse(l.kind(),
                        l.sameOwner() ? l.otherCase() : null, !l.sameOwner())).toList(),
                view.history().stream().map(e -> new CaseResponse.EntryResponse(e.kind(), e.by(), e.at(),
                        tree(e.detail()))).toList());
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign the case to a case worker")
    public CaseResponse assign(@PathParam("id") UUID id,
            @NotNull(message = BODY) @Valid CaseRequests.Assignment request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        return CaseResponse.of(service.assign(id, caller.get(), request.assignee(), correlationId(correlation)));
    }

    @POST
    @Path("/{id}/contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record first contact with the victim (against the one-working-day target)")
    public CaseResponse contact(@PathParam("id") UUID id, @NotNull(message = BODY) @Valid CaseRequests.Contact request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        return CaseResponse.of(service.recordContact(id, caller.get(), request.contactedAt(), request.method(),
                correlationId(correlation)));
    }

    @POST
    @Path("/{id}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Triage: hate crime or non-crime hate incident, strands corrected",
            description = "A change of classification or strands is a reclassification and needs a reason code.")
    public CaseResponse triage(@PathParam("id") UUID id, @NotNull(message = BODY) @Valid CaseRequests.Triage request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        List<Case.StrandCode> strands = request.strands() == null ? null
                : request.strands().stream().map(s -> new Case.StrandCode(s.code(), s.subCategory())).toList();
        return CaseResponse.of(service.triage(id, caller.get(), Classification.of(request.classification()), strands,
                request.reason(), correlationId(correlation)));
    }

    @POST
    @Path("/{id}/risk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assess the risk to the victim")
    public CaseResponse risk(@PathParam("id") UUID id, @NotNull(message = BODY) @Valid CaseRequests.Risk request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        return CaseResponse.of(service.assessRisk(id, caller.get(), RiskLevel.of(request.level()),
                correlationId(correlation)));
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note (personal data: stored encrypted under the victim's key)")
    public Response addNote(@PathParam("id") UUID id, @NotNull(message = BODY) @Valid CaseRequests.Note request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        UUID noteId = service.addNote(id, caller.get(), request.text(), correlationId(correlation));
        return Response.created(URI.create("/api/v1/cases/" + id + "/notes")).entity(new Created(noteId)).build();
    }

    @GET
    @Path("/{id}/notes")
    @Operation(summary = "The case's notes, oldest first")
    public List<CaseNotes.Note> notes(@PathParam("id") UUID id) {
        return service.notes(id, caller.get());
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an action taken (a configured action code)")
    public CaseResponse action(@PathParam("id") UUID id, @NotNull(message = BODY) @Valid CaseRequests.Action request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        return CaseResponse.of(service.recordAction(id, caller.get(), request.action(), request.takenAt(),
                correlationId(correlation)));
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the outcome",
            description = "homeOfficeOutcome (0-22) for police cases, housingOutcome for housing providers' cases.")
    public CaseResponse outcome(@PathParam("id") UUID id,
            @NotNull(message = BODY) @Valid CaseRequests.OutcomeRequest request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        return CaseResponse.of(service.recordOutcome(id, caller.get(), request.homeOfficeOutcome(),
                request.housingOutcome(), correlationId(correlation)));
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close the case")
    public CaseResponse close(@PathParam("id") UUID id, @NotNull(message = BODY) @Valid CaseRequests.Reason request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        return CaseResponse.of(service.close(id, caller.get(), request.reason(), correlationId(correlation)));
    }

    @POST
    @Path("/{id}/reopening")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reopen a closed case")
    public CaseResponse reopen(@PathParam("id") UUID id, @NotNull(message = BODY) @Valid CaseRequests.Reason request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        return CaseResponse.of(service.reopen(id, caller.get(), request.reason(), correlationId(correlation)));
    }

    @GET
    @Path("/{id}/consents")
    @Operation(summary = "Every version of every consent of the case, oldest first")
    public List<Consent> consents(@PathParam("id") UUID id) {
        return service.consents(id, caller.get());
    }

    @POST
    @Path("/{id}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a consent the victim gave")
    public Response recordConsent(@PathParam("id") UUID id,
            @NotNull(message = BODY) @Valid CaseRequests.ConsentRequest request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        Caller who = caller.get();
        Consent consent = service.recordConsent(id, who, request.recipientOrganisation(), request.recipientType(),
                request.purpose(), request.level(), request.method(), request.givenAt(), correlationId(correlation));
        return Response.created(URI.create("/api/v1/cases/" + id + "/consents")).entity(consent).build();
    }

    @POST
    @Path("/{id}/consents/{consentId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw a consent (a new version; earlier versions are kept)")
    public Consent withdrawConsent(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId,
            @NotNull(message = BODY) @Valid CaseRequests.Withdrawal request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        return service.withdrawConsent(id, caller.get(), consentId, request.method(), correlationId(correlation));
    }

    private Object tree(String detail) {
        try {
            return json.readTree(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history detail is not JSON", e);
        }
    }

    static UUID correlationId(String header) {
        if (header != null) {
            try {
                return UUID.fromString(header);
            } catch (IllegalArgumentException ignored) {
                // not ours to trust: start a new correlation
            }
        }
        return UUID.randomUUID();
    }
}
