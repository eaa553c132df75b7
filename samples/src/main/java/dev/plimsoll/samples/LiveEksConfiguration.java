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
package dev.plimsoll.samples;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.cloudwatch.CloudWatchMetricSource;
import dev.plimsoll.cloudwatch.CloudWatchSourceConfig;
import dev.plimsoll.datadog.DatadogMetricSource;
import dev.plimsoll.datadog.DatadogSourceConfig;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.report.Report;
import dev.plimsoll.run.LoadRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Sample 4: live CloudWatch and Datadog for a real EKS cluster behind an ALB (compiled in CI, not run: it needs an
 * account). AWS credentials and region come from the SDK's default chain (environment, profile, IRSA, instance role)
 * and need {@code cloudwatch:GetMetricData} and {@code cloudwatch:ListMetrics}; Datadog's keys from
 * {@code DD_API_KEY}/{@code DD_APP_KEY} and the site from {@code DD_SITE}.
 */
public final class LiveEksConfiguration {
    private LiveEksConfiguration() {}

    public static void main(String[] args) {
        LoadRun run = K6Reader.create().read(Path.of(args[0]));
        CloudWatchSourceConfig cw = Map.of(
                "cloudwatch.region", "eu-west-1",
                "cloudwatch.cluster", "shop-eks",
                "cloudwatch.namespace", "shop",
                "cloudwatch.service", "shop-backend",
                "cloudwatch.load-balancer", "app/shop-alb/50dc6c495c0c9188",
                "cloudwatch.auto-scaling-group", "eks-shop-nodes-2024")::get;
        DatadogSourceConfig dd = DatadogSourceConfig.withEnvironment(
                Map.of(
                        "datadog.cluster", "shop-eks",
                        "datadog.service", "shop-backend",
                        "datadog.load-balancer", "app/shop-alb/50dc6c495c0c9188")::get,
                System::getenv);
        try (CloudWatchMetricSource cloudwatch =
                        CloudWatchMetricSource.builder(cw).build();
                DatadogMetricSource datadog = DatadogMetricSource.builder(dd).build()) {
            Report report = LoadTestAnalysis.of(run)
                    .sources(cloudwatch, datadog)
                    .config(AnalysisConfig.defaults().toBuilder().maxNodes(5).build())
                    .ingestionDelay(Duration.ofMinutes(5)) // ALB metrics arrive late: poll until they cover the run
                    .gates("scaling_lag<=150s", "client_p95<500ms")
                    .analyze();
            AnalysisResult result = report.result();
            result.findings().forEach(f -> System.out.println(f.severity().label() + " " + f.reason()));
        }
    }
}
