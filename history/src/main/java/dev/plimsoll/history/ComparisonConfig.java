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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a run is compared with its baselines.
 *
 * <p>Client latency (p50, p95, p99) is compared as distributions, as Netflix Kayenta's Mann–Whitney judge does:
 * the per-second percentiles of the current run's steady phase against those of the baselines' steady phases
 * (pooled), with a two-sided Mann–Whitney U test, and an effect size, the ratio of the means (current ÷ baseline,
 * Kayenta's default {@code meanRatio}). A regression needs both: {@code p < alpha} and a mean ratio of at least
 * {@code 1 + minLatencyEffect}; an improvement {@code p < alpha} and at most {@code 1 ÷ (1 + minLatencyEffect)}.
 * Per-second percentiles of one run are autocorrelated, which makes the test's p-value optimistic; the effect-size
 * bound is what keeps a long run's tiny, significant shifts from counting (Kayenta's effect-size thresholds play the
 * same role). With three or more baselines the change of the figure must also leave the baselines' run-to-run spread
 * ({@code k × 1.4826 × MAD} of their figure values, as below): runs of one system differ from each other more than
 * the seconds of one run do, which the test cannot see. Fewer than {@code minSamples} per-second values on either
 * side fall back to the scalar comparison.
 *
 * <p>Scalar figures are compared with the baselines' median: with at least three baselines a change counts beyond
 * {@code max(k × 1.4826 × MAD, tolerance)} (the MAD scaled to a normal standard deviation; the figure's tolerance
 * is the floor so that baselines that agree exactly do not make any noise a change), with fewer beyond the
 * tolerance alone.
 *
 * @param alpha significance level of the Mann–Whitney test; default 0.05 (Kayenta's 95 % confidence)
 * @param minLatencyEffect smallest relative change of mean latency that counts; default 0.10 (10 %)
 * @param madMultiplier {@code k}: how many scaled MADs a change must exceed; default 3
 * @param minSamples fewest per-second values per side for the distribution test; default 20
 * @param tolerances per figure id, overriding the figure's own tolerance
 * @since 0.1
 */
public record ComparisonConfig(
        double alpha,
        double minLatencyEffect,
        double madMultiplier,
        int minSamples,
        Map<String, Tolerance> tolerances) {

    /** Default significance level, 0.05. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** Default smallest latency change, 0.10 (10 %). */
    public static final double DEFAULT_MIN_LATENCY_EFFECT = 0.10;
    /** Default MAD multiplier, 3. */
    public static final double DEFAULT_MAD_MULTIPLIER = 3;
    /** Default fewest samples per side, 20. */
    public static final int DEFAULT_MIN_SAMPLES = 20;

    /**
     * Checks the knobs and copies the tolerances.
     *
     * @param alpha in (0, 1)
     * @param minLatencyEffect zero or positive, a share (0.10 = 10 %)
     * @param madMultiplier positive
     * @param minSamples at least 3
     * @param tolerances per figure id
     * @throws IllegalArgumentException naming the knob out of its range
     */
    public ComparisonConfig {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), but was " + alpha);
        }
        if (!(minLatencyEffect >= 0)) {
            throw new IllegalArgumentException(
                    "minLatencyEffect must be zero or positive, but was " + minLatencyEffect);
        }
        if (!(madMultiplier > 0)) {
            throw new IllegalArgumentException("madMultiplier must be positive, but was " + madMultiplier);
        }
        if (minSamples < 3) {
            throw new IllegalArgumentException("minSamples must be at least 3, but was " + minSamples);
        }
        tolerances = Collections.unmodifiableMap(new LinkedHashMap<>(tolerances));
    }

    /**
     * The documented defaults.
     *
     * @return alpha 0.05, 10 % latency effect, 3 scaled MADs, 20 samples, each figure's own tolerance
     */
    public static ComparisonConfig defaults() {
        return new ComparisonConfig(
                DEFAULT_ALPHA, DEFAULT_MIN_LATENCY_EFFECT, DEFAULT_MAD_MULTIPLIER, DEFAULT_MIN_SAMPLES, Map.of());
    }

    /**
     * A copy with another significance level.
     *
     * @param value in (0, 1); default {@value #DEFAULT_ALPHA}
     * @return a new configuration
     * @throws IllegalArgumentException if out of range
     */
    public ComparisonConfig withAlpha(double value) {
        return new ComparisonConfig(value, minLatencyEffect, madMultiplier, minSamples, tolerances);
    }

    /**
     * A copy with another smallest latency change.
     *
     * @param value a share ≥ 0, e.g. 0.05 for 5 %; default {@value #DEFAULT_MIN_LATENCY_EFFECT}
     * @return a new configuration
     * @throws IllegalArgumentException if negative
     */
    public ComparisonConfig withMinLatencyEffect(double value) {
        return new ComparisonConfig(alpha, value, madMultiplier, minSamples, tolerances);
    }

    /**
     * A copy with another MAD multiplier.
     *
     * @param value positive; default {@value #DEFAULT_MAD_MULTIPLIER}
     * @return a new configuration
     * @throws IllegalArgumentException if not positive
     */
    public ComparisonConfig withMadMultiplier(double value) {
        return new ComparisonConfig(alpha, minLatencyEffect, value, minSamples, tolerances);
    }

    /**
     * A copy with another minimum of per-second values for the distribution test.
     *
     * @param value at least 3; default {@value #DEFAULT_MIN_SAMPLES}
     * @return a new configuration
     * @throws IllegalArgumentException if less than 3
     */
    public ComparisonConfig withMinSamples(int value) {
        return new ComparisonConfig(alpha, minLatencyEffect, madMultiplier, value, tolerances);
    }

    /**
     * A copy with the tolerance of one figure replaced.
     *
     * @param figureId e.g. {@code client_p95}
     * @param tolerance replaces the figure's own
     * @return a new configuration
     */
    public ComparisonConfig withTolerance(String figureId, Tolerance tolerance) {
        Map<String, Tolerance> t = new LinkedHashMap<>(tolerances);
        t.put(figureId, tolerance);
        return new ComparisonConfig(alpha, minLatencyEffect, madMultiplier, minSamples, t);
    }

    /**
     * The tolerance that applies to a figure.
     *
     * @param figure the figure
     * @return the configured tolerance for its id, else {@link Figure#tolerance()}
     */
    public Tolerance toleranceOf(Figure figure) {
        return tolerances.getOrDefault(figure.id(), figure.tolerance());
    }
}
