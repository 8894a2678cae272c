package org.amity.analytics.adapters.rest;

import java.util.List;

import org.amity.analytics.domain.DisclosedTable;

/** Server-side SVG charts of a disclosed table: suppressed figures are left out, never drawn. */
final class Charts {

    static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf" };

    private Charts() {
    }

    /** Horizontal bars: each row's total. */
    static String bars(DisclosedTable t) {
        List<DisclosedTable.Row> rows = t.rows();
        long max = Math.max(1, rows.stream().mapToLong(r -> value(r.total())).max().orElse(1));
        int height = 22 * rows.size() + 10;
        StringBuilder svg = new StringBuilder("<svg role=\"img\" width=\"640\" height=\"" + height
                + "\" viewBox=\"0 0 640 " + height + "\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i < rows.size(); i++) {
            DisclosedTable.Row r = rows.get(i);
            int y = 5 + 22 * i;
            long width = value(r.total()) * 400 / max;
            svg.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"12\">").append(Reports.esc(r.value()))
                    .append("</text><rect x=\"200\" y=\"").append(y).append("\" width=\"").append(width)
                    .append("\" height=\"18\" fill=\"").append(COLOURS[i % COLOURS.length]).append("\"/><text x=\"")
                    .append(205 + width).append("\" y=\"").append(y + 14).append("\" font-size=\"12\">")
                    .append(r.total().suppressed() ? Reports.SUPPRESSED : r.total().incidents()).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** One line per row across the columns (months). */
    static String lines(DisclosedTable t) {
        int n = t.columns().size();
        long max = Math.max(1, t.rows().stream().flatMap(r -> r.cells().stream()).mapToLong(Charts::value).max().orElse(1));
        StringBuilder svg = new StringBuilder("<svg role=\"img\" width=\"640\" height=\"260\" viewBox=\"0 0 640 260\""
                + " xmlns=\"http://www.w3.org/2000/svg\"><line x1=\"40\" y1=\"220\" x2=\"620\" y2=\"220\" stroke=\"#999\"/>");
        for (int j = 0; j < n; j++) {
            svg.append("<text x=\"").append(x(j, n)).append("\" y=\"236\" font-size=\"10\" text-anchor=\"middle\">")
                    .append(Reports.esc(t.columns().get(j))).append("</text>");
        }
        svg.append("<text x=\"0\" y=\"24\" font-size=\"10\">").append(max).append("</text>");
        for (int i = 0; i < t.rows().size(); i++) {
            DisclosedTable.Row r = t.rows().get(i);
            StringBuilder points = new StringBuilder();
            for (int j = 0; j < n; j++) {
                DisclosedTable.Figure f = r.cells().get(j);
                if (!f.suppressed()) {
                    points.append(x(j, n)).append(',').append(220 - f.incidents() * 200 / max).append(' ');
                }
            }
            String colour = COLOURS[i % COLOURS.length];
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                    .append(points.toString().trim()).append("\"/><text x=\"").append(40 + 80 * (i % 7))
                    .append("\" y=\"").append(252 + 0).append("\" font-size=\"10\" fill=\"").append(colour).append("\">")
                    .append(Reports.esc(r.value())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static long x(int j, int n) {
        return 40 + (n <= 1 ? 0 : j * 580L / (n - 1));
    }

    private static long value(DisclosedTable.Figure f) {
        return f.suppressed() ? 0 : f.incidents();
    }
}
