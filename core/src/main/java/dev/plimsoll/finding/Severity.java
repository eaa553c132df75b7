package dev.plimsoll.finding;

import java.util.Locale;

/**
 * How much a finding matters. A healthy run has nothing above {@link #INFO}.
 *
 * @since 0.1
 */
public enum Severity {
    /** Worth knowing (data coverage, scaling within budget); never fails a gate by default. */
    INFO,
    /** A problem the run exposed: a budget exceeded, a bottleneck. */
    WARNING,
    /** The run's result cannot be trusted or the system failed: a ceiling, errors under load, a saturated generator. */
    HIGH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
