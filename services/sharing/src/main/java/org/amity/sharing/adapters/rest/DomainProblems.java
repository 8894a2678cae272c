package org.amity.sharing.adapters.rest;


import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.amity.common.problem.Problem;
import org.amity.common.problem.ProblemException;
import org.amity.sharing.domain.AgreementRejected;
import org.amity.sharing.domain.ReferralRejected;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as problem+json: invalid terms name each field by JSON path (400); a wrong state is 409. */
public class DomainProblems {

    @ServerExceptionMapper
    public Response agreement(AgreementRejected e, UriInfo uri) {
        ProblemException problem = e.invalid()
                ? ProblemException.invalid(e.violations().stream()
                        .map(v -> new Problem.FieldError(v.field(), v.message())).toList())
                : ProblemException.conflict(e.getMessage());
        return respond(problem, uri);
    }

    @ServerExceptionMapper
    public Response referral(ReferralRejected e, UriInfo uri) {
        return respond(ProblemException.conflict(e.getMessage()), uri);
    }

    static Response respond(ProblemException e, UriInfo uri) {
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(uri.getPath())).build();
    }

}
