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
package dev.plimsoll.junit;

import dev.plimsoll.baseline.BaselineComparator;
import dev.plimsoll.history.HistoryBaseline;
import dev.plimsoll.history.RunHistory;
import dev.plimsoll.history.RunLabels;
import dev.plimsoll.history.RunRecords;
import dev.plimsoll.report.Report;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A test's run history: opened after the test, the baseline chosen among the same test's runs, the run saved. */
final class HistoryRun implements AutoCloseable {
    /** The label naming the test a run belongs to. */
    static final String TEST_LABEL = "test";

    private final RunHistory history;

    private HistoryRun(RunHistory history) {
        this.history = history;
    }

    static Map<String, String> check(
            String url, @Nullable String selector, List<String> labels, List<String> problems) {
        try {
            RunHistory.checkUrl(url);
        } catch (IllegalArgumentException e) {
            problems.add("@LoadTest history: " + e.getMessage());
        }
        if (selector != null) {
            try {
                RunHistory.checkSelector(selector);
            } catch (IllegalArgumentException e) {
                problems.add("@LoadTest baseline: " + e.getMessage());
            }
        }
        try {
            return RunLabels.parse(labels);
        } catch (IllegalArgumentException e) {
            problems.add("@LoadTest labels: " + e.getMessage());
            return Map.of();
        }
    }

    /**
     * Opens the store.
     *
     * @throws dev.plimsoll.history.HistoryException naming the store without its password
     */
    static HistoryRun open(String url) {
        return new HistoryRun(RunHistory.open(url));
    }

    static String newRunId(Instant start) {
        return RunHistory.newRunId(start);
    }

    /**
     * The baseline among the runs of the same test: {@code last}, {@code last-passing} and label selectors scoped. The
     * run is the first of its line when nothing earlier matches and it will be saved with the selector's labels.
     */
    BaselineComparator baseline(String selector, String test, String runId, Map<String, String> labels) {
        return HistoryBaseline.of(history, scoped(selector, test)).runId(runId).savedWith(labels(labels, test));
    }

    static String scoped(String selector, String test) {
        String s = selector.strip();
        boolean keyword = s.equals("last")
                || s.equals("last-passing")
                || s.startsWith("last,")
                || s.startsWith("last-passing,")
                || s.startsWith("label:");
        if (!keyword || s.contains(TEST_LABEL + "=")) {
            return s; // a run id, or a selector that names its test
        }
        return s + (s.equals("label:") ? "" : ",") + TEST_LABEL + "=" + test;
    }

    /** Saves the run with its labels, the test's, and GitHub Actions'. */
    String save(Report report, String runId, Map<String, String> labels, String test) {
        return history.save(RunRecords.of(report, runId), labels(labels, test));
    }

    private static Map<String, String> labels(Map<String, String> labels, String test) {
        Map<String, String> all = new TreeMap<>(labels);
        all.putIfAbsent(TEST_LABEL, test);
        return RunLabels.withGitHubActions(all, System::getenv);
    }

    String url() {
        return history.url();
    }

    @Override
    public void close() {
        history.close();
    }
}
