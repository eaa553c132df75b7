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
package dev.plimsoll;

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.analysis.Detector;
import dev.plimsoll.analysis.Detectors;
import dev.plimsoll.analysis.internal.Analyzer;
import dev.plimsoll.baseline.BaselineComparator;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.Gate;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.report.Report;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSourceException;
import dev.plimsoll.source.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The analysis of a load run, from fetching the cloud's series to the report: the one pipeline the CLI, the JUnit
 * extension and the samples call.
 *
 * <ol>
 *   <li>each source is read over {@link AnalysisConfig#fetchWindow} of the run at its
 *       {@link MetricSource#defaultStep() default step}, with its {@link MetricSource#defaultQueries() default
 *       queries}; with an {@link #ingestionDelay ingestion delay}, sources are polled until their series cover the
 *       run or the delay has passed; a source that fails becomes a coverage gap named in the report, not an error;
 *   <li>the cloud series are aligned with the run (clock skew estimated and applied);
 *   <li>the detectors run in order ({@link Detectors#defaults()} unless given);
 *   <li>with a {@link #baseline baseline}, the run is compared with it: regressions and improvements become findings;
 *   <li>the gates are evaluated.
 * </ol>
 *
 * <pre>{@code
 * LoadRun run = K6Reader.create().read(Path.of("results.json.gz"));
 * try (MetricSource cw = CloudWatchRecording.open(Path.of("rec/cloudwatch"));
 *         MetricSource dd = DatadogRecording.open(Path.of("rec/datadog"))) {
 *     Report report = LoadTestAnalysis.of(run)
 *             .sources(cw, dd)
 *             .config(AnalysisConfig.defaults().toBuilder().maxNodes(5).build())
 *             .gates("scaling_lag<=150s", "client_p95<500ms")
 *             .analyze();
 *     report.writeTo(Path.of("report"), EnumSet.allOf(ReportFormat.class));
 * }
 * }</pre>
 *
 * <p>Not thread-safe; one instance analyses once per {@link #analyze()} call. Sources stay open: the caller closes
 * them.
 *
 * @since 0.1
 */
public final class LoadTestAnalysis {
    /** Pause between polls while waiting for the cloud's data to cover the run. */
    static final Duration DEFAULT_POLL = Duration.ofSeconds(15);

    /** Share of a series' expected points inside the run that counts as covered when polling. */
    static final double COVERED = 0.9;

    private final LoadRun run;
    private String title;
    private final List<MetricSource> sources = new ArrayList<>();
    private final List<FetchResult> fetched = new ArrayList<>();
    private AnalysisConfig config = AnalysisConfig.defaults();
    private final List<Gate> gates = new ArrayList<>();
    private List<Detector> detectors = Detectors.defaults();
    private @Nullable Severity failOn;
    private @Nullable BaselineComparator baseline;
    private Duration ingestionDelay = Duration.ZERO;
    private Duration pollInterval = DEFAULT_POLL;
    private Consumer<String> progress = m -> {};
    private Sleeper sleeper = Thread::sleep;

    private LoadTestAnalysis(LoadRun run) {
        this.run = Objects.requireNonNull(run, "run");
        this.title = run.id();
    }

    /**
     * Starts an analysis of a run; its title defaults to the run's id.
     *
     * @param run the load run to analyse, as read by {@link dev.plimsoll.ingest.LoadRuns} or a reader
     * @return a new analysis with no sources, no gates, {@link AnalysisConfig#defaults()} and
     *     {@link Detectors#defaults()}
     * @throws NullPointerException if {@code run} is null
     */
    public static LoadTestAnalysis of(LoadRun run) {
        return new LoadTestAnalysis(run);
    }

    /**
     * The title of the reports; default the run's id.
     *
     * @param title the heading of every report format, e.g. {@code "checkout, 200 VUs"}
     * @return this analysis
     */
    public LoadTestAnalysis title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    /**
     * Sources to fetch from (live or replayed), in addition to those given before.
     *
     * @param sources the sources, read in this order; the analysis does not close them
     * @return this analysis
     */
    public LoadTestAnalysis sources(MetricSource... sources) {
        return sources(Arrays.asList(sources));
    }

    /**
     * Sources to fetch from (live or replayed), in addition to those given before.
     *
     * @param sources the sources, read in iteration order; the analysis does not close them
     * @return this analysis
     * @throws NullPointerException if an element is null
     */
    public LoadTestAnalysis sources(Collection<? extends MetricSource> sources) {
        sources.forEach(s -> this.sources.add(Objects.requireNonNull(s, "source")));
        return this;
    }

    /**
     * Series already fetched (e.g. by a custom query), analysed with those of the sources.
     *
     * @param results fetch results, in addition to those given before; their coverage counts like a source's
     * @return this analysis
     * @throws NullPointerException if an element is null
     */
    public LoadTestAnalysis fetched(FetchResult... results) {
        Arrays.stream(results).forEach(r -> fetched.add(Objects.requireNonNull(r, "result")));
        return this;
    }

    /**
     * The analysis' knobs; default {@link AnalysisConfig#defaults()}.
     *
     * @param config thresholds, windows and budgets of the detectors
     * @return this analysis
     */
    public LoadTestAnalysis config(AnalysisConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /**
     * Gates to evaluate, parsed now so that a typo fails before any fetch.
     *
     * @param expressions gate expressions in the CLI's syntax, e.g. {@code "client_p95<500ms"}, in addition to those
     *     given before
     * @return this analysis
     * @throws dev.plimsoll.gate.GateParseException naming the expression and position
     */
    public LoadTestAnalysis gates(String... expressions) {
        Arrays.stream(expressions).map(Gate::parse).forEach(gates::add);
        return this;
    }

    /**
     * Gates to evaluate, in addition to those given before.
     *
     * @param gates parsed gates (see {@link Gate#parse(String)})
     * @return this analysis
     */
    public LoadTestAnalysis gates(Collection<Gate> gates) {
        gates.forEach(g -> this.gates.add(Objects.requireNonNull(g, "gate")));
        return this;
    }

    /**
     * Findings at or above this severity fail the run (the verdict), like a failed gate; default none: only gates
     * fail it.
     *
     * @param severity the lowest severity that fails the run, or {@code null} for none
     * @return this analysis
     */
    public LoadTestAnalysis failOn(@Nullable Severity severity) {
        this.failOn = severity;
        return this;
    }

    /**
     * Compares the run with baseline runs after the detectors: each key figure that regressed becomes a
     * {@link Finding.Regression} (warning), each that improved a {@link Finding.Improvement} (info), the report gets a
     * {@link Report#baseline() baseline} section, and the gates that need a baseline ({@code client_p95_change<10%},
     * {@code scaling_lag_change<=30s}, {@code regressions==0}) are evaluated against it. When the comparator fails
     * (no baseline matches, the store is unreachable) the report says why and those gates are inconclusive; the
     * analysis goes on. {@code plimsoll-history}'s {@code HistoryBaseline} implements it over a run history.
     *
     * @param comparator the baseline to compare with, or {@code null} (the default) for no comparison
     * @return this analysis
     */
    public LoadTestAnalysis baseline(@Nullable BaselineComparator comparator) {
        this.baseline = comparator;
        return this;
    }

    /**
     * The detectors to run, in order; default {@link Detectors#defaults()}.
     *
     * @param detectors replaces the detectors given before; an empty list runs none (findings come only from a
     *     baseline)
     * @return this analysis
     */
    public LoadTestAnalysis detectors(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
        return this;
    }

    /**
     * The longest wait for the sources' data to cover the run: CloudWatch publishes ALB metrics a minute or more
     * late, Datadog's AWS integration ~10 minutes. Sources are polled every {@link #pollInterval}; default 0 (one
     * fetch).
     *
     * @param delay how long {@link #analyze()} may wait after the run's end, at most; zero fetches once
     * @return this analysis
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public LoadTestAnalysis ingestionDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("ingestionDelay must not be negative, but was " + delay);
        }
        this.ingestionDelay = delay;
        return this;
    }

    /**
     * Pause between polls while waiting for the data; default 15 s.
     *
     * @param interval time between two fetches of a source that does not yet cover the run
     * @return this analysis
     * @throws IllegalArgumentException if {@code interval} is zero or negative
     */
    public LoadTestAnalysis pollInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, but was " + interval);
        }
        this.pollInterval = interval;
        return this;
    }

    /**
     * Receives one line per step worth telling a person (fetching, waiting for data, a source failing).
     *
     * @param listener called on the analysing thread with a line without trailing newline; default discards them
     * @return this analysis
     */
    public LoadTestAnalysis progress(Consumer<String> listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    // VisibleForTesting
    LoadTestAnalysis sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /**
     * Fetches, aligns, detects and evaluates the gates.
     *
     * @return the report: findings, coverage, gate results and the verdict; a source that failed is a coverage gap
     *     in it, not an exception
     * @throws IllegalStateException when the thread is interrupted while waiting for data (the interrupt flag is
     *     kept)
     */
    public Report analyze() {
        TimeWindow window = config.fetchWindow(run.window());
        List<FetchResult> all = new ArrayList<>(fetched);
        for (MetricSource s : sources) {
            all.add(fetch(s, window));
        }
        AlignedRun aligned =
                AlignedRun.of(run, all, config.estimateSkew(), config.maxSkew().toMillis() / 1000.0);
        Set<Signal> asked = EnumSet.noneOf(Signal.class);
        sources.forEach(src -> src.defaultQueries().forEach(q -> asked.add(q.signal())));
        all.forEach(r -> r.series().forEach(s -> asked.add(s.signal())));
        AnalysisResult analysed = Analyzer.analyze(aligned, config, detectors, asked);
        Optional<BaselineComparison> compared = Optional.empty();
        if (baseline != null) {
            compared = Optional.of(compare(baseline, analysed));
        }
        AnalysisResult result = compared.map(c -> withFindings(analysed, c.findings(run.window())))
                .orElse(analysed);
        Optional<BaselineComparison> b = compared;
        List<GateResult> results =
                gates.stream().map(g -> g.evaluate(result, b)).toList();
        return new Report(title, result, results, Optional.ofNullable(failOn), compared);
    }

    private BaselineComparison compare(BaselineComparator comparator, AnalysisResult result) {
        progress.accept("comparing with the baseline " + comparator.selector());
        BaselineComparison c;
        try {
            c = comparator.compare(result);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            c = BaselineComparison.unavailable(comparator.selector(), message);
        }
        if (!c.available()) {
            progress.accept("no baseline to compare with: " + c.problem());
        }
        return c;
    }

    /** The result with more findings, in the analysis' order: severity (highest first), time, kind. */
    private static AnalysisResult withFindings(AnalysisResult r, List<Finding> more) {
        if (more.isEmpty()) {
            return r;
        }
        List<Finding> all = new ArrayList<>(r.findings());
        all.addAll(more);
        all.sort(Comparator.comparing(Finding::severity)
                .reversed()
                .thenComparing(f -> f.window().start())
                .thenComparing(f -> f.kind().id()));
        return new AnalysisResult(
                all, r.skew(), r.coverage(), r.evidence(), r.correlations(), r.elasticity(), r.aligned());
    }

    /** One source's data, polled until it covers the run or the ingestion delay has passed. */
    private FetchResult fetch(MetricSource source, TimeWindow window) {
        Duration step = source.defaultStep();
        long deadline = System.nanoTime() + ingestionDelay.toNanos();
        while (true) {
            FetchResult r;
            try {
                progress.accept("fetching " + source.type() + " " + window + " at " + step.toSeconds() + " s");
                r = source.fetch(source.defaultQueries(), window, step);
            } catch (MetricSourceException e) {
                if (e.isRetryable() && System.nanoTime() < deadline) {
                    progress.accept(source.type() + " failed (" + e.getMessage() + "); retrying");
                    pause(deadline);
                    continue;
                }
                progress.accept(source.type() + " failed: " + e.getMessage());
                return failed(source, window, e);
            }
            double covered = runCoverage(r);
            if (covered >= COVERED || System.nanoTime() >= deadline) {
                return r;
            }
            progress.accept(String.format(
                    Locale.ROOT,
                    "waiting for %s: %.0f %% of the run covered, %d s left",
                    source.type(),
                    covered * 100,
                    Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L)));
            pause(deadline);
        }
    }

    private void pause(long deadline) {
        long millis = Math.min(pollInterval.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cloud's data", e);
        }
    }

    /**
     * The lowest share, over the fetched series, of points expected inside the run that are present; event counts
     * (errors) without points count as covered (no events), a query with no series at all as not covered.
     */
    private double runCoverage(FetchResult r) {
        TimeWindow w = run.window();
        if (w.duration().isZero() || r.coverage().isEmpty()) {
            return r.coverage().isEmpty() ? 0 : 1;
        }
        double lowest = 1;
        for (Coverage c : r.coverage()) {
            List<FetchedSeries> mine = r.series().stream()
                    .filter(s -> s.queryId().equals(c.queryId()))
                    .toList();
            if (mine.isEmpty()) {
                lowest = 0;
                continue;
            }
            for (FetchedSeries s : mine) {
                if (s.signal().isEventCount()) {
                    continue;
                }
                long expected = Math.max(1, w.duration().toMillis() / s.periodMillis());
                lowest = Math.min(
                        lowest, Math.min(1, (double) s.series().slice(w).presentCount() / expected));
            }
        }
        return lowest;
    }

    /** A fetch that failed: every default query not covered, with the failure as its message. */
    private static FetchResult failed(MetricSource source, TimeWindow window, MetricSourceException e) {
        List<Coverage> coverage = new ArrayList<>();
        String message = source.type() + " could not be read: " + e.getMessage();
        var queries = source.defaultQueries();
        if (queries.isEmpty()) {
            coverage.add(new Coverage(source.type(), 1, 0, false, List.of(message)));
        }
        long stepMillis = source.defaultStep().toMillis();
        int expected = (int) Math.max(1, window.duration().toMillis() / Math.max(1, stepMillis));
        for (var q : queries) {
            coverage.add(new Coverage(q.id(), expected, 0, false, List.of(message)));
        }
        return new FetchResult(List.of(), coverage, List.of(message));
    }
}
