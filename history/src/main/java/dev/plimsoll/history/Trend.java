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

import dev.plimsoll.report.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A figure over runs, oldest first, with the change points found in it.
 *
 * @param figure the figure
 * @param points one per run that has the figure, oldest first
 * @param changePoints where the figure shifted, oldest first
 * @param config the parameters the change points were found with
 * @since 0.1
 */
public record Trend(
        Figure figure, List<Trend.Point> points, List<Trend.ChangePoint> changePoints, ChangePointConfig config) {
    /**
     * Checks and copies.
     *
     * @param figure the figure
     * @param points oldest first
     * @param changePoints oldest first
     * @param config the detection's parameters
     * @throws NullPointerException if a component is null
     */
    public Trend {
        Objects.requireNonNull(figure, "figure");
        points = List.copyOf(points);
        changePoints = List.copyOf(changePoints);
        Objects.requireNonNull(config, "config");
    }

    /**
     * One run's value.
     *
     * @param runId the run
     * @param start when it started
     * @param verdict its verdict
     * @param value the figure's value, in its unit
     */
    public record Point(String runId, Instant start, Verdict verdict, double value) {
        /**
         * Checks the components.
         *
         * @param runId the run
         * @param start when it started
         * @param verdict its verdict
         * @param value in the figure's unit
         * @throws NullPointerException if the id, the start or the verdict is null
         */
        public Point {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /**
     * A shift: the figure's mean before differs from the mean after.
     *
     * @param index index in {@link Trend#points()} of the first run after the shift
     * @param runId that run
     * @param start when it started
     * @param meanBefore mean of the figure from the previous change point (or the first run) up to this one
     * @param meanAfter mean from this run up to the next change point (or the last run)
     * @param relativeChange {@code meanAfter ÷ meanBefore − 1} (NaN when {@code meanBefore} is 0)
     * @param pValue two-sided Student's t-test between the two stretches
     * @param direction regression, improvement or change, by the figure's direction
     */
    public record ChangePoint(
            int index,
            String runId,
            Instant start,
            double meanBefore,
            double meanAfter,
            double relativeChange,
            double pValue,
            Outcome direction) {
        /**
         * Checks the components.
         *
         * @param index in the trend's points
         * @param runId the first run after the shift
         * @param start when it started
         * @param meanBefore in the figure's unit
         * @param meanAfter in the figure's unit
         * @param relativeChange a share, NaN when {@code meanBefore} is 0
         * @param pValue in [0, 1]
         * @param direction regression, improvement or change
         * @throws NullPointerException if the id, the start or the direction is null
         */
        public ChangePoint {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(direction, "direction");
        }
    }
}
