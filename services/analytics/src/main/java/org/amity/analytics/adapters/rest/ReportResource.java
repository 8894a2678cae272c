package org.amity.analytics.adapters.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.amity.analytics.application.Figures;
import org.amity.analytics.domain.Dimension;
import org.amity.analytics.domain.Period;
import org.amity.analytics.domain.Scope;
import org.amity.common.problem.ProblemException;
import org.amity.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Downloadable reports in the caller's scope: a housing provider's monthly executive and quarterly committee reports
 * (its policy 6.3) and the partnership report, as CSV or as an HTML page with charts drawn in inline SVG.
 */
@Path("/api/v1/reports")
@Tag(name = "Reports")
@SecurityRequirement(name = "bearer")
@RolesAllowed({ Roles.ANALYST, Roles.CASE_WORKER })
public class ReportResource {

    @Inject
    Queries queries;

    @Inject
    Figures figures;

    @GET
    @Path("/{report}.{format}")
    @Operation(summary = "A report as CSV or HTML",
            description = "report: monthly (period 2024-05), quarterly (period FY2024-25-Q1) or partnership (any period)."
                    + " format: csv or html.")
    public Response report(@PathParam("report") String report, @PathParam("format") String format,
            @QueryParam("period") String period) {
        Period p = queries.period(period);
        boolean fits = switch (report) {
            case "monthly" -> period != null && period.matches("\\d{4}-\\d{2}");
            case "quarterly" -> period != null && period.matches("FY\\d{4}-\\d{2}-Q[1-4]");
            case "partnership" -> true;
            default -> throw ProblemException.invalid("report", "must be monthly, quarterly or partnership");
        };
        if (!fits) {
            throw ProblemException.invalid("period", "a monthly report needs a month (2024-05), a quarterly one a"
                    + " quarter of a financial year (FY2024-25-Q1)");
        }
        Scope scope = queries.scope(null);
        String title = switch (report) {
            case "monthly" -> "Hate incidents: monthly executive report";
            case "quarterly" -> "Hate incidents: quarterly committee report";
            default -> "Hate incidents: partnership report";
        };
        Period trendPeriod = Period.rollingYearTo(p.to().minusMonths(1));
        List<Reports.Section> sections = new ArrayList<>();
        sections.add(new Reports.Section("Incidents by strand and district", figures.byDistrict(scope, Dimension.STRAND, p), false));
        sections.add(new Reports.Section("Trend by strand, twelve months to " + trendPeriod.to().minusMonths(1),
                figures.byMonth(scope, Dimension.STRAND, trendPeriod), true));
        sections.add(new Reports.Section("Hate crimes and non-crime incidents",
                figures.byDistrict(scope, Dimension.CLASSIFICATION, p), false));
        sections.add(new Reports.Section("Incident types", figures.byDistrict(scope, Dimension.INCIDENT_TYPE, p), false));
        sections.add(new Reports.Section("Outcomes (Home Office outcome codes)",
                figures.byDistrict(scope, Dimension.OUTCOME, p), false));
        sections.add(new Reports.Section("Housing outcomes", figures.byDistrict(scope, Dimension.HOUSING_OUTCOME, p), false));
        sections.add(new Reports.Section("Repeat victimisation", figures.byDistrict(scope, Dimension.REPEAT, p), false));
        sections.add(new Reports.Section("First contact within one working day",
                figures.byDistrict(scope, Dimension.CONTACT_TARGET, p), false));
        Reports.Document document = new Reports.Document(title, scope.area(), p.label(),
                figures.compare(scope, Dimension.STRAND, trendPeriod), sections);
        String file = "amity-" + report + "-" + p.label().toLowerCase() + "." + format;
        return switch (format) {
            case "csv" -> Response.ok(Reports.csv(document), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
            case "html" -> Response.ok(Reports.html(document), "text/html; charset=utf-8")
                    .header("Content-Disposition", "inline; filename=\"" + file + "\"").build();
            default -> throw ProblemException.invalid("format", "must be csv or html");
        };
    }

}
