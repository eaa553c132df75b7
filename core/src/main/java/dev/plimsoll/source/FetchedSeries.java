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

import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.TimeSeries;
import java.time.Duration;
import java.util.Objects;

/**
 * One series a source fetched, with what it means to the analysis: the query that produced it, the role it plays
 * and the resolution it was fetched at. Sources set these fields; the analysis never parses them out of the series'
 * tags.
 *
 * <p>The contract every {@link MetricSource} keeps (the compatibility kit in {@code plimsoll-test} checks it):
 * points ascending and unique in time, one point per {@code period} on the period's grid from the first period that
 * starts in the window, {@code NaN} where the backend had no value, values in {@link MetricQuery#unit()} after the
 * query's {@code scale}.
 *
 * @param queryId the {@link MetricQuery#id()} of the query that produced it (or, for a series a source derived from
 *     others, the id it was given)
 * @param signal the role the series plays, from the query
 * @param period the time one point stands for: each value is the statistic over {@code [t, t + period)}; positive
 * @param series the values
 * @since 0.1
 */
public record FetchedSeries(String queryId, Signal signal, Duration period, TimeSeries series) {
    /**
     * Checks the components.
     *
     * @param queryId the query's id
     * @param signal the role
     * @param period positive
     * @param series the values
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code period} is zero or negative
     */
    public FetchedSeries {
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(series, "series");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, but was " + period);
        }
    }

    /**
     * The series' identity.
     *
     * @return name, source, statistic, unit and dimensions
     */
    public MetricId id() {
        return series.id();
    }

    /**
     * The period in milliseconds.
     *
     * @return {@link #period()} in ms, positive
     */
    public long periodMillis() {
        return period.toMillis();
    }

    /**
     * The same metadata over other values (e.g. the series shifted onto another clock).
     *
     * @param other the values of the copy
     * @return a new fetched series with this one's query id, signal and period
     */
    public FetchedSeries withSeries(TimeSeries other) {
        return new FetchedSeries(queryId, signal, period, other);
    }
}
