package org.amity.intake.adapters.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.amity.common.problem.Problem;
import org.amity.common.problem.ProblemException;
import org.amity.intake.domain.IncidentRejected;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A report that breaks the domain's rules: 400, every broken rule named by its field. */
public class RejectedReportMapper {

    @ServerExceptionMapper
    public Response rejected(IncidentRejected e, UriInfo uri) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(ProblemException.invalid(e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message())).toList()).toProblem(uri.getPath()))
                .build();
    }
}
