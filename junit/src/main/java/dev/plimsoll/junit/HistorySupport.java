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

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether {@code plimsoll-history} (an optional dependency) is on the class path, and the checks of the history
 * settings. Nothing here links the history's classes: {@link HistoryRun} does, and is loaded only when a test asks for
 * a history.
 */
final class HistorySupport {
    /** The default store, as {@code RunHistory.DEFAULT_FILE}. */
    static final String DEFAULT_FILE = ".plimsoll/history.db";

    private HistorySupport() {}

    static boolean available() {
        try {
            Class.forName("dev.plimsoll.history.RunHistory", false, HistorySupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Checks the URL, selector and labels without opening anything; the labels parsed, or none after a problem. */
    static Map<String, String> check(
            String url, @Nullable String selector, List<String> labels, ClassLoader loader, List<String> problems) {
        if (!available()) {
            problems.add("@LoadTest history/baseline need dev.plimsoll:plimsoll-history on the test class path (a"
                    + " test-scoped dependency beside plimsoll-junit)");
            return Map.of();
        }
        return HistoryRun.check(url, selector, labels, problems);
    }
}
