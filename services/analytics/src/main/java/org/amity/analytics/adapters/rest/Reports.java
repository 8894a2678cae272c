package org.amity.analytics.adapters.rest;

import java.util.List;

import org.amity.analytics.application.Figures;
import org.amity.analytics.domain.DisclosedTable;

/** Renders a report as CSV (sections one after another) or as HTML with inline SVG charts (no scripts, no CDN). */
final class Reports {

    static final String SUPPRESSED = "[c]";

    record Section(String title, DisclosedTable table, boolean chart) {
    }

    record Document(String title, String area, String period, Figures.Comparison rollingYear, List<Section> sections) {
    }

    private Reports() {
    }

    static String csv(Document d) {
        StringBuilder out = new StringBuilder();
        line(out, List.of(d.title()));
        line(out, List.of("area", d.area()));
        line(out, List.of("period", d.period()));
        line(out, List.of("suppressed counts are shown as " + SUPPRESSED));
        out.append('\n');
        line(out, List.of("Rolling twelve months " + d.rollingYear().period() + " against " + d.rollingYear().previousPeriod()));
        line(out, List.of("strand", "this year", "previous year", "change %"));
        for (Figures.Change c : rows(d.rollingYear())) {
            line(out, List.of(c.value(), figure(c.current()), figure(c.previous()),
                    c.changePercent() == null ? "" : c.changePercent().toString()));
        }
        for (Section s : d.sections()) {
            out.append('\n');
            line(out, List.of(s.title()));
            line(out, List.of(s.table().note()));
            List<String> header = new java.util.ArrayList<>(List.of(s.table().rowDimension()));
            header.addAll(s.table().columns());
            header.add("total");
            line(out, header);
            for (DisclosedTable.Row r : allRows(s.table())) {
                List<String> cells = new java.util.ArrayList<>(List.of(r.value()));
                r.cells().forEach(f -> cells.add(figure(f)));
                cells.add(figure(r.total()));
                line(out, cells);
            }
        }
        return out.toString();
    }

    private static List<Figures.Change> rows(Figures.Comparison c) {
        List<Figures.Change> rows = new java.util.ArrayList<>(c.rows());
        rows.add(c.total());
        return rows;
    }

    private static List<DisclosedTable.Row> allRows(DisclosedTable t) {
        List<DisclosedTable.Row> rows = new java.util.ArrayList<>(t.rows());
        rows.add(t.totals());
        return rows;
    }

    private static String figure(DisclosedTable.Figure f) {
        return f.suppressed() ? SUPPRESSED : f.incidents().toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            // quote always; a leading =, +, - or @ would be a formula to a spreadsheet
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+")) {
                c = "'" + c;
            }
            out.append(i == 0 ? "" : ",").append('"').append(c.replace("\"", "\"\"")).append('"');
        }
        out.append('\n');
    }

    static String html(Document d) {
        StringBuilder out = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title><style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:72rem}
                table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:right}
                th:first-child,td:first-child{text-align:left}.note{color:#555;font-size:.9rem}
                .up{color:#a00}.down{color:#060}</style></head><body>
                <h1>%s</h1><p>%s &middot; %s &middot; suppressed counts are shown as %s</p>
                """.formatted(esc(d.title()), esc(d.title()), esc(d.area()), esc(d.period()), SUPPRESSED));
        Figures.Comparison r = d.rollingYear();
        out.append("<h2>Rolling twelve months against the previous twelve</h2><table><tr><th>strand</th><th>")
                .append(esc(r.period())).append("</th><th>").append(esc(r.previousPeriod())).append("</th><th>change</th></tr>");
        for (Figures.Change c : rows(r)) {
            String change = c.changePercent() == null ? "" : (c.changePercent() > 0 ? "+" : "") + c.changePercent() + "%";
            out.append("<tr><td>").append(esc(c.value())).append("</td><td>").append(figure(c.current()))
                    .append("</td><td>").append(figure(c.previous())).append("</td><td class=\"")
                    .append(c.changePercent() == null ? "" : c.changePercent() > 0 ? "up" : "down").append("\">")
                    .append(change).append("</td></tr>");
        }
        out.append("</table><p class=\"note\">").append(esc(r.note())).append("</p>");
        for (Section s : d.sections()) {
            out.append("<h2>").append(esc(s.title())).append("</h2>");
            out.append(s.chart() ? Charts.lines(s.table()) : Charts.bars(s.table()));
            out.append("<table><tr><th>").append(esc(s.table().rowDimension())).append("</th>");
            s.table().columns().forEach(c -> out.append("<th>").append(esc(c)).append("</th>"));
            out.append("<th>total</th></tr>");
            for (DisclosedTable.Row row : allRows(s.table())) {
                out.append("<tr><td>").append(esc(row.value())).append("</td>");
                row.cells().forEach(f -> out.append("<td>").append(figure(f)).append("</td>"));
                out.append("<td>").append(figure(row.total())).append("</td></tr>");
            }
            out.append("</table><p class=\"note\">").append(esc(s.table().note())).append("</p>");
        }
        return out.append("</body></html>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
