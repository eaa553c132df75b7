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
package dev.plimsoll.test;

import dev.plimsoll.source.Signal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a fake backend serves for one query, in the order it sends the points (which may be out of order or repeat a
 * point, when a scenario says so).
 *
 * @param id the query's id ({@code [a-z][a-z0-9_]*}, valid in every backend's query language)
 * @param signal the role of the query
 * @param points the points, in the order served
 * @since 0.1
 */
public record ServedSeries(String id, Signal signal, List<ServedPoint> points) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Checks the id and copies the points.
     *
     * @param id {@code [a-z][a-z0-9_]*}
     * @param signal the role
     * @param points in the order served
     * @throws IllegalArgumentException if the id has another form
     */
    public ServedSeries {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signal, "signal");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must match [a-z][a-z0-9_]*, but was '" + id + "'");
        }
        points = List.copyOf(points);
    }
}
