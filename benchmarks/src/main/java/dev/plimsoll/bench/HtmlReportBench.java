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
package dev.plimsoll.bench;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportFormat;
import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-process benchmark of the HTML report on generated runs (seeded, not real data): a k6-like run of the given
 * length (ramp-up, hold, ramp-down; four request names; a saturation episode with latency ×3 and a node added two
 * minutes late; a 2-minute error burst) with CloudWatch-like 60 s series (node CPU, node count, TargetResponseTime p95,
 * RequestCount, target 5xx) and Datadog-like 15 s series (CPU, node count, APM p95, hits) computed from the run itself.
 * Prints, per run length, the HTML report's size (and the JSON's, for scale), the time to analyse and to write the
 * HTML, and the time Chromium takes to draw it: the page's own {@code data-render-ms} (navigation start → every chart
 * drawn) and the browser process's wall time, as the median and range over the repeats.
 *
 * <pre>
 * java -cp benchmarks/target/plimsoll-benchmarks.jar dev.plimsoll.bench.HtmlReportBench [hours,…] [repeats] [chromium]
 * java -cp … dev.plimsoll.bench.HtmlReportBench 1,24 5 /usr/bin/chromium
 * </pre>
 */
public final class HtmlReportBench {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String[] NAMES = {
        "GET /api/products", "GET /api/products/{id}", "POST /api/cart", "POST /api/orders"
    };
    private static final double[] MEDIAN_MS = {30, 18, 25, 45};
    private static final Pattern RENDER = Pattern.compile("data-render-ms=\"(\\d+)\"");
    private static final Pattern DRAWN = Pattern.compile("data-charts-drawn=\"(\\d+)\" data-charts=\"(\\d+)\"");

    private HtmlReportBench() {}

