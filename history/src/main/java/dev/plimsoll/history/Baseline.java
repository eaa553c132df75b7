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

import java.util.List;
import java.util.Objects;

/**
 * The runs a selector chose to compare with.
 *
 * @param selector the selector as given: {@code last}, {@code last-passing}, a run id, or
 *     {@code label:k=v[,k2=v2][,n=5]}
 * @param runs the chosen runs, newest first (never empty)
 * @since 0.1
 */
public record Baseline(String selector, List<StoredRun> runs) {
    /**
     * Checks the selector and copies the runs.
     *
     * @param selector the selector as given
     * @param runs newest first; at least one
     * @throws IllegalArgumentException if {@code runs} is empty
     */
    public Baseline {
        Objects.requireNonNull(selector, "selector");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a baseline needs at least one run");
        }
    }

    /**
     * The ids of the runs.
     *
     * @return newest first, never empty
     */
    public List<String> ids() {
        return runs.stream().map(StoredRun::id).toList();
    }
}
