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
package dev.plimsoll.series;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Identity of a series: what was measured, where it came from, how it was reduced, in which unit.
 *
 * @param name metric name as the source spells it, e.g. {@code http_req_duration} or
 *     {@code node_cpu_utilization}
 * @param source where the series came from, e.g. {@code k6}, {@code cloudwatch}, {@code datadog}
 * @param statistic how samples were reduced per point
 * @param unit unit of the values, e.g. {@code ms}, {@code percent}, {@code count}, {@code 1/s}
 * @param tags further identity (dimensions, request name); sorted, immutable
 * @since 0.1
 */
public record MetricId(String name, String source, Statistic statistic, String unit, Map<String, String> tags) {

    /**
     * Checks the components and copies the tags, sorted.
     *
     * @param name metric name, not empty
     * @param source the source, may be empty
     * @param statistic the reduction
     * @param unit the unit, may be empty
     * @param tags further identity
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code name} is empty
     */
    public MetricId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(unit, "unit");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    /**
     * An id without tags.
     *
     * @param name metric name, not empty
     * @param source e.g. {@code cloudwatch}
     * @param statistic the reduction per point
     * @param unit e.g. {@code percent}
     * @return the id
     * @throws IllegalArgumentException if {@code name} is empty
     */
    public static MetricId of(String name, String source, Statistic statistic, String unit) {
        return new MetricId(name, source, statistic, unit, Map.of());
    }

    /**
     * A copy with one more tag (or the tag replaced).
     *
     * @param key the tag's key, e.g. {@code ClusterName}
     * @param value its value
     * @return a new id; this one does not change
     */
    public MetricId withTag(String key, String value) {
        Map<String, String> t = new TreeMap<>(tags);
        t.put(key, value);
        return new MetricId(name, source, statistic, unit, t);
    }

    /**
     * A copy with another statistic.
     *
     * @param newStatistic the statistic of the copy
     * @return a new id; this one does not change
     */
    public MetricId withStatistic(Statistic newStatistic) {
        return new MetricId(name, source, newStatistic, unit, tags);
    }

    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder(source).append(':').append(name).append('.').append(statistic.label());
        if (!tags.isEmpty()) {
            sb.append(tags);
        }
        return sb.append(" [").append(unit).append(']').toString();
    }
}
