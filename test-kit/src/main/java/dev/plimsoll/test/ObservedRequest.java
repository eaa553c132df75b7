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
import java.util.Objects;

/**
 * What one request to a fake backend asked for, as the fake read it off the wire.
 *
 * @param queries how many queries it held
 * @param window the time it asked for
 * @param period the resolution it asked for (the longest, when its queries differ); positive
 * @since 0.1
 */
public record ObservedRequest(int queries, TimeWindow window, Duration period) {
    /**
     * Checks the components.
     *
     * @param queries how many queries
     * @param window the time asked for
     * @param period positive
     * @throws NullPointerException if the window or the period is null
     * @throws IllegalArgumentException if the period is zero or negative
     */
    public ObservedRequest {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, but was " + period);
        }
    }

    /**
     * Periods the window spans (rounded up): the points one of its series can hold.
     *
     * @return window ÷ period, rounded up
     */
    public long pointsPerSeries() {
        long p = period.toMillis();
        return (window.duration().toMillis() + p - 1) / p;
    }
}
