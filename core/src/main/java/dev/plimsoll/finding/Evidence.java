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
public record Evidence(
        String label, String series, @Nullable Instant time, double value, String unit) {
    /**
     * Checks the texts.
     *
     * @param label what it is
     * @param series the metric id's text, or empty
     * @param time when, or null for a figure over a window
     * @param value in {@code unit}; may be NaN when the figure could not be measured
     * @param unit the value's unit
     * @throws NullPointerException if {@code label}, {@code series} or {@code unit} is null
     */
    public Evidence {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(unit, "unit");
    }
}
