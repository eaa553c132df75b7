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

    public RunFilter {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** Every run. */
    public static RunFilter all() {
        return new RunFilter(Map.of(), null, null, null, null, null);
    }

    /** Runs carrying every one of these labels. */
    public static RunFilter labels(Map<String, String> labels) {
        return new RunFilter(labels, null, null, null, null, null);
    }

    public RunFilter withLabel(String key, String value) {
        Map<String, String> l = new TreeMap<>(labels);
        l.put(key, value);
        return new RunFilter(l, name, tool, verdict, since, until);
    }

    public RunFilter withName(@Nullable String value) {
        return new RunFilter(labels, value, tool, verdict, since, until);
    }

    public RunFilter withTool(@Nullable String value) {
        return new RunFilter(labels, name, value, verdict, since, until);
    }

    public RunFilter withVerdict(@Nullable Verdict value) {
        return new RunFilter(labels, name, tool, value, since, until);
    }

    public RunFilter since(@Nullable Instant value) {
        return new RunFilter(labels, name, tool, verdict, value, until);
    }

    public RunFilter until(@Nullable Instant value) {
        return new RunFilter(labels, name, tool, verdict, since, value);
    }
}
