package org.amity.intake.adapters.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.amity.common.security.CurrentCaller;
import org.amity.common.security.Roles;
import org.amity.contracts.ThreadRandom;
import org.amity.intake.application.IncidentService;
import org.amity.intake.application.IncidentService.Outcome;
import org.amity.intake.application.IncidentService.Request;
import org.amity.intake.application.IncidentService.Submission;
import org.amity.intake.application.ReportGroups;
import org.amity.intake.domain.Channel;
import org.amity.intake.domain.IncidentRejected;
import org.amity.intake.domain.Violation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** The machine API through which organisations push reports and read back their own. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
@SecurityRequirement(name = "bearer")
public class IncidentResource {

    static final String IDEMPOTENCY_KEY = "^[A-Za-z0-9_.:-]{1,100}$";

    /** Up to 500 reports; each item is judged on its own. */
    public record BatchRequest(
            @Schema(type = SchemaType.ARRAY, implementation = IncidentRequest.class, minItems = 1, maxItems = 500)
            @NotNull @Size(min = 1, max = 500) List<@NotNull JsonNode> incidents) {
    }

    /** What became of one item of a batch. */
    public record BatchItem(int index, String status, UUID id, List<Problem.FieldError> errors) {
    }

    public record BatchResponse(int accepted, int duplicates, int rejected, List<BatchItem> results) {
    }

    @Inject
    IncidentService service;

    @Inject
    ReportGroups groups;