    public static void main(String[] args) throws Exception {
        List<String> hours = List.of((args.length > 0 ? args[0] : "1,24").split(",", -1));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String chromium = args.length > 2
                ? args[2]
                : Optional.ofNullable(System.getenv("PLIMSOLL_CHROMIUM")).orElse("/usr/bin/chromium");
        Path dir = Files.createTempDirectory("html-bench");
        System.out.printf(
                Locale.ROOT,
                "HTML report on generated runs, %d repeats, %s %s, %d CPUs, %s%n",
                repeats,
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                chromium);
        for (String h : hours) {
            double length = Double.parseDouble(h.trim());
            long t = System.nanoTime();
            Generated g = generate(Duration.ofSeconds(Math.round(length * 3600)), 12345);
            double generateS = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            Report report = LoadTestAnalysis.of(g.run)
                    .title("generated " + h.trim() + " h")
                    .fetched(g.cloud.toArray(FetchResult[]::new))
                    .config(AnalysisConfig.defaults().toBuilder().maxNodes(5).build())
                    .analyze();
            double analyseS = (System.nanoTime() - t) / 1e9;
            Path html = dir.resolve("report-" + h.trim() + "h.html");
            Path json = dir.resolve("report-" + h.trim() + "h.json");
            double[] write = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                t = System.nanoTime();
                report.write(ReportFormat.HTML, html);
                write[i] = (System.nanoTime() - t) / 1e6;
            }
            report.write(ReportFormat.JSON, json);
            System.out.printf(
                    Locale.ROOT,
                    "%s h: %,d requests, %,d s; generated in %.1f s, analysed in %.1f s%n"
                            + "  HTML %.2f MB (JSON %.2f MB); written in %s ms%n",
                    h.trim(),
                    g.run.totals().requests(),
                    g.run.timeline().size(),
                    generateS,
                    analyseS,
                    Files.size(html) / 1e6,
                    Files.size(json) / 1e6,
                    stats(write));
            if (!Files.isExecutable(Path.of(chromium))) {
                System.out.println("  no browser at " + chromium + ": render time not measured");
                continue;
            }
            double[] render = new double[repeats];
            double[] wall = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                t = System.nanoTime();
                String dom = dumpDom(chromium, html, dir);
                wall[i] = (System.nanoTime() - t) / 1e6;
                Matcher drawn = DRAWN.matcher(dom);
                Matcher ms = RENDER.matcher(dom);
                if (!drawn.find() || !drawn.group(1).equals(drawn.group(2)) || !ms.find()) {
                    throw new IllegalStateException("the page did not draw all its charts: "
                            + (drawn.find(0) ? drawn.group() : "no chart count"));
                }
                render[i] = Double.parseDouble(ms.group(1));
            }
            System.out.printf(
                    Locale.ROOT,
                    "  Chromium: every chart drawn %s ms after navigation start; browser process %s ms%n",
                    stats(render),
                    stats(wall));
        }
    }

    /** {@code median (min–max)}. */
    private static String stats(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", s[s.length / 2], s[0], s[s.length - 1]);
    }

    private static String dumpDom(String chromium, Path html, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "dom", ".html");
        Process p = new ProcessBuilder(
                        chromium,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,1024",
                        "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
                        "--dump-dom",
                        html.toUri().toString())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 120 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A generated run and the cloud series that would have been fetched for it. */
    record Generated(LoadRun run, List<FetchResult> cloud) {}

    /**
     * A k6-like run of {@code length}: 100 requests/s at full load for a run up to an hour, 20/s for longer ones (a
     * day at 100/s is 8.6 million requests; the report's size does not depend on the count).
     */
    static Generated generate(Duration length, long seed) {
        Random random = new Random(seed);
        int seconds = (int) length.toSeconds();
        double peakRps = seconds > 3600 ? 20 : 100;
        int ramp = Math.max(10, seconds / 10);
        int satFrom = (int) (seconds * 0.4);
        int nodeReady = satFrom + Math.min(180, Math.max(30, seconds / 10)); // a third node, up to 3 min late
        int burstFrom = (int) (seconds * 0.7);
        int burstTo = burstFrom + Math.min(120, Math.max(10, seconds / 20));
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "k6");
        long t0 = T0.getEpochSecond() * 1_000_000_000L;
        for (int s = 0; s < seconds; s++) {
            double load = Math.min(1, Math.min((s + 1.0) / ramp, (seconds - s) / (double) ramp));
            long second = t0 + s * 1_000_000_000L;
            b.record("vus", second, (double) Math.max(1, Math.round(85 * load)), null, null, null);
            double slow = s >= satFrom && s < nodeReady ? 3 : 1;
            boolean burst = s >= burstFrom && s < burstTo;
            long n = Math.round(peakRps * load * (0.9 + 0.2 * random.nextDouble()));
            for (long k = 0; k < n; k++) {
                long t = second + (long) (random.nextDouble() * 1e9);
                int i = random.nextInt(10) < 4 ? 0 : random.nextInt(NAMES.length);
                double ms = MEDIAN_MS[i] * slow * Math.exp(0.4 * random.nextGaussian());
                boolean failed = random.nextDouble() < (burst ? 0.08 : 0.001);
                String status = failed ? "503" : i == 3 ? "201" : "200";
                b.record("http_reqs", t, 1, NAMES[i], status, null);
                b.record("http_req_duration", t, ms, NAMES[i], status, null);
                b.record("http_req_failed", t, failed ? 1 : 0, NAMES[i], status, null);
            }
        }
        RunTimeline timeline = b.build();
        LoadRun run = new LoadRun("k6", "generated", timeline, Optional.empty(), IngestReport.empty());
        List<FetchResult> cloud = List.of(
                source(run, "cloudwatch", 60, random, peakRps, satFrom, nodeReady),
                source(run, "datadog", 15, random, peakRps, satFrom, nodeReady));
        return new Generated(run, cloud);
    }

    /** One source's series over the run, derived from the run itself (as the ALB and APM would have seen it). */
    private static FetchResult source(
            LoadRun run, String source, int period, Random random, double peakRps, int satFrom, int ready) {
        RunTimeline t = run.timeline();
        long start = Math.floorDiv(t.start().toEpochMilli(), period * 1000L) * period * 1000L;
        int n = (int) ((t.window().end().toEpochMilli() - start) / (period * 1000L)) + 1;
        long[] times = new long[n];
        double[] cpu = new double[n];
        double[] nodes = new double[n];
        double[] p95 = new double[n];
        double[] requests = new double[n];
        double[] errors = new double[n];
        long startSecond = t.start().getEpochSecond();
        TimeSeries f = t.http().failed();
        for (int i = 0; i < n; i++) {
            times[i] = start + i * (period * 1000L);
            TimeWindow w = TimeWindow.ofEpochMillis(times[i], times[i] + period * 1000L);
            Distribution d = t.http().distribution(LoadMetrics.REQUEST_DURATION, w);
            long second = times[i] / 1000 - startSecond;
            double rps = d.count() / (double) period;
            nodes[i] = second >= ready ? 3 : 2;
            // 65 % on two nodes at full load, above 90 % while saturated until the third node is Ready
            double busy = (20 + 45 * rps / peakRps) * (second >= satFrom && second < ready ? 1.45 : 1);
            cpu[i] = Math.min(97, busy * 2 / nodes[i] + 3 * random.nextDouble());
            p95[i] = d.count() == 0 ? Double.NaN : Math.max(0, d.percentile(95) - 1.5);
            requests[i] = d.count();
            double failed = 0;
            for (long k = Math.max(0, second); k < Math.min(f.size(), second + period); k++) {
                failed += f.valueAt((int) k);
            }
            errors[i] = failed;
        }
        boolean cw = source.equals("cloudwatch");
        Duration p = Duration.ofSeconds(period);
        List<FetchedSeries> series = new ArrayList<>();
        series.add(series(
                cw ? "node_cpu" : "cpu_utilization",
                Signal.CPU_UTILIZATION,
                p,
                MetricId.of(cw ? "node_cpu_utilization" : "cpu_utilization", source, Statistic.AVG, "percent"),
                times,
                cpu));
        series.add(series(
                cw ? "node_count" : "dd_node_count",
                Signal.NODE_COUNT,
                p,
                MetricId.of(
                        cw ? "cluster_node_count" : "kubernetes_state.node.count",
                        source,
                        cw ? Statistic.AVG : Statistic.SUM,
                        "count"),
                times,
                nodes));
        if (cw) {
            series.add(series(
                    "trt_p95",
                    Signal.LB_LATENCY,
                    p,
                    MetricId.of("TargetResponseTime", source, Statistic.P95, "ms"),
                    times,
                    p95));
            series.add(series(
                    "req_count",
                    Signal.LB_REQUESTS,
                    p,
                    MetricId.of("RequestCount", source, Statistic.SUM, "count"),
                    times,
                    requests));
            series.add(series(
                    "target_5xx",
                    Signal.LB_TARGET_5XX,
                    p,
                    MetricId.of("HTTPCode_Target_5XX_Count", source, Statistic.SUM, "count"),
                    times,
                    errors));
        } else {
            double[] backend = p95.clone();
            for (int i = 0; i < backend.length; i++) {
                backend[i] = Double.isNaN(backend[i]) ? Double.NaN : Math.max(0, backend[i] - 1);
            }
            series.add(series(
                    "apm_p95",
                    Signal.BACKEND_LATENCY,
                    p,
                    MetricId.of("trace.http.request.duration", source, Statistic.P95, "ms"),
                    times,
                    backend));
            series.add(series(
                    "apm_hits",
                    Signal.BACKEND_REQUESTS,
                    p,
                    MetricId.of("trace.http.request.hits", source, Statistic.SUM, "count"),
                    times,
                    requests));
        }
        List<Coverage> coverage = series.stream()
                .map(s -> new Coverage(s.queryId(), n, s.series().presentCount(), true, List.of()))
                .toList();
        return new FetchResult(series, coverage, List.of());
    }

    private static FetchedSeries series(
            String query, Signal signal, Duration period, MetricId id, long[] times, double[] values) {
        return new FetchedSeries(query, signal, period, TimeSeries.of(id, times.clone(), values.clone()));
    }
}
