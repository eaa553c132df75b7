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

import dev.plimsoll.Plimsoll;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.cloudwatch.CloudWatchRecording;
import dev.plimsoll.datadog.DatadogRecording;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.gate.Gate;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.report.JsonReport;
import dev.plimsoll.report.MarkdownReport;
import dev.plimsoll.report.Report;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSources;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code plimsoll analyze}: a k6 run against CloudWatch and Datadog, findings, gates and reports. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Analyses a k6 run against the cluster's CloudWatch and Datadog telemetry (live or replayed):"
                    + " clock skew, scaling lag, ceilings, the tier where latency was added, load-generator saturation,"
                    + " error bursts. Writes the reports to --out and exits 0 when every gate passes, 1 when one fails,"
                    + " 2 on a usage or input error."
        })
final class AnalyzeCommand implements Callable<Integer> {
    /** Report formats this version writes. */
    static final Set<String> FORMATS = Set.of("json", "md", "html", "junit");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--k6",
            paramLabel = "FILE",
            description = "k6 output (NDJSON, CSV, summary); repeat for several" + " generators.")
    List<Path> k6 = new ArrayList<>();

    @Option(names = "--cloudwatch-replay", paramLabel = "DIR", description = "Recorded get-metric-data responses.")
    Path cloudwatchReplay;

    @Option(names = "--datadog-replay", paramLabel = "DIR", description = "Recorded Datadog query responses.")
    Path datadogReplay;

    @Option(names = "--cloudwatch", description = "Fetch CloudWatch live (AWS credentials from the default chain).")
    boolean cloudwatch;

    @Option(names = "--datadog", description = "Fetch Datadog live (DD_API_KEY, DD_APP_KEY, DD_SITE).")
    boolean datadog;

    @Option(names = "--region", description = "AWS region (default: the SDK's chain).")
    String region;

    @Option(names = "--cluster", description = "EKS cluster name (Container Insights ClusterName, kube_cluster_name).")
    String cluster;

    @Option(names = "--load-balancer", description = "ALB dimension app/<name>/<id>.")
    String loadBalancer;

    @Option(names = "--service", description = "Kubernetes service / APM service name.")
    String service;

    @Option(names = "--namespace", description = "Kubernetes namespace of the service (pod metrics).")
    String namespace;

    @Option(names = "--site", description = "Datadog site (datadoghq.com, datadoghq.eu, us3, us5, ap1…).")
    String site;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "YAML or properties file with cloudwatch.* and"
                    + " datadog.* keys (YAML nests them: cloudwatch: {region: eu-west-1}).")
    Path config;

    @Option(
            names = "--gate",
            paramLabel = "EXPR",
            description = "A gate, e.g. scaling_lag<=150s, client_p95<500ms,"
                    + " bottleneck!=backend, findings.warning==0; repeatable.")
    List<String> gates = new ArrayList<>();

    @Option(names = "--max-nodes", description = "The node group's maximum, to recognise a scaling ceiling.")
    int maxNodes;

    @Option(
            names = "--lag-budget",
            converter = DurationConverter.class,
            defaultValue = "180s",
            description = "Acceptable saturation → node-ready lag. Default: ${DEFAULT-VALUE}.")
    Duration lagBudget;

    @Option(
            names = "--cpu-threshold",
            defaultValue = "70",
            description = "Node CPU %% that counts as saturation." + " Default: ${DEFAULT-VALUE}.")
    double cpuThreshold;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "plimsoll-report",
            description = "Where reports go." + " Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(
            names = "--format",
            split = ",",
            defaultValue = "html,json,md",
            description = "Report formats: html,"
                    + " json, md, junit (JUnit XML for CI test reporters)."
                    + " Default: ${DEFAULT-VALUE}.")
    List<String> formats;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (k6.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing --k6 FILE: give the run's k6 output");
        }
        return run(
                spec.commandLine().getOut(),
                k6,
                cloudwatchReplay,
                datadogReplay,
                maxNodes,
                k6.get(0).getFileName().toString());
    }

    int run(PrintWriter o, List<Path> k6Files, Path cwReplay, Path ddReplay, int nodes, String title)
            throws IOException {
        List<Gate> parsed = gates.stream().map(Gate::parse).toList(); // fail fast, before any fetch
        for (String f : formats) {
            if (!FORMATS.contains(f.trim().toLowerCase(Locale.ROOT))) {
                throw new ParameterException(
                        spec.commandLine(), "Unknown --format '" + f + "': this version writes " + FORMATS);
            }
        }
        Progress progress = new Progress(
                spec.commandLine().getErr(), quiet || System.console() == null, SummarizeCommand.totalSize(k6Files));
        LoadRun run = K6Reader.builder().progress(progress).build().read(k6Files);
        progress.done();
        if (run.timeline().isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "The k6 files hold no samples: give the --out json or" + " --out csv output, not only a summary");
        }
        TimeWindow window = new TimeWindow(
                run.window().start().minusSeconds(60), run.window().end().plusSeconds(300));
        Map<String, String> props = properties();
        List<FetchResult> fetched = new ArrayList<>();
        if (cwReplay != null) {
            CloudWatchRecording r = CloudWatchRecording.open(cwReplay);
            fetched.add(r.fetch(r.defaultQueries(), window, Duration.ofSeconds(60)));
        } else if (cloudwatch) {
            fetched.add(fetchLive("cloudwatch", props, window, Duration.ofSeconds(60)));
        }
        if (ddReplay != null) {
            DatadogRecording r = DatadogRecording.open(ddReplay);
            fetched.add(r.fetch(r.defaultQueries(), window, Duration.ofSeconds(15)));
        } else if (datadog) {
            fetched.add(fetchLive("datadog", props, window, Duration.ofSeconds(15)));
        }
        AnalysisConfig config = AnalysisConfig.defaults()
                .withMaxNodes(nodes)
                .withLagBudget(lagBudget)
                .withCpuThreshold(cpuThreshold);
        AnalysisResult result = Plimsoll.analyze(run, fetched, config);
        List<GateResult> results = parsed.stream().map(g -> g.evaluate(result)).toList();
        Report report = new Report(title, result, results);
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (String f : new LinkedHashSet<>(formats)) {
            String format = f.trim().toLowerCase(Locale.ROOT);
            Path file = out.resolve(format.equals("junit") ? "plimsoll-junit.xml" : "plimsoll-report." + format);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                if (format.equals("junit")) {
                    dev.plimsoll.report.JUnitReport.write(report, w);
                } else if (file.toString().endsWith(".json")) {
                    JsonReport.write(report, w);
                } else if (file.toString().endsWith(".html")) {
                    dev.plimsoll.report.HtmlReport.write(report, w);
                } else {
                    MarkdownReport.write(report, w);
                }
            }
            written.add(file);
        }
        print(o, result, results, written);
        return report.passed() ? 0 : 1;
    }

    private static void print(PrintWriter o, AnalysisResult r, List<GateResult> gates, List<Path> written) {
        o.println("bottleneck: " + r.bottleneck()
                + (r.skew().isEstimated()
                        ? String.format(
                                Locale.ROOT,
                                "   clock skew: %+.1f s (r=%.3f)",
                                r.skew().seconds(),
                                r.skew().correlation())
                        : ""));
        for (Finding f : r.findings()) {
            if (f.kind() != dev.plimsoll.finding.FindingKind.DATA_COVERAGE) {
                o.printf(
                        Locale.ROOT,
                        "%-8s %-26s %s%n",
                        f.severity().label(),
                        f.kind().id(),
                        f.reason());
            }
        }
        long notes = r.findings().stream()
                .filter(f -> f.kind() == dev.plimsoll.finding.FindingKind.DATA_COVERAGE)
                .count();
        if (notes > 0) {
            o.println(notes + " data-coverage note(s) in the report");
        }
        for (GateResult g : gates) {
            o.printf(Locale.ROOT, "gate %-30s %-12s %s%n", g.expression(), g.measured(), g.passed() ? "pass" : "FAIL");
        }
        for (Path p : written) {
            o.println("report: " + p.toAbsolutePath());
        }
    }

    private FetchResult fetchLive(String type, Map<String, String> props, TimeWindow window, Duration step) {
        try (MetricSource s = MetricSources.require(type, props::get)) {
            return s.fetch(s.defaultQueries(), window, step);
        }
    }

    private Map<String, String> properties() throws IOException {
        Map<String, String> p = new HashMap<>();
        if (config != null) {
            String name = config.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                var tree = new com.fasterxml.jackson.databind.ObjectMapper(
                                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(config.toFile());
                flatten("", tree, p);
            } else {
                Properties file = new Properties();
                try (InputStream in = Files.newInputStream(config)) {
                    file.load(in);
                }
                file.forEach((k, v) -> p.put(k.toString(), v.toString()));
            }
        }
        put(p, "cloudwatch.region", region);
        put(p, "cloudwatch.cluster", cluster);
        put(p, "cloudwatch.load-balancer", loadBalancer);
        put(p, "cloudwatch.service", service);
        put(p, "cloudwatch.namespace", namespace);
        put(p, "datadog.site", site);
        put(p, "datadog.cluster", cluster);
        put(p, "datadog.service", service);
        put(p, "datadog.load-balancer", loadBalancer);
        return p;
    }

    /** {@code cloudwatch: {region: x}} → {@code cloudwatch.region=x}. */
    static void flatten(String prefix, com.fasterxml.jackson.databind.JsonNode n, Map<String, String> out) {
        if (n == null || n.isNull()) {
            return;
        }
        if (n.isObject()) {
            n.fields()
                    .forEachRemaining(
                            e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (!prefix.isEmpty()) {
            out.put(prefix, n.isTextual() ? n.asText() : n.toString());
        }
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }
}
