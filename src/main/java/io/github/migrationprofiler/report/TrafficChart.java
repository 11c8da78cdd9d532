package io.github.migrationprofiler.report;

import io.github.migrationprofiler.result.Traffic;

import java.util.Locale;

/**
 * The traffic pass as an inline SVG: the slowest query of every 100 ms (red where one of them
 * waited on the migration's locks), on a logarithmic latency axis, with the migration's start,
 * the moment it got its locks and its end marked.
 */
final class TrafficChart {

    private static final int LEFT = 60;
    private static final int WIDTH = 620;
    private static final int TOP = 10;
    private static final int HEIGHT = 150;

    private TrafficChart() {
    }

    static String svg(Traffic t) {
        if (t.timeline().isEmpty()) {
            return "";
        }
        double from = t.timeline().get(0).atMillis();
        double to = t.timeline().get(t.timeline().size() - 1).atMillis() + 100;
        double slowest = Math.max(10, t.timeline().stream().mapToDouble(Traffic.Step::maxMillis).max().orElse(10));
        double top = Math.log10(slowest * 1.5);
        double bottom = Math.log10(0.1);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg role=\"img\" aria-label=\"Query latency during the "
                + "migration\" width=\"100%%\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\" style=\"max-width:700px\">%n",
                LEFT + WIDTH + 20, TOP + HEIGHT + 36));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#d0d7de\"/>%n",
                LEFT, TOP, WIDTH, HEIGHT));
        double barWidth = Math.max(1, WIDTH * 100 / (to - from) - 1);
        for (Traffic.Step step : t.timeline()) {
            if (step.queries() == 0) {
                continue;
            }
            double x = LEFT + WIDTH * (step.atMillis() - from) / (to - from);
            double y = TOP + HEIGHT * (top - Math.log10(Math.max(0.1, step.maxMillis()))) / (top - bottom);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%d "
                            + "queries, slowest %s%s</title></rect>%n", x, y, barWidth, TOP + HEIGHT - y,
                    step.blocked() > 0 ? "#cf222e" : "#8c959f", step.queries(), Format.millis(step.maxMillis()),
                    step.blocked() > 0 ? HtmlReport.esc(", " + step.blocked() + " waited on the migration's locks") : ""));
        }
        mark(svg, "start", 0, from, to);
        if (t.lockAcquiredMillis() > 0) {
            mark(svg, "locks", t.lockAcquiredMillis(), from, to);
        }
        mark(svg, t.retryNeeded() ? "gave up" : "commit", t.commitMillis(), from, to);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#59636e\" text-anchor=\"end\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#59636e\" text-anchor=\"end\">0.1 ms</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#59636e\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#59636e\" text-anchor=\"end\">+%s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#59636e\">slowest query per 100 ms · "
                        + "<tspan fill=\"#cf222e\">■</tspan> one waited on the migration&#39;s locks</text>%n",
                LEFT - 4, TOP + 10, Format.millis(Math.pow(10, top)), LEFT - 4, TOP + HEIGHT, LEFT, TOP + HEIGHT + 14,
                Format.millis(from), LEFT + WIDTH, TOP + HEIGHT + 14, Format.millis(to), LEFT, TOP + HEIGHT + 30));
        return svg.append("</svg>\n").toString();
    }

    private static void mark(StringBuilder svg, String label, double at, double from, double to) {
        double x = LEFT + WIDTH * (at - from) / (to - from);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#0969da\" stroke-dasharray=\"3 2\"/>"
                + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#0969da\">%s</text>%n", x, TOP, x, TOP + HEIGHT, x + 2, TOP + 10, label));
    }
}
