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
 * Parameters of the change-point detection over a figure's history: E-divisive means (Matteson and James, "A
 * Nonparametric Approach for Multiple Change Point Analysis of Multivariate Data", JASA 2014) as Apache Otava
 * (formerly DataStax Hunter; Fleming et al., "Hunter: Using Change Point Detection to Hunt for Performance
 * Regressions", ICPE 2023) runs it: sliding windows of {@code windowLength} runs, in each the split maximising the
 * energy statistic Q̂ (distance exponent 1) is a candidate, kept while a two-sided Student's t-test between the
 * two sides gives {@code p ≤ 10 × maxPValue} (the "weak" first pass); then weak points are merged away (the smallest
 * shift among the insignificant ones first) until every one left has {@code p ≤ maxPValue} and a relative change of
 * the means of more than {@code minMagnitude}.
 * Unlike Otava, each side of a change point must hold at least {@code minRunsPerSide} runs: the t-test is applied to
 * the split the search found best, which makes it optimistic, and on resampled real runs two outlying runs at the
 * end of a history otherwise passed for a shift. A shift is therefore reported once {@code minRunsPerSide} runs
 * show it.
 *
 * @param windowLength runs per window; default 50 (Otava's default)
 * @param maxPValue significance a change point must reach; default 0.001 (Otava's default)
 * @param minMagnitude smallest shift that counts, Otava's {@code max(|after ÷ before − 1|, |before ÷ after − 1|)};
 *     default 0.05 (Otava's default is 0: on resampled real runs, significant shifts of 2–4 % turned up in histories
 *     without any, and a shift under 5 % of a load test's figure is within the run-to-run noise of real systems)
 * @param minRunsPerSide fewest runs before and after a change point; default 3
 * @since 0.1
 */
public record ChangePointConfig(int windowLength, double maxPValue, double minMagnitude, int minRunsPerSide) {
    /** Default window, 50 runs. */
    public static final int DEFAULT_WINDOW_LENGTH = 50;
    /** Default significance, 0.001. */
    public static final double DEFAULT_MAX_P_VALUE = 0.001;
    /** Default smallest shift, 0.05 (5 %). */
    public static final double DEFAULT_MIN_MAGNITUDE = 0.05;
    /** Default fewest runs either side, 3. */
    public static final int DEFAULT_MIN_RUNS_PER_SIDE = 3;

    /**
     * Checks the knobs.
     *
     * @param windowLength at least 4
     * @param maxPValue in (0, 1)
     * @param minMagnitude zero or positive, a share (0.05 = 5 %)
     * @param minRunsPerSide at least 2 and at most half the window
     * @throws IllegalArgumentException naming the knob out of its range
     */
    public ChangePointConfig {
        if (windowLength < 4) {
            throw new IllegalArgumentException("windowLength must be at least 4 runs, but was " + windowLength);
        }
        if (!(maxPValue > 0 && maxPValue < 1)) {
            throw new IllegalArgumentException("maxPValue must be in (0, 1), but was " + maxPValue);
        }
        if (!(minMagnitude >= 0)) {
            throw new IllegalArgumentException("minMagnitude must be zero or positive, but was " + minMagnitude);
        }
        if (minRunsPerSide < 2 || 2 * minRunsPerSide > windowLength) {
            throw new IllegalArgumentException("minRunsPerSide must be at least 2 and at most half the window ("
                    + windowLength + "), but was " + minRunsPerSide);
        }
    }

    /**
     * The documented defaults.
     *
     * @return windows of 50 runs, p ≤ 0.001, shifts of at least 5 %, 3 runs either side
     */
    public static ChangePointConfig defaults() {
        return new ChangePointConfig(
                DEFAULT_WINDOW_LENGTH, DEFAULT_MAX_P_VALUE, DEFAULT_MIN_MAGNITUDE, DEFAULT_MIN_RUNS_PER_SIDE);
    }

    /**
     * A copy with another window.
     *
     * @param value runs per window, at least 4 and at least twice {@link #minRunsPerSide()}; default
     *     {@value #DEFAULT_WINDOW_LENGTH}
     * @return a new configuration
     * @throws IllegalArgumentException if out of range
     */
    public ChangePointConfig withWindowLength(int value) {
        return new ChangePointConfig(value, maxPValue, minMagnitude, minRunsPerSide);
    }

    /**
     * A copy with another significance.
     *
     * @param value in (0, 1); default {@value #DEFAULT_MAX_P_VALUE}
     * @return a new configuration
     * @throws IllegalArgumentException if out of range
     */
    public ChangePointConfig withMaxPValue(double value) {
        return new ChangePointConfig(windowLength, value, minMagnitude, minRunsPerSide);
    }

    /**
     * A copy with another smallest shift.
     *
     * @param value a share ≥ 0; default {@value #DEFAULT_MIN_MAGNITUDE}
     * @return a new configuration
     * @throws IllegalArgumentException if negative
     */
    public ChangePointConfig withMinMagnitude(double value) {
        return new ChangePointConfig(windowLength, maxPValue, value, minRunsPerSide);
    }

    /**
     * A copy with another fewest runs either side of a change point.
     *
     * @param value at least 2, at most half the window; default {@value #DEFAULT_MIN_RUNS_PER_SIDE}
     * @return a new configuration
     * @throws IllegalArgumentException if out of range
     */
    public ChangePointConfig withMinRunsPerSide(int value) {
        return new ChangePointConfig(windowLength, maxPValue, minMagnitude, value);
    }
}
