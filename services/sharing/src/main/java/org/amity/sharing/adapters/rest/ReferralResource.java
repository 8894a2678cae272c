package org.amity.sharing.adapters.rest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

import org.amity.common.security.CurrentCaller;
import org.amity.common.security.Roles;
import org.amity.contracts.EventCodec;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.VictimDetails;
import org.amity.sharing.application.SharingService;
import org.amity.sharing.domain.Referral;
import org.amity.sharing.domain.SharingLevel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inbox of referrals shared with the caller's organisation (police liaison officers, partner charities). */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.REFERRAL_HANDLER)
public class ReferralResource {

    /** One page of referrals. */
    public record ReferralPage(List<ReferralResponse> items, int page, int size, long total) {
    }

    @Inject
    SharingService service;

    @Inject
    CurrentCaller caller;

    @Inject
    PersonalDataCipher cipher;

    @GET
    @Operation(summary = "Referrals shared with your organisation, newest first")
    public ReferralPage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        SharingService.Page found = service.list(caller.get(), page, size);
        return new ReferralPage(found.items().stream().map(this::response).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One referral shared with your organisation")
    public ReferralResponse get(@PathParam("id") UUID id) {
        return response(service.get(id, caller.get()));
    }

    private ReferralResponse response(Referral referral) {
        if (referral.level() != SharingLevel.IDENTIFIABLE || referral.sealedPersonalData() == null) {
            return ReferralResponse.of(referral, null);
        }
        EncryptedPersonalData victimPart = Arrays.stream(EventCodec.read(
                referral.sealedPersonalData().getBytes(StandardCharsets.UTF_8), EncryptedPersonalData[].class))
                .filter(p -> VictimDetails.ROLE.equals(p.subjectRole())).findFirst().orElse(null);
        if (victimPart == null) {
            return ReferralResponse.of(referral, null);
        }
        ReferralResponse.Victim victim = cipher.open(victimPart)
                .map(bytes -> EventCodec.read(bytes, VictimDetails.class))
                .map(d -> new ReferralResponse.Victim(d.name(), d.email(), d.phone(), d.preferredContact(), null))
                .orElse(new ReferralResponse.Victim(null, null, null, null, true));
        return ReferralResponse.of(referral, victim);
    }
}
