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

import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Default bindings of Plimsoll's signals to Datadog metrics: the agent's Kubernetes metrics (by
 * {@code kube_cluster_name}), APM trace metrics (by {@code service}; the {@code trace.<span>} distribution, with the
 * legacy {@code trace.<span>.duration} as fallback) and the AWS integration's ALB metrics (by {@code loadbalancer};
 * 60 s resolution and a crawl delay of about 10 minutes: fetch them a while after the run). Each binding can be
 * replaced ({@code datadog.signal.<id>=<query>}) or dropped ({@code =off}).
 *
 * <p>CPU comes as cores used ({@code kubernetes.cpu.usage.total}, nanocores) and capacity
 * ({@code kubernetes.cpu.capacity}, cores); the source derives {@link Signal#CPU_UTILIZATION} (%) from the two, and
 * memory likewise. Latencies are converted from seconds to milliseconds.
 *
 * @since 0.1
 */
public final class DatadogSignals {
    private DatadogSignals() {}

    /**
     * The queries for what the configuration names.
     *
     * @param config the {@code datadog.*} keys: {@code cluster}, {@code service}, {@code span}, {@code load-balancer}
     *     and {@code signal.<id>} overrides
     * @return the bindings for each resource named, with the overrides applied; empty when the configuration names
     *     none
     */
    public static List<MetricQuery> defaults(DatadogSourceConfig config) {
        Map<String, MetricQuery> out = new LinkedHashMap<>();
        String cluster = config.string("cluster");
        String service = config.string("service");
        if (cluster != null) {
            String c = "{kube_cluster_name:" + cluster + "}";
            put(
                    out,
                    "dd_cpu_used",
                    Signal.CPU_CORES_USED,
                    "sum:kubernetes.cpu.usage.total" + c,
                    Map.of("scale", "1e-9"));
            put(out, "dd_cpu_capacity", Signal.CPU_CORES_CAPACITY, "sum:kubernetes.cpu.capacity" + c, Map.of());
            put(out, "dd_mem_used", Signal.MEMORY_BYTES_USED, "sum:kubernetes.memory.usage" + c, Map.of());
            put(out, "dd_mem_capacity", Signal.MEMORY_BYTES_CAPACITY, "sum:kubernetes.memory.capacity" + c, Map.of());
            put(out, "dd_node_count", Signal.NODE_COUNT, "sum:kubernetes_state.node.count" + c, Map.of());
            put(
                    out,
                    "dd_pods_pending",
                    Signal.PODS_PENDING,
                    "sum:kubernetes_state.pod.status_phase{kube_cluster_name:" + cluster + ",phase:pending}",
                    Map.of());
            if (service != null) {
                put(
                        out,
                        "dd_replicas_available",
                        Signal.REPLICAS_AVAILABLE,
                        "sum:kubernetes_state.deployment.replicas_available{kube_cluster_name:" + cluster
                                + ",kube_deployment:" + service + "}",
                        Map.of());
            }
        }
        if (service != null) {
            String span = config.string("span") == null ? "http.request" : config.string("span");
            String s = "{service:" + service + "}";
            for (String p : List.of("p50", "p95", "p99")) {
                put(
                        out,
                        "apm_" + p,
                        Signal.BACKEND_LATENCY,
                        p + ":trace." + span + s,
                        Map.of("scale", "1000", "unit", "ms", "fallback", p + ":trace." + span + ".duration" + s));
            }
            put(out, "apm_hits", Signal.BACKEND_REQUESTS, "sum:trace." + span + ".hits" + s + ".as_count()", Map.of());
            put(
                    out,
                    "apm_errors",
                    Signal.BACKEND_ERRORS,
                    "sum:trace." + span + ".errors" + s + ".as_count()",
                    Map.of());
        }
        String lb = config.string("load-balancer");
        if (lb != null) {
            String l = "{loadbalancer:" + lb + "}";
            Map<String, String> seconds = Map.of("scale", "1000", "unit", "ms", "min-interval", "60");
            put(
                    out,
                    "alb_trt_avg",
                    Signal.LB_LATENCY,
                    "avg:aws.applicationelb.target_response_time.average" + l,
                    seconds);
            put(out, "alb_trt_p95", Signal.LB_LATENCY, "avg:aws.applicationelb.target_response_time.p95" + l, seconds);
            put(out, "alb_trt_p99", Signal.LB_LATENCY, "avg:aws.applicationelb.target_response_time.p99" + l, seconds);
            put(
                    out,
                    "alb_requests",
                    Signal.LB_REQUESTS,
                    "sum:aws.applicationelb.request_count" + l + ".as_count()",
                    Map.of("min-interval", "60"));
        }
        for (String id : List.copyOf(out.keySet())) {
            String override = config.string("signal." + id);
            if (override != null) {
                if (override.equalsIgnoreCase("off")) {
                    out.remove(id);
                } else {
                    MetricQuery q = Objects.requireNonNull(out.get(id), id); // id comes from out's own keys
                    out.put(id, new MetricQuery(id, q.signal(), override, q.hints()));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void put(
            Map<String, MetricQuery> out, String id, Signal signal, String query, Map<String, String> hints) {
        out.put(id, new MetricQuery(id, signal, query, hints));
    }

    /** The signal and conversion of a recorded query, by its metric name (for replaying other tools' recordings). */
    static MetricQuery infer(String id, String query) {
        String metric = DatadogQueries.metricOf(query);
        boolean sum = query.trim().startsWith("sum:");
        Map<String, String> seconds = Map.of("scale", "1000", "unit", "ms");
        Signal signal = Signal.CUSTOM;
        Map<String, String> hints = Map.of();
        if (metric.equals("kubernetes.cpu.usage.total")) {
            signal = sum ? Signal.CPU_CORES_USED : Signal.CUSTOM;
            hints = Map.of("scale", "1e-9", "unit", "cores");
        } else if (metric.equals("kubernetes.cpu.capacity")) {
            signal = sum ? Signal.CPU_CORES_CAPACITY : Signal.CUSTOM;
            hints = Map.of("unit", "cores");
        } else if (metric.equals("kubernetes.memory.usage")) {
            signal = sum ? Signal.MEMORY_BYTES_USED : Signal.CUSTOM;
            hints = Map.of("unit", "bytes");
        } else if (metric.equals("kubernetes.memory.capacity")) {
            signal = sum ? Signal.MEMORY_BYTES_CAPACITY : Signal.CUSTOM;
            hints = Map.of("unit", "bytes");
        } else if (metric.equals("kubernetes_state.node.count")) {
            signal = Signal.NODE_COUNT;
        } else if (metric.equals("kubernetes_state.pod.status_phase") && query.contains("phase:pending")) {
            signal = Signal.PODS_PENDING;
        } else if (metric.equals("kubernetes_state.deployment.replicas_available")) {
            signal = Signal.REPLICAS_AVAILABLE;
        } else if (metric.startsWith("trace.") && metric.endsWith(".hits")) {
            signal = Signal.BACKEND_REQUESTS;
        } else if (metric.startsWith("trace.") && metric.endsWith(".errors")) {
            signal = Signal.BACKEND_ERRORS;
        } else if (metric.startsWith("trace.")) {
            signal = Signal.BACKEND_LATENCY;
            hints = seconds;
        } else if (metric.startsWith("aws.applicationelb.target_response_time")) {
            signal = Signal.LB_LATENCY;
            hints = seconds;
        } else if (metric.equals("aws.applicationelb.request_count")) {
            signal = Signal.LB_REQUESTS;
        }
        String safe = id.replaceAll("[^A-Za-z0-9_.-]", "_");
        return new MetricQuery(safe.isEmpty() ? "q" : safe, signal, query, hints);
    }
}
