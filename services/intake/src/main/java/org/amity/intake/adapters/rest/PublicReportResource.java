package org.amity.intake.adapters.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.amity.common.problem.ProblemException;
import org.amity.intake.application.IncidentService;
import org.amity.intake.application.IncidentService.Outcome;
import org.amity.intake.config.IntakeConfig;
import org.amity.intake.domain.Channel;
import org.amity.intake.domain.IncidentRejected;
import org.amity.intake.domain.Violation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

/**
 * The online form for members of the public and third parties (like True Vision): no account, anonymous
 * reports allowed. A report goes to the organisation responsible for its district (the police unless
 * configured otherwise). The reporter gets a reference to quote, and nothing else: no internal id, and
 * no error that says anything about other reports.
 */
@Path("/api/v1/public/reports")
@Tag(name = "Public reporting")
@PermitAll
public class PublicReportResource {

    /** What the reporter keeps: a reference to quote, and what happens next. */
    public record Receipt(String reference, String message) {
    }

    @Inject
    IncidentService service;

    @Inject
    IntakeConfig config;

    @Inject
    ClientRateLimiter rateLimiter;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a hate incident as a member of the public",
            description = "Anonymous reports are allowed (leave out the victim). Limited per client address.")
    @APIResponse(responseCode = "201", description = "Received: the reference to quote",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    public Response report(@NotNull(message = "a body is required") @Valid IncidentRequest request,
            @Context HttpServerRequest http) {
        long retryAfter = rateLimiter.acquire(http.remoteAddress() == null ? "unknown" : http.remoteAddress().host());
        if (retryAfter > 0) {
            throw ProblemException.tooManyRequests("too many reports from this address; try again later", retryAfter);
        }
        List<Violation> violations = new java.util.ArrayList<>(SubmissionMapper.crossFieldViolations(request, "$"));
        if (request.sourceReference() != null) {
            violations.add(new Violation("$.sourceReference", "is for organisations' systems, not the public form"));
        }
        if (!violations.isEmpty()) {
            throw new IncidentRejected(violations);
        }
        String responsible = config.publicForm().responsible().getOrDefault(request.district(),
                config.publicForm().defaultResponsible());
        Outcome outcome = service.report(SubmissionMapper.toSubmission(request, null, "self", "online"), responsible,
                Channel.PUBLIC_FORM, java.util.UUID.randomUUID());
        if (!(outcome instanceof Outcome.Accepted accepted)) {
            throw new IllegalStateException("a public report without a key cannot repeat");
        }
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(new Receipt(
                accepted.incident().publicReference(),
                "Thank you. Your report has been passed to the organisation responsible for your area. "
                        + "Quote this reference if you contact them.")).build();
    }
}
