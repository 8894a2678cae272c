package org.amity.intake.adapters.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import org.amity.common.problem.Problem;
import org.amity.common.problem.ProblemException;
import org.amity.common.security.CurrentCaller;
import org.amity.common.security.Roles;
import org.amity.intake.application.IncidentService;
import org.amity.intake.domain.Channel;
import org.amity.intake.domain.Consent;
import org.amity.intake.domain.Incident;
import org.amity.intake.domain.IncidentRejected;
import org.amity.intake.domain.Perceiver;
import org.amity.intake.domain.StrandChoice;
import org.amity.intake.domain.Victim;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The machine API through which organisations push reports and read back their own. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
@SecurityRequirement(name = "bearer")
public class IncidentResource {

    @Inject
    IncidentService service;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INCIDENT_REPORTER)
    @Operation(summary = "Report an incident", description = "Accepted means committed: the report and its IncidentReported event are stored in one transaction.")
    public Response report(@NotNull(message = "a body is required") @Valid IncidentRequest request,
            @HeaderParam("X-Correlation-Id") String correlationHeader) {
        Incident incident = service.report(toDraft(request), caller.get(), Channel.MACHINE_API, correlationId(correlationHeader));
        return Response.created(URI.create("/api/v1/incidents/" + incident.id()))
                .entity(IncidentResponse.of(incident)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.INCIDENT_REPORTER)
    @Operation(summary = "One of your organisation's reports")
    public IncidentResponse get(@PathParam("id") UUID id) {
        return IncidentResponse.of(service.get(id, caller.get()));
    }

    @GET
    @RolesAllowed(Roles.INCIDENT_REPORTER)
    @Operation(summary = "Your organisation's reports, newest first")
    public PageResponse<IncidentResponse> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        IncidentService.Page found = service.list(caller.get(), page, size);
        return new PageResponse<>(found.items().stream().map(IncidentResponse::of).toList(), found.page(),
                found.size(), found.total());
    }

    @ServerExceptionMapper
    public Response rejected(IncidentRejected e) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(ProblemException.invalid(e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message())).toList()).toProblem("/api/v1/incidents"))
                .build();
    }

    private Incident.Draft toDraft(IncidentRequest request) {
        Optional<Victim> victim = Optional.ofNullable(request.victim()).map(v -> new Victim(UUID.randomUUID(),
                v.name(), v.email(), v.phone(), v.preferredContact(), v.ageBand()));
        List<Consent> consents = request.consents() == null ? List.of() : request.consents().stream()
                .map(c -> {
                    if ((c.recipientOrganisation() == null) == (c.recipientType() == null)) {
                        throw ProblemException.invalid("$.consents", "each consent names a recipientOrganisation or a recipientType");
                    }
                    return new Consent(UUID.randomUUID(), c.recipientOrganisation(), c.recipientType(), c.purpose(),
                            c.level(), c.method(), caller.get().organisation(),
                            c.givenAt());
                })
                .toList();
        return new Incident.Draft(request.sourceReference(), request.occurredAt(), request.occurredTo(),
                request.district(), request.strands().stream().map(s -> new StrandChoice(s.code(), s.subCategory())).toList(),
                request.incidentTypes(), request.crimeSuspected(), Perceiver.valueOf(request.perceivedBy().toUpperCase()),
                victim, consents);
    }

    private static UUID correlationId(String header) {
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
