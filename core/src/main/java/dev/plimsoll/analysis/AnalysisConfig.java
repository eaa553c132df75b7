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

import java.time.Duration;

/**
 * Knobs of the analysis. Defaults and where they come from:
 *
 * @param cpuThresholdPercent saturation threshold for node CPU; default {@value #DEFAULT_CPU_THRESHOLD} — the usual
 *     HPA target utilisation on EKS; lower flags saturation earlier (more false positives on bursty services)
 * @param sustainSamples samples in a row at or over the threshold that make an episode; default 2 — one sample
 *     can be a scrape artefact, three would add a whole CloudWatch minute of delay
 * @param lagBudget longest acceptable saturation → capacity-ready lag; default 180 s — a new EKS node takes 2–3
 *     minutes, so more than that means the autoscaler reacted late, not the cloud
 * @param ceilingHold how long saturation must persist at the highest node count to call it a ceiling; default 120 s
 *     — about one node's provisioning time: had more capacity been coming, it would have arrived
 * @param maxNodes the node group's maximum when known (0 = unknown: inferred from the plateau)
 * @param flappingChanges direction changes of the node count that make flapping; default 3 (up, down, up)
 * @param sloP95Millis client p95 objective used for relief and severity; NaN = unknown
 * @param minGrowthMillis latency growth below which no bottleneck is named; default 50 ms — below human and SLO
 *     relevance for web APIs, above the noise of a 1 s p95
 * @param errorRateThreshold share of failed requests in a 10 s window that makes an error burst; default 1 %
 * @param coverageInfoBelow coverage ratio under which a data-coverage note is added; default 0.9
 * @param estimateSkew whether to estimate and apply the generator/cloud clock skew; default true
 * @param maxSkew largest skew searched; default 120 s
 * @since 0.1
 */
public record AnalysisConfig(
        double cpuThresholdPercent,
        int sustainSamples,
        Duration lagBudget,
        Duration ceilingHold,
        int maxNodes,
        int flappingChanges,
        double sloP95Millis,
        double minGrowthMillis,
        double errorRateThreshold,
        double coverageInfoBelow,
        boolean estimateSkew,
        Duration maxSkew) {

    public static final double DEFAULT_CPU_THRESHOLD = 70;

    public AnalysisConfig {
        if (!(cpuThresholdPercent > 0 && cpuThresholdPercent <= 100)) {
            throw new IllegalArgumentException(
                    "cpuThresholdPercent must be in (0, 100], but was " + cpuThresholdPercent);
        }
        if (sustainSamples < 1) {
            throw new IllegalArgumentException("sustainSamples must be ≥ 1, but was " + sustainSamples);
        }
    }

    public static AnalysisConfig defaults() {
        return new AnalysisConfig(
                DEFAULT_CPU_THRESHOLD,
                2,
                Duration.ofSeconds(180),
                Duration.ofSeconds(120),
                0,
                3,
                Double.NaN,
                50,
                0.01,
                0.9,
                true,
                Duration.ofSeconds(120));
    }

    public AnalysisConfig withLagBudget(Duration budget) {
        return new AnalysisConfig(
                cpuThresholdPercent,
                sustainSamples,
                budget,
                ceilingHold,
                maxNodes,
                flappingChanges,
                sloP95Millis,
                minGrowthMillis,
                errorRateThreshold,
                coverageInfoBelow,
                estimateSkew,
                maxSkew);
    }

    public AnalysisConfig withMaxNodes(int nodes) {
        return new AnalysisConfig(
                cpuThresholdPercent,
                sustainSamples,
                lagBudget,
                ceilingHold,
                nodes,
                flappingChanges,
                sloP95Millis,
                minGrowthMillis,
                errorRateThreshold,
                coverageInfoBelow,
                estimateSkew,
                maxSkew);
    }

    public AnalysisConfig withSloP95Millis(double millis) {
        return new AnalysisConfig(
                cpuThresholdPercent,
                sustainSamples,
                lagBudget,
                ceilingHold,
                maxNodes,
                flappingChanges,
                millis,
                minGrowthMillis,
                errorRateThreshold,
                coverageInfoBelow,
                estimateSkew,
                maxSkew);
    }

    public AnalysisConfig withCpuThreshold(double percent) {
        return new AnalysisConfig(
                percent,
                sustainSamples,
                lagBudget,
                ceilingHold,
                maxNodes,
                flappingChanges,
                sloP95Millis,
                minGrowthMillis,
                errorRateThreshold,
                coverageInfoBelow,
                estimateSkew,
                maxSkew);
    }

    public AnalysisConfig withSkewEstimation(boolean estimate) {
        return new AnalysisConfig(
                cpuThresholdPercent,
                sustainSamples,
                lagBudget,
                ceilingHold,
                maxNodes,
                flappingChanges,
                sloP95Millis,
                minGrowthMillis,
                errorRateThreshold,
                coverageInfoBelow,
                estimate,
                maxSkew);
    }
}
