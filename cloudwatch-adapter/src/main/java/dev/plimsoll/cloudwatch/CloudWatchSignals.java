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

import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Default bindings of Plimsoll's signals to CloudWatch metrics for an EKS cluster (Container Insights), an
 * Application Load Balancer and, optionally, an Auto Scaling group. Metric names differ between Container Insights
 * variants, so every binding can be replaced ({@code cloudwatch.signal.<query-id>=<expression>}) or dropped
 * ({@code =off}) through configuration.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>query id</th><th>signal</th><th>metric</th></tr>
 *   <tr><td>node_cpu</td><td>cpu_utilization</td><td>ContainerInsights node_cpu_utilization{ClusterName} Average</td></tr>
 *   <tr><td>node_mem</td><td>memory_utilization</td><td>ContainerInsights node_memory_utilization Average</td></tr>
 *   <tr><td>node_count</td><td>node_count</td><td>ContainerInsights cluster_node_count Average</td></tr>
 *   <tr><td>failed_nodes</td><td>failed_node_count</td><td>ContainerInsights cluster_failed_node_count Average</td></tr>
 *   <tr><td>running_pods</td><td>pods_running</td><td>ContainerInsights node_number_of_running_pods Average</td></tr>
 *   <tr><td>pod_cpu, pod_mem</td><td>pod_*_utilization</td><td>pod_cpu/memory_utilization{ClusterName,Namespace,Service}</td></tr>
 *   <tr><td>trt_avg, trt_p95, trt_p99</td><td>lb_latency</td><td>AWS/ApplicationELB TargetResponseTime (s → ms)</td></tr>
 *   <tr><td>req_count, target_5xx, elb_5xx, target_conn_err, rejected_conn, active_conn</td><td>lb_*</td><td>Sum</td></tr>
 *   <tr><td>healthy_hosts</td><td>lb_healthy_hosts</td><td>HealthyHostCount{TargetGroup,LoadBalancer} Minimum</td></tr>
 *   <tr><td>asg_desired, asg_in_service</td><td>asg_*</td><td>AWS/AutoScaling Group* Maximum</td></tr>
 * </table>
 *
 * @since 0.1
 */
public final class CloudWatchSignals {
    private CloudWatchSignals() {}

    /**
     * The queries for what the configuration names (cluster, load balancer, target group, ASG).
     *
     * @param config the {@code cloudwatch.*} keys: {@code cluster}, {@code load-balancer}, {@code target-group},
     *     {@code auto-scaling-group}, {@code namespace}, {@code service} and {@code signal.<query-id>} overrides
     * @return the queries of the table above for each resource named, with the overrides applied; empty when the
     *     configuration names none
     */
    public static List<MetricQuery> defaults(CloudWatchSourceConfig config) {
        Map<String, MetricQuery> out = new LinkedHashMap<>();
        String cluster = config.string("cluster");
        if (cluster != null) {
            Map<String, String> c = Map.of("ClusterName", cluster);
            add(out, "node_cpu", Signal.CPU_UTILIZATION, "ContainerInsights", "node_cpu_utilization", c, "Average");
            add(
                    out,
                    "node_mem",
                    Signal.MEMORY_UTILIZATION,
                    "ContainerInsights",
                    "node_memory_utilization",
                    c,
                    "Average");
            add(out, "node_count", Signal.NODE_COUNT, "ContainerInsights", "cluster_node_count", c, "Average");
            add(
                    out,
                    "failed_nodes",
                    Signal.FAILED_NODE_COUNT,
                    "ContainerInsights",
                    "cluster_failed_node_count",
                    c,
                    "Average");
            add(
                    out,
                    "running_pods",
                    Signal.PODS_RUNNING,
                    "ContainerInsights",
                    "node_number_of_running_pods",
                    c,
                    "Average");
            String namespace = config.string("namespace");
            String service = config.string("service");
            if (namespace != null && service != null) {
                Map<String, String> pod = new LinkedHashMap<>();
                pod.put("Service", service);
                pod.put("Namespace", namespace);
                pod.put("ClusterName", cluster);
                add(
                        out,
                        "pod_cpu",
                        Signal.POD_CPU_UTILIZATION,
                        "ContainerInsights",
                        "pod_cpu_utilization",
                        pod,
                        "Average");
                add(
                        out,
                        "pod_mem",
                        Signal.POD_MEMORY_UTILIZATION,
                        "ContainerInsights",
                        "pod_memory_utilization",
                        pod,
                        "Average");
            }
        }
        String lb = config.string("load-balancer");
        if (lb != null) {
            Map<String, String> l = Map.of("LoadBalancer", lb);
            String trt = "TargetResponseTime";
            for (String stat : List.of("Average", "p95", "p99")) {
                String id = "trt_" + (stat.equals("Average") ? "avg" : stat);
                out.put(
                        id,
                        new MetricQuery(
                                id,
                                Signal.LB_LATENCY,
                                CloudWatchQueries.format("AWS/ApplicationELB", trt, l, stat),
                                Map.of("scale", "1000", "unit", "ms")));
            }
            add(out, "req_count", Signal.LB_REQUESTS, "AWS/ApplicationELB", "RequestCount", l, "Sum");
            add(out, "target_5xx", Signal.LB_TARGET_5XX, "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", l, "Sum");
            add(out, "elb_5xx", Signal.LB_ELB_5XX, "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", l, "Sum");
            add(
                    out,
                    "target_conn_err",
                    Signal.LB_TARGET_CONNECTION_ERRORS,
                    "AWS/ApplicationELB",
                    "TargetConnectionErrorCount",
                    l,
                    "Sum");
            add(
                    out,
                    "rejected_conn",
                    Signal.LB_REJECTED_CONNECTIONS,
                    "AWS/ApplicationELB",
                    "RejectedConnectionCount",
                    l,
                    "Sum");
            add(
                    out,
                    "active_conn",
                    Signal.LB_ACTIVE_CONNECTIONS,
                    "AWS/ApplicationELB",
                    "ActiveConnectionCount",
                    l,
                    "Sum");
            String tg = config.string("target-group");
            if (tg != null) {
                Map<String, String> t = new LinkedHashMap<>();
                t.put("TargetGroup", tg);
                t.put("LoadBalancer", lb);
                add(
                        out,
                        "healthy_hosts",
                        Signal.LB_HEALTHY_HOSTS,
                        "AWS/ApplicationELB",
                        "HealthyHostCount",
                        t,
                        "Minimum");
            }
        }
        String asg = config.string("auto-scaling-group");
        if (asg != null) {
            Map<String, String> a = Map.of("AutoScalingGroupName", asg);
            add(
                    out,
                    "asg_desired",
                    Signal.ASG_DESIRED_CAPACITY,
                    "AWS/AutoScaling",
                    "GroupDesiredCapacity",
                    a,
                    "Maximum");
            add(
                    out,
                    "asg_in_service",
                    Signal.ASG_IN_SERVICE,
                    "AWS/AutoScaling",
                    "GroupInServiceInstances",
                    a,
                    "Maximum");
        }
        applyOverrides(config, out);
        return new ArrayList<>(out.values());
    }

