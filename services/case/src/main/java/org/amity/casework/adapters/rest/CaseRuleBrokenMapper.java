package org.amity.casework.adapters.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.amity.casework.domain.CaseRuleBroken;
import org.amity.common.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A change the case's rules refuse: a value that does not exist or does not fit (400, naming the request
 * field), a transition the case's state does not allow (409, naming the case's field), or something the
 * change names that the case does not have (404). Nothing changed.
 */
public class CaseRuleBrokenMapper {

    @ServerExceptionMapper
    public Response refused(CaseRuleBroken e, UriInfo uri) {
        List<Problem.FieldError> errors = e.field() == null ? List.of()
                : List.of(new Problem.FieldError(e.field(), e.getMessage()));
        Problem problem = switch (e.kind()) {
            case INVALID_VALUE -> new Problem(Problem.type("validation"), "Invalid request", 400,
                    "1 field(s) are invalid", uri.getPath(), errors);
            case INVALID_TRANSITION -> new Problem(Problem.type("invalid-transition"), "Invalid transition", 409,
                    e.getMessage(), uri.getPath(), errors);
            case NOT_FOUND -> new Problem(Problem.type("not-found"), "Not found", 404, e.getMessage(), uri.getPath(),
                    List.of());
        };
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
