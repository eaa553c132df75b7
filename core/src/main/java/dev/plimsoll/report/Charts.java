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
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.run.HttpTimeline;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.MetricTimeline;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report's charts show, on one time axis: load, capacity, latency by tier, errors by class and latency by
 * request name, with the findings' spans as marks. Java decides every series, label, colour and scale; the page's
 * script only draws them (uPlot), so the page shows what this class computed and nothing else.
 *
 * <p>Colours are the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies), and every
 * series of a chart also differs by dash or width. Coarse cloud series are steps over their own periods with the
 * period in their label; rates on a coarse display grid carry a min/max envelope.
 */
final class Charts {
    static final String BLUE = "#0072B2";
    static final String ORANGE = "#E69F00";
    static final String GREEN = "#009E73";
    static final String VERMILION = "#D55E00";
    static final String SKY = "#56B4E9";
    static final String PURPLE = "#CC79A7";
    static final String BLACK = "#000000";
    static final String GREY = "#595959";
    /** The client's blue, lighter: the edges of the p50–p99 band. */
    static final String BLUE_LIGHT = "#7FB2D6";

    private static final String[] CYCLE = {BLUE, ORANGE, GREEN, VERMILION, SKY, PURPLE, BLACK, GREY};
    private static final List<List<Integer>> DASHES =
            List.of(List.of(), List.of(6, 3), List.of(2, 3), List.of(10, 3, 2, 3));
    /** Request names drawn in the "by request name" chart. */
    static final int TOP_NAMES = 8;

    /** A y scale of a chart; every chart has three slots (left, right, right) so that plot widths are equal. */
    record Axis(String scale, String label, boolean fromZero) {}

    /** One line or step series. */
    record Series(
            String key,
            String label,
            String scale,
            String color,
            boolean step,
            double width,
            List<Integer> dash,
            String unit,
            DisplayGrid.Envelope values) {}

    /** A fill between two series of a chart (e.g. client p50–p99). */
    record Band(String upper, String lower, String fill) {}

    record Chart(String id, String title, String summary, List<Axis> axes, List<Series> series, List<Band> bands) {
        /** Only the axes whose scale a series uses. */
        Chart {
            List<String> used = series.stream().map(Series::scale).toList();
            axes = axes.stream().filter(a -> used.contains(a.scale())).toList();
            series = List.copyOf(series);
            bands = List.copyOf(bands);
        }
    }

    /** A finding's span on every chart: a shaded band, a vertical line, or a bar in the lane along the top. */
    record Mark(int finding, String type, long from, long to, String label, String color) {}

    final DisplayGrid grid;
    final List<Chart> charts;
    final List<Mark> marks;

    private Charts(DisplayGrid grid, List<Chart> charts, List<Mark> marks) {
        this.grid = grid;
        this.charts = charts;
        this.marks = marks;
    }

    static Charts of(AnalysisResult r, int maxPoints) {
        AlignedRun ar = r.aligned();
        RunTimeline t = ar.run().timeline();
        DisplayGrid g = DisplayGrid.of(t, maxPoints);
        List<Chart> charts = new ArrayList<>();
        if (!t.isEmpty()) {
            charts.add(load(g, ar));
            capacity(g, ar).ifPresent(charts::add);
            charts.add(latency(g, ar));
            charts.add(errors(g, ar));
            byName(g, t).ifPresent(charts::add);
        }
        return new Charts(g, charts, marks(r.findings()));
    }

    /** What the grid's step means for a run series' label: nothing at the run's resolution, else the step. */
    private static String per(DisplayGrid g) {
        return g.coarse() ? ", mean per " + SeriesLabels.period(g.step) + ", min–max shaded" : "";
    }

    private static Chart load(DisplayGrid g, AlignedRun ar) {
        RunTimeline t = ar.run().timeline();
        String tool = SeriesLabels.source(ar.run().tool());
        List<Series> s = new ArrayList<>();
        s.add(new Series(
                "rps",
                "requests/s (" + tool + per(g) + ")",
                "rps",
                BLUE,
                false,
                2,
                List.of(),
                "req/s",
                g.mean(t.rps())));
        ar.signal(Signal.LB_REQUESTS)
                .or(() -> ar.signal(Signal.BACKEND_REQUESTS))
                .ifPresent(f -> s.add(cloud(g, f, "rps", ORANGE, List.of(6, 3), "req/s")));
        if (t.metric(LoadMetrics.VUS).isPresent()) {
            s.add(new Series(
                    "vus",
                    "VUs (" + tool + ")",
                    "vus",
                    BLACK,
                    false,
                    1.5,
                    List.of(2, 3),
                    "VUs",
                    new DisplayGrid.Envelope(g.max(t.vus()), null, null)));
        }
        return new Chart(
                "load",
                "Load",
                "Requests per second and virtual users over the run",
                List.of(new Axis("rps", "requests/s", true), new Axis("vus", "VUs", true)),
                s,
                List.of());
    }

