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
package dev.plimsoll.run;

import java.time.Duration;

/**
 * Run-level totals, the figures of a load tool's end-of-test summary (k6's, JMeter's Aggregate Report total).
 *
 * @param requests requests ({@code requests}, k6's {@code http_reqs})
 * @param failedRequests requests that failed ({@code request_failed} true)
 * @param iterations completed iterations
 * @param droppedIterations iterations an arrival-rate executor could not start
 * @param checksPassed checks that passed
 * @param checksFailed checks that failed
 * @param dataSentBytes bytes sent
 * @param dataReceivedBytes bytes received
 * @param vusMax most virtual users active at once ({@code vus} max)
 * @param duration from the first bucket to the end of the last
 * @since 0.1
 */
public record RunTotals(
        long requests,
        long failedRequests,
        long iterations,
        long droppedIterations,
        long checksPassed,
        long checksFailed,
        long dataSentBytes,
        long dataReceivedBytes,
        long vusMax,
        Duration duration) {

    /**
     * Failed ÷ all requests.
     *
     * @return a share 0–1, NaN without requests
     */
    public double errorRate() {
        return requests == 0 ? Double.NaN : (double) failedRequests / requests;
    }

    /**
     * Requests per second over the duration.
     *
     * @return mean requests per second, NaN for a run of zero duration
     */
    public double rps() {
        return duration.isZero() ? Double.NaN : requests / (duration.toMillis() / 1000.0);
    }

    static RunTotals of(RunTimeline t) {
        MetricTimeline checks = t.metric(LoadMetrics.CHECKS).orElse(null);
        long checksPassed = checks == null ? 0 : checks.nonZero();
        long checksFailed = checks == null ? 0 : checks.count() - checks.nonZero();
        // the largest single reading, or the largest sum of several generators' held readings
        double vusMax = t.metric(LoadMetrics.VUS)
                .map(m -> Math.max(m.max(), m.heldSeries().max()))
                .orElse(Double.NaN);
        return new RunTotals(
                t.http().totalRequests(),
                t.http().totalFailed(),
                sum(t, LoadMetrics.ITERATIONS),
                sum(t, LoadMetrics.DROPPED_ITERATIONS),
                checksPassed,
                checksFailed,
                sum(t, LoadMetrics.DATA_SENT),
                sum(t, LoadMetrics.DATA_RECEIVED),
                Double.isNaN(vusMax) ? 0 : Math.round(vusMax),
                t.window().duration());
    }

    private static long sum(RunTimeline t, String metric) {
        return t.metric(metric).map(m -> Math.round(m.sum())).orElse(0L);
    }
}
