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
package dev.plimsoll.baseline;

import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.series.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run compared with its baseline runs: the JSON report's {@code baseline} section, the source of regression and
 * improvement findings and of the gates that need a baseline. When no baseline could be read (nothing matched the
 * selector, the store failed) it is {@link #unavailable} and says why: those gates are then inconclusive. When this
 * run is the {@link #first} its selector can choose — nothing earlier matches, and the run is saved with the
 * selector's labels, so the next run will compare with it — those gates are skipped instead.
 *
 * @param selector the baseline as the user chose it, e.g. {@code last-passing}
 * @param runId this run's id in the store that holds the baselines, when it was given one before the comparison
 * @param baselineRunIds the baseline runs, newest first; empty when unavailable
 * @param figures one comparison per key figure, in the store's catalogue order
 * @param problem why no baseline could be compared; empty when it was
 * @param first whether no baseline could be compared because this run is the first the selector can choose: the
 *     gates that need a baseline are then {@link dev.plimsoll.gate.GateResult.Outcome#SKIPPED skipped}, not
 *     inconclusive
 * @since 0.1
 */
public record BaselineComparison(
        String selector,
        Optional<String> runId,
        List<String> baselineRunIds,
        List<FigureChange> figures,
        String problem,
        boolean first) {

    /**
     * Validates and copies; {@link #of} and {@link #unavailable} are the usual way in.
     *
     * @param selector the baseline as chosen
     * @param runId this run's id in the store, or empty
     * @param baselineRunIds newest first; at least one unless {@code problem} is given
     * @param figures one per key figure
     * @param problem why no baseline could be compared; empty when it was
     * @param first whether that is because this run is the first the selector can choose
     * @throws IllegalArgumentException if there is neither a baseline run nor a problem, or {@code first} without a
     *     problem
     * @throws NullPointerException if a component is null
     */
    public BaselineComparison {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(runId, "runId");
        baselineRunIds = List.copyOf(baselineRunIds);
        figures = List.copyOf(figures);
        Objects.requireNonNull(problem, "problem");
        if (problem.isEmpty() && baselineRunIds.isEmpty()) {
            throw new IllegalArgumentException("a baseline comparison needs at least one baseline run, or a problem");
        }
        if (first && problem.isEmpty()) {
            throw new IllegalArgumentException("a first run has no baseline: say so in the problem");
        }
    }

    /**
     * A comparison with baseline runs.
     *
     * @param selector the baseline as the user chose it, e.g. {@code last-passing}
     * @param runId this run's id in the store, when it was saved before the comparison
     * @param baselineRunIds the baseline runs, newest first; at least one
     * @param figures one comparison per key figure
     * @return an available comparison
     * @throws IllegalArgumentException if {@code baselineRunIds} is empty
     */
    public static BaselineComparison of(
            String selector, Optional<String> runId, List<String> baselineRunIds, List<FigureChange> figures) {
        return new BaselineComparison(selector, runId, baselineRunIds, figures, "", false);
    }

    /**
     * No baseline could be compared, and why.
     *
     * @param selector the baseline as the user chose it
     * @param problem one line a person can act on, e.g. what the store holds instead
     * @return an unavailable comparison: no runs, no figures
     * @throws IllegalArgumentException if {@code problem} is blank
     */
    public static BaselineComparison unavailable(String selector, String problem) {
        if (problem.isBlank()) {
            throw new IllegalArgumentException("say why the baseline is unavailable");
        }
        return new BaselineComparison(selector, Optional.empty(), List.of(), List.of(), problem, false);
    }

    /**
     * No baseline yet: nothing earlier matches the selector, and this run, saved with the selector's labels, is the
     * first it will choose. The gates that need a baseline are skipped, not inconclusive, so that a new line of runs
     * (a new branch, a new store) does not stay inconclusive for want of a first passing run.
     *
     * @param selector the baseline as the user chose it
     * @param runId this run's id in the store it will be saved to, when it was given one before the comparison
     * @param reason one line, e.g. what the store holds and that this run becomes the baseline
     * @return an unavailable comparison marked {@link #first()}
     * @throws IllegalArgumentException if {@code reason} is blank
     */
    public static BaselineComparison first(String selector, Optional<String> runId, String reason) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("say why this run is the first");
        }
        return new BaselineComparison(selector, runId, List.of(), List.of(), reason, true);
    }

    /**
     * Whether baseline runs were compared.
     *
     * @return true if there is no {@link #problem()}
     */
    public boolean available() {
        return problem.isEmpty();
    }

    /**
     * The figures that got worse.
     *
     * @return the {@link FigureChange.Outcome#REGRESSION regressions}, in catalogue order; what the
     *     {@code regressions} gate counts
     */
    public List<FigureChange> regressions() {
        return with(FigureChange.Outcome.REGRESSION);
    }

    /**
     * The figures that got better.
     *
     * @return the {@link FigureChange.Outcome#IMPROVEMENT improvements}, in catalogue order
     */
    public List<FigureChange> improvements() {
        return with(FigureChange.Outcome.IMPROVEMENT);
    }

    /**
     * The figures with one outcome.
     *
     * @param outcome the outcome
     * @return those figures, in catalogue order; empty if none
     */
    public List<FigureChange> with(FigureChange.Outcome outcome) {
        return figures.stream().filter(f -> f.outcome() == outcome).toList();
    }

    /**
     * The comparison of one figure, if it was compared.
     *
     * @param id the figure's id, e.g. {@code client_p95}
     * @return the comparison, or empty when the figure is not in this comparison
     */
    public Optional<FigureChange> figure(String id) {
        return figures.stream().filter(f -> f.figure().equals(id)).findFirst();
    }

    /**
     * The regressions ({@link Severity#WARNING}) and improvements ({@link Severity#INFO}) as findings over the run's
     * window, in the figures' order. Each one's evidence is the baseline value (naming the baseline runs), this run's
     * value (naming this run when it has an id) and the change, with the figure's id as the series; its confidence is
     * {@code 1 − p} for the Mann–Whitney test, 0.9 against three or more baselines' spread, 0.7 against fewer with a
     * tolerance, and 0.8 for a figure that appeared or disappeared.
     *
     * @param window the run's window, the findings' window
     * @return one finding per regressed or improved figure; empty when unavailable
     */
    public List<Finding> findings(TimeWindow window) {
        List<Finding> out = new ArrayList<>();
        String baselines = String.join(", ", baselineRunIds);
        for (FigureChange c : figures) {
            if (c.outcome() != FigureChange.Outcome.REGRESSION && c.outcome() != FigureChange.Outcome.IMPROVEMENT) {
                continue;
            }
            List<Evidence> evidence = List.of(
                    new Evidence(
                            "baseline (" + (baselineRunIds.size() == 1 ? "run " : "median of runs ") + baselines + ")",
                            c.figure(),
                            null,
                            c.baseline(),
                            c.unit()),
                    new Evidence(
                            "this run" + runId.map(id -> " (" + id + ")").orElse(""),
                            c.figure(),
                            null,
                            c.current(),
                            c.unit()),
                    new Evidence("change", c.figure(), null, c.change(), c.unit()));
            double confidence = switch (c.test()) {
                case "mann-whitney-u" -> Double.isNaN(c.pValue()) ? 0.5 : Math.max(0, Math.min(1, 1 - c.pValue()));
                case "median-mad" -> 0.9;
                case "tolerance" -> 0.7;
                default -> 0.8;
            };
            if (c.outcome() == FigureChange.Outcome.REGRESSION) {
                out.add(new Finding.Regression(
                        Severity.WARNING,
                        window,
                        c.reason(),
                        evidence,
                        confidence,
                        c.figure(),
                        c.unit(),
                        c.baseline(),
                        c.current(),
                        c.change(),
                        c.relativeChange(),
                        c.test(),
                        c.pValue(),
                        c.effectSize(),
                        baselineRunIds));
            } else {
                out.add(new Finding.Improvement(
                        Severity.INFO,
                        window,
                        c.reason(),
                        evidence,
                        confidence,
                        c.figure(),
                        c.unit(),
                        c.baseline(),
                        c.current(),
                        c.change(),
                        c.relativeChange(),
                        c.test(),
                        c.pValue(),
                        c.effectSize(),
                        baselineRunIds));
            }
        }
        return out;
    }
}
