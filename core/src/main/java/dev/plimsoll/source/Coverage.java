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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How much of one query's data a source got.
 *
 * @param queryId the query
 * @param expected points the window holds at the series' resolution
 * @param present points with a value
 * @param complete false when the backend said the data is partial (more exists than was returned) or the query
 *     failed
 * @param messages what the backend or the source said about it
 * @since 0.1
 */
public record Coverage(String queryId, int expected, int present, boolean complete, List<String> messages) {
    /**
     * Checks the query id and copies the messages.
     *
     * @param queryId the query
     * @param expected points expected, ≥ 0
     * @param present points present, ≥ 0
     * @param complete whether the backend returned everything it has
     * @param messages one line each
     * @throws NullPointerException if {@code queryId} or {@code messages} is null
     */
    public Coverage {
        Objects.requireNonNull(queryId, "queryId");
        messages = List.copyOf(messages);
    }

    /**
     * A copy with one more message.
     *
     * @param message one line, e.g. why the step was coarser than asked
     * @return a new coverage; this one does not change
     */
    public Coverage withMessage(String message) {
        List<String> more = new ArrayList<>(messages);
        more.add(message);
        return new Coverage(queryId, expected, present, complete, more);
    }

    /**
     * The share of expected points that are present.
     *
     * @return present ÷ expected, 1 when nothing was expected
     */
    public double ratio() {
        return expected == 0 ? 1 : (double) present / expected;
    }
}
