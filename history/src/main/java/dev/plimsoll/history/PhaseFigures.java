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

import java.time.Instant;
import java.util.Objects;

/**
 * The figures of one phase of a run (ramp-up, steady, ramp-down).
 *
 * @param kind {@code ramp-up}, {@code steady} or {@code ramp-down} (any other lower-case word is kept as given)
 * @param start first instant of the phase
 * @param end end of the phase (exclusive)
 * @param requests requests sent in the phase
 * @param failedRequests of which failed
 * @param rps mean requests per second over the phase
 * @param p50Millis client latency median over the phase, ms; NaN when unknown
 * @param p95Millis client latency 95th percentile, ms; NaN when unknown
 * @param p99Millis client latency 99th percentile, ms; NaN when unknown
 * @param maxVus largest number of virtual users in the phase
 * @since 0.1
 */
public record PhaseFigures(
        String kind,
        Instant start,
        Instant end,
        long requests,
        long failedRequests,
        double rps,
        double p50Millis,
        double p95Millis,
        double p99Millis,
        int maxVus) {

    /** The kind of the phase the latency comparison uses. */
    public static final String STEADY = "steady";

    /**
     * Checks the kind and the instants.
     *
     * @param kind {@code ramp-up}, {@code steady} or {@code ramp-down} (any other lower-case word is kept as given)
     * @param start first instant of the phase
     * @param end end of the phase (exclusive)
     * @param requests requests sent in the phase
     * @param failedRequests of which failed
     * @param rps mean requests per second over the phase
     * @param p50Millis client latency median over the phase, ms; NaN when unknown
     * @param p95Millis client latency 95th percentile, ms; NaN when unknown
     * @param p99Millis client latency 99th percentile, ms; NaN when unknown
     * @param maxVus largest number of virtual users in the phase
     * @throws NullPointerException if the kind or an instant is null
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public PhaseFigures {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "phase end must not be before its start, but was " + end + " < " + start);
        }
    }
}
