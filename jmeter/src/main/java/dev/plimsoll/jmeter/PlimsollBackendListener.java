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
package dev.plimsoll.jmeter;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.error.PlimsollException;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.Gate;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.ingest.jmeter.JMeterRecorder;
import dev.plimsoll.ingest.jmeter.JMeterSample;
import dev.plimsoll.internal.Durations;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportFormat;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTotals;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jmeter.config.Arguments;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.visualizers.backend.AbstractBackendListenerClient;
import org.apache.jmeter.visualizers.backend.BackendListenerContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JMeter Backend Listener client ({@code org.apache.jmeter.visualizers.backend.BackendListenerClient}) that records
 * every sample of a test plan into a Plimsoll run while the plan runs and, when the plan ends, analyses it in-process
 * over the configured cloud sources, evaluates the gates and writes the reports.
 *
 * <p>In a test plan: add a Backend Listener, choose this class as its implementation and fill in the parameters
 * ({@link #getDefaultParameters()} lists them with their defaults; JMeter functions such as
 * {@code ${__P(plimsoll.reportDir,target/plimsoll)}} work in their values). Its jar, plimsoll-core's and, for cloud
 * sources, the adapters' go into JMeter's {@code lib/ext} (or a harness's class path).
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><td>{@value #RUN_ID}</td><td>the run's id and the report's title; the key of {@link #outcome(String)};
 *       default {@code jmeter}</td></tr>
 *   <tr><td>{@value #BUCKET}</td><td>timeline resolution; default {@code 1s}</td></tr>
 *   <tr><td>{@value #SUBRESULTS}</td><td>record sub-results (redirects, a transaction's children) as samples of their
 *       own, as JMeter's CSV writer saves them ({@code jmeter.save.saveservice.subresults}); default {@code true}: the
 *       run then equals the one read from the plan's JTL CSV</td></tr>
 *   <tr><td>{@value #SOURCES}</td><td>cloud sources by type, comma-separated ({@code cloudwatch,datadog}); each is
 *       configured by the parameters {@code <type>.<key>} ({@code cloudwatch.region}, {@code datadog.replay}, …),
 *       as in the CLI's settings file; default none</td></tr>
 *   <tr><td>{@value #MAX_NODES}</td><td>the node group's maximum (scaling ceilings); default unknown</td></tr>
 *   <tr><td>{@value #GATES}</td><td>gates separated by {@code ;}, e.g. {@code client_p95<500ms;error_rate<1%};
 *       default none</td></tr>
 *   <tr><td>{@value #INGESTION_DELAY}</td><td>how long to wait for the cloud's data to cover the run (polled);
 *       default {@code 0s}</td></tr>
 *   <tr><td>{@value #REPORT_DIR}</td><td>folder for the reports; default empty: no files</td></tr>
 *   <tr><td>{@value #FORMATS}</td><td>report formats, comma-separated: {@code html,json,md,junit}; default
 *       {@code html,json,md}</td></tr>
 * </table>
 *
 * <p>Parameters are checked when the plan starts: a misspelt gate, format, source type or source setting stops the
 * plan before any load runs. At the end the outcome is logged (JMeter's log), written to {@value #REPORT_DIR}, and
 * kept for a harness running JMeter in the same JVM: {@link #outcome(String)}. JMeter's own exit code does not
 * change on a failed gate: read the outcome, or the JUnit XML report, to fail a build.
 *
 * <pre>{@code
 * // a harness that ran the plan in this JVM (runId = checkout)
 * PlimsollBackendListener.Outcome o = PlimsollBackendListener.outcome("checkout").orElseThrow();
 * if (!o.passed()) {
 *     throw new AssertionError(o.problem().orElseGet(() -> String.join("\n", o.report().orElseThrow().reasons())));
 * }
 * PlimsollBackendListener.forget("checkout");
 * }</pre>
 *
 * @since 0.1
 */
public final class PlimsollBackendListener extends AbstractBackendListenerClient {
    /** Parameter: the run's id. */
    public static final String RUN_ID = "runId";
    /** Parameter: timeline resolution. */
    public static final String BUCKET = "bucket";
    /** Parameter: record sub-results as samples. */
    public static final String SUBRESULTS = "subresults";
    /** Parameter: cloud source types. */
    public static final String SOURCES = "sources";
    /** Parameter: the node group's maximum. */
    public static final String MAX_NODES = "maxNodes";
    /** Parameter: gates. */
    public static final String GATES = "gates";
    /** Parameter: how long to wait for the cloud's data. */
    public static final String INGESTION_DELAY = "ingestionDelay";
    /** Parameter: the reports' folder. */
    public static final String REPORT_DIR = "reportDir";
    /** Parameter: report formats. */
    public static final String FORMATS = "formats";

    /** JMeter's CSV writer saves sub-results down to this depth. */
    private static final int MAX_DEPTH = 10;

    private static final Logger LOG = LoggerFactory.getLogger(PlimsollBackendListener.class);
    private static final Map<String, Outcome> OUTCOMES = new ConcurrentHashMap<>();
    private static final Set<String> OWN = Set.of(
            RUN_ID,
            BUCKET,
            SUBRESULTS,
            SOURCES,
            MAX_NODES,
            GATES,
            INGESTION_DELAY,
            REPORT_DIR,
            FORMATS,
            "TestElement.name");

    // set when the plan starts, read by JMeter's worker thread that hands in the samples
    private volatile @Nullable Settings settings;
    private volatile @Nullable JMeterRecorder recorder;
    private final List<MetricSource> sources = new ArrayList<>();

    /**
     * What the listener recorded and concluded at the end of a plan.
     *
     * @param run the recorded run
     * @param report the analysis, gates included; empty when it could not run (see {@code problem})
     * @param files the reports written
     * @param problem why the analysis or the reports failed, if they did
     */
    public record Outcome(LoadRun run, Optional<Report> report, List<Path> files, Optional<String> problem) {
        /**
         * Checks the components and copies the files.
         *
         * @param run the recorded run
         * @param report the analysis, or empty
         * @param files the reports written, possibly none
         * @param problem what failed, or empty
         * @throws NullPointerException if a component is null
         */
        public Outcome {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(report, "report");
            files = List.copyOf(files);
            Objects.requireNonNull(problem, "problem");
        }

        /**
         * Whether the run passed: the analysis ran and its verdict is a pass.
         *
         * @return false for a failed or inconclusive verdict, and when the analysis or the reports failed
         */
        public boolean passed() {
            return problem.isEmpty() && report.map(Report::passed).orElse(false);
        }
    }

    /**
     * The outcome of the last plan that ended with this run id in this JVM; empty before one ended. A later plan with
     * the same id replaces it.
     *
     * @param runId the plan's {@value #RUN_ID} parameter
     * @return the outcome, or empty
     */
    public static Optional<Outcome> outcome(String runId) {
        return Optional.ofNullable(OUTCOMES.get(runId));
    }

    /**
     * Drops the kept outcome of a run id (its run's timeline may be large).
     *
     * @param runId the plan's {@value #RUN_ID} parameter; an id without an outcome is ignored
     */
    public static void forget(String runId) {
        OUTCOMES.remove(runId);
    }

    /** The parameters with their defaults, as the Backend Listener's GUI shows them. */
    @Override
    public Arguments getDefaultParameters() {
        Arguments a = new Arguments();
        a.addArgument(RUN_ID, "jmeter");
        a.addArgument(BUCKET, "1s");
        a.addArgument(SUBRESULTS, "true");
        a.addArgument(SOURCES, "");
        a.addArgument(MAX_NODES, "");
        a.addArgument(GATES, "");
        a.addArgument(INGESTION_DELAY, "0s");
        a.addArgument(REPORT_DIR, "");
        a.addArgument(FORMATS, "html,json,md");
        return a;
    }

    /**
     * Checks the parameters and creates the sources (which checks their settings).
     *
     * @throws IllegalArgumentException listing every problem of the parameters: JMeter then does not start the plan
     */
    @Override
    public void setupTest(BackendListenerContext context) throws Exception {
        Settings s = Settings.of(context);
        for (String type : s.sourceTypes) {
            try {
                sources.add(MetricSources.require(type, s.sourceProperties::get));
            } catch (PlimsollException | IllegalArgumentException e) {
                closeSources();
                throw new IllegalArgumentException("Plimsoll listener: source " + type + ": " + e.getMessage(), e);
            }
        }
        settings = s;
        recorder = JMeterRecorder.create(s.bucket);
        LOG.info(
                "Plimsoll: recording run '{}'{}",
                s.runId,
                s.sourceTypes.isEmpty() ? "" : ", to be analysed over " + String.join(", ", s.sourceTypes));
    }

    @Override
    public void handleSampleResults(List<SampleResult> results, BackendListenerContext context) {
        JMeterRecorder r = recorder;
        Settings s = settings;
        if (r == null || s == null) {
            return;
        }
        for (SampleResult result : results) {
            record(r, result, s.subresults, 0);
        }
    }

    /** The sample, then its sub-results depth first, as JMeter's CSV writer saves them. */
    private static void record(JMeterRecorder r, SampleResult result, boolean subresults, int depth) {
        r.record(sample(result));
        if (subresults && depth <= MAX_DEPTH) {
            for (SampleResult sub : result.getSubResults()) {
                record(r, sub, true, depth + 1);
            }
        }
    }

    /** The sample's JTL columns. */
    static JMeterSample sample(SampleResult r) {
        return new JMeterSample(
                r.getTimeStamp(),
                r.getTime(),
                Objects.requireNonNullElse(r.getSampleLabel(), ""),
                Objects.requireNonNullElse(r.getResponseCode(), ""),
                Objects.requireNonNullElse(r.getResponseMessage(), ""),
                r.isSuccessful(),
                r.getLatency(),
                r.getConnectTime(),
                r.getBytesAsLong(),
                r.getSentBytes(),
                r.getAllThreads(),
                r.getSampleCount(),
                r.getErrorCount());
    }

    /** Builds the run, analyses it, writes the reports and keeps the outcome. */
    @Override
    public void teardownTest(BackendListenerContext context) throws Exception {
        JMeterRecorder r = recorder;
        Settings s = settings;
        if (r == null || s == null) {
            return;
        }
        LoadRun run = r.snapshot(s.runId);
        Optional<Report> report = Optional.empty();
        List<Path> files = List.of();
        Optional<String> problem = Optional.empty();
        try {
            Report rep = LoadTestAnalysis.of(run)
                    .title(s.runId)
                    .config(s.config)
                    .gates(s.gates)
                    .sources(sources)
                    .ingestionDelay(s.ingestionDelay)
                    .progress(m -> LOG.info("Plimsoll: {}", m))
                    .analyze();
            report = Optional.of(rep);
            if (s.reportDir != null) {
                files = rep.writeTo(s.reportDir, s.formats);
            }
        } catch (PlimsollException | IllegalStateException e) {
            problem = Optional.of(String.valueOf(e.getMessage()));
            LOG.error("Plimsoll: the analysis of run '{}' failed: {}", s.runId, e.getMessage());
        } finally {
            closeSources();
            recorder = null;
        }
        Outcome outcome = new Outcome(run, report, files, problem);
        OUTCOMES.put(s.runId, outcome);
        log(outcome);
    }

    private void closeSources() {
        for (Iterator<MetricSource> it = sources.iterator(); it.hasNext(); ) {
            MetricSource source = it.next();
            try {
                source.close();
            } catch (Exception e) {
                LOG.warn("Plimsoll: closing source {} failed: {}", source.type(), e.toString());
            }
            it.remove();
        }
    }

    private static void log(Outcome o) {
        RunTotals t = o.run().totals();
        LOG.info(String.format(
                Locale.ROOT,
                "Plimsoll: run '%s': %d requests, %d failed (%.2f %%), %d VUs max",
                o.run().id(),
                t.requests(),
                t.failedRequests(),
                100 * t.errorRate(),
                t.vusMax()));
        o.report().ifPresent(rep -> {
            LOG.info("Plimsoll: bottleneck {}", rep.result().bottleneck().id());
            for (Finding f : rep.result().findingsAtLeast(Severity.WARNING)) {
                LOG.info("Plimsoll: {} {}: {}", f.severity().label(), f.kind().id(), f.reason());
            }
            for (GateResult g : rep.gates()) {
                LOG.info(
                        "Plimsoll: gate {} {} (measured {})",
                        g.expression(),
                        g.passed() ? "passed" : "FAILED",
                        g.measured());
            }
        });
        o.files().forEach(f -> LOG.info("Plimsoll: report {}", f.toAbsolutePath()));
    }

    /** The listener's parameters, checked. */
    private record Settings(
            String runId,
            Duration bucket,
            boolean subresults,
            List<String> sourceTypes,
            Map<String, String> sourceProperties,
            AnalysisConfig config,
            List<Gate> gates,
            Duration ingestionDelay,
            @Nullable Path reportDir,
            Set<ReportFormat> formats) {

        static Settings of(BackendListenerContext c) {
            List<String> problems = new ArrayList<>();
            String runId = c.getParameter(RUN_ID, "jmeter").trim();
            if (runId.isEmpty()) {
                problems.add(RUN_ID + " must not be empty");
            }
            Duration bucket = duration(c, BUCKET, "1s", problems);
            if (bucket.toMillis() < 1 || bucket.toNanos() % 1_000_000 != 0) {
                problems.add(BUCKET + " must be a whole number of milliseconds ≥ 1 ms, but was '"
                        + c.getParameter(BUCKET) + "'");
                bucket = Duration.ofSeconds(1);
            }
            String sub = c.getParameter(SUBRESULTS, "true").trim();
            if (!sub.equals("true") && !sub.equals("false")) {
                problems.add(SUBRESULTS + " must be true or false, but was '" + sub + "'");
            }
            List<String> types = list(c.getParameter(SOURCES, ""), ",");
            for (String t : types) {
                if (MetricSources.find(t).isEmpty()) {
                    problems.add(SOURCES + ": no source of type '" + t + "' on the class path (known: "
                            + MetricSources.known() + "); put its adapter's jar into JMeter's lib/ext");
                }
            }
            // <type>.<key> parameters configure the sources; those of a type not in use are left alone (a plan may
            // carry a source's settings while it is switched off), any other unknown parameter is a mistake
            Map<String, String> props = new HashMap<>();
            List<String> checked = new ArrayList<>();
            for (Iterator<String> it = c.getParameterNamesIterator(); it.hasNext(); ) {
                String name = it.next();
                if (OWN.contains(name)) {
                    continue;
                }
                props.put(name, c.getParameter(name, ""));
                int dot = name.indexOf('.');
                if (dot < 0 || types.contains(name.substring(0, dot))) {
                    checked.add(name);
                }
            }
            problems.addAll(MetricSources.checkKeys(checked, OWN));
            AnalysisConfig.Builder config = AnalysisConfig.defaults().toBuilder();
            String maxNodes = c.getParameter(MAX_NODES, "").trim();
            if (!maxNodes.isEmpty()) {
                try {
                    config.maxNodes(Integer.parseInt(maxNodes));
                } catch (IllegalArgumentException e) {
                    problems.add(MAX_NODES + " must be a positive integer, but was '" + maxNodes + "'");
                }
            }
            List<Gate> gates = new ArrayList<>();
            for (String g : list(c.getParameter(GATES, ""), ";")) {
                try {
                    gates.add(Gate.parse(g));
                } catch (PlimsollException | IllegalArgumentException e) {
                    problems.add(GATES + ": " + e.getMessage());
                }
            }
            Duration delay = duration(c, INGESTION_DELAY, "0s", problems);
            String dir = c.getParameter(REPORT_DIR, "").trim();
            Set<ReportFormat> formats = new LinkedHashSet<>();
            for (String f : list(c.getParameter(FORMATS, "html,json,md"), ",")) {
                try {
                    formats.add(ReportFormat.ofId(f));
                } catch (IllegalArgumentException e) {
                    problems.add(FORMATS + ": " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Plimsoll listener: " + String.join("; ", problems));
            }
            return new Settings(
                    runId,
                    bucket,
                    sub.equals("true"),
                    types,
                    props,
                    config.build(),
                    gates,
                    delay,
                    dir.isEmpty() ? null : Path.of(dir),
                    formats);
        }

        private static Duration duration(BackendListenerContext c, String name, String dflt, List<String> problems) {
            String v = c.getParameter(name, dflt).trim();
            try {
                return Durations.parse(v);
            } catch (IllegalArgumentException e) {
                problems.add(name + " " + e.getMessage());
                return Durations.parse(dflt);
            }
        }

        private static List<String> list(String v, String separator) {
            return Arrays.stream(v.split(separator))
                    .map(String::trim)
                    .filter(x -> !x.isEmpty())
                    .toList();
        }
    }
}
