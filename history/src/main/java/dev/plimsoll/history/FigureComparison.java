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

/**
 * One figure of a run compared with its baselines.
 *
 * @param figure the figure
 * @param outcome regression, improvement, change, unchanged or no data
 * @param baseline the baselines' value: the median of their figure values (NaN when none has it)
 * @param current the run's value (NaN when it does not have it)
 * @param change {@code current − baseline}, in the figure's unit (NaN when either is missing)
 * @param relativeChange {@code change ÷ |baseline|} (NaN when either is missing or the baseline is 0)
 * @param test {@code mann-whitney-u} (latency as distributions), {@code median-mad} (n ≥ 3 baselines),
 *     {@code tolerance} (fewer) or {@code presence} (a figure that appeared or disappeared)
 * @param pValue two-sided p-value of the Mann–Whitney U test; NaN for the other tests
 * @param effectSize for {@code mann-whitney-u}: ratio of the means, current ÷ baseline (Kayenta's default
 *     measure); for {@code median-mad}: |change| ÷ (1.4826 × MAD), the change in robust standard deviations
 *     (infinite when the baselines agree exactly); NaN otherwise
 * @param threshold the smallest change that counted, in the figure's unit (for {@code mann-whitney-u}, the
 *     mean-ratio bound as a share, e.g. 0.1)
 * @param baselineRunIds the runs the baseline rests on, newest first
 * @param reason one sentence with the numbers
 * @since 0.1
 */
public record FigureComparison(
        Figure figure,
        Outcome outcome,
        double baseline,
        double current,
        double change,
        double relativeChange,
        String test,
        double pValue,
        double effectSize,
        double threshold,
        List<String> baselineRunIds,
        String reason) {
    /**
     * Checks the figure, outcome, test and reason and copies the run ids.
     *
     * @param figure the figure
     * @param outcome regression, improvement, change, unchanged or no data
     * @param baseline the baselines' value: the median of their figure values (NaN when none has it)
     * @param current the run's value (NaN when it does not have it)
     * @param change {@code current − baseline}, in the figure's unit (NaN when either is missing)
     * @param relativeChange {@code change ÷ |baseline|} (NaN when either is missing or the baseline is 0)
     * @param test {@code mann-whitney-u} (latency as distributions), {@code median-mad} (n ≥ 3 baselines),
     *     {@code tolerance} (fewer) or {@code presence} (a figure that appeared or disappeared)
     * @param pValue two-sided p-value of the Mann–Whitney U test; NaN for the other tests
     * @param effectSize for {@code mann-whitney-u}: ratio of the means, current ÷ baseline (Kayenta's default measure);
     *     for {@code median-mad}: |change| ÷ (1.4826 × MAD), the change in robust standard deviations (infinite when
     *     the baselines agree exactly); NaN otherwise
     * @param threshold the smallest change that counted, in the figure's unit (for {@code mann-whitney-u}, the
     *     mean-ratio bound as a share, e.g. 0.1)
     * @param baselineRunIds the runs the baseline rests on, newest first
     * @param reason one sentence with the numbers
     * @throws NullPointerException if the figure, the outcome, the test or the reason is null
     */
    public FigureComparison {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(reason, "reason");
        baselineRunIds = List.copyOf(baselineRunIds);
    }
}
