/*
 * Copyright 2026 the Plimsoll authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.plimsoll.report;

import static dev.plimsoll.report.Html.h;

import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.HttpTimeline;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.RunTimeline;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests by name, most frequent first: counts, error rate and percentiles over the run, and sparklines of p95 and
 * of the error rate (inline SVG drawn here, so they need no script and print as they are; each names its request in
 * its title, escaped like every other text).
 */
final class RequestsHtml {
    /** Rows shown; the rest are counted. */
    static final int MAX_ROWS = 50;

    private static final int SPARK_POINTS = 60;
    private static final int W = 120;
    private static final int H = 26;

    private RequestsHtml() {}

    static void write(Writer out, RunTimeline t) throws IOException {
        Map<String, HttpTimeline> names = t.byName();
        if (names.isEmpty()) {
            return;
        }
        DisplayGrid g = DisplayGrid.of(t, SPARK_POINTS);
        String per = SeriesLabels.period(g.step);
        out.write(
                "<section id=\"requests\" aria-labelledby=\"requests-h\"><h2 id=\"requests-h\">Requests by name</h2>\n"
                        + "<div class=\"scroll\"><table class=\"requests\"><tr><th scope=\"col\">name</th>"
                        + "<th scope=\"col\" class=\"n\">requests</th><th scope=\"col\" class=\"n\">failed</th>"
                        + "<th scope=\"col\" class=\"n\">error rate</th><th scope=\"col\" class=\"n\">p50 ms</th>"
                        + "<th scope=\"col\" class=\"n\">p90 ms</th><th scope=\"col\" class=\"n\">p95 ms</th>"
                        + "<th scope=\"col\" class=\"n\">p99 ms</th><th scope=\"col\" class=\"n\">max ms</th>"
                        + "<th scope=\"col\">p95 over the run (per " + per
                        + ")</th><th scope=\"col\">error rate over the run</th>"
                        + "</tr>\n");
        List<Map.Entry<String, HttpTimeline>> sorted = names.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, HttpTimeline> e) ->
                                e.getValue().totalRequests())
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .toList();
        for (var e : sorted.subList(0, Math.min(MAX_ROWS, sorted.size()))) {
            String name = e.getKey();
            HttpTimeline h = e.getValue();
            Distribution d = h.distribution(LoadMetrics.REQUEST_DURATION);
            double[] p95 = g.percentiles(h.metric(LoadMetrics.REQUEST_DURATION), false, 95)[0].value();
            double[] failed = g.mean(h.failed()).value();
            double[] requests = g.mean(h.requests()).value();
            double[] rate = new double[failed.length];
            for (int i = 0; i < rate.length; i++) {
                rate[i] = requests[i] > 0 ? 100 * failed[i] / requests[i] : Double.NaN;
            }
            out.write("<tr><th scope=\"row\">" + h(name) + "</th><td class=\"n\">" + Html.count(h.totalRequests())
                    + "</td><td class=\"n\">" + Html.count(h.totalFailed()) + "</td><td class=\"n\">"
                    + h(Html.percent(Double.isNaN(h.errorRate()) ? 0 : h.errorRate())) + "</td><td class=\"n\">"
                    + Html.ms(d.percentile(50)) + "</td><td class=\"n\">" + Html.ms(d.percentile(90))
                    + "</td><td class=\"n\">" + Html.ms(d.percentile(95)) + "</td><td class=\"n\">"
                    + Html.ms(d.percentile(99)) + "</td><td class=\"n\">" + Html.ms(d.max()) + "</td><td>"
                    + sparkline(p95, Charts.BLUE, "p95 of " + name + " per " + per, "ms") + "</td><td>"
                    + (h.totalFailed() == 0
                            ? "<span class=\"none\">none failed</span>"
                            : sparkline(rate, Charts.VERMILION, "error rate of " + name + " per " + per, "%"))
                    + "</td></tr>\n");
        }
        out.write("</table></div>\n");
        if (sorted.size() > MAX_ROWS) {
            out.write("<p class=\"meta\">" + (sorted.size() - MAX_ROWS) + " less frequent names are not shown.</p>\n");
        }
        out.write("</section>\n");
    }

    /** An inline SVG sparkline scaled to its own range from 0; gaps (NaN) break the line. */
    static String sparkline(double[] v, String color, String what, String unit) {
        double max = 0;
        double min = Double.NaN;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                max = Math.max(max, x);
                min = Double.isNaN(min) ? x : Math.min(min, x);
                n++;
            }
        }
        String title =
                what + ": " + (n == 0 ? "no data" : Html.num(round(min)) + " to " + Html.num(round(max)) + " " + unit);
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                pen = false;
                continue;
            }
            double x = 1 + (v.length == 1 ? 0 : i * (W - 2.0) / (v.length - 1));
            double y = H - 2 - (max > 0 ? v[i] / max * (H - 4) : 0);
            d.append(pen ? "L" : "M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            pen = true;
        }
        return "<svg class=\"spark\" width=\"" + W + "\" height=\"" + H + "\" viewBox=\"0 0 " + W + " " + H
                + "\" role=\"img\" aria-label=\"" + h(title) + "\"><title>" + h(title) + "</title><path d=\""
                + d + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"1.5\"/></svg>";
    }

    private static double round(double v) {
        return Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 100) / 100.0;
    }
}
