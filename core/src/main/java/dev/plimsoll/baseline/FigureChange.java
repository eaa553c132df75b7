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

import java.util.Locale;
import java.util.Objects;

/**
 * One key figure of a run compared with its baseline runs.
 *
 * @param figure the figure's id, as gates spell it: {@code client_p50}, {@code client_p95}, {@code client_p99},
 *     {@code error_rate}, {@code rps}, {@code scaling_lag}, {@code max_nodes}, {@code node_minutes},
 *     {@code backend_latency_share}, {@code lb_latency_share}, {@code edge_latency_share},
 *     {@code elasticity_accuracy_under}, …
 * @param unit the figure's unit: {@code ms}, {@code s}, {@code ratio} (0–1), {@code count}, {@code 1/s},
 *     {@code node-min}
 * @param outcome regression, improvement, change (a figure without a worse direction), unchanged, or no data
 * @param baseline the baselines' value (median over the baseline runs); NaN when none has the figure
 * @param current this run's value; NaN when it lacks the figure
 * @param change {@code current − baseline} in the figure's unit; for a figure that is healthy when absent (scaling
 *     lag: no saturation) the absent side counts as 0; NaN when it cannot be said
 * @param relativeChange {@code change ÷ |baseline|}; NaN when the baseline is 0 or absent
 * @param test {@code mann-whitney-u}, {@code median-mad}, {@code tolerance} or {@code presence}
 * @param pValue the Mann–Whitney U test's two-sided p-value; NaN for the other tests
 * @param effectSize mean ratio (current ÷ baseline) for {@code mann-whitney-u}; the change in robust standard
 *     deviations for {@code median-mad}; NaN otherwise
 * @param threshold the smallest change that counted, in the figure's unit (for {@code mann-whitney-u} the mean-ratio
 *     bound as a share, e.g. 0.1); NaN when none applied
 * @param reason one sentence with the numbers and the baseline run ids
 * @since 0.1
 */
public record FigureChange(
        String figure,
        String unit,
        Outcome outcome,
        double baseline,
        double current,
        double change,
        double relativeChange,
        String test,
        double pValue,
        double effectSize,
        double threshold,
        String reason) {

    /** What the comparison of one figure concluded. */
    public enum Outcome {
        /** Worse beyond the baselines' spread or the tolerance (latency: also significantly). */
        REGRESSION,
        /** Better beyond the spread or tolerance. */
        IMPROVEMENT,
        /** Different beyond the spread or tolerance, for a figure without a worse direction (latency shares). */
        CHANGE,
        /** Within the spread or tolerance, or not significant. */
        UNCHANGED,
        /** The run or every baseline lacks the figure. */
        NO_DATA;

        /**
         * The outcome's id in the JSON report and the run history.
         *
         * @return {@code regression}, {@code improvement}, {@code change}, {@code unchanged} or {@code no_data}
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The outcome with this id.
         *
         * @param id as returned by {@link #id()}
         * @return the outcome
         * @throws IllegalArgumentException for another text
         */
        public static Outcome ofId(String id) {
            for (Outcome o : values()) {
                if (o.id().equals(id)) {
                    return o;
                }
            }
            throw new IllegalArgumentException(
                    "outcome must be regression, improvement, change, unchanged or no_data, but was '" + id + "'");
        }
    }

    /**
     * Checks the texts.
     *
     * @param figure the figure's id
     * @param unit the figure's unit
     * @param outcome the conclusion
     * @param baseline the baselines' median, NaN when absent
     * @param current this run's value, NaN when absent
     * @param change in the figure's unit, NaN when it cannot be said
     * @param relativeChange share of the baseline, NaN when undefined
     * @param test the comparison's name
     * @param pValue in [0, 1], NaN for tests without one
     * @param effectSize see the class comment; NaN when none
     * @param threshold in the figure's unit, NaN when none applied
     * @param reason one sentence
     * @throws NullPointerException if a text or the outcome is null
     */
    public FigureChange {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(reason, "reason");
    }
}
