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

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.baseline.BaselineComparator;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.baseline.FigureChange;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.Gate;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.history.HistoryBaseline;
import dev.plimsoll.history.HistoryException;
import dev.plimsoll.history.RunHistory;
import dev.plimsoll.history.RunLabels;
import dev.plimsoll.history.RunRecords;
import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportFormat;
import dev.plimsoll.report.ReportOptions;
import dev.plimsoll.report.Verdict;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSources;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code plimsoll analyze}: a load run against CloudWatch and Datadog, findings, gates and reports. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Analyses a load run against the cluster's CloudWatch and Datadog telemetry (live or replayed):"
                    + " clock skew, scaling lag, ceilings, the tier where latency was added, load-generator saturation,"
                    + " error bursts. Writes the reports to --out. Exit codes: 0 pass, 1 a gate failed (or a finding"
                    + " reached --fail-on), 2 usage or input error (also: the run history could not be read or"
                    + " written; the reports are written first), 3 inconclusive (the sources did not cover the run"
                    + " for what a gate or finding needs, or a gate needs a baseline that cannot be read; on the"
                    + " first run of a history line such gates are skipped instead), 4 internal error."
        })
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = {"--load", "--k6"},
            paramLabel = "FILE",
            description = "The load tool's output, told from its content: k6 (--out json/csv, summary), JMeter JTL"
                    + " (CSV or XML), Gatling simulation.log; repeat for several generators.")
    List<Path> load = new ArrayList<>();

    @Option(names = "--cloudwatch-replay", paramLabel = "DIR", description = "Recorded get-metric-data responses.")
    @Nullable
    Path cloudwatchReplay;

    @Option(names = "--datadog-replay", paramLabel = "DIR", description = "Recorded Datadog query responses.")
    @Nullable
    Path datadogReplay;

    @Option(names = "--cloudwatch", description = "Fetch CloudWatch live (AWS credentials from the default chain).")
    boolean cloudwatch;

    @Option(names = "--datadog", description = "Fetch Datadog live (DD_API_KEY, DD_APP_KEY, DD_SITE).")
    boolean datadog;

    @Option(names = "--region", description = "AWS region (default: the SDK's chain).")
    @Nullable
    String region;

    @Option(names = "--cluster", description = "EKS cluster name (Container Insights ClusterName, kube_cluster_name).")
    @Nullable
    String cluster;

    @Option(names = "--load-balancer", description = "ALB dimension app/<name>/<id>.")
    @Nullable
    String loadBalancer;

    @Option(names = "--service", description = "Kubernetes service / APM service name.")
    @Nullable
    String service;

    @Option(names = "--namespace", description = "Kubernetes namespace of the service (pod metrics).")
    @Nullable
    String namespace;

    @Option(names = "--site", description = "Datadog site (datadoghq.com, datadoghq.eu, us3, us5, ap1…).")
    @Nullable
    String site;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "YAML or properties file with cloudwatch.* and datadog.* settings (YAML nests them:"
                    + " cloudwatch: {region: eu-west-1}).")
    @Nullable
    Path config;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "A source setting, e.g. cloudwatch.signal.node_cpu=off; repeatable, wins over --config.")
    Map<String, String> settings = new TreeMap<>();

    @Option(
            names = "--gate",
            paramLabel = "EXPR",
            description = "A gate, e.g. scaling_lag<=150s, client_p95<500ms, bottleneck!=backend, findings.warning==0;"
                    + " repeatable.")
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
            description = "Node CPU %% that counts as saturation. Default: ${DEFAULT-VALUE}.")
    double cpuThreshold;

    @Option(
            names = "--ingestion-delay",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "0s",
            description = "Poll the sources until their data covers the run, for at most this long (CloudWatch ALB"
                    + " metrics arrive a minute or more late, Datadog's AWS integration ~10 min). Default:"
                    + " ${DEFAULT-VALUE}.")
    Duration ingestionDelay;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "plimsoll-report",
            description = "Where reports go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(
            names = "--format",
            split = ",",
            defaultValue = "html,json,md",
            description = "Report formats: html, json, md, junit (JUnit XML for CI test reporters)."
                    + " Default: ${DEFAULT-VALUE}.")
    List<String> formats;

    @Option(
            names = "--timezone",
            paramLabel = "ZONE",
            converter = ZoneConverter.class,
            defaultValue = "UTC",
            description = "Zone of the times in the HTML report: UTC, an offset such as +01:00 (the one the load tool"
                    + " wrote its timestamps in), or a region such as Europe/Rome. Default: ${DEFAULT-VALUE}.")
    ZoneId timezone;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "high",
            description = "Fail the run (exit 1) when a finding reaches this severity: info, warning, high, or none"
                    + " (only gates fail it). Default: ${DEFAULT-VALUE}, as @LoadTest.")
    String failOn;

    @Option(
            names = "--allow-inconclusive",
            description = "Exit 0 instead of 3 when the verdict is inconclusive (the report still says why).")
    boolean allowInconclusive;

    @Option(
            names = "--history",
            paramLabel = "URL",
            arity = "0..1",
            fallbackValue = "",
            description = "Keep the run in a run history and compare it with a baseline from it: a SQLite file"
                    + " (jdbc:sqlite:PATH or a path) or jdbc:postgresql://HOST/DB (user and password in the URL or"
                    + " PGUSER/PGPASSWORD). Without a value: PLIMSOLL_HISTORY, else " + RunHistory.DEFAULT_FILE
                    + ". Also on when PLIMSOLL_HISTORY is set or --baseline is given.")
    @Nullable
    String history;

    @Option(
            names = "--baseline",
            paramLabel = "SELECTOR",
            description = "Compare the run with baseline runs of the history: last, last-passing, a run id, or"
                    + " label:k=v[,k2=v2][,n=5] (the newest n runs carrying the labels); last and last-passing take ,n=N."
                    + " Regressions become findings (warning) and feed gates such as client_p95_change<10%%,"
                    + " scaling_lag_change<=30s, regressions==0.")
    @Nullable
    String baseline;

    @Option(
            names = "--label",
            paramLabel = "KEY=VALUE",
            description = "A label of the run in the history, e.g. branch=main; repeatable. In GitHub Actions commit,"
                    + " branch, github_run_id and repository are added from GITHUB_SHA, GITHUB_REF_NAME, GITHUB_RUN_ID"
                    + " and GITHUB_REPOSITORY.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--no-save", description = "Compare with the history's baseline but do not save the run in it.")
    boolean noSave;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress or ingestion warnings on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        if (load.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing --load FILE: give the run's load-tool output");
        }
        return run(spec.commandLine().getOut(), load, load.get(0).getFileName().toString());
    }

    int run(PrintWriter o, List<Path> loadFiles, String title) {
        List<Gate> parsed = gates.stream().map(Gate::parse).toList(); // fail fast, before any read or fetch
        Set<ReportFormat> wanted = new LinkedHashSet<>();
        for (String f : formats) {
            try {
                wanted.add(ReportFormat.ofId(f));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Unknown --format '" + f.trim() + "': this version" + " writes "
                                + List.of("html", "json", "md", "junit"));
            }
        }
        checkOut();
        // the history's settings are checked before anything is read: a typo fails in a second, not after the load
        String historyUrl = historyWanted() ? HistoryStore.url(history) : null;
        Map<String, String> runLabels = Map.of();
        if (historyUrl != null) {
            try {
                RunHistory.checkUrl(historyUrl);
                if (baseline != null) {
                    RunHistory.checkSelector(baseline);
                }
                runLabels = RunLabels.withGitHubActions(RunLabels.parse(labels), PlimsollCommand.environment());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), HistoryStore.scrub(e.getMessage(), historyUrl));
            }
        }
        Map<String, String> props = properties();
        AnalysisConfig analysisConfig = AnalysisConfig.defaults().toBuilder()
                .maxNodes(maxNodes)
                .lagBudget(lagBudget)
                .cpuThresholdPercent(cpuThreshold)
                .build();
        Progress progress = new Progress(
                spec.commandLine().getErr(), quiet || System.console() == null, SummarizeCommand.totalSize(loadFiles));
        LoadRun run = LoadRuns.reader().progress(progress).build().readFiles(loadFiles);
        progress.done();
        if (!quiet) {
            SummarizeCommand.printWarnings(spec.commandLine().getErr(), run);
        }
        if (run.timeline().isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    loadFiles + " hold no samples: give the --out json or --out csv output, not only a summary");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> historyErrors = new ArrayList<>();
        RunHistory store = null;
        String runId = null;
        if (historyUrl != null) {
            runId = RunHistory.newRunId(run.window().start());
            try {
                store = HistoryStore.open(historyUrl);
            } catch (HistoryException | IllegalArgumentException e) {
                historyErrors.add(HistoryStore.scrub(e.getMessage(), historyUrl));
            }
        }
        List<MetricSource> sources = new ArrayList<>();
        Report report;
        try {
            for (String type : sourceTypes()) {
                sources.add(MetricSources.require(type, props::get));
            }
            report = LoadTestAnalysis.of(run)
                    .title(title)
                    .sources(sources)
                    .config(analysisConfig)
                    .gates(parsed)
                    .failOn(severity(failOn))
                    .ingestionDelay(ingestionDelay)
                    .baseline(comparator(store, historyErrors, runId, noSave ? null : runLabels))
                    .progress(m -> {
                        if (!quiet) {
                            err.println("plimsoll: " + (historyUrl == null ? m : HistoryStore.scrub(m, historyUrl)));
                        }
                    })
                    .analyze();
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            throw e;
        } finally {
            sources.forEach(MetricSource::close);
        }
        List<Path> written;
        String saved = null;
        try {
            written = report.writeTo(out, wanted, ReportOptions.defaults().withZone(timezone));
        } finally {
            if (store != null) {
                try (RunHistory h = store) {
                    if (!noSave) {
                        saved = "history: run " + h.save(RunRecords.of(report, runId), runLabels) + " saved to "
                                + h.url();
                    }
                } catch (HistoryException e) {
                    historyErrors.add(HistoryStore.scrub(e.getMessage(), historyUrl == null ? "" : historyUrl));
                }
            }
        }
        print(o, report, written);
        if (saved != null) {
            o.println(saved);
        }
        if (!historyErrors.isEmpty()) {
            // the reports are written and the verdict printed; the history could not do its part
            historyErrors.forEach(m -> err.println("plimsoll: error: " + m));
            if (!noSave) {
                err.println("plimsoll: the run was not saved in the run history; "
                        + (wanted.contains(ReportFormat.JSON)
                                ? "its JSON report holds it: plimsoll history import "
                                        + out.resolve(ReportFormat.JSON.fileName()) + " saves it later"
                                : "write its JSON report (--format json) to import it later"));
            }
            return PlimsollCommand.EXIT_INPUT_ERROR;
        }
        Verdict verdict = report.verdict();
        if (verdict == Verdict.INCONCLUSIVE && allowInconclusive) {
            o.println("inconclusive accepted (--allow-inconclusive): exit 0");
            return 0;
        }
        return verdict.exitCode();
    }

    /** Refuses --out early when it, or a folder above it, is an existing file: the reports go into a folder. */
    private void checkOut() {
        for (Path p = out; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--out " + out + ": " + (p.equals(out) ? "the output path" : p.toString())
                                + " is a file, not a folder; the reports are written into a folder");
            }
        }
    }

    /** Whether PLIMSOLL_HISTORY turns the history on (not for the demo, which is no run of the user's). */
    boolean historyFromEnvironment = true;

    /** Whether the run history takes part: --history, --baseline or PLIMSOLL_HISTORY. */
    private boolean historyWanted() {
        return history != null || baseline != null || (historyFromEnvironment && HistoryStore.fromEnvironment());
    }

    /** The baseline to compare with: from the open store, or one that says why the store could not be read. */
    private @Nullable BaselineComparator comparator(
            @Nullable RunHistory store,
            List<String> errors,
            @Nullable String runId,
            @Nullable Map<String, String> savedWith) {
        String selector = baseline;
        if (selector == null) {
            return null;
        }
        if (store != null) {
            return HistoryBaseline.of(store, selector).runId(runId).savedWith(savedWith);
        }
        String problem = errors.isEmpty() ? "the run history could not be opened" : errors.get(0);
        return new BaselineComparator() {
            @Override
            public String selector() {
                return selector;
            }

            @Override
            public BaselineComparison compare(AnalysisResult result) {
                return BaselineComparison.unavailable(selector, problem);
            }
        };
    }

    private @Nullable Severity severity(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return null;
        }
        for (Severity s : Severity.values()) {
            if (s.label().equals(t)) {
                return s;
            }
        }
        throw new ParameterException(
                spec.commandLine(), "--fail-on must be info, warning, high or none, but was '" + text + "'");
    }

    /** The sources asked for: replays and live ones, by type. */
    private List<String> sourceTypes() {
        List<String> types = new ArrayList<>();
        if (cloudwatchReplay != null || cloudwatch) {
            types.add("cloudwatch");
        }
        if (datadogReplay != null || datadog) {
            types.add("datadog");
        }
        return types;
    }

    private static void print(PrintWriter o, Report report, List<Path> written) {
        var r = report.result();
        Verdict verdict = report.verdict();
        o.println(
                "verdict: " + verdict.id() + "   bottleneck: " + r.bottleneck().id()
                        + (r.skew().isEstimated()
                                ? String.format(
                                        Locale.ROOT,
                                        "   clock skew: %+.1f s (r=%.3f)",
                                        r.skew().seconds(),
                                        r.skew().correlation())
                                : ""));
        if (verdict != Verdict.PASS) {
            report.reasons().forEach(reason -> o.println("  " + reason));
        }
        for (Finding f : r.findings()) {
            if (f.kind() != FindingKind.DATA_COVERAGE) {
                o.printf(
                        Locale.ROOT,
                        "%-8s %-26s %s%n",
                        f.severity().label(),
                        f.kind().id(),
                        f.reason());
            }
        }
        long notes = r.findings().stream()
                .filter(f -> f.kind() == FindingKind.DATA_COVERAGE)
                .count();
        if (notes > 0) {
            o.println(notes + " data-coverage note(s) in the report");
        }
        report.baseline().ifPresent(b -> printBaseline(o, b));
        for (GateResult g : report.gates()) {
            o.printf(
                    Locale.ROOT,
                    "gate %-30s %-12s %s%n",
                    g.expression(),
                    g.measured(),
                    g.outcome().label());
        }
        for (Path p : written) {
            o.println("report: " + p.toAbsolutePath());
        }
    }

    private static void printBaseline(PrintWriter o, BaselineComparison b) {
        if (!b.available()) {
            o.println("baseline " + b.selector() + (b.first() ? ": none yet: " : ": not compared: ") + b.problem());
            return;
        }
        o.println("baseline " + b.selector() + ": " + b.regressions().size() + " regression(s), "
                + b.improvements().size() + " improvement(s) against " + String.join(", ", b.baselineRunIds()));
        for (FigureChange c : b.figures()) {
            if (c.outcome() == FigureChange.Outcome.REGRESSION || c.outcome() == FigureChange.Outcome.IMPROVEMENT) {
                o.printf(Locale.ROOT, "  %-12s %-26s %s%n", c.outcome().id(), c.figure(), Figures.change(c));
            }
        }
    }

    /** Source settings: the --config file, then --set, then the typed options. */
    private Map<String, String> properties() {
        Map<String, String> p = new TreeMap<>();
        if (config != null) {
            p.putAll(SettingsFile.read(config));
        }
        List<String> problems = MetricSources.checkKeys(settings.keySet(), Set.of());
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--set: " + String.join("; ", problems));
        }
        p.putAll(settings);
        put(p, "cloudwatch.replay", cloudwatchReplay == null ? null : cloudwatchReplay.toString());
        put(p, "datadog.replay", datadogReplay == null ? null : datadogReplay.toString());
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

    private static void put(Map<String, String> p, String key, @Nullable String value) {
        if (value != null) {
            p.put(key, value);
        }
    }
}
