package org.amity.common.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body. {@code type} is stable (one URI per kind of problem) so that
 * clients can branch on it; {@code errors} names each invalid field by JSON path.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://amity.example/problems/";

    /** One invalid field: its JSON path (for example {@code $.victim.email}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
