package org.amity.sharing.adapters.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.amity.sharing.domain.SharingPorts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Partner pull: new referrals, new versions and revocations for the caller's organisation, in order after a cursor.
 * A revocation tells the partner to delete its copy; the partner confirms what it processed, and the deletion.
 */
@Path("/api/v1/feed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feed")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.REFERRAL_HANDLER)
public class FeedResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeedItemResponse(long cursor, String kind, UUID referralId, int referralVersion, Instant at,
            Instant processedAt, Instant deletionConfirmedAt, String action, ReferralResponse referral) {
    }

    public record FeedPage(List<FeedItemResponse> items, long nextCursor) {
    }

    public record ProcessedRequest(boolean deleted) {
    }

    @Inject
    ReferralService service;

    @Inject
    CurrentCaller caller;

    @Inject
    ReferralViews views;

    @GET
    @Operation(summary = "Items after the cursor, oldest first; pass nextCursor back as after")
    public FeedPage feed(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        List<FeedItemResponse> items = service.feed(caller.get(), after, limit).stream().map(this::item).toList();
        return new FeedPage(items, items.isEmpty() ? after : items.get(items.size() - 1).cursor());
    }

    @POST
    @Path("/{cursor}/processed")
    @Operation(summary = "Confirm an item processed; for a revocation, confirm that your copy was deleted")
    public FeedItemResponse processed(@PathParam("cursor") @Min(1) long cursor, @Valid @NotNull ProcessedRequest request) {
        SharingPorts.FeedItem item = service.processed(cursor, request.deleted(), caller.get());
        return item(new ReferralService.FeedEntry(item, null));
    }

    private FeedItemResponse item(ReferralService.FeedEntry e) {
        SharingPorts.FeedItem i = e.item();
        boolean revoked = i.kind() == SharingPorts.FeedKind.REVOKED;
        return new FeedItemResponse(i.cursor(), i.kind().name().toLowerCase(), i.referralId(), i.referralVersion(),
                i.at(), i.processedAt(), i.deletionConfirmedAt(),
                revoked ? "delete your copy of this referral and confirm" : null,
                e.referral() == null || revoked ? null : views.response(e.referral()));
    }
}
