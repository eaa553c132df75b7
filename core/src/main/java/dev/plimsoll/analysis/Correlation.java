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
package dev.plimsoll.analysis;

import dev.plimsoll.source.Signal;
import java.util.Objects;

/**
 * How a cloud series follows the load.
 *
 * @param queryId the query that produced the cloud series
 * @param signal the role the cloud series plays
 * @param series the cloud series (a metric id's text)
 * @param load {@code rps} or {@code vus}
 * @param pearson Pearson's r at the best lag
 * @param spearman Spearman's ρ at the best lag
 * @param lagSeconds how long the series follows the load (positive: the series lags behind)
 * @param pValue two-sided p-value of Pearson's r (t-test, n − 2 degrees of freedom)
 * @param n pairs compared
 * @since 0.1
 */
public record Correlation(
        String queryId,
        Signal signal,
        String series,
        String load,
        double pearson,
        double spearman,
        double lagSeconds,
        double pValue,
        int n) {

    /**
     * Checks the names.
     *
     * @param queryId the query id
     * @param signal the role
     * @param series the metric id's text
     * @param load {@code rps} or {@code vus}
     * @param pearson in [−1, 1], NaN when undefined (a constant series)
     * @param spearman in [−1, 1], NaN when undefined
     * @param lagSeconds seconds, positive when the series lags behind the load
     * @param pValue in [0, 1]
     * @param n pairs compared
     * @throws NullPointerException if a name or the signal is null
     */
    public Correlation {
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(load, "load");
    }
}
