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
package dev.plimsoll.source;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One thing to fetch: an expression in the backend's own query language, the role its series play, and hints.
 * Each adapter documents its expression syntax (a CloudWatch metric-stat or metric-math expression, a Datadog
 * query).
 *
 * <p>Hints every source honours: {@code unit} (the unit of the values after scaling) and {@code scale} (a factor
 * applied to every value, e.g. {@code 1000} for seconds → ms).
 *
 * @param id a short name, unique within one fetch: {@code [A-Za-z0-9_.-]+}
 * @param signal the role of the series
 * @param expression what to fetch, in the backend's syntax
 * @param hints backend or conversion hints (sorted, immutable)
 * @since 0.1
 */
public record MetricQuery(String id, Signal signal, String expression, Map<String, String> hints) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

    /**
     * Checks the id and the expression and copies the hints.
     *
     * @param id matches {@code [A-Za-z0-9_.-]+}
     * @param signal the role
     * @param expression not blank
     * @param hints e.g. {@code unit}, {@code scale}
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the id has other characters or the expression is blank
     */
    public MetricQuery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(expression, "expression");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("query id must match [A-Za-z0-9_.-]+, but was '" + id + "'");
        }
        if (expression.isBlank()) {
            throw new IllegalArgumentException("query expression must not be blank (query '" + id + "')");
        }
        hints = Collections.unmodifiableSortedMap(new TreeMap<>(hints));
    }

    /**
     * A query without hints.
     *
     * @param id a short name, {@code [A-Za-z0-9_.-]+}
     * @param signal the role of the series
     * @param expression what to fetch, in the backend's syntax
     * @return the query
     * @throws IllegalArgumentException if the id has other characters or the expression is blank
     */
    public static MetricQuery of(String id, Signal signal, String expression) {
        return new MetricQuery(id, signal, expression, Map.of());
    }

    /**
     * A copy with one more hint (or the hint replaced).
     *
     * @param key e.g. {@code scale}
     * @param value e.g. {@code 1000}
     * @return a new query; this one does not change
     */
    public MetricQuery withHint(String key, String value) {
        Map<String, String> h = new TreeMap<>(hints);
        h.put(key, value);
        return new MetricQuery(id, signal, expression, h);
    }

    /**
     * The {@code scale} hint: the factor every value is multiplied by.
     *
     * @return the factor, 1 when absent
     * @throws IllegalArgumentException if the hint is not a number
     */
    public double scale() {
        String s = hints.get("scale");
        if (s == null) {
            return 1;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "hint 'scale' of query '" + id + "' must be a number, but was '" + s + "'");
        }
    }

    /**
     * The unit of the values after scaling.
     *
     * @return the {@code unit} hint, else the signal's canonical {@link Signal#unit()}
     */
    public String unit() {
        String u = hints.get("unit");
        return u != null ? u : signal.unit();
    }
}
