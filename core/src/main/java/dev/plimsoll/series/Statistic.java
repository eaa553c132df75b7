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
package dev.plimsoll.series;

import java.util.Locale;

/**
 * How the values of a series were reduced from raw samples. The statistic decides how a series may be
 * resampled: sums add, averages are weighted, minima and maxima take the extreme, gauges hold their last
 * value, and percentiles are never averaged as if they were means.
 *
 * @since 0.1
 */
public enum Statistic {
    /** Mean of the samples in each point's period. */
    AVG,
    /** Sum of the samples in each period (a counter's increase). */
    SUM,
    /** Smallest sample in each period. */
    MIN,
    /** Largest sample in each period. */
    MAX,
    /** Number of samples or events in each period. */
    COUNT,
    /** Latest sample in each period (a gauge's reading). */
    LAST,
    /** Per second ({@code 1/s}) or a share of true samples ({@code ratio}); the series' unit says which. */
    RATE,
    /** Median. */
    P50(50),
    /** 75th percentile. */
    P75(75),
    /** 90th percentile. */
    P90(90),
    /** 95th percentile. */
    P95(95),
    /** 99th percentile. */
    P99(99),
    /** 99.9th percentile. */
    P999(99.9);

    private final double percentile;

    Statistic() {
        this(Double.NaN);
    }

    Statistic(double percentile) {
        this.percentile = percentile;
    }

    /**
     * Whether this statistic is a percentile (its value cannot be averaged).
     *
     * @return true for {@link #P50} to {@link #P999}
     */
    public boolean isPercentile() {
        return !Double.isNaN(percentile);
    }

    /**
     * The percentile this statistic stands for.
     *
     * @return in {@code [0, 100]}, e.g. 95 for {@link #P95}; NaN when {@link #isPercentile()} is false
     */
    public double percentile() {
        return percentile;
    }

    /**
     * The statistic for a percentile.
     *
     * @param percentile one of 50, 75, 90, 95, 99, 99.9
     * @return the statistic
     * @throws IllegalArgumentException for any other value
     */
    public static Statistic ofPercentile(double percentile) {
        for (Statistic s : values()) {
            if (s.percentile == percentile) {
                return s;
            }
        }
        throw new IllegalArgumentException("percentile must be one of 50, 75, 90, 95, 99, 99.9, but was " + percentile);
    }

    /**
     * Label as k6 and dashboards write it.
     *
     * @return the constant's name in lower case ({@code avg}, {@code p95}), {@code p99.9} for {@link #P999}
     */
    public String label() {
        if (this == P999) {
            return "p99.9";
        }
        return name().toLowerCase(Locale.ROOT);
    }
}
