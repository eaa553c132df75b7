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

import dev.plimsoll.report.Verdict;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A line of {@link RunHistory#list}: a run without its findings, gates, phases and timeline.
 *
 * @param id the run's id
 * @param name what was run, or {@code null}
 * @param start first instant of the run
 * @param end end of the run
 * @param tool load tool
 * @param toolVersion its version
 * @param verdict pass, fail or inconclusive
 * @param bottleneck the latency tier
 * @param savedAt when it was saved
 * @param labels labels, sorted by key
 * @param figures key figures
 * @since 0.1
 */
public record RunInfo(
        String id,
        @Nullable String name,
        Instant start,
        Instant end,
        String tool,
        String toolVersion,
        Verdict verdict,
        String bottleneck,
        Instant savedAt,
        Map<String, String> labels,
        KeyFigures figures) {
    /**
     * Checks the id and the start and copies the labels, sorted.
     *
     * @param id the run's id
     * @param name what was run, or {@code null}
     * @param start first instant of the run
     * @param end end of the run
     * @param tool load tool
     * @param toolVersion its version
     * @param verdict pass, fail or inconclusive
     * @param bottleneck the latency tier
     * @param savedAt when it was saved
     * @param labels labels, sorted by key
     * @param figures key figures
     * @throws NullPointerException if the id or the start is null
     */
    public RunInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
