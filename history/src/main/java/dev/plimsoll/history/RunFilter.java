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
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Which runs to list or chart: every label given must match exactly; the other criteria apply when set.
 *
 * <pre>{@code
 * RunFilter.all().withLabel("branch", "main").withVerdict(Verdict.PASS).since(Instant.parse("2026-01-01T00:00:00Z"))
 * }</pre>
 *
 * @param labels labels the run must carry, key → value
 * @param name the run's name, or {@code null} for any
 * @param tool the load tool, or {@code null} for any
 * @param verdict the verdict, or {@code null} for any
 * @param since runs started at or after, or {@code null}
 * @param until runs started before, or {@code null}
 * @since 0.1
 */
public record RunFilter(
        Map<String, String> labels,
        @Nullable String name,
        @Nullable String tool,
        @Nullable Verdict verdict,
        @Nullable Instant since,
        @Nullable Instant until) {

    /**
     * Copies the labels, sorted.
     *
     * @param labels key → value, all required
     * @param name or null
     * @param tool or null
     * @param verdict or null
     * @param since inclusive, or null
     * @param until exclusive, or null
     */
    public RunFilter {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /**
     * Every run.
     *
     * @return a filter without criteria
     */
    public static RunFilter all() {
        return new RunFilter(Map.of(), null, null, null, null, null);
    }

    /**
     * Runs carrying every one of these labels.
     *
     * @param labels key → value, matched exactly
     * @return the filter
     */
    public static RunFilter labels(Map<String, String> labels) {
        return new RunFilter(labels, null, null, null, null, null);
    }

    /**
     * A copy that also requires one label.
     *
     * @param key e.g. {@code branch}
     * @param value e.g. {@code main}, matched exactly
     * @return a new filter
     */
    public RunFilter withLabel(String key, String value) {
        Map<String, String> l = new TreeMap<>(labels);
        l.put(key, value);
        return new RunFilter(l, name, tool, verdict, since, until);
    }

    /**
     * A copy that requires the run's name.
     *
     * @param value the name, or null for any
     * @return a new filter
     */
    public RunFilter withName(@Nullable String value) {
        return new RunFilter(labels, value, tool, verdict, since, until);
    }

    /**
     * A copy that requires the load tool.
     *
     * @param value e.g. {@code k6}, or null for any
     * @return a new filter
     */
    public RunFilter withTool(@Nullable String value) {
        return new RunFilter(labels, name, value, verdict, since, until);
    }

    /**
     * A copy that requires the verdict.
     *
     * @param value the verdict, or null for any
     * @return a new filter
     */
    public RunFilter withVerdict(@Nullable Verdict value) {
        return new RunFilter(labels, name, tool, value, since, until);
    }

    /**
     * A copy for runs started at or after an instant.
     *
     * @param value inclusive, or null for no lower bound
     * @return a new filter
     */
    public RunFilter since(@Nullable Instant value) {
        return new RunFilter(labels, name, tool, verdict, value, until);
    }

    /**
     * A copy for runs started before an instant.
     *
     * @param value exclusive, or null for no upper bound
     * @return a new filter
     */
    public RunFilter until(@Nullable Instant value) {
        return new RunFilter(labels, name, tool, verdict, since, value);
    }
}
