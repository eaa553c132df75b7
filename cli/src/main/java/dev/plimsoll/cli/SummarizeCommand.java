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
package dev.plimsoll.cli;

import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.HttpTimeline;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.PercentileDefinition;
import dev.plimsoll.run.Phase;
import dev.plimsoll.run.RunSummary;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.run.RunTotals;
import dev.plimsoll.run.ThresholdResult;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plimsoll summarize FILE…}: a k6 run's totals and its load timeline per phase. */
@Command(
        name = "summarize",
        mixinStandardHelpOptions = true,
        description = {
            "Summarises a load run along its timeline: totals like k6's end-of-test summary, then RPS,"
                    + " error rate, latency percentiles and VUs per phase (ramp-up, steady, ramp-down) and per request"
                    + " name.",
            "",
            "FILE is a load tool's output, told from its content: k6 --out json (NDJSON) or csv, --summary-export or"
                    + " handleSummary JSON; a JMeter JTL (CSV or XML); a Gatling simulation.log (plain or .gz). Several"
                    + " result files of one tool (one per load generator) merge into one run. '-' reads k6 output from"
                    + " standard input, e.g. k6 run --out json=/dev/fd/3 script.js 3>&1 >&2 | plimsoll summarize - (k6's"
                    + " own output goes to stderr).",
            "",
            "Percentiles are shown as the tool's own report takes them (--percentiles tool): k6's interpolation,"
                    + " JMeter's Aggregate Report (the sample at rank round(p × n)), Gatling's (3.13+: the sample at"
                    + " 0-based rank floor(p × n), which its t-digest estimates; 3.0–3.12: k6's interpolation, rounded"
                    + " to ms). Plimsoll's analysis and gates always use k6's."
        })