    private static Optional<Chart> capacity(DisplayGrid g, AlignedRun ar) {
        List<Series> s = new ArrayList<>();
        ar.signal(Signal.CPU_UTILIZATION).ifPresent(f -> s.add(cloud(g, f, "pct", PURPLE, List.of(), "%")));
        ar.signal(Signal.MEMORY_UTILIZATION).ifPresent(f -> s.add(cloud(g, f, "pct", SKY, List.of(6, 3), "%")));
        ar.signal(Signal.POD_CPU_UTILIZATION).ifPresent(f -> s.add(cloud(g, f, "pct", PURPLE, List.of(2, 3), "%")));
        Optional<FetchedSeries> nodes = ar.signal(Signal.NODE_COUNT).or(() -> ar.signal(Signal.ASG_IN_SERVICE));
        nodes.ifPresent(f -> s.add(withWidth(cloud(g, f, "nodes", BLACK, List.of(), "nodes"), 2.5)));
        ar.signal(Signal.ASG_DESIRED_CAPACITY)
                .ifPresent(f -> s.add(cloud(g, f, "nodes", GREY, List.of(6, 3), "nodes")));
        ar.signal(Signal.PODS_RUNNING).ifPresent(f -> s.add(cloud(g, f, "pods", GREEN, List.of(), "pods")));
        ar.signal(Signal.REPLICAS_AVAILABLE).ifPresent(f -> s.add(cloud(g, f, "pods", GREEN, List.of(6, 3), "pods")));
        ar.signal(Signal.PODS_PENDING).ifPresent(f -> s.add(cloud(g, f, "pods", VERMILION, List.of(2, 3), "pods")));
        if (s.isEmpty()) {
            return Optional.empty();
        }
        List<Axis> axes = new ArrayList<>();
        axes.add(new Axis("pct", "CPU · memory %", true));
        axes.add(new Axis("nodes", "nodes", true));
        axes.add(new Axis("pods", "pods", true));
        return Optional.of(new Chart(
                "capacity",
                "Capacity",
                "Node CPU and memory utilisation, node and pod counts, each over its source's own period",
                axes,
                s,
                List.of()));
    }

    private static Chart latency(DisplayGrid g, AlignedRun ar) {
        RunTimeline t = ar.run().timeline();
        String tool = SeriesLabels.source(ar.run().tool());
        MetricTimeline duration = t.http().metric(LoadMetrics.REQUEST_DURATION);
        DisplayGrid.Envelope[] p = g.percentiles(duration, 95, 50, 90, 99);
        String per = g.coarse() ? ", per " + SeriesLabels.period(g.step) : "";
        List<Series> s = new ArrayList<>();
        s.add(new Series("p99", "client p99 (" + tool + per + ")", "ms", BLUE_LIGHT, false, 1, List.of(), "ms", p[3]));
        s.add(new Series("p90", "client p90 (" + tool + per + ")", "ms", BLUE_LIGHT, false, 1, List.of(), "ms", p[2]));
        s.add(new Series("p50", "client p50 (" + tool + per + ")", "ms", BLUE_LIGHT, false, 1, List.of(), "ms", p[1]));
        s.add(new Series(
                "p95",
                "client p95 (" + tool + per + (g.coarse() ? ", min–max of 1 s p95 shaded" : "") + ")",
                "ms",
                BLUE,
                false,
                2.5,
                List.of(),
                "ms",
                p[0]));
        Optional<FetchedSeries> lb = latencySeries(ar, Signal.LB_LATENCY);
        if (lb.isPresent() && lb.get().periodMillis() > g.step) {
            FetchedSeries f = lb.get();
            Statistic st = f.id().statistic();
            s.add(new Series(
                    "clientPerLb",
                    "client " + st.label() + " per " + SeriesLabels.period(f.periodMillis()) + " window (" + tool
                            + ", the ALB's windows)",
                    "ms",
                    BLUE,
                    true,
                    2,
                    List.of(6, 3),
                    "ms",
                    new DisplayGrid.Envelope(
                            g.overWindowsOf(f, duration, st.isPercentile() ? st.percentile() : Double.NaN),
                            null,
                            null)));
        }
        lb.ifPresent(f -> s.add(withWidth(cloud(g, f, "ms", ORANGE, List.of(), "ms"), 2.5)));
        latencySeries(ar, Signal.BACKEND_LATENCY)
                .ifPresent(f -> s.add(withWidth(cloud(g, f, "ms", GREEN, List.of(), "ms"), 2.5)));
        return new Chart(
                "latency",
                "Latency by tier",
                "The client's percentiles (p50–p90 and p90–p99 shaded, p95 bold) over the load balancer's and the"
                        + " backend's latency: the gap between two tiers is the time added between them",
                List.of(new Axis("ms", "ms", true)),
                s,
                List.of(new Band("p99", "p90", "rgba(0,114,178,0.09)"), new Band("p90", "p50", "rgba(0,114,178,0.2)")));
    }

