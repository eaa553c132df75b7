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
package dev.plimsoll.report;

import dev.plimsoll.series.Statistic;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.util.Locale;

/**
 * Short human labels for cloud series, as a legend shows them: {@code ALB p95 (CloudWatch, 60 s)}, {@code nodes
 * (Datadog, 15 s)}. The raw series ids stay in the report's "Data" section.
 */
final class SeriesLabels {
    private SeriesLabels() {}

    /** {@code role (Source, period)}. */
    static String of(FetchedSeries s) {
        return role(s) + " (" + source(s.id().source()) + ", " + period(s.periodMillis()) + ")";
    }

    /** What the series is, e.g. {@code ALB p95}, {@code node CPU %}, {@code ALB target 5xx/s}. */
    static String role(FetchedSeries s) {
        Statistic st = s.id().statistic();
        return switch (s.signal()) {
            case CPU_UTILIZATION -> "node CPU %";
            case MEMORY_UTILIZATION -> "node memory %";
            case POD_CPU_UTILIZATION -> "pod CPU %";
            case POD_MEMORY_UTILIZATION -> "pod memory %";
            case CPU_CORES_USED -> "CPU cores used";
            case CPU_CORES_CAPACITY -> "CPU cores capacity";
            case MEMORY_BYTES_USED -> "memory used";
            case MEMORY_BYTES_CAPACITY -> "memory capacity";
            case NODE_COUNT -> "nodes";
            case FAILED_NODE_COUNT -> "failed nodes";
            case PODS_RUNNING -> "pods running";
            case PODS_PENDING -> "pods pending";
            case REPLICAS_AVAILABLE -> "replicas available";
            case LB_LATENCY -> "ALB " + st.label();
            case LB_REQUESTS -> "ALB requests/s";
            case LB_TARGET_5XX -> "ALB target 5xx/s";
            case LB_ELB_5XX -> "ALB's own 5xx/s";
            case LB_TARGET_CONNECTION_ERRORS -> "ALB target connection errors/s";
            case LB_REJECTED_CONNECTIONS -> "ALB rejected connections/s";
            case LB_ACTIVE_CONNECTIONS -> "ALB active connections";
            case LB_HEALTHY_HOSTS -> "healthy targets";
            case ASG_DESIRED_CAPACITY -> "ASG desired";
            case ASG_IN_SERVICE -> "ASG in service";
            case BACKEND_LATENCY -> "backend " + st.label();
            case BACKEND_REQUESTS -> "backend requests/s";
            case BACKEND_ERRORS -> "backend errors/s";
            case CUSTOM -> s.id().name() + " " + st.label();
        };
    }

    /** Whether the chart shows the series per second: event counts summed over their period. */
    static boolean perSecond(Signal signal) {
        return (signal.isEventCount() && signal != Signal.FAILED_NODE_COUNT && signal != Signal.PODS_PENDING)
                || signal == Signal.LB_REQUESTS
                || signal == Signal.BACKEND_REQUESTS;
    }

    /** {@code CloudWatch}, {@code Datadog}, or the source id as given. */
    static String source(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "cloudwatch" -> "CloudWatch";
            case "datadog" -> "Datadog";
            case "k6" -> "k6";
            case "jmeter" -> "JMeter";
            case "gatling" -> "Gatling";
            default -> id;
        };
    }

    /** {@code 60 s}, {@code 15 s}, {@code 5 min}, {@code 500 ms}. */
    static String period(long millis) {
        if (millis < 1000 || millis % 1000 != 0) {
            return millis + " ms";
        }
        long s = millis / 1000;
        return s >= 120 && s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
