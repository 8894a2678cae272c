package org.amity.analytics.adapters.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.amity.analytics.application.TensionWatch;
import org.amity.analytics.domain.Scope;
import org.amity.analytics.domain.Statistics;
import org.amity.analytics.domain.TensionMonitor;
import org.amity.common.problem.ProblemException;
import org.amity.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Community tension: days when a strand's incidents in a district rose well above their baseline. */
@Path("/api/v1/tension/spikes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tension")
@SecurityRequirement(name = "bearer")
@RolesAllowed({ Roles.ANALYST, Roles.CASE_WORKER })
public class TensionResource {

    public record Page(String area, LocalDate from, LocalDate to, int page, int size, int total,
            List<TensionMonitor.Spike> spikes) {
    }

    @Inject
    Queries queries;

    @Inject
    Statistics statistics;

    @Inject
    TensionWatch watch;

    @GET
    @Operation(summary = "Spikes in [from, to) (default: the last 28 days), newest first, in the caller's area",
            description = "Filter by strand and district; pages of size (at most 200) from page 0.")
    public Page spikes(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("strand") String strand, @QueryParam("district") String district,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Scope scope = queries.scope(district);
        String onlyStrand = queries.strand(strand);
        LocalDate end = to == null ? LocalDate.now().plusDays(1) : to;
        LocalDate start = from == null ? end.minusDays(28) : from;
        if (!start.isBefore(end) || start.isBefore(end.minusDays(366))) {
            throw ProblemException.invalid("from", "must be before to, at most a year before");
        }
        List<TensionMonitor.Spike> all = statistics.spikes(scope, onlyStrand, start, end, watch.monitor());
        int first = Math.min(all.size(), page * size);
        return new Page(scope.area(), start, end, page, size, all.size(),
                all.subList(first, Math.min(all.size(), first + size)));
    }
}
