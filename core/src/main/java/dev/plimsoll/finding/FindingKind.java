package dev.plimsoll.finding;

import java.util.Locale;

/**
 * Stable ids of finding kinds; dashboards and gates use {@link #id()}.
 *
 * @since 0.1
 */
public enum FindingKind {
    SCALING_LAG, SCALING_CEILING, NO_SCALE_UP, SCALING_FLAPPING, LATENCY_BOTTLENECK, LOAD_GENERATOR_SATURATION,
    CAPACITY_KNEE, ERROR_BURST, DATA_COVERAGE;

    /** {@code scaling_lag}, {@code latency_bottleneck}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
