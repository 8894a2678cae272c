package org.amity.common.problem;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.amity.common.problem.Problem.FieldError;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into {@code application/problem+json}. Bodies never hold a stack trace, and
 * never any of the request's own values (they may be personal data): only field paths and rules.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder out = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(e.toProblem(uri.getPath()));
        if (e.retryAfterSeconds() > 0) {
            out.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return out.build();
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(jsonPath(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(ProblemException.invalid(errors).toProblem(uri.getPath()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(ProblemException.invalid(jsonPath(e.getPath()), "unknown field").toProblem(uri.getPath()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableField(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadableField(e, uri);
    }

    @ServerExceptionMapper(priority = 2)
    public Response unreadableField(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e.getPath());
        return respond(ProblemException.invalid(field, "has the wrong type or format").toProblem(uri.getPath()));
    }

    @ServerExceptionMapper(priority = 3)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return respond(new Problem(Problem.type("malformed-body"), "Malformed body", 400,
                "the body is not valid JSON" + where, uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthorised(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "your organisation or role does not allow this", uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // the JSON reader wraps what Jackson said in a plain 400: answer as if Jackson's exception came through
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return unknownField(unknown, uri);
            }
            if (cause instanceof JsonMappingException mapping) {
                return unreadableField(mapping, uri);
            }
            if (cause instanceof JsonProcessingException malformed) {
                return malformedJson(malformed, uri);
            }
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String detail = status == 415 ? "send application/json" : title;
        return respond(new Problem(Problem.type(slug), title, status, detail, uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        UUID incident = UUID.randomUUID();
        // types and frames only: a message can quote the request, and the request may hold personal data
        Log.errorf("unexpected failure %s on %s: %s", incident, uri.getPath(), withoutMessages(e));
        return respond(new Problem(Problem.type("internal"), "Internal error", 500,
                "something went wrong on our side; quote " + incident, uri.getPath(), List.of()));
    }

    /** The exception chain as types and the first frames of each, without any message. */
    static String withoutMessages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 4000; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.isEmpty() ? "" : " <- caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(6, frames.length); i++) {
                out.append("\n\tat ").append(frames[i]);
            }
        }
        return out.toString();
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("unauthenticated"), "Unauthenticated", 401,
                        "a valid bearer token is required", uri.getPath(), List.of()))
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder("$");
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                out.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /**
     * {@code create.request.victim.email} (method, parameter, path) becomes {@code $.victim.email}; a
     * constraint on a header or query parameter ({@code list.size}) is named by the parameter: {@code size}.
     */
    private static String jsonPath(ConstraintViolation<?> violation) {
        String[] nodes = violation.getPropertyPath().toString().replaceAll("<[^>]*>", "").split("\\.");
        if (nodes.length <= 2) {
            return nodes[nodes.length - 1];
        }
        StringBuilder out = new StringBuilder("$");
        for (int i = 2; i < nodes.length; i++) {
            out.append('.').append(nodes[i]);
        }
        return out.toString().replace(".[", "[");
    }
}
