package org.amity.sharing.adapters.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.amity.common.security.CurrentCaller;
import org.amity.common.security.Roles;
import org.amity.sharing.application.AuditService;
import org.amity.sharing.domain.AuditChain;
import org.amity.sharing.domain.AuditEntry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail (DPA 2018 s.62), for data protection officers only. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.DATA_PROTECTION_OFFICER)
public class AuditResource {

    @Inject
    AuditService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/cases/{caseId}")
    @Operation(summary = "The trail of a case, as far as it concerns your organisation (owner, recipient or actor)")
    public List<AuditEntry> trail(@PathParam("caseId") UUID caseId) {
        return service.trail(caseId, caller.get());
    }

    @POST
    @Path("/verification")
    @Operation(summary = "Verify the hash chain: names the first edited, deleted or reordered entry")
    public AuditChain.Verification verify() {
        caller.get();
        return service.verify();
    }
}
