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
package dev.plimsoll.analysis;

import dev.plimsoll.source.Signal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Evidence the server-side findings and gates rest on, as groups of signals. A group is covered when, for each of its
 * parts, at least one of the signals that can play it has a series covering the run ({@link AnalysisConfig#minCoverage()}).
 *
 * @since 0.1
 */
public enum SignalGroup {
    /** Node CPU and the node count (or the Auto Scaling group's instances): scaling lag, ceilings, flapping. */
    SCALING(
            "node CPU and node count",
            List.of(Set.of(Signal.CPU_UTILIZATION), Set.of(Signal.NODE_COUNT, Signal.ASG_IN_SERVICE))),
    /** The load balancer's or the backend's latency: where latency was added (the bottleneck tier). */
    SERVER_LATENCY("load balancer or backend latency", List.of(Set.of(Signal.LB_LATENCY, Signal.BACKEND_LATENCY))),
    /** The load balancer's or the backend's request count: the generator/cloud clock skew. */
    REQUEST_COUNT(
            "load balancer or backend request count", List.of(Set.of(Signal.LB_REQUESTS, Signal.BACKEND_REQUESTS)));

    private final String label;
    private final List<Set<Signal>> parts;

    SignalGroup(String label, List<Set<Signal>> parts) {
        this.label = label;
        this.parts = parts;
    }

    /**
     * What the group is, in words.
     *
     * @return e.g. {@code node CPU and node count}
     */
    public String label() {
        return label;
    }

    /**
     * The group's parts; each part is satisfied by any one of its signals.
     *
     * @return the parts, unmodifiable; every part must be covered for the group to be
     */
    public List<Set<Signal>> parts() {
        return parts;
    }

    /**
     * The group's id in reports and the JSON.
     *
     * @return the constant's name in lower case: {@code scaling}, {@code server_latency}, {@code request_count}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
