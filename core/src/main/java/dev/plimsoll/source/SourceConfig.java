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

import dev.plimsoll.internal.Durations;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of an adapter over a key lookup, Micrometer style: implement {@link #get} (a map, system
 * properties, environment) and the adapter's sub-interface supplies defaults. Keys are {@code prefix() + "." + name}.
 *
 * <pre>{@code
 * CloudWatchSourceConfig cfg = Map.of("cloudwatch.region", "eu-west-1")::get;
 * }</pre>
 *
 * @since 0.1
 */
public interface SourceConfig {
    /**
     * Value of a full key.
     *
     * @param key e.g. {@code cloudwatch.region}
     * @return the value, or null when unset
     */
    @Nullable
    String get(String key);

    /**
     * Key prefix of this adapter.
     *
     * @return e.g. {@code cloudwatch}, without the dot
     */
    String prefix();

    /**
     * Every problem of the configuration.
     *
     * @return one sentence each, naming the key; empty when valid
     */
    default List<String> validate() {
        return List.of();
    }

    /**
     * Checks the configuration.
     *
     * @throws ConfigurationException listing every problem of {@link #validate()} at once
     */
    default void requireValid() {
        List<String> problems = validate();
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    /**
     * The value of {@code prefix.name}.
     *
     * @param name the key without the prefix, e.g. {@code region}
     * @return the value trimmed, or null when unset or blank
     */
    default @Nullable String string(String name) {
        String v = get(prefix() + "." + name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * {@code prefix.name} as a duration.
     *
     * @param name the key without the prefix
     * @return the duration, or null when unset
     * @throws ConfigurationException if the value is not {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h} or
     *     ISO-8601 ({@code PT1M})
     */
    default @Nullable Duration duration(String name) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(List.of(prefix() + "." + name + " " + e.getMessage()));
        }
    }

    /**
     * {@code prefix.name} as a path; {@code classpath:some/folder} resolves on the thread's context class loader (a
     * folder in a jar cannot be read as a folder: it must be on the file system, as test resources are).
     *
     * @param name the key without the prefix
     * @return the path, or null when unset
     * @throws ConfigurationException when a {@code classpath:} location does not exist or is not a file system path
     */
    default @Nullable Path path(String name) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        if (!v.startsWith("classpath:")) {
            return Path.of(v);
        }
        String key = prefix() + "." + name;
        String resource = v.substring("classpath:".length()).replaceFirst("^/+", "");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = (loader != null ? loader : SourceConfig.class.getClassLoader()).getResource(resource);
        if (url == null) {
            throw new ConfigurationException(List.of(key + ": '" + v + "' is not on the class path"));
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            throw new ConfigurationException(
                    List.of(key + ": '" + v + "' is inside a jar, not a folder on the file" + " system (" + url + ")"));
        }
    }

    /**
     * {@code prefix.name} as an int.
     *
     * @param name the key without the prefix
     * @return the number, or null when unset
     * @throws ConfigurationException if the value is not a decimal integer
     */
    default @Nullable Integer integer(String name) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(
                    List.of(prefix() + "." + name + " must be an integer, but was '" + v + "'"));
        }
    }
}