    @Inject
    CurrentCaller caller;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INCIDENT_REPORTER)
    @Operation(summary = "Report an incident",
            description = "Accepted means committed: the report and its IncidentReported event are stored in one "
                    + "transaction. Repeating a request with the same Idempotency-Key (or sourceReference) and body "
                    + "returns the original result (200); with a different body, 409.")
    @APIResponse(responseCode = "201", description = "Accepted and stored",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 200)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentResponse.class)))
    @APIResponse(responseCode = "200", description = "The same request was made before: its original result",
            headers = @Header(name = "Idempotent-Replayed", schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentResponse.class)))
    @APIResponse(responseCode = "409", description = "Idempotency-Key or sourceReference used before for a different report")
    @APIResponse(responseCode = "503", description = "More reports are waiting than the service takes on: nothing was "
            + "stored; send it again after `Retry-After` seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "60")))
    public Uni<Response> report(@NotNull(message = "a body is required") @Valid IncidentRequest request,
            @HeaderParam("Idempotency-Key") @Pattern(regexp = IDEMPOTENCY_KEY, message = "1 to 100 of A-Z a-z 0-9 _ . : -")
            String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationHeader) {
        List<Violation> crossField = SubmissionMapper.crossFieldViolations(request, "$");
        if (!crossField.isEmpty()) {
            throw new IncidentRejected(crossField);
        }
        String organisation = caller.get().organisation();
        Submission submission = SubmissionMapper.toSubmission(request, idempotencyKey, organisation, null);
        UUID correlation = correlationId(correlationHeader);
        // A Uni makes this a non-blocking endpoint: the small body is read and checked on the I/O thread in one
        // piece (a blocking endpoint reads its body on a worker through a stream the I/O thread feeds chunk by
        // chunk, a hand-over that cost more than the parsing). The report then waits for a transaction with the
        // others that arrive with it (ReportGroups), and the answer is written back on this request's I/O thread,
        // not on the thread that commits the next group.
        Context context = Vertx.currentContext();
        Executor back = context == null ? Infrastructure.getDefaultExecutor()
                : task -> context.runOnContext(ignored -> task.run());
        return Uni.createFrom()
                .completionStage(() -> groups.submit(new Request(submission, organisation, Channel.MACHINE_API,
                        correlation)))
                .emitOn(back)
                .map(outcome -> respond(IncidentService.orThrow(outcome)));
    }

    private static Response respond(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Accepted accepted -> Response.created(URI.create("/api/v1/incidents/" + accepted.incident().id()))
                    .entity(IncidentResponse.of(accepted.incident())).build();
            case Outcome.Repeated repeated -> Response.ok(IncidentResponse.of(repeated.incident()))
                    .header("Idempotent-Replayed", "true").build();
            case Outcome.Rejected rejected -> throw new IllegalStateException("a rejection is thrown before");
        };
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INCIDENT_REPORTER)
    @Operation(summary = "Report up to 500 incidents at once",
            description = "One transaction; each item is accepted, a duplicate (same sourceReference and body as "
                    + "before: the original id is returned) or rejected with its own errors.")
    public BatchResponse reportBatch(@NotNull(message = "a body is required") @Valid BatchRequest batch,
            @HeaderParam("X-Correlation-Id") String correlationHeader) {
        String organisation = caller.get().organisation();
        List<Submission> submissions = new ArrayList<>(batch.incidents().size());
        List<List<Violation>> prechecked = new ArrayList<>(batch.incidents().size());
        for (int i = 0; i < batch.incidents().size(); i++) {
            String prefix = "$.incidents[" + i + "]";
            IncidentRequest item;
            try {
                item = json.treeToValue(batch.incidents().get(i), IncidentRequest.class);
            } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
                submissions.add(null);
                prechecked.add(List.of(new Violation(prefix + "." + e.getPropertyName(), "unknown field")));
                continue;
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                submissions.add(null);
                prechecked.add(List.of(new Violation(prefix, "has a field of the wrong type or format")));
                continue;
            }
            if (item == null) {
                submissions.add(null);
                prechecked.add(List.of(new Violation(prefix, "must be an incident")));
                continue;
            }
            List<Violation> violations = new ArrayList<>(validator.validate(item).stream()
                    .map(v -> new Violation(prefix + path(v), v.getMessage()))
                    .sorted(Comparator.comparing(Violation::field)).toList());
            if (violations.isEmpty()) {
                violations.addAll(SubmissionMapper.crossFieldViolations(item, prefix));
            }
            submissions.add(violations.isEmpty() ? SubmissionMapper.toSubmission(item, null, organisation, null) : null);
            prechecked.add(violations);
        }
        List<Outcome> outcomes = service.reportBatch(submissions, prechecked, organisation,
                correlationId(correlationHeader));
        List<BatchItem> results = new ArrayList<>(outcomes.size());
        int accepted = 0;
        int duplicates = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            String prefix = "$.incidents[" + i + "]";
            switch (outcomes.get(i)) {
                case Outcome.Accepted a -> {
                    accepted++;
                    results.add(new BatchItem(i, "accepted", a.incident().id(), null));
                }
                case Outcome.Repeated r -> {
                    duplicates++;
                    results.add(new BatchItem(i, "duplicate", r.incident().id(), null));
                }
                case Outcome.Rejected r -> results.add(new BatchItem(i, "rejected", null, r.violations().stream()
                        .map(v -> new Problem.FieldError(v.field().startsWith(prefix) ? v.field()
                                : prefix + v.field().substring(1), v.message()))
                        .toList()));
            }
        }
        return new BatchResponse(accepted, duplicates, outcomes.size() - accepted - duplicates, results);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.INCIDENT_REPORTER)
    @Operation(summary = "One of your organisation's reports",
            description = "404 for a report of another organisation, as for one that does not exist.")
    public IncidentResponse get(@PathParam("id") UUID id) {
        return IncidentResponse.of(service.get(id, caller.get()));
    }

    @GET
    @RolesAllowed(Roles.INCIDENT_REPORTER)
    @Operation(summary = "Your organisation's reports, newest first",
            description = "Only reports your organisation sent (or, for the responsible organisation, the public sent).")
    public PageResponse<IncidentResponse> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        IncidentService.Page found = service.list(caller.get(), page, size);
        return new PageResponse<>(found.items().stream().map(IncidentResponse::of).toList(), found.page(),
                found.size(), found.total());
    }

    private static String path(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replaceAll("<[^>]*>", "");
        return path.isEmpty() ? "" : ("." + path).replace(".[", "[");
    }

    static UUID correlationId(String header) {
        if (header != null) {
            try {
                return UUID.fromString(header);
            } catch (IllegalArgumentException ignored) {
                // not ours to trust: start a new correlation
            }
        }
        return ThreadRandom.uuid();
    }
}