final class SummarizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "FILE",
            arity = "0..*",
            description = "Result files of one run (k6, JMeter, Gatling); '-' reads k6 output from standard input.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--demo",
            description = "Summarise the real k6 run bundled with Plimsoll (a stress test that"
                    + " saturates an autoscaling EKS-like backend).")
    boolean demo;

    @Option(
            names = "--bucket",
            defaultValue = "1s",
            converter = DurationConverter.class,
            description = "Timeline resolution, e.g. 1s, 500ms, 1m. Default: ${DEFAULT-VALUE}.")
    Duration bucket;

    @Option(names = "--lenient", description = "Skip malformed lines (counted and reported) instead of failing.")
    boolean lenient;

    @Option(names = "--top", defaultValue = "10", description = "Request names to list. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(
            names = "--percentiles",
            defaultValue = "tool",
            paramLabel = "DEFINITION",
            description =
                    "How percentiles are taken: tool (the definition of the tool that wrote the file), k6, jmeter,"
                            + " gatling (3.13+) or gatling-3.12 (3.0–3.12). Default: ${DEFAULT-VALUE}.")
    String percentiles;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress or ingestion notes on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = new ArrayList<>(files);
        if (demo) {
            inputs.addAll(DemoData.k6Only());
        }
        if (inputs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing FILE: give load-test result files, or --demo");
        }
        if (top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must be 0 or more, but was " + top);
        }
        PercentileDefinition definition = definition(inputs);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long size = totalSize(inputs);
        Progress progress = new Progress(err, quiet || System.console() == null, size);
        long started = System.nanoTime();
        LoadRun run = LoadRuns.reader()
                .bucket(bucket)
                .lenient(lenient)
                .progress(progress)
                .build()
                .readFiles(inputs);
        progress.done();
        if (!quiet) {
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf(
                    Locale.ROOT,
                    "read %s in %.2f s: %s lines, %s samples%s%n",
                    // standard input has no size beforehand: what the reader counted
                    Format.bytes(inputs.stream().anyMatch(f -> f.toString().equals("-")) ? progress.bytes() : size),
                    seconds,
                    Format.count(run.ingest().lines()),
                    Format.count(run.ingest().samples()),
                    run.ingest().skippedLines() > 0
                            ? ", " + run.ingest().skippedLines() + " malformed lines skipped"
                            : "");
            printWarnings(err, run);
        }
        print(
                out,
                run,
                definition,
                demo
                        ? "bundled demo run (S1: backend saturation with node autoscaling)"
                        : String.join(", ", files.stream().map(Path::toString).toList()));
        return 0;
    }

    /** The run's ingestion warnings (an incomplete last line, a clock jump…), one {@code warning:} line each. */
    static void printWarnings(PrintWriter err, LoadRun run) {
        run.ingest().warnings().forEach(w -> err.println("warning: " + w));
    }

    /** Bytes of the files that exist (a missing one is reported by the reader, which names it). */
    static long totalSize(List<Path> files) {
        long n = 0;
        for (Path f : files) {
            try {
                n += Files.size(f);
            } catch (IOException e) {
                // reported by the reader, which names the file
            }
        }
        return n;
    }

    /** The definition --percentiles names; for {@code tool}, that of the first file's format. */
    private PercentileDefinition definition(List<Path> inputs) {
        return switch (percentiles.trim().toLowerCase(Locale.ROOT)) {
            case "tool" -> LoadRuns.detect(inputs.get(0)).percentiles();
            case "k6" -> PercentileDefinition.K6;
            case "jmeter" -> PercentileDefinition.JMETER;
            case "gatling" -> PercentileDefinition.GATLING;
            case "gatling-3.12" -> PercentileDefinition.GATLING_BEFORE_3_13;
            default ->
                throw new ParameterException(
                        spec.commandLine(),
                        "Invalid value for option '--percentiles': '" + percentiles
                                + "' (expected tool, k6, jmeter, gatling or gatling-3.12)");
        };
    }

    void print(PrintWriter out, LoadRun run, PercentileDefinition pd, String source) {
        boolean k6 = run.tool().equals("k6");
        RunTimeline t = run.timeline();
        RunTotals totals = run.totals();
        out.println("run       " + source + " (" + run.tool() + ")");
        if (!t.isEmpty()) {
            TimeWindow w = t.window();
            out.println("window    " + w.start() + " → " + w.end() + " (" + Format.duration(w.duration()) + ", "
                    + t.bucket().toMillis() + " ms buckets)");
        }
        out.println();
        out.println("totals");
        row(out, "requests", Format.count(totals.requests()) + "  " + Format.rate(totals.rps()));
        row(out, "failed requests", Format.count(totals.failedRequests()) + "  " + Format.percent(totals.errorRate()));
        row(out, "iterations", Format.count(totals.iterations()));
        row(out, "dropped iterations", Format.count(totals.droppedIterations()));
        row(
                out,
                "checks",
                Format.count(totals.checksPassed()) + " passed, " + Format.count(totals.checksFailed()) + " failed");
        row(
                out,
                "data",
                "sent " + Format.bytes(totals.dataSentBytes()) + ", received "
                        + Format.bytes(totals.dataReceivedBytes()));
        row(out, "VUs", "max " + totals.vusMax());
        if (!t.isEmpty()) {
            Distribution d = t.http().distribution(LoadMetrics.REQUEST_DURATION);
            row(
                    out,
                    k6 ? "http_req_duration" : LoadMetrics.REQUEST_DURATION,
                    "avg=" + Format.millis(d.mean()) + " med=" + Format.millis(d.percentile(50, pd))
                            + " p(95)=" + Format.millis(d.percentile(95, pd)) + " p(99)="
                            + Format.millis(d.percentile(99, pd)) + " max=" + Format.millis(d.max()));
            Distribution waiting = t.http().distribution(LoadMetrics.TIME_TO_FIRST_BYTE);
            if (waiting.count() > 0) {
                row(
                        out,
                        k6 ? "http_req_waiting" : LoadMetrics.TIME_TO_FIRST_BYTE,
                        "p(95)=" + Format.millis(waiting.percentile(95, pd)) + " (time to first byte)");
            }
            if (pd != PercentileDefinition.K6) {
                row(out, "percentiles", "as " + pd.label() + ": " + pd.rule());
            }
        }
        run.summary().ifPresent(s -> printThresholds(out, s));
        if (t.isEmpty()) {
            return;
        }
        out.println();
        out.println("phases");
        out.printf(
                Locale.ROOT,
                "  %-10s %-8s %-8s %6s %8s %9s %8s %10s %10s %10s%n",
                "phase",
                "from",
                "to",
                "length",
                "VUs max",
                "RPS",
                "errors",
                "p50",
                "p95",
                "p99");
        for (Phase p : run.phases()) {
            HttpTimeline http = t.http();
            TimeWindow w = p.window();
            Distribution d = http.distribution(LoadMetrics.REQUEST_DURATION, w);
            double requests = sum(http.requests().slice(w));
            double failed = sum(http.failed().slice(w));
            double seconds = w.duration().toMillis() / 1000.0;
            out.printf(
                    Locale.ROOT,
                    "  %-10s %-8s %-8s %6s %8s %9s %8s %10s %10s %10s%n",
                    p.kind().label(),
                    Format.clock(w.start()),
                    Format.clock(w.end()),
                    Format.duration(w.duration()),
                    formatMax(t.vus().slice(w)),
                    Format.rate(requests / seconds),
                    Format.percent(requests == 0 ? Double.NaN : failed / requests),
                    Format.millis(d.percentile(50, pd)),
                    Format.millis(d.percentile(95, pd)),
                    Format.millis(d.percentile(99, pd)));
        }
        out.println();
        out.println("requests by name"
                + (t.byName().size() > top
                        ? " (top " + top + " of " + t.byName().size() + ")"
                        : ""));
        out.printf(Locale.ROOT, "  %-40s %10s %8s %10s %10s%n", "name", "requests", "errors", "p95", "p99");
        t.byName().entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, HttpTimeline> e) ->
                                e.getValue().totalRequests())
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(top)
                .forEach(e -> {
                    HttpTimeline h = e.getValue();
                    Distribution d = h.distribution(LoadMetrics.REQUEST_DURATION);
                    out.printf(
                            Locale.ROOT,
                            "  %-40s %10s %8s %10s %10s%n",
                            truncate(e.getKey(), 40),
                            Format.count(h.totalRequests()),
                            Format.percent(h.errorRate()),
                            Format.millis(d.percentile(95, pd)),
                            Format.millis(d.percentile(99, pd)));
                });
        if (!t.byStatus().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            t.byStatus()
                    .forEach((status, h) -> sb.append(sb.length() == 0 ? "" : ", ")
                            .append(status)
                            .append(": ")
                            .append(Format.count(h.totalRequests())));
            out.println();
            out.println("status    " + sb);
        }
        if (!t.byErrorCode().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            t.byErrorCode()
                    .forEach((code, h) -> sb.append(sb.length() == 0 ? "" : ", ")
                            .append(code)
                            .append(": ")
                            .append(Format.count(h.totalRequests())));
            out.println((k6 ? "k6 error codes  " : "error classes  ") + sb);
        }
    }

    private static void printThresholds(PrintWriter out, RunSummary s) {
        if (s.thresholds().isEmpty()) {
            return;
        }
        out.println();
        out.println("thresholds (as k6 reported them)");
        for (ThresholdResult r : s.thresholds()) {
            out.println("  " + (r.passed() ? "✓ " : "✗ ") + r.metric() + " " + r.expression());
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        StringBuilder dots = new StringBuilder("  ").append(label).append(' ');
        while (dots.length() < 24) {
            dots.append('.');
        }
        out.println(dots + " " + value);
    }

    private static double sum(TimeSeries s) {
        return s.stream().filter(v -> !Double.isNaN(v)).sum();
    }

    private static String formatMax(TimeSeries s) {
        double m = s.max();
        return Double.isNaN(m) ? "-" : Long.toString(Math.round(m));
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
