package org.amity.sharing.adapters.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.amity.common.security.CurrentCaller;
import org.amity.common.security.Roles;
import org.amity.sharing.application.ReferralService;
import org.amity.sharing.domain.Referral;
import org.amity.sharing.domain.SharingLevel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inbox of referrals shared with the caller's organisation (police liaison officers, partner charities). */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.REFERRAL_HANDLER)
public class ReferralResource {

    /** One page of referrals. */
    public record ReferralPage(List<ReferralResponse> items, int page, int size, long total) {
    }

    public record DeclineRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record OutcomeRequest(@NotNull @Min(0) @Max(22) Integer homeOfficeOutcome) {
    }

    @Inject
    ReferralService service;

    @Inject
    CurrentCaller caller;

    @Inject
    ReferralViews views;

    @GET
    @Operation(summary = "Referrals shared with your organisation, newest first; filter by status, level, overdue")
    public ReferralPage list(@QueryParam("status") @Pattern(regexp = "shared|acknowledged|accepted|declined|closed|revoked") String status,
            @QueryParam("level") @Pattern(regexp = "identifiable|anonymised") String level,
            @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        ReferralService.Page found = service.list(caller.get(),
                status == null ? null : Referral.Status.valueOf(status.toUpperCase()),
                level == null ? null : SharingLevel.valueOf(level.toUpperCase()), overdue, page, size);
        return new ReferralPage(found.items().stream().map(views::response).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Referrals not acknowledged within one working day")
    public ReferralPage overdue(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return list(null, null, true, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One referral shared with your organisation")
    public ReferralResponse get(@PathParam("id") UUID id) {
        return views.response(service.get(id, caller.get()));
    }

    @POST
    @Path("/{id}/acknowledgement")
    public ReferralResponse acknowledge(@PathParam("id") UUID id) {
        return views.response(service.acknowledge(id, caller.get()));
    }

    @POST
    @Path("/{id}/acceptance")
    public ReferralResponse accept(@PathParam("id") UUID id) {
        return views.response(service.accept(id, caller.get()));
    }

    @POST
    @Path("/{id}/decline")
    public ReferralResponse decline(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request) {
        return views.response(service.decline(id, request.reason(), caller.get()));
    }

    @POST
    @Path("/{id}/closure")
    public ReferralResponse close(@PathParam("id") UUID id) {
        return views.response(service.close(id, caller.get()));
    }

    @POST
    @Path("/{id}/outcome")
    @Operation(summary = "Record the Home Office outcome type (0 to 22); it returns to the case when the agreement allows")
    public ReferralResponse outcome(@PathParam("id") UUID id, @Valid @NotNull OutcomeRequest request) {
        return views.response(service.recordOutcome(id, request.homeOfficeOutcome(), caller.get()));
    }
}
