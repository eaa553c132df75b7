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
import java.util.Objects;
import java.util.TreeMap;

/**
 * A run read back from the store.
 *
 * @param id the run's id
 * @param savedAt when it was saved
 * @param labels its labels, sorted by key
 * @param record what was saved (its {@link RunRecord#id()} is {@code id})
 * @since 0.1
 */
public record StoredRun(String id, Instant savedAt, Map<String, String> labels, RunRecord record) {
    /**
     * Checks the components and copies the labels, sorted.
     *
     * @param id the run's id
     * @param savedAt when it was saved
     * @param labels its labels, sorted by key
     * @param record what was saved (its {@link RunRecord#id()} is {@code id})
     * @throws NullPointerException if the id, the save time or the record is null
     */
    public StoredRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(record, "record");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