    private static Chart errors(DisplayGrid g, AlignedRun ar) {
        RunTimeline t = ar.run().timeline();
        String tool = SeriesLabels.source(ar.run().tool());
        double seconds = t.bucket().toMillis() / 1000.0;
        List<Series> s = new ArrayList<>();
        s.add(new Series(
                "failed",
                "failed requests/s (" + tool + per(g) + ")",
                "err",
                VERMILION,
                false,
                2,
                List.of(),
                "/s",
                g.mean(scaled(t.http().failed(), 1 / seconds))));
        double[] c4 = new double[t.size()];
        double[] c5 = new double[t.size()];
        double[] c0 = new double[t.size()];
        for (Map.Entry<String, HttpTimeline> e : t.byStatus().entrySet()) {
            String status = e.getKey();
            double[] into = status.startsWith("4") ? c4 : status.startsWith("5") ? c5 : status.equals("0") ? c0 : null;
            if (into != null) {
                TimeSeries n = e.getValue().requests();
                for (int i = 0; i < Math.min(into.length, n.size()); i++) {
                    into[i] += n.valueAt(i) / seconds;
                }
            }
        }
        addIfAny(s, g, t, "http4xx", "4xx responses/s (" + tool + per(g) + ")", PURPLE, List.of(6, 3), c4);
        addIfAny(s, g, t, "http5xx", "5xx responses/s (" + tool + per(g) + ")", BLACK, List.of(6, 3), c5);
        addIfAny(
                s,
                g,
                t,
                "noResponse",
                "no response/s (" + tool + ": timeout or connection error" + per(g) + ")",
                BLACK,
                List.of(2, 3),
                c0);
        HttpTimeline timeouts = t.byErrorCode().get("1050");
        if (timeouts != null) {
            addIfAny(
                    s,
                    g,
                    t,
                    "timeouts",
                    "request timeouts/s (k6 error 1050" + per(g) + ")",
                    GREY,
                    List.of(2, 3),
                    scaled(timeouts.requests(), 1 / seconds).values());
        }
        for (Signal sig : List.of(
                Signal.LB_TARGET_5XX,
                Signal.LB_ELB_5XX,
                Signal.LB_TARGET_CONNECTION_ERRORS,
                Signal.LB_REJECTED_CONNECTIONS,
                Signal.BACKEND_ERRORS)) {
            String color = sig == Signal.BACKEND_ERRORS ? GREEN : ORANGE;
            List<Integer> dash =
                    sig == Signal.LB_TARGET_5XX || sig == Signal.BACKEND_ERRORS ? List.of() : List.of(6, 3);
            ar.signal(sig).ifPresent(f -> s.add(cloud(g, f, "err", color, dash, "/s")));
        }
        Optional<MetricTimeline> dropped = t.metric(LoadMetrics.DROPPED_ITERATIONS);
        List<Axis> axes = new ArrayList<>(List.of(new Axis("err", "errors/s", true)));
        if (dropped.isPresent()) {
            s.add(new Series(
                    "dropped",
                    "dropped iterations/s (" + tool + per(g) + ")",
                    "dropped",
                    GREY,
                    false,
                    1.5,
                    List.of(10, 3, 2, 3),
                    "/s",
                    g.mean(scaled(dropped.get().sumSeries(), 1 / seconds))));
            axes.add(new Axis("dropped", "dropped iterations/s", true));
        }
        return new Chart(
                "errors",
                "Errors",
                "Failed requests per second by class as the load generator saw them, and the errors the load balancer"
                        + " and the backend counted",
                axes,
                s,
                List.of());
    }

