package org.amity.sharing.adapters.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.amity.common.security.CurrentCaller;
import org.amity.common.security.Roles;
import org.amity.sharing.application.OnboardingService;
import org.amity.sharing.domain.Partner;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Onboarding partners: the Keycloak organisation, its API client and roles; the credentials are returned once. */
@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.AGREEMENT_ADMIN)
public class OrganisationResource {

    public record OnboardingRequest(
            @NotBlank @Size(min = 2, max = 40) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$") String alias,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "police|housing-provider|third-party-reporting-centre|support-charity|local-authority")
            String type,
            @NotBlank @Size(max = 200) @Pattern(regexp = "^[a-z0-9-]+(\\.[a-z0-9-]+)+$") String domain,
            @NotNull @Size(max = 20) List<@NotBlank @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$") String> strands,
            @NotBlank @Email @Size(max = 200) String contact) {
    }

    /** Shown once: the secret is not stored by the sharing service and cannot be read again. */
    public record OnboardingResponse(String alias, String clientId, String clientSecret) {
    }

    @Inject
    OnboardingService service;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Onboard a partner; its API client's secret is in this answer only")
    public Response onboard(@Valid @NotNull OnboardingRequest request) {
        var credentials = service.onboard(new Partner(request.alias(), request.name(), request.type(), request.domain(),
                request.strands(), request.contact()), caller.get());
        return Response.status(201).header("Cache-Control", "no-store")
                .entity(new OnboardingResponse(request.alias(), credentials.clientId(), credentials.clientSecret()))
                .build();
    }

    @POST
    @Path("/{alias}/offboarding")
    @Operation(summary = "Offboard a partner your organisation onboarded: its API client and organisation are disabled")
    public Response offboard(@PathParam("alias") @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$") String alias) {
        service.offboard(alias, caller.get());
        return Response.noContent().build();
    }
}
