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

import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import java.util.Map;
import java.util.function.Function;

/**
 * The requests of a run, or of one slice of it (one request name, one status, one error class): requests,
 * failed requests and the latency trends, per bucket, under their {@link LoadMetrics neutral} names. Immutable.
 *
 * @since 0.1
 */
public final class HttpTimeline {
    private final Map<String, MetricTimeline> metrics;
    private final Function<String, MetricTimeline> empty;
    private final MetricTimeline requests;
    private final MetricTimeline failed;

    HttpTimeline(Map<String, MetricTimeline> metrics, Function<String, MetricTimeline> empty) {
        this.metrics = Map.copyOf(metrics);
        this.empty = empty;
        this.requests = metric(LoadMetrics.REQUESTS);
        this.failed = metric(LoadMetrics.REQUEST_FAILED);
    }

    /**
     * Requests in the slice (the sum of {@code requests}).
     *
     * @return zero or more
     */
    public long totalRequests() {
        return Math.round(requests.sum());
    }

    /**
     * Failed requests in the slice ({@code request_failed} samples that were true).
     *
     * @return zero or more
     */
    public long totalFailed() {
        return failed.nonZero();
    }

    /**
     * Failed ÷ all requests, per {@code request_failed}.
     *
     * @return a share 0–1; NaN when there were no requests
     */
    public double errorRate() {
        return failed.count() == 0 ? Double.NaN : (double) failed.nonZero() / failed.count();
    }

    /**
     * Requests per bucket.
     *
     * @return a count per bucket of the run's timeline
     */
    public TimeSeries requests() {
        return requests.sumSeries();
    }

    /**
     * Requests per second, per bucket.
     *
     * @return requests of each bucket divided by the bucket's length in seconds
     */
    public TimeSeries rps() {
        return requests.perSecondSeries();
    }

    /**
     * Failed requests per bucket.
     *
     * @return a count per bucket
     */
    public TimeSeries failed() {
        return failed.nonZeroSeries();
    }

    /**
     * Share of failed requests per bucket.
     *
     * @return 0–1 per bucket; NaN in buckets without requests
     */
    public TimeSeries errorRateSeries() {
        return failed.rateSeries();
    }

    /**
     * A metric of the slice: {@code requests}, {@code request_failed} or a latency trend such as
     * {@link LoadMetrics#REQUEST_DURATION} (k6's names are accepted too); empty (no samples) when the run had
     * none.
     *
     * @param name a neutral or k6 metric name, e.g. {@code request_duration} or {@code http_req_duration}
     * @return the metric's timeline, never null
     */
    public MetricTimeline metric(String name) {
        MetricTimeline m = metrics.get(LoadMetrics.neutral(name));
        return m != null ? m : empty.apply(name);
    }

    /**
     * Per-bucket percentile of a latency trend.
     *
     * @param trend a trend's name, e.g. {@link LoadMetrics#REQUEST_DURATION}
     * @param percentile in [0, 100]
     * @return milliseconds per bucket; NaN in buckets without samples
     * @throws IllegalArgumentException if {@code percentile} is outside [0, 100] and a bucket has samples
     */
    public TimeSeries percentile(String trend, double percentile) {
        return metric(trend).percentileSeries(percentile);
    }

    /**
     * The trend's distribution over the whole run.
     *
     * @param trend a trend's name
     * @return the merged distribution of every bucket; empty when the trend had no samples
     */
    public Distribution distribution(String trend) {
        return metric(trend).distribution();
    }

    /**
     * The trend's distribution over the buckets that start inside {@code window}.
     *
     * @param trend a trend's name
     * @param window the window; buckets are whole, never split
     * @return the merged distribution of those buckets
     */
    public Distribution distribution(String trend, TimeWindow window) {
        return metric(trend).distribution(window);
    }
}
