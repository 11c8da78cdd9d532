package io.github.migrationprofiler.report;

import io.github.migrationprofiler.result.Projection;

import java.util.Locale;

/**
 * A projection as an inline SVG: the measured points, the fitted curve from the smallest size to
 * production's, and the projected runtime with its range. Both axes are logarithmic, so that
 * points at 10,000 rows and a projection at 40,000,000 fit one chart, and straight lines of
 * different slopes tell linear from faster growth.
 */
final class ProjectionChart {

    private static final int LEFT = 70;
    private static final int WIDTH = 600;
    private static final int TOP = 10;
    private static final int HEIGHT = 200;

    private ProjectionChart() {
    }

    static String svg(Projection p) {
        if (p.points().isEmpty() || p.rows() <= 0) {
            return "";
        }
        double minRows = Math.max(1, Math.min(p.points().get(0).rows(), p.rows()));
        double maxRows = Math.max(minRows * 10, p.rows());
        double minMillis = Math.max(0.01, Math.min(p.lowMillis(), p.points().stream().mapToDouble(Projection.Point::millis).min().orElse(1)));
        double maxMillis = Math.max(minMillis * 10, Math.max(p.highMillis(), p.points().stream().mapToDouble(Projection.Point::millis)
                .max().orElse(1)));
        Axes axes = new Axes(Math.log10(minRows), Math.log10(maxRows), Math.log10(minMillis / 1.5), Math.log10(maxMillis * 1.5));
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg role=\"img\" aria-label=\"Runtime against rows, "
                + "measured and projected\" width=\"100%%\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "style=\"max-width:700px\">%n", LEFT + WIDTH + 20, TOP + HEIGHT + 36));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#d0d7de\"/>%n",
                LEFT, TOP, WIDTH, HEIGHT));
        StringBuilder curve = new StringBuilder();
        for (int i = 0; i <= 40; i++) {
            double log = axes.minX + (Math.log10(p.rows()) - axes.minX) * i / 40;
            double millis = p.at(Math.round(Math.pow(10, log)));
            if (millis > 0) {
                curve.append(curve.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", axes.x(Math.pow(10, log)),
                        axes.y(millis)));
            }
        }
        svg.append("<path d=\"").append(curve).append("\" fill=\"none\" stroke=\"#8c959f\" stroke-dasharray=\"4 3\"/>\n");
        for (Projection.Point point : p.points()) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#0969da\"><title>%s at %s rows (measured)"
                    + "</title></circle>%n", axes.x(point.rows()), axes.y(point.millis()), Format.millis(point.millis()),
                    Format.count(point.rows())));
        }
        double x = axes.x(p.rows());
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#cf222e\" stroke-width=\"2\"/>"
                        + "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#cf222e\"><title>%s</title></circle>%n",
                x, axes.y(p.lowMillis()), x, axes.y(p.highMillis()), x, axes.y(p.millis()), HtmlReport.esc(p.describe())));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#59636e\">%s rows</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#59636e\" text-anchor=\"end\">%s rows</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#59636e\" text-anchor=\"end\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#59636e\" text-anchor=\"end\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#59636e\"><tspan fill=\"#0969da\">●</tspan> measured  "
                        + "<tspan fill=\"#cf222e\">●</tspan> projected, with its range  ┄ fitted: %s</text>%n",
                LEFT, TOP + HEIGHT + 14, Format.count((long) minRows), LEFT + WIDTH, TOP + HEIGHT + 14, Format.count((long) maxRows),
                LEFT - 4, TOP + 10, Format.millis(Math.pow(10, axes.maxY)), LEFT - 4, TOP + HEIGHT, Format.millis(Math.pow(10, axes.minY)),
                LEFT, TOP + HEIGHT + 30, p.model().json()));
        return svg.append("</svg>\n").toString();
    }

    /** Log-scaled axes onto the plot area. */
    private record Axes(double minX, double maxX, double minY, double maxY) {

        double x(double rows) {
            return LEFT + WIDTH * (Math.log10(Math.max(1, rows)) - minX) / Math.max(1e-9, maxX - minX);
        }

        double y(double millis) {
            double log = Math.log10(Math.max(Math.pow(10, minY), millis));
            return TOP + HEIGHT - HEIGHT * (log - minY) / Math.max(1e-9, maxY - minY);
        }
    }
}