    private static Optional<Chart> byName(DisplayGrid g, RunTimeline t) {
        var names = t.byName().entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, HttpTimeline> e) ->
                                e.getValue().totalRequests())
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP_NAMES)
                .toList();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<Series> s = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            var e = names.get(i);
            DisplayGrid.Envelope p95 = g.percentiles(e.getValue().metric(LoadMetrics.REQUEST_DURATION), false, 95)[0];
            s.add(new Series(
                    "name" + i,
                    e.getKey(),
                    "ms",
                    CYCLE[i % CYCLE.length],
                    false,
                    1.5,
                    DASHES.get(i < 4 ? 0 : 1),
                    "ms",
                    new DisplayGrid.Envelope(p95.value(), null, null)));
        }
        return Optional.of(new Chart(
                "requests",
                "p95 by request name",
                "Client p95 per request name"
                        + (t.byName().size() > TOP_NAMES ? " (the " + TOP_NAMES + " most frequent)" : "")
                        + (g.coarse() ? ", per " + SeriesLabels.period(g.step) : ""),
                List.of(new Axis("ms", "ms", true)),
                s,
                List.of()));
    }

    private static void addIfAny(
            List<Series> s,
            DisplayGrid g,
            RunTimeline t,
            String key,
            String label,
            String color,
            List<Integer> dash,
            double[] perBucket) {
        for (double v : perBucket) {
            if (v > 0) {
                s.add(new Series(
                        key,
                        label,
                        "err",
                        color,
                        false,
                        1.5,
                        dash,
                        "/s",
                        g.mean(TimeSeries.regular(
                                t.http().requests().id(),
                                t.start().toEpochMilli(),
                                t.bucket().toMillis(),
                                perBucket))));
                return;
            }
        }
    }

    private static TimeSeries scaled(TimeSeries s, double factor) {
        double[] v = s.values();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return TimeSeries.of(s.id(), s.epochMillis(), v);
    }

    /** The finest p95 of a latency signal, else p99, else the average, else whatever there is. */
    private static Optional<FetchedSeries> latencySeries(AlignedRun ar, Signal signal) {
        for (Statistic st : List.of(Statistic.P95, Statistic.P99, Statistic.AVG)) {
            Optional<FetchedSeries> f = ar.signal(signal, st);
            if (f.isPresent()) {
                return f;
            }
        }
        return ar.signal(signal);
    }

    private static Series cloud(
            DisplayGrid g, FetchedSeries f, String scale, String color, List<Integer> dash, String unit) {
        boolean perSecond = SeriesLabels.perSecond(f.signal());
        String label = SeriesLabels.of(f);
        if (f.periodMillis() < g.step) {
            label = label.substring(0, label.length() - 1) + ", mean per " + SeriesLabels.period(g.step) + ")";
        }
        return new Series(f.queryId(), label, scale, color, true, 2, dash, unit, g.cloud(f, perSecond));
    }

    private static Series withWidth(Series s, double width) {
        return new Series(s.key(), s.label(), s.scale(), s.color(), s.step(), width, s.dash(), s.unit(), s.values());
    }

    /** Each finding's span, numbered as the findings list numbers them (from 1). */
    static List<Mark> marks(List<Finding> findings) {
        List<Mark> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            int n = i + 1;
            long from = f.window().start().toEpochMilli();
            long to = f.window().end().toEpochMilli();
            if (f instanceof Finding.ScalingLag s) {
                long ready = s.capacityReady().map(x -> x.toEpochMilli()).orElse(to);
                out.add(new Mark(
                        n,
                        "band",
                        s.saturationStart().toEpochMilli(),
                        ready,
                        s.capacityReady().isPresent()
                                ? "saturation → node Ready " + Html.fixed(s.lagSeconds(), 0) + " s"
                                : "saturation, no new node",
                        "rgba(230,159,0,0.16)"));
                s.capacityReady()
                        .ifPresent(x ->
                                out.add(new Mark(n, "line", x.toEpochMilli(), x.toEpochMilli(), "node Ready", GREEN)));
                s.relief()
                        .ifPresent(
                                x -> out.add(new Mark(n, "line", x.toEpochMilli(), x.toEpochMilli(), "relief", SKY)));
            } else if (f instanceof Finding.ScalingCeiling c) {
                out.add(new Mark(n, "lane", from, to, "scaling ceiling", VERMILION));
                out.add(new Mark(
                        n,
                        "line",
                        c.ceilingReached().toEpochMilli(),
                        c.ceilingReached().toEpochMilli(),
                        "ceiling: " + c.maxNodes() + " nodes",
                        VERMILION));
            } else if (f instanceof Finding.NoScaleUp) {
                out.add(new Mark(n, "band", from, to, "saturated, no scale-up", "rgba(213,94,0,0.12)"));
            } else if (f instanceof Finding.ErrorBurst e) {
                out.add(new Mark(n, "band", from, to, "errors: " + e.failedRequests(), "rgba(213,94,0,0.12)"));
            } else if (f.kind() != FindingKind.DATA_COVERAGE && f.kind() != FindingKind.ANALYSIS_ERROR) {
                out.add(new Mark(n, "lane", from, to, laneLabel(f), severityColor(f)));
            }
        }
        return out;
    }

    private static String laneLabel(Finding f) {
        if (f instanceof Finding.LatencyBottleneck) {
            return "p95 peak window";
        }
        return f.kind().id().replace('_', ' ');
    }

    private static String severityColor(Finding f) {
        return switch (f.severity()) {
            case HIGH -> VERMILION;
            case WARNING -> ORANGE;
            default -> SKY;
        };
    }

    /** The page's chart data as JSON, safe inside a {@code script} element. */
    String json(ReportClock clock) {
        StringWriter w = new StringWriter();
        try (JsonGenerator j = new JsonFactory().createGenerator(w)) {
            j.writeStartObject();
            j.writeObjectFieldStart("grid");
            j.writeFieldName("t0");
            j.writeNumber(Html.seconds(grid.start));
            j.writeFieldName("step");
            j.writeNumber(Html.seconds(grid.step));
            j.writeNumberField("n", grid.size);
            j.writeEndObject();
            j.writeObjectFieldStart("zone");
            j.writeStringField("label", clock.shortLabel());
            j.writeArrayFieldStart("offsets");
            for (long[] o : clock.offsets()) {
                j.writeStartArray();
                j.writeNumber(o[0]);
                j.writeNumber(o[1]);
                j.writeEndArray();
            }
            j.writeEndArray();
            j.writeEndObject();
            j.writeArrayFieldStart("charts");
            for (Chart c : charts) {
                chart(j, c);
            }
            j.writeEndArray();
            j.writeArrayFieldStart("marks");
            for (Mark m : marks) {
                j.writeStartObject();
                j.writeNumberField("finding", m.finding());
                j.writeStringField("type", m.type());
                j.writeFieldName("from");
                j.writeNumber(Html.seconds(m.from()));
                j.writeFieldName("to");
                j.writeNumber(Html.seconds(m.to()));
                j.writeStringField("label", m.label());
                j.writeStringField("color", m.color());
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // inside <script>: nothing may close the element or open markup
        return w.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static void chart(JsonGenerator j, Chart c) throws IOException {
        j.writeStartObject();
        j.writeStringField("id", c.id());
        j.writeStringField("title", c.title());
        j.writeArrayFieldStart("axes");
        for (Axis a : c.axes()) {
            j.writeStartObject();
            j.writeStringField("scale", a.scale());
            j.writeStringField("label", a.label());
            j.writeBooleanField("fromZero", a.fromZero());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeArrayFieldStart("series");
        for (Series s : c.series()) {
            j.writeStartObject();
            j.writeStringField("key", s.key());
            j.writeStringField("label", s.label());
            j.writeStringField("scale", s.scale());
            j.writeStringField("color", s.color());
            j.writeBooleanField("step", s.step());
            j.writeNumberField("width", s.width());
            j.writeArrayFieldStart("dash");
            for (int d : s.dash()) {
                j.writeNumber(d);
            }
            j.writeEndArray();
            j.writeStringField("unit", s.unit());
            values(j, "v", s.values().value());
            double[] lo = s.values().lo();
            double[] hi = s.values().hi();
            if (lo != null && hi != null) {
                values(j, "lo", lo);
                values(j, "hi", hi);
            }
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeArrayFieldStart("bands");
        for (Band b : c.bands()) {
            j.writeStartObject();
            j.writeStringField("upper", b.upper());
            j.writeStringField("lower", b.lower());
            j.writeStringField("fill", b.fill());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    private static void values(JsonGenerator j, String name, double[] v) throws IOException {
        j.writeArrayFieldStart(name);
        for (double x : v) {
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                j.writeNull();
            } else {
                j.writeNumber(Html.compact(x));
            }
        }
        j.writeEndArray();
    }

    /** The charts' time span on the page, for the charts' accessible descriptions. */
    TimeWindow span() {
        return TimeWindow.ofEpochMillis(grid.start, grid.startOf(grid.size));
    }
}
