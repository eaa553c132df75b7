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

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A run compared with its baselines, figure by figure.
 *
 * @param currentRunId the compared run's id, or {@code null} when it has not been saved
 * @param baselineRunIds the baseline runs, newest first
 * @param figures one comparison per figure, in the catalogue's order ({@link Figure#known()}), other figures after
 * @since 0.1
 */
public record Comparison(@Nullable String currentRunId, List<String> baselineRunIds, List<FigureComparison> figures) {
    /**
     * Copies the lists.
     *
     * @param currentRunId or null
     * @param baselineRunIds newest first
     * @param figures in catalogue order
     */
    public Comparison {
        baselineRunIds = List.copyOf(baselineRunIds);
        figures = List.copyOf(figures);
    }

    /**
     * Compares a run with baseline runs that need not be stored (e.g. read back from saved JSON reports), as
     * {@link RunHistory#compare(RunRecord, Baseline, ComparisonConfig)} does.
     *
     * @param current the run to judge
     * @param baseline the runs to judge it against
     * @param config tolerances and significance
     * @return one comparison per key figure
     */
    public static Comparison of(RunRecord current, Baseline baseline, ComparisonConfig config) {
        return Comparisons.compare(current.id(), current, baseline.runs(), config);
    }

    /**
     * The figures that got worse.
     *
     * @return in catalogue order; empty if none
     */
    public List<FigureComparison> regressions() {
        return with(Outcome.REGRESSION);
    }

    /**
     * The figures that got better.
     *
     * @return in catalogue order; empty if none
     */
    public List<FigureComparison> improvements() {
        return with(Outcome.IMPROVEMENT);
    }

    /**
     * The figures with one outcome.
     *
     * @param outcome the outcome
     * @return in catalogue order; empty if none
     */
    public List<FigureComparison> with(Outcome outcome) {
        return figures.stream().filter(f -> f.outcome() == outcome).toList();
    }

    /**
     * The comparison of one figure, if it was compared.
     *
     * @param figureId e.g. {@code client_p95}
     * @return the comparison, or empty
     */
    public Optional<FigureComparison> figure(String figureId) {
        Objects.requireNonNull(figureId, "figureId");
        return figures.stream().filter(f -> f.figure().id().equals(figureId)).findFirst();
    }
}
