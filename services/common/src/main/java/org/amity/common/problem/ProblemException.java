package org.amity.common.problem;

import java.util.List;

import org.amity.common.problem.Problem.FieldError;

/** Thrown by application code to answer with a problem; nothing it names changes state. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    /** Seconds after which the client may try again ({@code Retry-After}), or 0 for no such header. */
    private final long retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        this(status, slug, title, detail, errors, 0);
    }

    private ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
            long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found", List.of());
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request",
                errors.size() + " field(s) are invalid", errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    /** 429: this client sent too many requests; the request changed nothing. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "rate-limited", "Too many requests", detail, List.of(), retryAfterSeconds);
    }

    /** 503: the service has more work waiting than it takes on; the request changed nothing. */
    public static ProblemException busy(String detail, long retryAfterSeconds) {
        return new ProblemException(503, "busy", "Service busy", detail, List.of(), retryAfterSeconds);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
