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

import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.analysis.SignalGroup;
import dev.plimsoll.baseline.BaselineComparator;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.baseline.FigureChange;
import dev.plimsoll.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The run history as the pipeline's baseline: {@code LoadTestAnalysis.baseline(HistoryBaseline.of(history,
 * "last-passing"))} compares the run with the runs the selector chooses ({@link RunHistory#baseline(String)}), figure
 * by figure ({@link ComparisonConfig}), after the detectors; regressions and improvements become findings.
 *
 * <pre>{@code
 * try (RunHistory history = RunHistory.open(".plimsoll/history.db")) {
 *     String id = RunHistory.newRunId(run.window().start());
 *     Report report = LoadTestAnalysis.of(run)
 *             .sources(cw)
 *             .baseline(HistoryBaseline.of(history, "label:branch=main,n=5").runId(id))
 *             .gates("client_p95_change<10%", "regressions==0")
 *             .analyze();
 *     history.save(RunRecords.of(report, id), RunLabels.withGitHubActions(Map.of(), System::getenv));
 * }
 * }</pre>
 *
 * <p>Figures the run could not measure are not compared: when its scaling signals did not cover the run, the
 * scaling lag, node figures and elasticity are "no data", not improvements; a scaling lag a baseline run did not
 * measure (its scaling signals missing) is "no data", not a lag that appeared.
 *
 * @since 0.1
 */
public final class HistoryBaseline implements BaselineComparator {
    private static final Set<String> SCALING_FIGURES = Set.of(
            Figure.SCALING_LAG.id(),
            Figure.MAX_NODES.id(),
            Figure.NODE_MINUTES.id(),
            Figure.ELASTICITY_UNDER.id(),
            Figure.ELASTICITY_OVER.id(),
            Figure.ELASTICITY_TIMESHARE_UNDER.id());

    private final RunHistory history;
    private final String selector;
    private ComparisonConfig config = ComparisonConfig.defaults();
    private @Nullable String runId;
    private @Nullable Map<String, String> savedWith;

    private HistoryBaseline(RunHistory history, String selector) {
        this.history = Objects.requireNonNull(history, "history");
        RunHistory.checkSelector(selector);
        this.selector = selector.strip();
    }

    /**
     * The baseline {@code selector} chooses in {@code history}: {@code last}, {@code last-passing}, a run id, or
     * {@code label:k=v[,k2=v2][,n=5]}.
     *
     * @param history an open history; it stays open and is read when the analysis compares
     * @param selector e.g. {@code last-passing}
     * @return a comparator for {@link dev.plimsoll.LoadTestAnalysis#baseline}
     * @throws IllegalArgumentException for a malformed selector (checked now, before any load runs)
     */
    public static HistoryBaseline of(RunHistory history, String selector) {
        return new HistoryBaseline(history, selector);
    }

    /**
     * How figures are compared; default {@link ComparisonConfig#defaults()}.
     *
     * @param value tolerances and significance
     * @return this comparator
     */
    public HistoryBaseline config(ComparisonConfig value) {
        this.config = Objects.requireNonNull(value, "config");
        return this;
    }

    /**
     * The id the run will be saved under, to name it in the comparison; default none.
     *
     * @param value e.g. from {@link RunHistory#newRunId}, or null
     * @return this comparator
     * @throws IllegalArgumentException for a malformed id
     */
    public HistoryBaseline runId(@Nullable String value) {
        this.runId = value == null ? null : RunRecord.checkId(value);
        return this;
    }

    /**
     * The labels this run will be saved with, once analysed. With them the comparator knows that the run will be
     * a baseline the selector can choose; when nothing earlier matches the selector, the run is then the
     * {@link BaselineComparison#first() first} of its line and the gates that need a baseline are skipped instead of
     * inconclusive. Without them (the default, or a run that will not be saved) a selector that matches nothing leaves
     * those gates inconclusive. A run id selector never makes a first run.
     *
     * @param labels the labels given to {@link RunHistory#save}, e.g. {@code branch=main}; null when the run will not
     *     be saved
     * @return this comparator
     */
    public HistoryBaseline savedWith(@Nullable Map<String, String> labels) {
        this.savedWith = labels == null ? null : Map.copyOf(labels);
        return this;
    }

    @Override
    public String selector() {
        return selector;
    }

    /**
     * Reads the baseline runs and compares.
     *
     * @throws HistoryException when nothing matches the selector (the message says what the store holds) or the store
     *     fails
     */
    @Override
    public BaselineComparison compare(AnalysisResult result) {
        Optional<String> first = first();
        if (first.isPresent()) {
            return BaselineComparison.first(selector, Optional.ofNullable(runId), first.get());
        }
        Baseline baseline = history.baseline(selector);
        RunRecord current = RunRecords.of(new Report("", result, List.of(), Optional.empty()), runId);
        // the elasticity figures' sampling floor is applied inside, from the record, as every comparison does
        Comparison c = Comparisons.compare(runId, current, baseline.runs(), config);
        return toBaselineComparison(selector, c, result.covered(SignalGroup.SCALING));
    }

    /**
     * Why this run is the first its selector can choose, if it is: it will be saved with every label the selector
     * asks for, and no stored run matches the selector (for {@code last-passing}: no run of those labels passed).
     */
    private Optional<String> first() {
        Map<String, String> labels = savedWith;
        RunHistory.Selector s = RunHistory.Selector.parse(selector);
        if (labels == null
                || s.runId() != null
                || !labels.entrySet().containsAll(s.filter().labels().entrySet())
                || history.count(s.filter()) > 0) {
            return Optional.empty();
        }
        return Optional.of("no earlier run matches '" + selector + "' in the run history at " + history.url()
                + "; this run" + (labels.isEmpty() ? "" : ", saved with " + describe(labels) + ",")
                + " is the first it can choose");
    }

    private static String describe(Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> out.add(k + "=" + v));
        return String.join(", ", out);
    }

    /**
     * Elasticity figures are shares (or means of values in 0–1) over the run's CPU periods, a few dozen samples at
     * CloudWatch's 60 s: two runs of the same system differ by their sampling error alone. The tolerance of each is
     * raised to at least the two-sided 95 % bound of the difference of two such shares in the worst case (p = 0.5):
     * {@code 1.96 × √(2 × 0.25 ÷ n)}, with {@code n} this run's samples (0.34 for 17 samples, 0.18 for an hour).
     * A tolerance the caller set that is larger stays.
     */
    static ComparisonConfig withSamplingFloor(ComparisonConfig config, int samples) {
        if (samples <= 0) {
            return config;
        }
        double floor = 1.96 * Math.sqrt(2 * 0.25 / samples);
        ComparisonConfig out = config;
        for (Figure f : List.of(Figure.ELASTICITY_UNDER, Figure.ELASTICITY_OVER, Figure.ELASTICITY_TIMESHARE_UNDER)) {
            Tolerance t = config.toleranceOf(f);
            if (t.absolute() < floor) {
                out = out.withTolerance(f.id(), new Tolerance(floor, t.relative()));
            }
        }
        return out;
    }

    /**
     * A comparison as the pipeline's {@link BaselineComparison}: outcomes as they are, except that figures resting on
     * scaling signals are "no data" when this run's did not cover it, and a scaling lag present on one side only is
     * "no data" (the analysis stores 0 for a covered run without saturation, so an absent lag was not measured).
     *
     * @param selector the baseline as chosen
     * @param c the comparison
     * @param scalingCovered whether this run's scaling signals covered it
     * @return the comparison in core's terms
     */
    public static BaselineComparison toBaselineComparison(String selector, Comparison c, boolean scalingCovered) {
        List<FigureChange> out = new ArrayList<>();
        for (FigureComparison f : c.figures()) {
            FigureChange.Outcome outcome =
                    FigureChange.Outcome.valueOf(f.outcome().name());
            String reason = f.reason();
            String id = f.figure().id();
            if (SCALING_FIGURES.contains(id) && !scalingCovered) {
                outcome = FigureChange.Outcome.NO_DATA;
                reason = f.figure().description() + ": not compared, the scaling signals did not cover this run";
            } else if (id.equals(Figure.SCALING_LAG.id()) && f.test().equals(Comparisons.PRESENCE)) {
                outcome = FigureChange.Outcome.NO_DATA;
                reason = f.figure().description() + ": not compared, "
                        + (Double.isNaN(f.current())
                                ? "this run did not measure it"
                                : "no baseline run measured it (their scaling signals did not cover them)")
                        + " (" + String.join(", ", c.baselineRunIds()) + ")";
            }
            double change = f.change();
            if (Double.isNaN(change) && f.figure().absentIsHealthy() && outcome != FigureChange.Outcome.NO_DATA) {
                change = Double.isNaN(f.current()) ? -f.baseline() : f.current();
            }
            out.add(new FigureChange(
                    id,
                    f.figure().unit(),
                    outcome,
                    f.baseline(),
                    f.current(),
                    change,
                    f.relativeChange(),
                    f.test(),
                    f.pValue(),
                    f.effectSize(),
                    f.threshold(),
                    reason));
        }
        return BaselineComparison.of(selector, Optional.ofNullable(c.currentRunId()), c.baselineRunIds(), out);
    }
}
