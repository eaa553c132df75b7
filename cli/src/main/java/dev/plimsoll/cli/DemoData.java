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
package dev.plimsoll.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;

/**
 * The real dataset shipped in the jar: the k6 v0.49.0 output of a stress test (85 VUs) against an EKS-like service whose
 * backend saturates and whose cluster autoscaler adds nodes about two minutes late, with the CloudWatch
 * ({@code aws cloudwatch get-metric-data}) and Datadog ({@code /api/v1/query}, {@code /api/v2/query/timeseries})
 * responses recorded during it (shared/fixtures/scenarios/S1_backend_scaling).
 */
final class DemoData {
    private static final String ROOT = "/dev/plimsoll/cli/demo/";
    private static final List<String> FILES = List.of(
            "results.json.gz",
            "summary-export.json",
            "cloudwatch/request.json",
            "cloudwatch/metric-data-queries.json",
            "cloudwatch/get-metric-data.json",
            "datadog/requests.json",
            "datadog/v2_timeseries.request.json",
            "datadog/v2_timeseries.json",
            "datadog/v1_kubernetes_cpu_usage_total_avg.json",
            "datadog/v1_kubernetes_cpu_usage_total_sum.json",
            "datadog/v1_kubernetes_cpu_capacity_sum.json",
            "datadog/v1_kubernetes_memory_usage_avg.json",
            "datadog/v1_kubernetes_state_node_count_sum.json",
            "datadog/v1_trace_http_request_duration_p95.json",
            "datadog/v1_trace_http_request_duration_avg.json",
            "datadog/v1_trace_http_request_hits_count.json",
            "datadog/v1_trace_http_request_p95_distribution.json",
            "datadog/v1_aws_applicationelb_target_response_time_average.json");
    /** The demo cluster's node group maximum (2–5 nodes). */
    static final int MAX_NODES = 5;

    private final Path dir;

    private DemoData(Path dir) {
        this.dir = dir;
    }

    /** Unpacks the dataset into a temporary folder deleted on exit. */
    static DemoData unpack() {
        try {
            Path dir = Files.createTempDirectory("plimsoll-demo");
            for (String name : FILES) {
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = DemoData.class.getResourceAsStream(ROOT + name)) {
                    if (in == null) {
                        throw new IllegalStateException("demo data " + ROOT + name + " is missing from the jar");
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return new DemoData(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo data", e);
        }
    }

    List<Path> k6Files() {
        return List.of(dir.resolve("results.json.gz"), dir.resolve("summary-export.json"));
    }

    Path cloudWatch() {
        return dir.resolve("cloudwatch");
    }

    Path datadog() {
        return dir.resolve("datadog");
    }

    /** The demo's k6 files (for {@code summarize --demo}). */
    static List<Path> k6Only() {
        return unpack().k6Files();
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
