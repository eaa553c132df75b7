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
package dev.plimsoll.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds adapters on the class path by type.
 *
 * @since 0.1
 */
public final class MetricSources {
    private MetricSources() {}

    /** Types of every adapter on the class path, sorted. */
    public static List<String> known() {
        List<String> types = new ArrayList<>();
        ServiceLoader.load(MetricSourceProvider.class).forEach(p -> types.add(p.type()));
        types.sort(null);
        return types;
    }

    public static Optional<MetricSourceProvider> find(String type) {
        for (MetricSourceProvider p : ServiceLoader.load(MetricSourceProvider.class)) {
            if (p.type().equals(type)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Creates a source of the given type.
     *
     * @throws IllegalArgumentException naming the known types when none matches
     */
    public static MetricSource require(String type, Function<String, @Nullable String> properties) {
        return find(type)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unable to resolve metric source '" + type + "'. Known: " + known()))
                .create(properties);
    }
}
