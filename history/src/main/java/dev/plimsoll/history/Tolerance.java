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

/**
 * How large a change of a scalar figure must be to count, when the baselines are too few (fewer than three) to
 * have a spread, and as the floor under the spread when they are not: a change counts when
 * {@code |current − baseline| > max(absolute, relative × |baseline|)}.
 *
 * @param absolute smallest change that counts, in the figure's unit (≥ 0)
 * @param relative smallest change that counts as a share of the baseline value (≥ 0; 0.1 = 10 %)
 * @since 0.1
 */
public record Tolerance(double absolute, double relative) {
    /**
     * Checks the bounds.
     *
     * @param absolute ≥ 0, in the figure's unit
     * @param relative ≥ 0, a share
     * @throws IllegalArgumentException if either is negative or NaN
     */
    public Tolerance {
        if (!(absolute >= 0) || !(relative >= 0)) {
            throw new IllegalArgumentException(
                    "tolerances must be zero or positive, but were absolute " + absolute + ", relative " + relative);
        }
    }

    /**
     * A tolerance in the figure's own unit.
     *
     * @param absolute ≥ 0, e.g. 30 for 30 s of scaling lag
     * @return the tolerance, with no relative part
     */
    public static Tolerance absolute(double absolute) {
        return new Tolerance(absolute, 0);
    }

    /**
     * A tolerance as a share of the baseline.
     *
     * @param relative ≥ 0, e.g. 0.1 for 10 %
     * @return the tolerance, with no absolute part
     */
    public static Tolerance relative(double relative) {
        return new Tolerance(0, relative);
    }

    /**
     * The smallest change that counts against {@code baseline}.
     *
     * @param baseline the baseline value, in the figure's unit
     * @return {@code max(absolute, relative × |baseline|)}, in the figure's unit
     */
    public double threshold(double baseline) {
        return Math.max(absolute, relative * Math.abs(baseline));
    }
}
