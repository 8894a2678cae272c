package org.amity.sharing.adapters.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.amity.sharing.application.SharingService;
import org.amity.sharing.domain.Decision;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Safeguarding overrides: a case worker of the case's owner records that identifiable data must reach a recipient
 * because of a risk to life or of serious harm, with the justification and the lawful basis. Not consent; it counts
 * only where the agreement permits overrides.
 */
@Path("/api/v1/cases/{caseId}/safeguarding-overrides")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Safeguarding overrides")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CASE_WORKER)
public class SafeguardingOverrideResource {

    public record OverrideRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = AgreementDtos.CODE) String recipient,
            @NotBlank @Size(min = 10, max = 300) String justification,
            @NotBlank @Size(max = 64) @Pattern(regexp = AgreementDtos.CODE) String lawfulBasis) {
    }

    /** The decision now in force for the recipient: identifiable only where its agreement permits overrides. */
    public record OverrideResponse(String recipient, String level, UUID agreementId, Integer agreementVersion,
            String clause, String reason) {
    }

    @Inject
    SharingService service;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Record a safeguarding override for one recipient of a case your organisation owns")
    public Response record(@PathParam("caseId") UUID caseId, @Valid @NotNull OverrideRequest request) {
        Decision d = service.recordOverride(caseId, request.recipient(), request.justification(),
                request.lawfulBasis(), caller.get());
        return Response.status(201).entity(new OverrideResponse(d.recipient(), d.level().name().toLowerCase(),
                d.agreementId(), d.agreementVersion(), d.clause(), d.reason())).build();
    }
}
