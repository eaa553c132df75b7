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
package dev.plimsoll.cloudwatch;

import dev.plimsoll.source.SourceConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of the CloudWatch source, keys under {@code cloudwatch.}:
 * <ul>
 *   <li>{@code region} — AWS region; default: the SDK's chain ({@code AWS_REGION}, profile, instance metadata);</li>
 *   <li>{@code endpoint} — endpoint override (VPC endpoint, tests);</li>
 *   <li>{@code profile} — credentials profile; default: the SDK's default chain (env, profile, web identity/IRSA,
 *       container and instance roles);</li>
 *   <li>{@code max-attempts} — attempts per request including retries of throttling, 5xx, network failures and
 *       bodies cut short; default 5;</li>
 *   <li>{@code attempt-timeout} — longest time one attempt may take; default 30 s;</li>
 *   <li>{@code read-timeout} — longest wait for the next bytes of a response; default 30 s;</li>
 *   <li>{@code replay} — a folder of recorded {@code get-metric-data} files to read instead of the API;</li>
 *   <li>signal bindings: {@code cluster}, {@code load-balancer} ({@code app/<name>/<id>}), {@code target-group},
 *       {@code auto-scaling-group}, {@code namespace} and {@code service} (for pod metrics), and
 *       {@code signal.<signal>} to override one binding's expression or {@code off} to drop it
 *       (see {@link CloudWatchSignals}).</li>
 * </ul>
 *
 * <pre>{@code
 * CloudWatchSourceConfig config = Map.of("cloudwatch.region", "eu-west-1", "cloudwatch.cluster", "shop-eks")::get;
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CloudWatchSourceConfig extends SourceConfig {
    /** Default attempts per request (1 + 4 retries with the SDK's standard backoff). */
    int DEFAULT_MAX_ATTEMPTS = 5;

    @Override
    default String prefix() {
        return "cloudwatch";
    }

    /**
     * {@code cloudwatch.region}.
     *
     * @return e.g. {@code eu-west-1}, or null for the SDK's region chain
     */
    default @Nullable String region() {
        return string("region");
    }

    /**
     * {@code cloudwatch.endpoint}.
     *
     * @return the endpoint override (a VPC endpoint, a test server), or null for the region's
     * @throws IllegalArgumentException if the value is not a URI
     */
    default @Nullable URI endpoint() {
        String e = string("endpoint");
        return e == null ? null : URI.create(e);
    }

    /**
     * {@code cloudwatch.profile}.
     *
     * @return a profile of the AWS config files, or null for the SDK's default credentials chain
     */
    default @Nullable String profile() {
        return string("profile");
    }

    /**
     * {@code cloudwatch.max-attempts}: attempts per request, the first included.
     *
     * @return ≥ 1 when valid; default {@value #DEFAULT_MAX_ATTEMPTS}
     * @throws dev.plimsoll.source.ConfigurationException if the value is not an integer
     */
    default int maxAttempts() {
        Integer n = integer("max-attempts");
        return n == null ? DEFAULT_MAX_ATTEMPTS : n;
    }

    /**
     * {@code cloudwatch.replay}: a recording to read instead of the API (see {@link CloudWatchRecording}).
     *
     * @return the recording's folder ({@code classpath:} resolved), or null for live access
     * @throws dev.plimsoll.source.ConfigurationException for a {@code classpath:} folder that does not exist
     */
    default @Nullable Path replay() {
        return path("replay");
    }

    /**
     * {@code cloudwatch.attempt-timeout}: the longest time one API call attempt may take.
     *
     * @return positive when valid; default 30 s
     * @throws dev.plimsoll.source.ConfigurationException if the value is not a duration
     */
    default Duration apiCallAttemptTimeout() {
        Duration d = duration("attempt-timeout");
        return d == null ? Duration.ofSeconds(30) : d;
    }

    /**
     * {@code cloudwatch.read-timeout}: the longest wait for the next bytes of a response (the socket timeout).
     *
     * @return positive when valid; default 30 s, the SDK's
     * @throws dev.plimsoll.source.ConfigurationException if the value is not a duration
     */
    default Duration readTimeout() {
        Duration d = duration("read-timeout");
        return d == null ? Duration.ofSeconds(30) : d;
    }

    @Override
    default List<String> validate() {
        List<String> problems = new ArrayList<>();
        try {
            if (maxAttempts() < 1) {
                problems.add("cloudwatch.max-attempts must be ≥ 1, but was " + maxAttempts());
            }
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        for (String key : List.of("attempt-timeout", "read-timeout")) {
            try {
                Duration d = duration(key);
                if (d != null && (d.isNegative() || d.isZero())) {
                    problems.add("cloudwatch." + key + " must be positive, but was " + d);
                }
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        try {
            URI e = endpoint();
            if (e != null && (e.getScheme() == null || e.getHost() == null)) {
                problems.add("cloudwatch.endpoint must be an absolute URL such as https://monitoring.eu-west-1"
                        + ".amazonaws.com, but was '" + e + "'");
            }
        } catch (IllegalArgumentException ex) {
            problems.add("cloudwatch.endpoint is not a URL: " + ex.getMessage());
        }
        Path replay = replay();
        if (replay != null && !Files.isDirectory(replay)) {
            problems.add("cloudwatch.replay must be a folder of get-metric-data recordings, but '" + replay
                    + "' is not a folder");
        }
        return problems;
    }
}
