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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.run.RunTotals;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One self-contained HTML file: uPlot's script and style inlined from its webjar (no CDN, readable offline and
 * attachable to a CI run), two charts on one time axis — load (VUs, RPS, errors) against capacity (nodes, CPU %), and
 * the latency tiers (client p95, ALB TargetResponseTime p95, backend p95) — with saturation bands, lag spans and
 * node-Ready markers drawn on them, then the findings with their evidence, the latency breakdown, gates, clock skew
 * and data coverage. Cloud series are drawn as steps over their own periods (no values invented between points).
 *
 * <p>Every value from the inputs (request names, tags, queries) is escaped: HTML text through {@link #h}, the chart
 * data as JSON inside a {@code script type="application/json"} block with {@code <}, {@code >} and {@code &} written
 * as Unicode escapes, so a k6 request named {@code </script><script>…} stays text.
 *
 * @since 0.1
 */
final class HtmlReport {
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String ASSETS = "/dev/plimsoll/report/";

    private HtmlReport() {}

    static void write(Report report, Writer out) throws IOException {
        AnalysisResult r = report.result();
        LoadRun run = r.aligned().run();
        RunTotals t = run.totals();
        var d = run.timeline().http().distribution(LoadMetrics.REQUEST_DURATION);
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Plimsoll: "
                + h(report.title()) + "</title>\n<style>" + resource(UPLOT + "uPlot.min.css") + "\n"
                + resource(ASSETS + "report.css")
                + "</style>\n</head>"
                + "<body data-charts-drawn=\"0\">\n");
        out.write("<h1>Plimsoll: " + h(report.title()) + "</h1>\n");
        Verdict verdict = report.verdict();
        out.write("<p class=\"verdict " + verdict.id() + "\">Verdict: <b>" + verdict.id() + "</b>. "
                + "Bottleneck: <b>" + h(r.bottleneck().id())
                + "</b>. "
                + (r.skew().isEstimated()
                        ? h(String.format(
                                Locale.ROOT,
                                "Clock skew %+.1f s (r = %.3f), applied to the cloud series.",
                                r.skew().seconds(),
                                r.skew().correlation()))
                        : "Clock skew not estimated.")
                + "</p>\n");
        if (verdict != Verdict.PASS) {
            out.write("<ul class=\"reasons\">");
            for (String reason : report.reasons()) {
                out.write("<li>" + h(reason) + "</li>");
            }
            out.write("</ul>\n");
        }
        out.write("<p class=\"meta\">"
                + h(String.format(
                        Locale.ROOT,
                        "%s run %s · %s → %s · %d requests (%.2f %% failed)"
                                + " · p95 %.1f ms · p99 %.1f ms · %d VUs max · %d dropped iterations",
                        run.tool(),
                        run.id(),
                        run.window().start(),
                        run.window().end(),
                        t.requests(),
                        100 * nz(t.errorRate()),
                        d.percentile(95),
                        d.percentile(99),
                        t.vusMax(),
                        t.droppedIterations()))
                + "</p>\n");
        out.write("<h2>Load and capacity</h2><div id=\"chart-load\" class=\"chart\"></div>\n");
        out.write("<h2>Latency tiers (p95)</h2><div id=\"chart-latency\" class=\"chart\"></div>\n");
        findings(out, r);
        requests(out, run);
        gates(out, report);
        coverage(out, r);
        out.write("<script id=\"plimsoll-data\" type=\"application/json\">" + data(r) + "</script>\n");
        out.write("<script>" + resource(UPLOT + "uPlot.iife.min.js") + "</script>\n<script>"
                + resource(ASSETS + "report.js") + "</script>\n");
        out.write("</body></html>\n");
    }

    private static void findings(Writer out, AnalysisResult r) throws IOException {
        out.write("<h2>Findings</h2>\n");
        if (r.findings().isEmpty()) {
            out.write("<p>Nothing to report.</p>\n");
        }
        for (Finding f : r.findings()) {
            out.write("<div class=\"finding " + f.severity().label() + "\"><p><span class=\"sev\">"
                    + f.severity().label() + "</span> <code>" + f.kind().id() + "</code> " + h(f.reason()) + "</p>");
            if (!f.evidence().isEmpty()) {
                out.write("<table><tr><th>evidence</th><th>time (UTC)</th><th>value</th><th>series</th></tr>");
                for (Evidence e : f.evidence()) {
                    out.write("<tr><td>" + h(e.label()) + "</td><td>"
                            + (e.time() == null ? "" : h(e.time().toString()))
                            + "</td><td>" + h(num(e.value()) + " " + e.unit()) + "</td><td><code>" + h(e.series())
                            + "</code></td></tr>");
                }
                out.write("</table>");
            }
            if (f instanceof Finding.LatencyBottleneck b) {
                out.write("<p class=\"meta\">p95 growth by tier (ms): "
                        + h(b.shares().entrySet().stream()
                                .map(e -> e.getKey().id() + " " + num(e.getValue()))
                                .reduce((a, c) -> a + " · " + c)
                                .orElse(""))
                        + "</p>");
            }
            out.write("</div>\n");
        }
    }

    private static void requests(Writer out, LoadRun run) throws IOException {
        var names = run.timeline().byName();
        if (names.isEmpty()) {
            return;
        }
        out.write("<h2>Requests by name</h2><table><tr><th>name</th><th>requests</th><th>failed</th><th>p95 ms</th>"
                + "<th>p99 ms</th></tr>");
        var sorted = names.entrySet().stream()
                .sorted((a, b) ->
                        Long.compare(b.getValue().totalRequests(), a.getValue().totalRequests()))
                .limit(50)
                .toList();
        for (var e : sorted) {
            var dist = e.getValue().distribution(LoadMetrics.REQUEST_DURATION);
            out.write("<tr><td>" + h(e.getKey()) + "</td><td>" + e.getValue().totalRequests() + "</td><td>"
                    + e.getValue().totalFailed() + "</td><td>" + num(dist.percentile(95)) + "</td><td>"
                    + num(dist.percentile(99)) + "</td></tr>");
        }
        out.write("</table>\n");
    }

    private static void gates(Writer out, Report report) throws IOException {
        if (report.gates().isEmpty()) {
            return;
        }
        out.write("<h2>Gates</h2><table><tr><th>gate</th><th>measured</th><th>result</th></tr>");
        for (GateResult g : report.gates()) {
            out.write("<tr class=\"" + g.outcome().id() + "\"><td><code>" + h(g.expression())
                    + "</code></td><td>" + h(g.measured()) + "</td><td>"
                    + g.outcome().label()
                    + (g.note().isEmpty() ? "" : " — " + h(g.note()))
                    + "</td></tr>");
        }
        out.write("</table>\n");
    }

    private static void coverage(Writer out, AnalysisResult r) throws IOException {
        out.write("<h2>Data</h2><table><tr><th>series</th><th>resolution</th><th>points in the run</th></tr>");
        var window = r.aligned().run().window();
        for (FetchedSeries s : r.aligned().cloud()) {
            out.write("<tr><td><code>" + h(s.id().toString()) + "</code></td><td>" + num(s.periodMillis() / 1000.0)
                    + " s</td><td>" + s.series().slice(window).presentCount() + "</td></tr>");
        }
        out.write("</table>\n");
        for (Coverage c : r.coverage()) {
            if (!c.messages().isEmpty()) {
                out.write("<p class=\"meta\">" + h(c.queryId() + ": " + String.join("; ", c.messages())) + "</p>\n");
            }
        }
    }

    /** Chart data: the run's 1 s grid, cloud series as steps on it, and the marks of the findings. */
    static String data(AnalysisResult r) throws IOException {
        AlignedRun ar = r.aligned();
        RunTimeline t = ar.run().timeline();
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("x");
            for (int i = 0; i < t.size(); i++) {
                g.writeNumber((t.start().toEpochMilli() + i * t.bucket().toMillis()) / 1000.0);
            }
            g.writeEndArray();
            array(g, "vus", t.vus());
            array(g, "rps", t.rps());
            array(g, "errors", t.http().failed());
            array(g, "clientP95", t.percentile(LoadMetrics.REQUEST_DURATION, 95));
            cloud(g, ar, "nodes", ar.signal(Signal.NODE_COUNT));
            cloud(g, ar, "cpu", ar.signal(Signal.CPU_UTILIZATION));
            cloud(g, ar, "lbP95", ar.signal(Signal.LB_LATENCY, Statistic.P95));
            cloud(g, ar, "backendP95", ar.signal(Signal.BACKEND_LATENCY, Statistic.P95));
            g.writeArrayFieldStart("marks");
            for (Finding f : r.findings()) {
                if (f instanceof Finding.ScalingLag s) {
                    mark(
                            g,
                            "band",
                            s.saturationStart().toEpochMilli(),
                            s.capacityReady()
                                    .map(x -> x.toEpochMilli())
                                    .orElse(s.window().end().toEpochMilli()),
                            "saturation → node Ready: " + num(s.lagSeconds()) + " s",
                            "rgba(230,120,0,0.12)");
                    if (s.capacityReady().isPresent()) {
                        mark(g, "line", s.capacityReady().get().toEpochMilli(), 0, "node Ready", "#2a7");
                    }
                } else if (f instanceof Finding.ScalingCeiling c) {
                    mark(
                            g,
                            "line",
                            c.ceilingReached().toEpochMilli(),
                            0,
                            "ceiling: " + c.maxNodes() + " nodes",
                            "#c22");
                } else if (f instanceof Finding.NoScaleUp n) {
                    mark(
                            g,
                            "band",
                            n.window().start().toEpochMilli(),
                            n.window().end().toEpochMilli(),
                            "saturated, no scale-up",
                            "rgba(200,0,0,0.10)");
                } else if (f instanceof Finding.ErrorBurst e) {
                    mark(
                            g,
                            "band",
                            e.window().start().toEpochMilli(),
                            e.window().end().toEpochMilli(),
                            "errors " + e.failedRequests(),
                            "rgba(200,0,0,0.10)");
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        // inside <script>: nothing may close the element or open markup
        return w.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static void mark(JsonGenerator g, String type, long from, long to, String label, String color)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        g.writeNumberField("from", from / 1000.0);
        g.writeNumberField("to", to / 1000.0);
        g.writeStringField("label", label);
        g.writeStringField("color", color);
        g.writeEndObject();
    }

    private static void cloud(JsonGenerator g, AlignedRun ar, String name, Optional<FetchedSeries> s)
            throws IOException {
        if (s.isPresent() && !ar.run().timeline().isEmpty()) {
            array(g, name, ar.onGrid(s.get()));
            g.writeStringField(
                    name + "Label",
                    s.get().id().source() + " " + s.get().id().name() + " ("
                            + num(s.get().periodMillis() / 1000.0) + " s)");
        } else {
            g.writeNullField(name);
        }
    }

    private static void array(JsonGenerator g, String name, TimeSeries s) throws IOException {
        g.writeArrayFieldStart(name);
        for (int i = 0; i < s.size(); i++) {
            double v = s.valueAt(i);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                g.writeNull();
            } else {
                g.writeNumber(Math.round(v * 1000) / 1000.0);
            }
        }
        g.writeEndArray();
    }

    /** HTML-escapes text for element content and attribute values. */
    static String h(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path (plimsoll-core's resources, or"
                        + " the webjar org.webjars.npm:uplot:1.6.30)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
