package org.amity.sharing.adapters.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.amity.common.security.CurrentCaller;
import org.amity.common.security.Roles;
import org.amity.sharing.adapters.rest.AgreementDtos.AgreementRequest;
import org.amity.sharing.adapters.rest.AgreementDtos.AgreementResponse;
import org.amity.sharing.adapters.rest.AgreementDtos.ReasonRequest;
import org.amity.sharing.application.AgreementService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Data-sharing agreements: agreement administrators of a party draft, edit, sign (for their own organisation),
 * suspend, resume and terminate them; parties' referral handlers and data protection officers read them.
 */
@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.AGREEMENT_ADMIN)
public class AgreementResource {

    @Inject
    AgreementService service;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Draft an agreement your organisation is a party to")
    public Response draft(@Valid @NotNull AgreementRequest request) {
        return Response.status(201).entity(AgreementResponse.of(service.draft(request.terms(), caller.get()))).build();
    }

    @GET
    @RolesAllowed({Roles.AGREEMENT_ADMIN, Roles.REFERRAL_HANDLER, Roles.DATA_PROTECTION_OFFICER})
    @Operation(summary = "The agreements your organisation is a party to (newest versions)")
    public List<AgreementResponse> list() {
        return service.list(caller.get()).stream().map(AgreementResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGREEMENT_ADMIN, Roles.REFERRAL_HANDLER, Roles.DATA_PROTECTION_OFFICER})
    public AgreementResponse get(@PathParam("id") UUID id) {
        return AgreementResponse.of(service.get(id, caller.get()));
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Roles.AGREEMENT_ADMIN, Roles.REFERRAL_HANDLER, Roles.DATA_PROTECTION_OFFICER})
    public AgreementResponse version(@PathParam("id") UUID id, @PathParam("version") @Min(1) @Max(100000) int version) {
        return AgreementResponse.of(service.version(id, version, caller.get()));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Edit a draft (a new version; signatures are cleared)")
    public AgreementResponse edit(@PathParam("id") UUID id, @Valid @NotNull AgreementRequest request) {
        return AgreementResponse.of(service.edit(id, request.terms(), caller.get()));
    }

    @POST
    @Path("/{id}/signatures")
    @Operation(summary = "Sign for your own organisation; active once every party has signed")
    public AgreementResponse sign(@PathParam("id") UUID id) {
        return AgreementResponse.of(service.sign(id, caller.get()));
    }

    @POST
    @Path("/{id}/suspension")
    public AgreementResponse suspend(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return AgreementResponse.of(service.suspend(id, request.reason(), caller.get()));
    }

    @POST
    @Path("/{id}/resumption")
    public AgreementResponse resume(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return AgreementResponse.of(service.resume(id, request.reason(), caller.get()));
    }

    @POST
    @Path("/{id}/termination")
    public AgreementResponse terminate(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return AgreementResponse.of(service.terminate(id, request.reason(), caller.get()));
    }
}
