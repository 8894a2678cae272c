package org.amity.casework.adapters.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.amity.casework.application.CaseService;
import org.amity.common.security.CurrentCaller;
import org.amity.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cases for the case workers of the organisation that owns them. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CASE_WORKER)
public class CaseResource {

    /** One page of cases. */
    public record CasePage(List<CaseResponse> items, int page, int size, long total) {
    }

    @Inject
    CaseService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Your organisation's cases, newest first")
    public CasePage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        CaseService.Page found = service.list(caller.get(), page, size);
        return new CasePage(found.items().stream().map(CaseResponse::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your organisation's cases")
    public CaseResponse get(@PathParam("id") UUID id) {
        return CaseResponse.of(service.get(id, caller.get()));
    }
}
