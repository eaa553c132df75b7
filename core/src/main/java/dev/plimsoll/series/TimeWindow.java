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

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open interval of time {@code [start, end)}.
 *
 * @param start first instant inside the window
 * @param end first instant after the window; not before {@code start}
 * @since 0.1
 */
public record TimeWindow(Instant start, Instant end) {

    /**
     * Checks the order.
     *
     * @param start first instant inside
     * @param end first instant after; equal to {@code start} for an empty window
     * @throws NullPointerException if an instant is null
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end must not be before start, but was start=" + start + " end=" + end);
        }
    }

    /**
     * A window from {@code start} lasting {@code length}.
     *
     * @param start first instant inside
     * @param length zero or positive
     * @return {@code [start, start + length)}
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static TimeWindow of(Instant start, Duration length) {
        return new TimeWindow(start, start.plus(length));
    }

    /**
     * A window between two epoch-millisecond instants.
     *
     * @param startMillis first millisecond inside, since the epoch
     * @param endMillis first millisecond after, since the epoch; not less than {@code startMillis}
     * @return {@code [startMillis, endMillis)}
     * @throws IllegalArgumentException if {@code endMillis < startMillis}
     */
    public static TimeWindow ofEpochMillis(long startMillis, long endMillis) {
        return new TimeWindow(Instant.ofEpochMilli(startMillis), Instant.ofEpochMilli(endMillis));
    }

    /**
     * The window's length.
     *
     * @return {@code end − start}, zero or positive
     */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /**
     * Whether {@code instant} lies in {@code [start, end)}.
     *
     * @param instant the instant
     * @return true if inside; always false for an empty window
     */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /**
     * Whether {@code epochMillis} lies in {@code [start, end)}, at millisecond precision.
     *
     * @param epochMillis milliseconds since the epoch
     * @return true if inside
     */
    public boolean containsEpochMilli(long epochMillis) {
        return epochMillis >= start.toEpochMilli() && epochMillis < end.toEpochMilli();
    }

    /**
     * The smallest window covering both.
     *
     * @param other another window
     * @return from the earlier start to the later end, including any gap between them
     */
    public TimeWindow span(TimeWindow other) {
        return new TimeWindow(
                start.isBefore(other.start) ? start : other.start, end.isAfter(other.end) ? end : other.end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
