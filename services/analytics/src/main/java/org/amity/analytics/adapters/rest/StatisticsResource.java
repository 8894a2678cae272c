package org.amity.analytics.adapters.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.amity.analytics.domain.Statistics;
import org.amity.analytics.domain.StrandCount;
import org.amity.common.problem.ProblemException;
import org.amity.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Counts for analysts: statistics only, never people. */
@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ANALYST)
public class StatisticsResource {

    /** Incidents per strand and district for a period; a multi-strand incident counts once in each of its strands. */
    public record StrandTable(LocalDate from, LocalDate to, String note, List<StrandCount> rows) {
    }

    static final String CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";

    @Inject
    Statistics statistics;

    @GET
    @Path("/incidents-by-strand")
    @Operation(summary = "Incidents received per strand and district",
            description = "Period [from, to) by date received; defaults to the last 12 months. Filter by strand and district.")
    public StrandTable byStrand(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("strand") @Size(max = 64) @Pattern(regexp = CODE, message = "must be a strand code") String strand,
            @QueryParam("district") @Size(max = 64) @Pattern(regexp = CODE, message = "must be a district code") String district) {
        LocalDate end = to == null ? LocalDate.now().plusDays(1) : to;
        LocalDate start = from == null ? end.minusYears(1) : from;
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("$.from", "must be before to");
        }
        if (start.isBefore(end.minusYears(20))) {
            throw ProblemException.invalid("$.from", "a period covers at most 20 years");
        }
        return new StrandTable(start, end,
                "An incident with several strands counts once in each; strand counts add up to more than the incidents.",
                statistics.countByStrandAndDistrict(start, end, strand, district));
    }
}
