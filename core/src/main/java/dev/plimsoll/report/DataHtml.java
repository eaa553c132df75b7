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

import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.analysis.SignalCoverage;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchedSeries;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The collapsed "Data" section: what the verdict rests on (coverage per signal group), every cloud series with its raw
 * id, query, period and coverage, the clock skew, what was read from the load tool, and how the charts were drawn.
 */
final class DataHtml {
    private DataHtml() {}

    static void write(Writer out, AnalysisResult r, Charts charts) throws IOException {
        out.write("<section id=\"data\" aria-labelledby=\"data-h\"><details><summary><h2 id=\"data-h\">Data</h2>"
                + " <span class=\"meta\">coverage, series ids, clock skew, input</span></summary>\n");
        if (!r.evidence().isEmpty()) {
            out.write("<h3>Evidence the verdict rests on</h3><table><tr><th scope=\"col\">signals</th>"
                    + "<th scope=\"col\">asked</th><th scope=\"col\" class=\"n\">coverage</th><th scope=\"col\">covered</th>"
                    + "<th scope=\"col\">basis</th><th scope=\"col\">problems</th></tr>");
            for (SignalCoverage e : r.evidence()) {
                out.write("<tr class=\"" + (e.asked() && !e.covered() ? "inconclusive" : "") + "\"><td>"
                        + h(e.group().label()) + "</td><td>" + (e.asked() ? "yes" : "no") + "</td><td class=\"n\">"
                        + h(Html.percent(e.ratio())) + "</td><td>" + (e.covered() ? "yes" : "no") + "</td><td><code>"
                        + h(String.join(", ", e.basis())) + "</code></td><td>" + h(String.join("; ", e.problems()))
                        + "</td></tr>");
            }
            out.write("</table>\n");
        }
        Map<String, Coverage> coverage = new LinkedHashMap<>();
        for (Coverage c : r.coverage()) {
            coverage.putIfAbsent(c.queryId(), c);
        }
        TimeWindow window = r.aligned().run().window();
        if (!r.aligned().cloud().isEmpty() || !coverage.isEmpty()) {
            out.write(
                    "<h3>Cloud series</h3><div class=\"scroll\"><table class=\"series\"><tr><th scope=\"col\">series</th>"
                            + "<th scope=\"col\">id</th><th scope=\"col\">query</th><th scope=\"col\">signal</th>"
                            + "<th scope=\"col\" class=\"n\">period</th><th scope=\"col\" class=\"n\">points in the run</th>"
                            + "<th scope=\"col\" class=\"n\">fetched / expected</th><th scope=\"col\">notes</th></tr>");
            Set<String> shown = new LinkedHashSet<>();
            for (FetchedSeries s : r.aligned().cloud()) {
                Coverage c = coverage.get(s.queryId());
                shown.add(s.queryId());
                out.write("<tr><td>" + h(SeriesLabels.of(s)) + "</td><td><code>" + h(s.id().toString())
                        + "</code></td><td><code>" + h(s.queryId()) + "</code></td><td>"
                        + h(s.signal().label())
                        + "</td><td class=\"n\">" + h(SeriesLabels.period(s.periodMillis())) + "</td><td class=\"n\">"
                        + s.series().slice(window).presentCount() + "</td><td class=\"n\">"
                        + (c == null ? "" : c.present() + " / " + c.expected()) + "</td><td>"
                        + (c == null ? "" : h(String.join("; ", c.messages()))) + "</td></tr>");
            }
            for (Coverage c : coverage.values()) {
                if (!shown.contains(c.queryId())) {
                    out.write("<tr class=\"inconclusive\"><td>no series</td><td></td><td><code>" + h(c.queryId())
                            + "</code></td><td></td><td></td><td class=\"n\">0</td><td class=\"n\">" + c.present()
                            + " / "
                            + c.expected() + "</td><td>" + h(String.join("; ", c.messages())) + "</td></tr>");
                }
            }
            out.write("</table></div>\n");
        }
        var skew = r.skew();
        out.write("<h3>Clock skew</h3><p>"
                + (skew.isEstimated()
                        ? h(String.format(
                                Locale.ROOT,
                                "%+.1f s (r = %.3f, from %s at %s s), applied to the cloud series before the analysis"
                                        + " and on these charts.",
                                skew.seconds(),
                                skew.correlation(),
                                skew.basis(),
                                Html.num(skew.periodSeconds())))
                        : "Not estimated: no request count from the cloud to compare the load generator's with.")
                + "</p>\n");
        IngestReport in = r.aligned().run().ingest();
        out.write("<h3>Load tool input</h3><p>"
                + h(String.join(
                        ", ", in.files().stream().map(DataHtml::fileName).toList()))
                + (in.files().isEmpty() ? "" : ": ")
                + Html.count(in.lines()) + " lines, " + Html.count(in.samples()) + " samples"
                + (in.skippedLines() > 0 ? ", " + Html.count(in.skippedLines()) + " malformed lines skipped" : "")
                + ".</p>\n");
        if (!in.warnings().isEmpty()) {
            out.write("<ul>");
            for (String w : in.warnings()) {
                out.write("<li>" + h(w) + "</li>");
            }
            out.write("</ul>\n");
        }
        DisplayGrid g = charts.grid;
        out.write("<h3>Charts</h3><p>"
                + (g.coarse()
                        ? h("Drawn at " + SeriesLabels.period(g.step) + " steps (" + g.size
                                + " points per series) from "
                                + "the run's " + SeriesLabels.period(g.bucket) + " buckets: rates are means per step"
                                + " with the min–max of the buckets shaded, percentiles are computed per step from the"
                                + " merged histograms. The JSON report keeps the full resolution.")
                        : h("Drawn at the run's own resolution (" + SeriesLabels.period(g.bucket) + ", " + g.size
                                + " points per series)."))
                + h(" Cloud series are steps over their own periods: a value covers [t, t + period).") + "</p>\n");
        out.write("</details></section>\n");
    }

    /** A file's name without its folder: the report stays the same wherever the input was unpacked. */
    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }
}
