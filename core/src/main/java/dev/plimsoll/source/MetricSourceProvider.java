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

import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link java.util.ServiceLoader} entry point of an adapter, listed in
 * {@code META-INF/services/dev.plimsoll.source.MetricSourceProvider}.
 *
 * @since 0.1
 */
public interface MetricSourceProvider {
    /**
     * The type of the sources it creates.
     *
     * @return e.g. {@code cloudwatch}; the prefix of its configuration keys
     */
    String type();

    /**
     * The configuration keys this adapter reads, without the {@code <type>.} prefix (e.g. {@code region}); a key
     * ending in {@code .} stands for every key it starts (e.g. {@code signal.}). Settings files use it to reject
     * misspelt keys. Empty (the default) when the adapter does not declare its keys: they are then not checked.
     *
     * @return the keys, without the type prefix
     */
    default Set<String> keys() {
        return Set.of();
    }

    /**
     * Creates a source from configuration properties ({@code <type>.<key>}, e.g. {@code cloudwatch.region}).
     *
     * @param properties returns a property's value by its full key, or null when unset
     * @return a new source; the caller closes it
     * @throws ConfigurationException listing every problem of the configuration
     */
    MetricSource create(Function<String, @Nullable String> properties);
}
