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
package dev.plimsoll.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.plimsoll.internal.HtmlText;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The trend page: one self-contained HTML file (uPlot inlined from its webjar, no network, readable offline) with
 * each figure over runs, the change points found in it (dashed lines, red for a regression, green for an
 * improvement) and the runs whose own comparison with their baseline found a regression of the figure (red dots);
 * runs whose verdict was fail are ringed. Tables below each chart list the change points and the runs.
 *
 * <pre>{@code
 * RunFilter main = RunFilter.all().withLabel("branch", "main");
 * List<TrendPage.Chart> figures = new ArrayList<>();
 * for (String id : List.of("client_p95", "scaling_lag")) {
 *     figures.add(new TrendPage.Chart(history.trend(id, main), history.runsWithFinding("regression", id, main)));
 * }
 * TrendPage.write("branch=main", figures, writer);
 * }</pre>
 *
 * @since 0.1
 */
public final class TrendPage {
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String ASSETS = "/dev/plimsoll/history/trend/";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    private TrendPage() {}

    /**
     * One figure of the page.
     *
     * @param trend the figure over runs with its change points ({@link RunHistory#trend})
     * @param regressions ids of the runs whose comparison with their baseline found the figure regressed
     *     ({@link RunHistory#runsWithFinding})
     */
    public record Chart(Trend trend, Set<String> regressions) {
        /**
         * Checks the trend and copies the run ids.
         *
         * @param trend the figure over runs
         * @param regressions run ids
         * @throws NullPointerException if the trend is null
         */
        public Chart {
            Objects.requireNonNull(trend, "trend");
            regressions = Set.copyOf(regressions);
        }
    }

