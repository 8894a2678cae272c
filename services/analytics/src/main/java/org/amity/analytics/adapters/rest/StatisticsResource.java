package org.amity.analytics.adapters.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.amity.analytics.application.Figures;
import org.amity.analytics.domain.DisclosedTable;
import org.amity.analytics.domain.Dimension;
import org.amity.analytics.domain.Period;
import org.amity.analytics.domain.Scope;
import org.amity.common.problem.ProblemException;
import org.amity.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Counts, never people, in the caller's scope (from the token's organisation): analysts see their county, police
 * their force area, a housing provider its own reports. Small counts are suppressed.
 */
@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
@SecurityRequirement(name = "bearer")
@RolesAllowed({ Roles.ANALYST, Roles.CASE_WORKER })
public class StatisticsResource {

    /** A table with what it covers. */
    public record View(String area, String period, String from, String to, DisclosedTable table) {
    }

    @Inject
    Queries queries;

    @Inject
    Figures figures;

    @GET
    @Path("/tables/{dimension}")
    @Operation(summary = "Incidents by a dimension, by district or by month, for a period",
            description = "dimension: strand, sub-category, incident-type, classification, source-type, outcome,"
                    + " housing-outcome, repeat, contact-target. period: 2024-05, FY2017-18, FY2017-18-Q1 or"
                    + " R12-2024-05 (default: the twelve months to this month). by: district (default) or month."
                    + " strand narrows the rows of a strand or sub-category table.")
    public View table(@PathParam("dimension") String dimension, @QueryParam("period") String period,
            @QueryParam("district") String district, @QueryParam("strand") String strand,
            @QueryParam("by") @DefaultValue("district") String by) {
        Dimension d = queries.dimension("dimension", dimension);
        Scope scope = queries.scope(district);
        Period p = queries.period(period);
        String onlyStrand = queries.strand(strand);
        DisclosedTable table = switch (by) {
            case "district" -> figures.byDistrict(scope, d, p);
            case "month" -> figures.byMonth(scope, d, p);
            default -> throw ProblemException.invalid("by", "must be district or month");
        };
        if (onlyStrand != null) {
            table = new DisclosedTable(table.rowDimension(), table.columnDimension(), table.columns(),
                    table.rows().stream().filter(r -> r.value().equals(onlyStrand)
                            || r.value().startsWith(onlyStrand + "/")).toList(),
                    table.totals(), table.note());
        }
        return new View(scope.area(), p.label(), p.firstDay().toString(), p.endDay().toString(), table);
    }

    @GET
    @Path("/home-office")
    @Operation(summary = "Home Office-style table: incidents by strand for a financial year",
            description = "year: FY2017-18. Rows are strands, columns districts; the total column is the area's.")
    public View homeOffice(@QueryParam("year") String year) {
        if (year == null || !year.matches("FY\\d{4}-\\d{2}")) {
            throw ProblemException.invalid("year", "must be a financial year such as FY2017-18");
        }
        Scope scope = queries.scope(null);
        Period p = queries.period(year);
        return new View(scope.area(), p.label(), p.firstDay().toString(), p.endDay().toString(),
                figures.byDistrict(scope, Dimension.STRAND, p));
    }

    @GET
    @Path("/rolling-year")
    @Operation(summary = "Twelve months to a month against the twelve before, with the change in percent",
            description = "to: the last month (2024-05; default this month). dimension: default strand.")
    public Figures.Comparison rollingYear(@QueryParam("to") String to,
            @QueryParam("dimension") @DefaultValue("strand") String dimension,
            @QueryParam("district") String district) {
        Dimension d = queries.dimension("dimension", dimension);
        Scope scope = queries.scope(district);
        Period p = to == null ? queries.period(null) : Period.parse("R12-" + to)
                .orElseThrow(() -> ProblemException.invalid("to", "must be a month such as 2024-05"));
        return figures.compare(scope, d, p);
    }
}
