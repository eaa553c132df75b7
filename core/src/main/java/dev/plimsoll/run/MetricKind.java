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

    /** Parses k6's spelling ({@code counter}, {@code gauge}, {@code rate}, {@code trend}). */
    public static MetricKind ofK6(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "counter" -> COUNTER;
            case "gauge" -> GAUGE;
            case "rate" -> RATE;
            case "trend" -> TREND;
            default -> throw new IllegalArgumentException(
                    "k6 metric type must be one of counter, gauge, rate, trend, but was '" + type + "'");
        };
    }
}
