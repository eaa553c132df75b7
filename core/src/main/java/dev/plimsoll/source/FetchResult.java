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
import java.util.Objects;

/**
 * What a fetch returned: normalised series (ascending, NaN gaps on the series' own grid, values in the query's
 * unit), the coverage of every query, and messages that concern the whole fetch.
 *
 * @since 0.1
 */
public record FetchResult(SeriesSet series, List<Coverage> coverage, List<String> messages) {
    public FetchResult {
        Objects.requireNonNull(series, "series");
        coverage = List.copyOf(coverage);
        messages = List.copyOf(messages);
    }
}