    private static void applyOverrides(CloudWatchSourceConfig config, Map<String, MetricQuery> out) {
        for (String id : List.copyOf(out.keySet())) {
            String override = config.string("signal." + id);
            if (override == null) {
                continue;
            }
            if (override.equalsIgnoreCase("off")) {
                out.remove(id);
            } else {
                MetricQuery q = Objects.requireNonNull(out.get(id), id); // id comes from out's own keys
                out.put(id, new MetricQuery(id, q.signal(), override, q.hints()));
            }
        }
    }

    private static void add(
            Map<String, MetricQuery> out,
            String id,
            Signal signal,
            String namespace,
            String metric,
            Map<String, String> dims,
            String stat) {
        out.put(id, MetricQuery.of(id, signal, CloudWatchQueries.format(namespace, metric, dims, stat)));
    }

    /**
     * The signal a recorded metric plays, by metric name (for replaying recordings made by other tools), and the
     * hints it needs (TargetResponseTime is in seconds: scaled to ms).
     */
    static Optional<MetricQuery> infer(
            String id, String namespace, String metric, Map<String, String> dims, String stat) {
        Signal s = switch (metric) {
            case "node_cpu_utilization" -> Signal.CPU_UTILIZATION;
            case "node_memory_utilization" -> Signal.MEMORY_UTILIZATION;
            case "cluster_node_count" -> Signal.NODE_COUNT;
            case "cluster_failed_node_count" -> Signal.FAILED_NODE_COUNT;
            case "node_number_of_running_pods" -> Signal.PODS_RUNNING;
            case "pod_cpu_utilization" -> Signal.POD_CPU_UTILIZATION;
            case "pod_memory_utilization" -> Signal.POD_MEMORY_UTILIZATION;
            case "TargetResponseTime" -> Signal.LB_LATENCY;
            case "RequestCount" -> Signal.LB_REQUESTS;
            case "HTTPCode_Target_5XX_Count" -> Signal.LB_TARGET_5XX;
            case "HTTPCode_ELB_5XX_Count" -> Signal.LB_ELB_5XX;
            case "TargetConnectionErrorCount" -> Signal.LB_TARGET_CONNECTION_ERRORS;
            case "RejectedConnectionCount" -> Signal.LB_REJECTED_CONNECTIONS;
            case "ActiveConnectionCount" -> Signal.LB_ACTIVE_CONNECTIONS;
            case "HealthyHostCount" -> Signal.LB_HEALTHY_HOSTS;
            case "GroupDesiredCapacity" -> Signal.ASG_DESIRED_CAPACITY;
            case "GroupInServiceInstances" -> Signal.ASG_IN_SERVICE;
            default -> Signal.CUSTOM;
        };
        String expression = CloudWatchQueries.format(namespace, metric, dims, stat);
        Map<String, String> hints =
                metric.equals("TargetResponseTime") ? Map.of("scale", "1000", "unit", "ms") : Map.of();
        String safeId = id.replaceAll("[^A-Za-z0-9_.-]", "_");
        return Optional.of(new MetricQuery(safeId.isEmpty() ? "q" : safeId, s, expression, hints));
    }
}
