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
import java.util.Optional;

/**
 * The key figures of a run, by figure. A figure that could not be measured is absent (never NaN, never 0): a run
 * without saturation has no scaling lag.
 *
 * <pre>{@code
 * KeyFigures figures = KeyFigures.builder()
 *         .put(Figure.CLIENT_P95, 412.0)
 *         .put(Figure.SCALING_LAG, 123.1)
 *         .build();
 * }</pre>
 *
 * @param values figure → value in the figure's unit; insertion order kept
 * @since 0.1
 */
public record KeyFigures(Map<Figure, Double> values) {

    /**
     * Checks the values and copies them, in insertion order.
     *
     * @param values figure → value; finite values only
     * @throws IllegalArgumentException for a NaN or infinite value (leave an unmeasured figure out)
     */
    public KeyFigures {
        for (Map.Entry<Figure, Double> e : values.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("figure " + e.getKey().id()
                        + " must be a finite number (leave it out when it was not measured), but was " + e.getValue());
            }
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * No figures.
     *
     * @return an empty set of figures
     */
    public static KeyFigures none() {
        return new KeyFigures(Map.of());
    }

    /**
     * A builder that skips unmeasured (NaN) figures.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The value of a figure, if the run has it.
     *
     * @param figure the figure
     * @return its value in the figure's unit, or empty when not measured
     */
    public Optional<Double> get(Figure figure) {
        return Optional.ofNullable(values.get(figure));
    }

    /**
     * The value of a figure by id, if the run has it.
     *
     * @param figureId e.g. {@code client_p95}
     * @return its value in the figure's unit, or empty when not measured
     */
    public Optional<Double> get(String figureId) {
        for (Map.Entry<Figure, Double> e : values.entrySet()) {
            if (e.getKey().id().equals(figureId)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Value of a figure, or a fallback when the run does not have it.
     *
     * @param figure the figure
     * @param absent returned when the figure was not measured, e.g. NaN or 0
     * @return the value in the figure's unit, or {@code absent}
     */
    public double valueOr(Figure figure, double absent) {
        Double v = values.get(figure);
        return v == null ? absent : v;
    }

    /** Builds {@link KeyFigures}; {@link #put} skips NaN so that callers can pass what they measured as is. */
    public static final class Builder {
        private final Map<Figure, Double> values = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds a figure (or replaces its value); NaN (not measured) is skipped.
         *
         * @param figure the figure
         * @param value in the figure's unit; NaN for not measured
         * @return this builder
         */
        public Builder put(Figure figure, double value) {
            if (!Double.isNaN(value)) {
                values.put(figure, value);
            }
            return this;
        }

        /**
         * The figures.
         *
         * @return the figures put, in the order first put
         * @throws IllegalArgumentException if an infinite value was put
         */
        public KeyFigures build() {
            return new KeyFigures(values);
        }
    }
}
