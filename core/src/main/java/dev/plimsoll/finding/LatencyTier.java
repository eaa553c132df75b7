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
package dev.plimsoll.finding;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where latency was added on its way from the load generator to the backend and back. {@link #id()} is the stable
 * text used in JSON reports, gates ({@code bottleneck!=load_balancer}) and meters.
 *
 * @since 0.1
 */
public enum LatencyTier {
    /** The service behind the load balancer: its own response time grew. */
    BACKEND,
    /** Between the client and the load balancer's target: the load balancer's or ingress's queue. */
    LOAD_BALANCER,
    /** Before the request reached the load balancer: connection setup, DNS, TLS, the network. */
    NETWORK_EDGE,
    /** The load generator itself: it could not start or time requests as asked, so the run measured it. */
    LOAD_GENERATOR,
    /** Latency did not grow enough under load to place it (or it grew where no tier was measured). */
    NONE,
    /** The server side was not checked: no cloud series to place the growth, so no tier can be named. */
    UNKNOWN;

    /**
     * The tier's stable id.
     *
     * @return {@code backend}, {@code load_balancer}, {@code network_edge}, {@code load_generator}, {@code none} or
     *     {@code unknown}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The tier with this id.
     *
     * @param id as returned by {@link #id()}, e.g. from a gate or a JSON report
     * @return the tier
     * @throws IllegalArgumentException naming the known ids
     */
    public static LatencyTier ofId(String id) {
        for (LatencyTier t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("latency tier must be one of "
                + Arrays.stream(values()).map(LatencyTier::id).toList() + ", but was '" + id + "'");
    }
}
