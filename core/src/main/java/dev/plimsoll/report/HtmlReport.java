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
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTotals;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * One self-contained HTML file, readable offline and attachable to a CI run (uPlot's script and style inlined from its
 * webjar, nothing fetched): the verdict and its figures at the top ({@link Headline}); one time axis for every chart
 * ({@link Charts}: load, capacity, latency by tier, errors by class, p95 by request name — equal plot widths, one
 * cursor, zoom on one zooms all, times in UTC or the zone of {@link ReportOptions}); the findings with their evidence,
 * each zooming the charts to its span; requests by name with sparklines; gates, k6 thresholds and checks; and a
 * collapsed "Data" section with the raw series ids and coverage.
 *
 * <p>Every value from the inputs (request names, tags, queries) is escaped: HTML text through {@link Html#h}, the chart
 * data as JSON inside a {@code script type="application/json"} element with {@code <}, {@code >} and {@code &} written
 * as Unicode escapes, and the page's script sets text only through {@code textContent}. So a k6 request named
 * {@code </script><script>…} stays text in the table, the legend and the sparkline's title.
 *
 * <p>Deterministic: the same analysis gives the same bytes (no clock, no locale, no random ids).
 */
final class HtmlReport {
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String ASSETS = "/dev/plimsoll/report/";

    private HtmlReport() {}

    static void write(Report report, Writer out, ReportOptions options) throws IOException {
        AnalysisResult r = report.result();
        LoadRun run = r.aligned().run();
        ReportClock clock = new ReportClock(options.zone(), run.window());
        Charts charts = Charts.of(r, DisplayGrid.MAX_POINTS);
        Verdict verdict = report.verdict();
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Plimsoll: " + h(report.title()) + " — " + verdict.id() + "</title>\n<style>"
                + Html.resource(UPLOT + "uPlot.min.css") + "\n" + Html.resource(ASSETS + "report.css")
                + "</style>\n</head>"
                + "<body data-charts-drawn=\"0\" data-charts=\"" + charts.charts.size() + "\">\n");
        out.write("<header><h1>Plimsoll: " + h(report.title()) + "</h1>\n");
        out.write("<p class=\"run\">" + h(runLine(r, clock)) + "</p></header>\n<main>\n");
        Headline.write(out, report, clock);
        chartsSection(out, charts, clock);
        FindingsHtml.write(out, r.findings(), clock);
        RequestsHtml.write(out, run.timeline());
        ChecksHtml.thresholds(out, run);
        ChecksHtml.gates(out, report.gates());
        DataHtml.write(out, r, charts);
        out.write("</main>\n");
        out.write("<script id=\"plimsoll-data\" type=\"application/json\">" + charts.json(clock) + "</script>\n");
        out.write("<script>" + Html.resource(UPLOT + "uPlot.iife.min.js") + "</script>\n<script>"
                + Html.resource(ASSETS + "report.js") + "</script>\n");
        out.write("</body></html>\n");
    }

    private static String runLine(AnalysisResult r, ReportClock clock) {
        LoadRun run = r.aligned().run();
        RunTotals t = run.totals();
        long seconds = run.window().duration().toSeconds();
        String skew = r.skew().isEstimated()
                ? String.format(
                        Locale.ROOT,
                        " · clock skew %+.1f s (r = %.3f), applied to the cloud series",
                        r.skew().seconds(),
                        r.skew().correlation())
                : "";
        return SeriesLabels.source(run.tool()) + " run " + run.id() + " · "
                + clock.dateTime(run.window().start())
                + " → " + clock.time(run.window().end()) + " " + clock.label() + " (" + Html.duration(seconds) + ") · "
                + Html.count(t.requests()) + " requests · " + t.vusMax() + " VUs max"
                + (t.droppedIterations() > 0 ? " · " + Html.count(t.droppedIterations()) + " dropped iterations" : "")
                + skew;
    }

    private static void chartsSection(Writer out, Charts charts, ReportClock clock) throws IOException {
        out.write("<section id=\"charts\" aria-labelledby=\"charts-h\"><h2 id=\"charts-h\">Timeline</h2>\n");
        if (charts.charts.isEmpty()) {
            out.write("<p>The run holds no samples to chart.</p>\n</section>\n");
            return;
        }
        out.write("<p class=\"hint\">Times in <b>" + h(clock.label()) + "</b>. Drag across any chart to zoom all of"
                + " them; double-click a chart or <button type=\"button\" id=\"reset-zoom\">show the whole run</button>."
                + " Numbered marks are the findings below; a finding's time button zooms to it. Cloud series are"
                + " drawn as steps over the period each value averages.</p>\n");
        for (Charts.Chart c : charts.charts) {
            String id = "chart-" + c.id();
            out.write("<figure class=\"chart\" id=\"" + id + "\" aria-labelledby=\"" + id + "-t\"><figcaption><h3 id=\""
                    + id + "-t\">" + h(c.title()) + "</h3> <span class=\"meta\">" + h(c.summary())
                    + "</span></figcaption><div class=\"plot\" role=\"img\" aria-label=\""
                    + h(c.title() + ": " + c.summary() + ", " + clock.span(charts.span()) + " " + clock.shortLabel())
                    + "\"></div><div class=\"legend\" aria-live=\"off\"></div></figure>\n");
        }
        out.write("</section>\n");
    }
}
