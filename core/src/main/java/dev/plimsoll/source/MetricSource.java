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

import dev.plimsoll.series.TimeWindow;
import java.time.Duration;
import java.util.List;

/**
 * A source of time series for a load run's window. Implementations are thread-safe.
 *
 * <pre>{@code
 * try (MetricSource cw = MetricSources.require("cloudwatch", Map.of("cloudwatch.region", "eu-west-1")::get)) {
 *     FetchResult r = cw.fetch(queries, run.window(), Duration.ofSeconds(60));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface MetricSource extends AutoCloseable {
    /**
     * Stable lower-case id; the {@code source} of every series it returns.
     *
     * @return e.g. {@code cloudwatch}, {@code datadog}
     */
    String type();

    /**
     * Fetches every query over {@code window}.
     *
     * @param queries what to fetch; ids unique within the list
     * @param window the time range, half-open
     * @param step the resolution wanted; a source may have to use a coarser one and says so in the result's
     *     messages
     * @return the series that were found (see {@link FetchedSeries} for the contract) and one coverage entry per
     *     query; a query that found no data has a coverage with no point present, not an exception
     * @throws MetricSourceException when the backend cannot be reached or refuses the request
     */
    FetchResult fetch(List<MetricQuery> queries, TimeWindow window, Duration step);

    /**
     * The resolution this source is read at when nothing else is asked for: the finest its backend keeps for the
     * default queries (CloudWatch's 60 s for Container Insights and ALB metrics, Datadog's 15 s agent interval), or
     * what a recording holds. Default 60 s.
     *
     * @return a positive step
     */
    default Duration defaultStep() {
        return Duration.ofSeconds(60);
    }

    /**
     * The queries this source's configuration binds to signals (e.g. the cluster's and load balancer's default
     * metrics, or every query of a recording); empty when it binds none.
     *
     * @return the queries {@link dev.plimsoll.LoadTestAnalysis} fetches from this source
     */
    default List<MetricQuery> defaultQueries() {
        return List.of();
    }

    /** Releases the backend's client, if the source owns one; a no-op by default. Never throws a checked exception. */
    @Override
    default void close() {}
}
