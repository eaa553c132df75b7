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

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.DoubleStream;

/**
 * An immutable series of points over primitive arrays: strictly ascending epoch-millisecond times, each
 * with a value. {@link Double#NaN} marks a gap (no data at that time) — never zero.
 *
 * <p>Arrays are copied on the way in and out, so a {@code TimeSeries} can be shared freely between threads.
 *
 * <pre>{@code
 * TimeSeries rps = run.timeline().rps();
 * for (int i = 0; i < rps.size(); i++) {
 *     System.out.println(rps.timeAt(i) + " " + rps.valueAt(i));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class TimeSeries {
    private final MetricId id;
    private final long[] epochMillis;
    private final double[] values;

    private TimeSeries(MetricId id, long[] epochMillis, double[] values) {
        this.id = id;
        this.epochMillis = epochMillis;
        this.values = values;
    }

    /**
     * A series from parallel arrays (copied).
     *
     * @param id the series' identity
     * @param epochMillis point times, milliseconds since the epoch, strictly ascending
     * @param values one per time, NaN for a gap
     * @return the series
     * @throws IllegalArgumentException when the arrays differ in length or times are not strictly ascending
     */
    public static TimeSeries of(MetricId id, long[] epochMillis, double[] values) {
        Objects.requireNonNull(id, "id");
        if (epochMillis.length != values.length) {
            throw new IllegalArgumentException("times and values must have the same length, but were "
                    + epochMillis.length + " and " + values.length + " for " + id);
        }
        for (int i = 1; i < epochMillis.length; i++) {
            if (epochMillis[i] <= epochMillis[i - 1]) {
                throw new IllegalArgumentException("times must be strictly ascending, but index " + i + " ("
                        + epochMillis[i] + ") follows " + epochMillis[i - 1] + " in " + id);
            }
        }
        return new TimeSeries(id, epochMillis.clone(), values.clone());
    }

    /**
     * A series on a regular grid: point {@code i} is at {@code startMillis + i * stepMillis}.
     *
     * @param id the series' identity
     * @param startMillis time of the first point, milliseconds since the epoch
     * @param stepMillis distance between points, milliseconds, positive
     * @param values one per step (copied), NaN for a gap
     * @return the series
     * @throws IllegalArgumentException if {@code stepMillis} is not positive
     */
    public static TimeSeries regular(MetricId id, long startMillis, long stepMillis, double[] values) {
        if (stepMillis <= 0) {
            throw new IllegalArgumentException("step must be positive, but was " + stepMillis + " ms");
        }
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = startMillis + i * stepMillis;
        }
        return new TimeSeries(Objects.requireNonNull(id, "id"), t, values.clone());
    }

    /**
     * A series without points, e.g. for a query that returned nothing.
     *
     * @param id the series' identity
     * @return an empty series
     */
    public static TimeSeries empty(MetricId id) {
        return new TimeSeries(Objects.requireNonNull(id, "id"), new long[0], new double[0]);
    }

    /**
     * The series' identity.
     *
     * @return name, source, statistic, unit and tags
     */
    public MetricId id() {
        return id;
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
     * Whether the series has no points (a series of gaps is not empty).
     *
     * @return true if {@link #size()} is 0
     */
    public boolean isEmpty() {
        return values.length == 0;
    }

    /**
     * Time of point {@code index}, without allocating an {@link Instant}.
     *
     * @param index 0 to {@link #size()} − 1
     * @return milliseconds since the epoch
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public long epochMilliAt(int index) {
        return epochMillis[index];
    }

    /**
     * Time of point {@code index}.
     *
     * @param index 0 to {@link #size()} − 1
     * @return the point's instant
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public Instant timeAt(int index) {
        return Instant.ofEpochMilli(epochMillis[index]);
    }

    /**
     * Value at {@code index}.
     *
     * @param index 0 to {@link #size()} − 1
     * @return the value in the id's unit; NaN for a gap
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public double valueAt(int index) {
        return values[index];
    }

    /**
     * A copy of the times.
     *
     * @return milliseconds since the epoch, strictly ascending; changing it does not change this series
     */
    public long[] epochMillis() {
        return epochMillis.clone();
    }

    /**
     * A copy of the values.
     *
     * @return one per point, NaN for a gap; changing it does not change this series
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * The values, gaps included.
     *
     * @return a sequential stream in time order; filter {@link Double#isNaN} out for the present values
     */
    public DoubleStream stream() {
        return Arrays.stream(values);
    }

    /**
     * Number of points that are not gaps.
     *
     * @return zero to {@link #size()}
     */
    public int presentCount() {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Largest non-gap value.
     *
     * @return the maximum, or NaN when every point is a gap or there is none
     */
    public double max() {
        double m = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(m) || v > m)) {
                m = v;
            }
        }
        return m;
    }

    /**
     * Window from the first point to just after the last.
     *
     * @return {@code [first, last + 1 ms)}; the empty window at epoch 0 for an empty series
     */
    public TimeWindow window() {
        if (values.length == 0) {
            return TimeWindow.ofEpochMillis(0, 0);
        }
        return TimeWindow.ofEpochMillis(epochMillis[0], epochMillis[epochMillis.length - 1] + 1);
    }

    /**
     * The points inside {@code window}.
     *
     * @param window the window, half-open
     * @return a series with the same id and the points whose time lies in {@code [start, end)}; possibly empty
     */
    public TimeSeries slice(TimeWindow window) {
        long from = window.start().toEpochMilli();
        long to = window.end().toEpochMilli();
        int lo = lowerBound(from);
        int hi = lowerBound(to);
        return new TimeSeries(id, Arrays.copyOfRange(epochMillis, lo, hi), Arrays.copyOfRange(values, lo, hi));
    }

    /**
     * The same points under another identity.
     *
     * @param newId the identity of the copy
     * @return a new series sharing this one's points
     */
    public TimeSeries withId(MetricId newId) {
        return new TimeSeries(Objects.requireNonNull(newId, "newId"), epochMillis, values);
    }

    private int lowerBound(long t) {
        int i = Arrays.binarySearch(epochMillis, t);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries other
                && id.equals(other.id)
                && Arrays.equals(epochMillis, other.epochMillis)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * id.hashCode() + Arrays.hashCode(epochMillis)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeries{" + id + ", " + values.length + " points" + (values.length == 0 ? "" : ", " + window())
                + "}";
    }
}