    /**
     * Writes the page.
     *
     * @param subtitle what the runs were chosen by, e.g. {@code branch=main}, or empty for all runs
     * @param figures the figures, in order
     * @param out receives the page (UTF-8 text); not closed
     * @throws IOException when the writer fails
     */
    public static void write(String subtitle, List<Chart> figures, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Plimsoll trend"
                + (subtitle.isEmpty() ? "" : ": " + h(subtitle)) + "</title>\n<style>"
                + resource(UPLOT + "uPlot.min.css")
                + "\n" + resource(ASSETS + "trend.css") + "</style>\n</head><body data-charts-drawn=\"0\">\n");
        out.write("<h1>Plimsoll: run history" + (subtitle.isEmpty() ? "" : " · " + h(subtitle)) + "</h1>\n");
        int runs =
                figures.stream().mapToInt(f -> f.trend().points().size()).max().orElse(0);
        ChangePointConfig config = figures.isEmpty()
                ? ChangePointConfig.defaults()
                : figures.get(0).trend().config();
        out.write("<p class=\"meta\">" + figures.size() + " figure(s) over up to " + runs + " run(s), oldest first."
                + " Change points: E-divisive means (Matteson &amp; James 2014) as Apache Otava runs it: windows of "
                + config.windowLength() + " runs, kept at p ≤ " + num(config.maxPValue()) + " (Student's t-test) and a"
                + " shift of at least " + num(config.minMagnitude() * 100) + " %, at least " + config.minRunsPerSide()
                + " runs on either side. Red dots: the run's comparison with its baseline found the figure regressed;"
                + " ringed: the run's verdict was fail.</p>\n");
        if (figures.isEmpty()) {
            out.write("<p>No figure has any run yet.</p>\n");
        }
        for (Chart f : figures) {
            section(f, out);
        }
        out.write("<script id=\"plimsoll-trends\" type=\"application/json\">" + data(figures) + "</script>\n");
        out.write("<script>" + resource(UPLOT + "uPlot.iife.min.js") + "</script>\n<script>"
                + resource(ASSETS + "trend.js") + "</script>\n</body></html>\n");
    }

    private static void section(Chart f, Writer out) throws IOException {
        Trend t = f.trend();
        Figure fig = t.figure();
        out.write("<section class=\"figure\" id=\"figure-" + h(fig.id()) + "\"><h2>" + h(fig.description()) + " <code>"
                + h(fig.id()) + "</code> (" + h(fig.unit()) + ")</h2>\n");
        out.write("<div id=\"chart-" + h(fig.id()) + "\" class=\"chart\"></div>\n");
        if (t.changePoints().isEmpty()) {
            out.write("<p>No change point over " + t.points().size() + " run(s).</p>\n");
        } else {
            out.write("<table><tr><th>change point at run</th><th>started (UTC)</th><th>mean before</th>"
                    + "<th>mean after</th><th>change</th><th>p</th><th>direction</th></tr>\n");
            for (Trend.ChangePoint c : t.changePoints()) {
                out.write("<tr><td><code>" + h(c.runId()) + "</code></td><td>" + TIME.format(c.start()) + "</td>"
                        + "<td class=\"num\">" + num(c.meanBefore()) + "</td><td class=\"num\">" + num(c.meanAfter())
                        + "</td><td class=\"num\">" + percent(c.relativeChange()) + "</td><td class=\"num\">"
                        + String.format(Locale.ROOT, "%.2g", c.pValue()) + "</td><td class=\""
                        + c.direction().label() + "\">" + c.direction().label() + "</td></tr>\n");
            }
            out.write("</table>\n");
        }
        out.write("<details><summary>" + t.points().size() + " run(s)</summary><table><tr><th>run</th>"
                + "<th>started (UTC)</th><th>verdict</th><th>" + h(fig.id()) + "</th><th></th></tr>\n");
        for (Trend.Point p : t.points()) {
            boolean regressed = f.regressions().contains(p.runId());
            out.write("<tr><td><code>" + h(p.runId()) + "</code></td><td>" + TIME.format(p.start()) + "</td><td>"
                    + p.verdict().id() + "</td><td class=\"num\">" + num(p.value()) + "</td><td"
                    + (regressed ? " class=\"regression\">regression" : ">") + "</td></tr>\n");
        }
        out.write("</table></details></section>\n");
    }

    /** The charts' data as JSON, safe inside a script element. */
    private static String data(List<Chart> figures) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("figures");
            for (Chart f : figures) {
                Trend t = f.trend();
                g.writeStartObject();
                g.writeStringField("id", t.figure().id());
                g.writeStringField("unit", t.figure().unit());
                g.writeArrayFieldStart("t");
                for (Trend.Point p : t.points()) {
                    g.writeNumber(p.start().toEpochMilli() / 1000.0);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("values");
                for (Trend.Point p : t.points()) {
                    if (Double.isFinite(p.value())) {
                        g.writeNumber(p.value());
                    } else {
                        g.writeNull();
                    }
                }
                g.writeEndArray();
                g.writeArrayFieldStart("verdicts");
                for (Trend.Point p : t.points()) {
                    g.writeString(p.verdict().id());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("regression");
                for (Trend.Point p : t.points()) {
                    g.writeBoolean(f.regressions().contains(p.runId()));
                }
                g.writeEndArray();
                g.writeArrayFieldStart("changes");
                for (Trend.ChangePoint c : t.changePoints()) {
                    g.writeStartObject();
                    g.writeNumberField("t", c.start().toEpochMilli() / 1000.0);
                    g.writeStringField("direction", c.direction().label());
                    g.writeStringField("label", percent(c.relativeChange()));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        // a run id or label cannot close the script element or open a comment
        return w.toString().replace("</", "<\\/").replace("<!--", "\\u003c!--");
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%+.1f %%", ratio * 100);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : Math.abs(v) >= 1 ? "%.3f" : "%.4f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** HTML-escapes text for element content and attribute values. */
    static String h(String s) {
        return HtmlText.escape(s);
    }

    private static String resource(String name) {
        try (InputStream in = TrendPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path (plimsoll-history's resources,"
                        + " or the webjar org.webjars.npm:uplot:1.6.30 that plimsoll-core brings)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
