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
package dev.plimsoll.run;

import java.util.Locale;

/**
 * The four kinds of load-test metric (k6's Counter, Gauge, Rate and Trend), plus {@code UNKNOWN} for
 * samples whose declaration was never seen (k6's CSV output does not declare custom metrics).
 *
 * @since 0.1
 */
public enum MetricKind {
    /** Values add up: requests, iterations, bytes. */
    COUNTER,
    /** Last value wins within a generator; generators add up: VUs. */
    GAUGE,
    /** Each sample is a boolean (non-zero = true): failed requests, checks. */
    RATE,
    /** A distribution of values: durations, sizes. */
    TREND,
    /** Undeclared: all of count, sum, min, max, last, non-zero count and a distribution are kept. */
    UNKNOWN;

    /**
     * Parses k6's spelling of a metric type, as in a JSON output's {@code Metric} line.
     *
     * @param type {@code counter}, {@code gauge}, {@code rate} or {@code trend}, any case
     * @return the kind; never {@link #UNKNOWN}
     * @throws IllegalArgumentException for another text
     */
    public static MetricKind ofK6(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "counter" -> COUNTER;
            case "gauge" -> GAUGE;
            case "rate" -> RATE;
            case "trend" -> TREND;
            default ->
                throw new IllegalArgumentException(
                        "k6 metric type must be one of counter, gauge, rate, trend, but was '" + type + "'");
        };
    }
}
