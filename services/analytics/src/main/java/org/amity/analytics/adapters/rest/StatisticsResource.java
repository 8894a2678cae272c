package org.amity.analytics.adapters.rest;

import java.util.List;

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

    /**
     * A table with what it covers.
     *
     * @param shareMet for contact-target tables: per column, then overall, the percent of contacts made within one
     *                 working day (met / (met + missed)); null where a figure it needs is suppressed
     */
    public record View(String area, String period, String from, String to, DisclosedTable table, List<Long> shareMet) {

        View(String area, String period, String from, String to, DisclosedTable table) {
            this(area, period, from, to, table, table.rowDimension().equals(Dimension.CONTACT_TARGET.code())
                    ? Figures.shareMet(table) : null);
        }
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
                    + " R12-2024-05 (default: the twelve months to this month). by: district (default), month, or"
                    + " strand (a dimension other than strand and sub-category within each strand: outcome by strand)."
                    + " strand narrows the rows of a strand or sub-category table, or the columns of a table by strand."
                    + " Contact-target tables add shareMet: percent of contacts made within one working day.")
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
            case "strand" -> {
                if (!d.crossesWithStrand()) {
                    throw ProblemException.invalid("by", "strand crosses with the other dimensions, not with "
                            + d.code());
                }
                yield figures.byStrand(scope, d, p);
            }
            default -> throw ProblemException.invalid("by", "must be district, month or strand");
        };
        if (onlyStrand != null && by.equals("strand")) {
            table = onlyColumn(table, onlyStrand);
        } else if (onlyStrand != null) {
            table = new DisclosedTable(table.rowDimension(), table.columnDimension(), table.columns(),
                    table.rows().stream().filter(r -> r.value().equals(onlyStrand)
                            || r.value().startsWith(onlyStrand + "/")).toList(),
                    table.totals(), table.note());
        }
        return new View(scope.area(), p.label(), p.firstDay().toString(), p.endDay().toString(), table);
    }

    /** The table with one of its columns (protected as a whole first, so nothing hidden comes back). */
    static DisclosedTable onlyColumn(DisclosedTable table, String column) {
        int j = table.columns().indexOf(column);
        if (j < 0) {
            return new DisclosedTable(table.rowDimension(), table.columnDimension(), List.of(), table.rows().stream()
                    .map(r -> new DisclosedTable.Row(r.value(), List.of(), r.total())).toList(),
                    new DisclosedTable.Row(table.totals().value(), List.of(), table.totals().total()), table.note());
        }
        return new DisclosedTable(table.rowDimension(), table.columnDimension(), List.of(column), table.rows().stream()
                .map(r -> new DisclosedTable.Row(r.value(), List.of(r.cells().get(j)), r.total())).toList(),
                new DisclosedTable.Row(table.totals().value(), List.of(table.totals().cells().get(j)),
                        table.totals().total()), table.note());
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
