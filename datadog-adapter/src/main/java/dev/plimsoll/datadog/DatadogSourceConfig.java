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
package dev.plimsoll.datadog;

import dev.plimsoll.source.Retry;
import dev.plimsoll.source.SourceConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of the Datadog source, keys under {@code datadog.}:
 * <ul>
 *   <li>{@code api-key}, {@code app-key} — or the environment's {@code DD_API_KEY}, {@code DD_APP_KEY} /
 *       {@code DD_APPLICATION_KEY} (see {@link #withEnvironment});</li>
 *   <li>{@code site} — {@code datadoghq.com} (default), {@code datadoghq.eu}, {@code us3}, {@code us5}, {@code ap1},
 *       {@code ap2}, {@code ddog-gov.com}, or any other deployment's domain; or {@code DD_SITE};</li>
 *   <li>{@code base-url} — any host, e.g. a proxy or a test server ({@code http://127.0.0.1:8080});</li>
 *   <li>{@code api} — {@code v2} (default: several queries per request) or {@code v1} (one request per query);</li>
 *   <li>{@code retry-budget} — longest total wait between the attempts of one request (rate-limit resets, backoff
 *       after a 5xx, a network failure or a body cut short); default 60 s;</li>
 *   <li>{@code max-attempts} — attempts per request, including the first; default 5;</li>
 *   <li>{@code connect-timeout}, {@code read-timeout} — longest wait for a connection, and for the next bytes of a
 *       response; defaults 10 s and 60 s;</li>
 *   <li>{@code replay} — a folder of recorded responses to read instead of the API;</li>
 *   <li>signal bindings: {@code cluster} ({@code kube_cluster_name}), {@code service} (APM service and
 *       {@code kube_deployment}), {@code span} (APM span name, default {@code http.request}), {@code load-balancer}
 *       ({@code app/<name>/<id>}), and {@code signal.<id>} to override ({@code off} to drop) one binding.</li>
 * </ul>
 * Keys are secrets: they are sent as {@code DD-API-KEY}/{@code DD-APPLICATION-KEY} headers and never written to
 * messages, exceptions, logs or recordings.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DatadogSourceConfig extends SourceConfig {
    /** Sites the client knows by name; others are reached as "any Datadog deployment". */
    List<String> KNOWN_SITES = List.of(
            "datadoghq.com",
            "us3.datadoghq.com",
            "us5.datadoghq.com",
            "ap1.datadoghq.com",
            "ap2.datadoghq.com",
            "datadoghq.eu",
            "ddog-gov.com");

    @Override
    default String prefix() {
        return "datadog";
    }

    /**
     * A configuration that falls back to the environment variables Datadog's tools use: {@code DD_API_KEY},
     * {@code DD_APP_KEY} or {@code DD_APPLICATION_KEY}, {@code DD_SITE}.
     *
     * @param properties the {@code datadog.*} keys; a blank value counts as unset
     * @param environment usually {@code System::getenv}; read only for keys the properties do not set
     * @return the combined configuration
     */
    static DatadogSourceConfig withEnvironment(
            Function<String, @Nullable String> properties, Function<String, @Nullable String> environment) {
        Map<String, List<String>> fallbacks = Map.of(
                "datadog.api-key",
                List.of("DD_API_KEY"),
                "datadog.app-key",
                List.of("DD_APP_KEY", "DD_APPLICATION_KEY"),
                "datadog.site",
                List.of("DD_SITE"));
        return key -> {
            String v = properties.apply(key);
            if (v != null && !v.isBlank()) {
                return v;
            }
            for (String env : fallbacks.getOrDefault(key, List.of())) {
                String e = environment.apply(env);
                if (e != null && !e.isBlank()) {
                    return e;
                }
            }
            return null;
        };
    }

    /**
     * {@code datadog.api-key}, a secret.
     *
     * @return the key, or null (required unless replaying)
     */
    default @Nullable String apiKey() {
        return string("api-key");
    }

    /**
     * {@code datadog.app-key}, a secret.
     *
     * @return the application key, or null (required unless replaying)
     */
    default @Nullable String appKey() {
        return string("app-key");
    }

    /**
     * {@code datadog.site}: the site's domain, aliases expanded.
     *
     * @return e.g. {@code datadoghq.eu} for {@code eu}, {@code us3.datadoghq.com} for {@code us3}; default
     *     {@code datadoghq.com}
     */
    default String site() {
        String s = string("site");
        if (s == null) {
            return "datadoghq.com";
        }
        s = s.toLowerCase(Locale.ROOT)
                .replaceFirst("^https?://", "")
                .replaceFirst("^(api|app)\\.", "")
                .replaceFirst("/.*$", "");
        return switch (s) {
            case "us", "us1" -> "datadoghq.com";
            case "eu", "eu1" -> "datadoghq.eu";
            case "us3", "us5", "ap1", "ap2" -> s + ".datadoghq.com";
            case "gov", "us1-fed" -> "ddog-gov.com";
            default -> s;
        };
    }

    /**
     * {@code datadog.base-url}: any host instead of the site's API.
     *
     * @return e.g. a proxy or {@code http://127.0.0.1:8080}, or null for the site's
     * @throws IllegalArgumentException if the value is not a URI
     */
    default @Nullable URI baseUrl() {
        String u = string("base-url");
        return u == null ? null : URI.create(u);
    }

    /**
     * {@code datadog.api}: which query API to use.
     *
     * @return {@code v1} or {@code v2} when valid, lower case; default {@code v2}
     */
    default String api() {
        String a = string("api");
        return a == null ? "v2" : a.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code datadog.retry-budget}: longest total wait between the attempts of one request.
     *
     * @return zero or positive when valid; default 60 s
     * @throws dev.plimsoll.source.ConfigurationException if the value is not a duration
     */
    default Duration retryBudget() {
        Duration d = duration("retry-budget");
        return d == null ? Retry.DEFAULT_BUDGET : d;
    }

    /**
     * {@code datadog.max-attempts}: attempts per request, including the first.
     *
     * @return ≥ 1 when valid; default {@value Retry#DEFAULT_MAX_ATTEMPTS}
     * @throws dev.plimsoll.source.ConfigurationException if the value is not an integer
     */
    default int maxAttempts() {
        Integer n = integer("max-attempts");
        return n == null ? Retry.DEFAULT_MAX_ATTEMPTS : n;
    }

    /**
     * {@code datadog.connect-timeout}: longest wait for a connection.
     *
     * @return positive when valid; default 10 s
     * @throws dev.plimsoll.source.ConfigurationException if the value is not a duration
     */
    default Duration connectTimeout() {
        Duration d = duration("connect-timeout");
        return d == null ? Duration.ofSeconds(10) : d;
    }

    /**
     * {@code datadog.read-timeout}: longest wait for the next bytes of a response.
     *
     * @return positive when valid; default 60 s
     * @throws dev.plimsoll.source.ConfigurationException if the value is not a duration
     */
    default Duration readTimeout() {
        Duration d = duration("read-timeout");
        return d == null ? Duration.ofSeconds(60) : d;
    }

    /**
     * {@code datadog.replay}: a recording to read instead of the API (see {@link DatadogRecording}).
     *
     * @return the recording's folder ({@code classpath:} resolved), or null for live access
     * @throws dev.plimsoll.source.ConfigurationException for a {@code classpath:} folder that does not exist
     */
    default @Nullable Path replay() {
        return path("replay");
    }

    @Override
    default List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (replay() == null) {
            if (apiKey() == null) {
                problems.add("datadog.api-key (or DD_API_KEY) is required for live queries");
            }
            if (appKey() == null) {
                problems.add("datadog.app-key (or DD_APP_KEY / DD_APPLICATION_KEY) is required for metric queries");
            }
        } else if (!Files.isDirectory(replay())) {
            problems.add(
                    "datadog.replay must be a folder of recorded responses, but '" + replay() + "' is not a folder");
        }
        if (!api().equals("v1") && !api().equals("v2")) {
            problems.add("datadog.api must be v1 or v2, but was '" + api() + "'");
        }
        try {
            URI u = baseUrl();
            if (u != null && (u.getScheme() == null || u.getHost() == null)) {
                problems.add("datadog.base-url must be an absolute URL such as https://api.datadoghq.com, but was '" + u
                        + "'");
            }
        } catch (IllegalArgumentException e) {
            problems.add("datadog.base-url is not a URL: " + e.getMessage());
        }
        try {
            if (retryBudget().isNegative()) {
                problems.add("datadog.retry-budget must not be negative, but was " + retryBudget());
            }
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        try {
            if (maxAttempts() < 1) {
                problems.add("datadog.max-attempts must be ≥ 1, but was " + maxAttempts());
            }
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        for (String key : List.of("connect-timeout", "read-timeout")) {
            try {
                Duration d = duration(key);
                if (d != null && (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE)) {
                    problems.add("datadog." + key + " must be positive and under 24 days, but was " + d);
                }
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }
}
