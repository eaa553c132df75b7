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
package dev.plimsoll.align;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One series of a run's merged timeline on a regular grid at its own resolution: point {@code i} is at
 * {@code start + i × step}, {@link Double#NaN} marks a gap. The load generator's series are per bucket (1 s by
 * default) with source {@value #LOAD}; each cloud series keeps its source, name, statistic, unit and period (60 s,
 * 15 s…), shifted onto the generator's clock, with its dimensions plus {@code query} (the query id) and {@code signal}
 * (the role it plays) as tags. The JSON report's {@code timeline} section and the run history store these.
 *
 * @since 0.1
 */
public final class AlignedSeries {
    /** Source of the load generator's own series. */
    public static final String LOAD = "load";
    /** Requests per second (statistic {@code rate}, unit {@code 1/s}). */
    public static final String REQUESTS = "requests";
    /** Failed requests per second (statistic {@code rate}, unit {@code 1/s}). */
    public static final String ERRORS = "errors";
    /** Active virtual users, the latest reading (statistic {@code last}, unit {@code count}). */
    public static final String VUS = "vus";
    /** Client request latency (statistics {@code p50}, {@code p95}, {@code p99}, unit {@code ms}). */
    public static final String LATENCY = "latency";
    /** Tag naming the query a cloud series came from. */
    public static final String QUERY_TAG = "query";
    /** Tag naming the signal (role) a cloud series plays, e.g. {@code node_count}. */
    public static final String SIGNAL_TAG = "signal";

    private final String source;
    private final String name;
    private final String statistic;
    private final String unit;
    private final Map<String, String> tags;
    private final Instant start;
    private final Duration step;
    private final double[] values;

