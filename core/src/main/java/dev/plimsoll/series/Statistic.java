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
    AVG,
    SUM,
    MIN,
    MAX,
    COUNT,
    LAST,
    RATE,
    P50(50),
    P75(75),
    P90(90),
    P95(95),
    P99(99),
    P999(99.9);

    private final double percentile;

    Statistic() {
        this(Double.NaN);
    }

    Statistic(double percentile) {
        this.percentile = percentile;
    }

    /** Whether this statistic is a percentile (its value cannot be averaged). */
    public boolean isPercentile() {
        return !Double.isNaN(percentile);
    }

    /** The percentile in {@code [0, 100]}, or NaN when {@link #isPercentile()} is false. */
    public double percentile() {
        return percentile;
    }

    /**
     * The statistic for a percentile.
     *
     * @param percentile one of 50, 75, 90, 95, 99, 99.9
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

    /** Label as k6 and dashboards write it: {@code avg}, {@code p95}, {@code p99.9}. */
    public String label() {
        if (this == P999) {
            return "p99.9";
        }
        return name().toLowerCase(Locale.ROOT);
    }
}
