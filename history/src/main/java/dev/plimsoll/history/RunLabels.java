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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Labels of a run: {@code key=value} pairs the user gives ({@code --label k=v}), plus what GitHub Actions says
 * about the run: {@code GITHUB_SHA} → {@code commit}, {@code GITHUB_REF_NAME} → {@code branch},
 * {@code GITHUB_RUN_ID} → {@code github_run_id}, {@code GITHUB_REPOSITORY} → {@code repository}.
 *
 * @since 0.1
 */
public final class RunLabels {
    /** Environment variables read, and the label each becomes. */
    public static final Map<String, String> GITHUB_VARIABLES = Collections.unmodifiableMap(new LinkedHashMap<>(Map.of(
            "GITHUB_SHA", "commit",
            "GITHUB_REF_NAME", "branch",
            "GITHUB_RUN_ID", "github_run_id",
            "GITHUB_REPOSITORY", "repository")));

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_VALUE = 512;

    private RunLabels() {}

    /**
     * The user's labels with the GitHub Actions ones added; the user's win where both set a key.
     *
     * @param labels the user's labels
     * @param environment the environment, usually {@code System::getenv}
     * @return all labels, sorted by key, unmodifiable
     * @throws IllegalArgumentException for a label that breaks the rules of {@link #check}
     */
    public static Map<String, String> withGitHubActions(
            Map<String, String> labels, Function<String, @Nullable String> environment) {
        Map<String, String> all = new TreeMap<>();
        for (Map.Entry<String, String> e : GITHUB_VARIABLES.entrySet()) {
            String v = environment.apply(e.getKey());
            if (v != null && !v.isBlank()) {
                all.put(e.getValue(), v.strip());
            }
        }
        all.putAll(labels);
        return check(all);
    }

    /**
     * Parses {@code key=value} pairs.
     *
     * @param pairs e.g. {@code ["branch=main", "env=staging"]}; key and value are stripped, a later key wins
     * @return the labels, sorted by key, unmodifiable
     * @throws IllegalArgumentException naming the pair and the rule when one is malformed
     */
    public static Map<String, String> parse(List<String> pairs) {
        Map<String, String> labels = new TreeMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a label must be key=value, but was '" + pair + "'");
            }
            labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return check(labels);
    }

    /**
     * Checks labels: keys of 1–64 letters, digits, {@code _ . -}; values of at most 512 characters.
     *
     * @param labels the labels
     * @return the same labels, sorted by key, unmodifiable
     * @throws IllegalArgumentException naming the label and the rule
     */
    public static Map<String, String> check(Map<String, String> labels) {
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!KEY.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException(
                        "a label key must be 1–64 letters, digits, '_', '.' or '-', but was '" + e.getKey() + "'");
            }
            if (e.getValue().length() > MAX_VALUE) {
                throw new IllegalArgumentException("label " + e.getKey() + " must be at most " + MAX_VALUE
                        + " characters, but was " + e.getValue().length());
            }
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
