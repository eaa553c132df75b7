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

import dev.plimsoll.series.SeriesSet;
import java.util.List;
import java.util.Optional;

/**
 * What a fetch returned: the series with their typed metadata (see {@link FetchedSeries} for the contract every
 * source keeps), the coverage of every query, and messages that concern the whole fetch.
 *
 * @param series every series fetched, in query order
 * @param coverage one entry per query asked for
 * @param messages what the source or backend said about the fetch as a whole (e.g. a coarser step than asked)
 * @since 0.1
 */
public record FetchResult(List<FetchedSeries> series, List<Coverage> coverage, List<String> messages) {
    /**
     * Copies the lists.
     *
     * @param series every series, in query order
     * @param coverage one per query
     * @param messages about the whole fetch
     * @throws NullPointerException if a list is null
     */
    public FetchResult {
        series = List.copyOf(series);
        coverage = List.copyOf(coverage);
        messages = List.copyOf(messages);
    }

    /**
     * The values alone, without the metadata.
     *
     * @return the series keyed by id, in query order
     * @throws IllegalArgumentException if two series share an id
     */
    public SeriesSet seriesSet() {
        return SeriesSet.of(series.stream().map(FetchedSeries::series).toList());
    }

    /**
     * Every series playing {@code signal}, in query order.
     *
     * @param signal the role
     * @return those series; empty if none
     */
    public List<FetchedSeries> series(Signal signal) {
        return series.stream().filter(s -> s.signal() == signal).toList();
    }

    /**
     * The series of one query (the first, when a query returned several).
     *
     * @param queryId the {@link MetricQuery#id()}
     * @return the series, or empty when the query returned none
     */
    public Optional<FetchedSeries> query(String queryId) {
        return series.stream().filter(s -> s.queryId().equals(queryId)).findFirst();
    }
}