    private AlignedSeries(
            String source,
            String name,
            String statistic,
            String unit,
            Map<String, String> tags,
            Instant start,
            Duration step,
            double[] values) {
        this.source = Objects.requireNonNull(source, "source");
        this.name = Objects.requireNonNull(name, "name");
        this.statistic = Objects.requireNonNull(statistic, "statistic");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        this.start = Objects.requireNonNull(start, "start");
        this.step = Objects.requireNonNull(step, "step");
        if (source.isEmpty() || name.isEmpty()) {
            throw new IllegalArgumentException(
                    "source and name must not be empty, but were '" + source + "', '" + name + "'");
        }
        if (step.toMillis() <= 0 || !step.equals(Duration.ofMillis(step.toMillis()))) {
            throw new IllegalArgumentException("step must be a positive whole number of milliseconds, but was " + step);
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(
                        "values must be finite or NaN (a gap), but point " + i + " of " + key() + " was " + values[i]);
            }
        }
        this.values = values;
    }

    /**
     * A series (values copied).
     *
     * @param source {@value #LOAD}, {@code cloudwatch}, {@code datadog}…
     * @param name metric name, e.g. {@code latency} or {@code node_cpu_utilization}
     * @param statistic how each point was reduced: {@code rate}, {@code p95}, {@code avg}, {@code sum}…
     * @param unit e.g. {@code ms}, {@code 1/s}, {@code percent}, {@code count}
     * @param tags further identity, sorted
     * @param start time of the first point
     * @param step grid step, a positive whole number of milliseconds
     * @param values one per step, NaN for a gap, no infinities
     * @return the series
     * @throws IllegalArgumentException for an empty source or name, a bad step or an infinite value
     */
    public static AlignedSeries of(
            String source,
            String name,
            String statistic,
            String unit,
            Map<String, String> tags,
            Instant start,
            Duration step,
            double[] values) {
        return new AlignedSeries(source, name, statistic, unit, tags, start, step, values.clone());
    }

    /**
     * A load-generator series ({@value #LOAD} source, no tags; values copied).
     *
     * @param name e.g. {@value #LATENCY}
     * @param statistic e.g. {@code p95}
     * @param unit e.g. {@code ms}
     * @param start time of the first point
     * @param step the run's bucket, usually 1 s
     * @param values one per step, NaN for a gap
     * @return the series
     * @throws IllegalArgumentException as {@link #of}
     */
    public static AlignedSeries load(
            String name, String statistic, String unit, Instant start, Duration step, double[] values) {
        return of(LOAD, name, statistic, unit, Map.of(), start, step, values);
    }

    /**
     * Where the series comes from.
     *
     * @return {@value #LOAD} for the load generator's series, else the cloud source ({@code cloudwatch},
     *     {@code datadog}, or {@code cloud} when the source did not say)
     */
    public String source() {
        return source;
    }

    /**
     * The metric's name.
     *
     * @return e.g. {@value #REQUESTS} or {@code node_cpu_utilization}; never empty
     */
    public String name() {
        return name;
    }

    /**
     * How each point was reduced over its step.
     *
     * @return e.g. {@code rate}, {@code p95}, {@code avg}, {@code sum}, {@code last}
     */
    public String statistic() {
        return statistic;
    }

    /**
     * The unit of the values.
     *
     * @return e.g. {@code ms}, {@code 1/s}, {@code percent}, {@code count}; empty when the source gave none
     */
    public String unit() {
        return unit;
    }

    /**
     * Further identity: a cloud series' dimensions plus {@value #QUERY_TAG} and {@value #SIGNAL_TAG}.
     *
     * @return an unmodifiable map sorted by key; empty for the load generator's series
     */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * The time of the first point, on the generator's clock.
     *
     * @return the time of point 0
     */
    public Instant start() {
        return start;
    }

    /**
     * The distance between two points: the run's bucket for the load series, the period for a cloud series.
     *
     * @return a positive whole number of milliseconds
     */
    public Duration step() {
        return step;
    }

    /**
     * Number of points, gaps included.
     *
     * @return zero or more
     */
    public int size() {
        return values.length;
    }

    /**
     * Value of point {@code index}; NaN for a gap.
     *
     * @param index 0 to {@link #size()} − 1
     * @return the value in {@link #unit()}, or NaN
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public double valueAt(int index) {
        return values[index];
    }

    /**
     * Time of point {@code index}: {@code start + index × step}.
     *
     * @param index a point's index; not checked against {@link #size()}
     * @return the point's time on the generator's clock
     */
    public Instant timeAt(int index) {
        return start.plusMillis(index * step.toMillis());
    }

    /**
     * A copy of the values.
     *
     * @return one value per point, NaN for a gap; changing it does not change this series
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * End of the last point's step (exclusive).
     *
     * @return {@code start + size × step}; {@link #start()} for an empty series
     */
    public Instant end() {
        return start.plusMillis(values.length * step.toMillis());
    }

    /**
     * Whether this is the series {@code source:name.statistic}, any tags.
     *
     * @param source e.g. {@value #LOAD}
     * @param name e.g. {@value #LATENCY}
     * @param statistic e.g. {@code p95}
     * @return true if all three are equal
     */
    public boolean is(String source, String name, String statistic) {
        return this.source.equals(source) && this.name.equals(name) && this.statistic.equals(statistic);
    }

    /**
     * The series' identity as one string, unique within {@link AlignedRun#merged()}.
     *
     * @return {@code source:name.statistic{tags}}, e.g. {@code load:latency.p95}; the tags part is left out when
     *     there are none
     */
    public String key() {
        return source + ':' + name + '.' + statistic + (tags.isEmpty() ? "" : tags.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlignedSeries t
                && source.equals(t.source)
                && name.equals(t.name)
                && statistic.equals(t.statistic)
                && unit.equals(t.unit)
                && tags.equals(t.tags)
                && start.equals(t.start)
                && step.equals(t.step)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, name, statistic, unit, tags, start, step) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "AlignedSeries{" + key() + " [" + unit + "], " + values.length + " points from " + start + " every "
                + step + "}";
    }
}
