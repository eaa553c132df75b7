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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable set of series keyed by {@link MetricId}, in insertion order.
 *
 * @since 0.1
 */
public final class SeriesSet implements Iterable<TimeSeries> {
    private static final SeriesSet EMPTY = new SeriesSet(Map.of());
    private final Map<MetricId, TimeSeries> byId;

    private SeriesSet(Map<MetricId, TimeSeries> byId) {
        this.byId = byId;
    }

    /**
     * The empty set.
     *
     * @return a shared empty set
     */
    public static SeriesSet empty() {
        return EMPTY;
    }

    /**
     * A set of the given series.
     *
     * @param series the series, kept in iteration order
     * @return a new set
     * @throws IllegalArgumentException when two series share an id
     */
    public static SeriesSet of(Collection<TimeSeries> series) {
        Map<MetricId, TimeSeries> m = new LinkedHashMap<>();
        for (TimeSeries s : series) {
            if (m.putIfAbsent(s.id(), s) != null) {
                throw new IllegalArgumentException("series ids must be unique, but " + s.id() + " appears twice");
            }
        }
        return new SeriesSet(Collections.unmodifiableMap(m));
    }

    /**
     * A set of the given series.
     *
     * @param series the series, kept in this order
     * @return a new set
     * @throws IllegalArgumentException when two series share an id
     */
    public static SeriesSet of(TimeSeries... series) {
        return of(List.of(series));
    }

    /**
     * The series with this id.
     *
     * @param id the id, tags included
     * @return the series, or empty
     */
    public Optional<TimeSeries> get(MetricId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Every series with this metric name, any source, statistic or tags.
     *
     * @param name the metric name
     * @return those series in insertion order; empty if none
     */
    public List<TimeSeries> named(String name) {
        List<TimeSeries> out = new ArrayList<>();
        for (TimeSeries s : byId.values()) {
            if (s.id().name().equals(name)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A new set with the series of both; {@code other} wins on equal ids.
     *
     * @param other the series to add
     * @return a new set: this set's series in order, then those of {@code other} not already in it
     */
    public SeriesSet plus(SeriesSet other) {
        Map<MetricId, TimeSeries> m = new LinkedHashMap<>(byId);
        m.putAll(other.byId);
        return new SeriesSet(Collections.unmodifiableMap(m));
    }

    /**
     * Number of series.
     *
     * @return zero or more
     */
    public int size() {
        return byId.size();
    }

    /**
     * Whether the set holds no series.
     *
     * @return true if {@link #size()} is 0
     */
    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /**
     * The series in insertion order.
     *
     * @return a sequential stream
     */
    public Stream<TimeSeries> stream() {
        return byId.values().stream();
    }

    @Override
    public Iterator<TimeSeries> iterator() {
        return byId.values().iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesSet other && byId.equals(other.byId);
    }

    @Override
    public int hashCode() {
        return byId.hashCode();
    }

    @Override
    public String toString() {
        return "SeriesSet" + byId.keySet();
    }
}
