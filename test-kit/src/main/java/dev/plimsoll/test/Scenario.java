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
package dev.plimsoll.test;

import dev.plimsoll.series.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a fake backend serves and what the source is asked for: the queries' points, the window and period of the
 * fetch, the instant the source believes it is (its clock), and the page size for backends that paginate.
 *
 * @param now the source's clock (CloudWatch chooses periods by the data's age); after the window
 * @param window the window fetched
 * @param period the step fetched at; every served point lies on its grid
 * @param series what the backend serves, one per query, in query order
 * @param pageSize points per series per page for backends that paginate (CloudWatch's {@code NextToken});
 *     {@link Integer#MAX_VALUE} for one page
 * @since 0.1
 */
public record Scenario(Instant now, TimeWindow window, Duration period, List<ServedSeries> series, int pageSize) {
    /**
     * Checks and copies; {@link #of} is the usual way in.
     *
     * @param now the source's clock
     * @param window the window fetched
     * @param period positive
     * @param series ids unique
     * @param pageSize ≥ 1
     * @throws IllegalArgumentException for a period that is not positive, a page size below 1 or a repeated id
     */
    public Scenario {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(period, "period");
        series = List.copyOf(series);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, but was " + period);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be ≥ 1, but was " + pageSize);
        }
        Set<String> ids = new HashSet<>();
        for (ServedSeries s : series) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("series ids must be unique, but '" + s.id() + "' appears twice");
            }
        }
    }

    /**
     * A scenario served in one page, with the clock an hour after the window.
     *
     * @param window the window fetched
     * @param period the step, positive
     * @param series one per query, ids unique
     * @return the scenario
     * @throws IllegalArgumentException as the constructor
     */
    public static Scenario of(TimeWindow window, Duration period, List<ServedSeries> series) {
        return new Scenario(window.end().plus(Duration.ofHours(1)), window, period, series, Integer.MAX_VALUE);
    }

    /**
     * The series served for a query id.
     *
     * @param id the query's id
     * @return the series, or empty
     */
    public Optional<ServedSeries> series(String id) {
        return series.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The same scenario served in pages of {@code points} points per series.
     *
     * @param points ≥ 1
     * @return a new scenario
     * @throws IllegalArgumentException if {@code points} is less than 1
     */
    public Scenario withPageSize(int points) {
        return new Scenario(now, window, period, series, points);
    }

    /**
     * The start of the window's first period: the grid every source's series lies on starts there.
     *
     * @return milliseconds since the epoch of the first period boundary at or after the window's start
     */
    public long firstPeriodMillis() {
        long p = period.toMillis();
        return Math.floorDiv(window.start().toEpochMilli() + p - 1, p) * p;
    }

    /**
     * How many periods start inside the window.
     *
     * @return the points one series of the fetch has, gaps included; zero or more
     */
    public int periods() {
        long p = period.toMillis();
        long first = firstPeriodMillis();
        return (int) Math.max(0, (window.end().toEpochMilli() - first + p - 1) / p);
    }
}
