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

import dev.plimsoll.internal.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds adapters on the class path by type.
 *
 * @since 0.1
 */
public final class MetricSources {
    private MetricSources() {}

    /**
     * Types of every adapter on the class path.
     *
     * @return sorted, e.g. {@code [cloudwatch, datadog]}; empty without adapters
     */
    public static List<String> known() {
        List<String> types = new ArrayList<>();
        ServiceLoader.load(MetricSourceProvider.class).forEach(p -> types.add(p.type()));
        types.sort(null);
        return types;
    }

    /**
     * The adapter of a type, if one is on the class path.
     *
     * @param type e.g. {@code cloudwatch}
     * @return its provider, or empty
     */
    public static Optional<MetricSourceProvider> find(String type) {
        for (MetricSourceProvider p : ServiceLoader.load(MetricSourceProvider.class)) {
            if (p.type().equals(type)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Problems with configuration keys: a key must be one of {@code ownKeys} or {@code <type>.<key>} for a source on
     * the class path whose provider declares {@code <key>} (providers that declare no keys are not checked). Each
     * problem names the key and, where one is close, the known key it was probably meant to be.
     *
     * @param keys the keys to check, e.g. a settings file's
     * @param ownKeys keys the caller itself reads (e.g. {@code gates}, {@code max-nodes})
     * @return one message per unknown key; empty when all are known
     */
    public static List<String> checkKeys(Collection<String> keys, Collection<String> ownKeys) {
        Map<String, Set<String>> byType = new TreeMap<>();
        ServiceLoader.load(MetricSourceProvider.class).forEach(p -> byType.put(p.type(), p.keys()));
        List<String> known = new ArrayList<>(ownKeys);
        byType.forEach((type, ks) -> ks.forEach(k -> known.add(type + "." + k)));
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            if (ownKeys.contains(key)) {
                continue;
            }
            int dot = key.indexOf('.');
            Set<String> declared = dot > 0 ? byType.get(key.substring(0, dot)) : null;
            if (declared != null) {
                String sub = key.substring(dot + 1);
                if (declared.isEmpty()
                        || declared.contains(sub)
                        || declared.stream()
                                .anyMatch(d -> d.endsWith(".") && sub.startsWith(d) && sub.length() > d.length())) {
                    continue;
                }
            }
            problems.add("unknown key '" + printable(key) + "'" + Names.didYouMean(key, known));
        }
        return problems;
    }

    /**
     * Creates a source of the given type.
     *
     * @param type e.g. {@code cloudwatch}
     * @param properties returns a property's value by its full key ({@code cloudwatch.region}), or null when unset
     * @return a new source; the caller closes it
     * @throws IllegalArgumentException naming the known types when none matches
     * @throws ConfigurationException listing every problem of the configuration
     */
    public static MetricSource require(String type, Function<String, @Nullable String> properties) {
        return find(type)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unable to resolve metric source '" + type + "'. Known: " + known()))
                .create(properties);
    }

    /** A key for a message: control characters escaped, at most 60 characters. */
    private static String printable(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length() && i < 60; i++) {
            char c = key.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : c);
        }
        return key.length() > 60 ? sb + "…" : sb.toString();
    }
}
