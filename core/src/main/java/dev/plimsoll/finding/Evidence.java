package dev.plimsoll.finding;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One number behind a finding, findable on the report's charts.
 *
 * @param label what it is, e.g. {@code node CPU crossed 70 %}
 * @param series the series it was read from (a metric id's text), or empty
 * @param time when, or null for a figure over a window
 * @param value the value, in {@code unit}
 * @param unit e.g. {@code percent}, {@code ms}, {@code s}, {@code count}
 * @since 0.1
 */
public record Evidence(String label, String series, @Nullable Instant time, double value, String unit) {
    public Evidence {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(unit, "unit");
    }
}
