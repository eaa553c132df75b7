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

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.align.ClockSkew;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.source.Coverage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analysis of a run found.
 *
 * @param findings ordered by severity (highest first), then time, then kind
 * @param skew the clock skew estimated and applied to the cloud series
 * @param coverage what the sources got, per query
 * @param evidence how well the cloud series cover each {@link SignalGroup} over the run, in the enum's order
 * @param correlations how each cloud series follows the load
 * @param elasticity SPEC RG elasticity metrics, when demand and supply could be measured
 * @param aligned the run with the cloud series on its clock
 * @since 0.1
 */
public record AnalysisResult(
        List<Finding> findings,
        ClockSkew skew,
        List<Coverage> coverage,
        List<SignalCoverage> evidence,
        List<Correlation> correlations,
        Optional<Elasticity> elasticity,
        AlignedRun aligned) {

    /**
     * Copies the lists; the order of {@code findings} is kept as given.
     *
     * @param findings ordered by severity (highest first), then time, then kind
     * @param skew the clock skew applied
     * @param coverage per query
     * @param evidence per signal group
     * @param correlations per cloud series
     * @param elasticity empty when demand or supply could not be measured
     * @param aligned the aligned run
     * @throws NullPointerException if a component is null
     */
    public AnalysisResult {
        findings = List.copyOf(findings);
        Objects.requireNonNull(skew, "skew");
        coverage = List.copyOf(coverage);
        evidence = List.copyOf(evidence);
        correlations = List.copyOf(correlations);
        Objects.requireNonNull(elasticity, "elasticity");
        Objects.requireNonNull(aligned, "aligned");
    }

    /**
     * Where latency was added under load: the tier of the latency-bottleneck finding; else {@link LatencyTier#NONE}
     * when the server side's latency was measured and nothing needed placing, {@link LatencyTier#UNKNOWN} when it was
     * not (no cloud source, or its series did not cover the run).
     *
     * @return the tier, never null
     */
    public LatencyTier bottleneck() {
        return findings(FindingKind.LATENCY_BOTTLENECK).stream()
                .map(f -> ((Finding.LatencyBottleneck) f).tier())
                .findFirst()
                .orElse(covered(SignalGroup.SERVER_LATENCY) ? LatencyTier.NONE : LatencyTier.UNKNOWN);
    }

    /**
     * How well the cloud series cover a group of signals over the run.
     *
     * @param group the group
     * @return its coverage; a group the analysis did not check is reported uncovered, "not checked"
     */
    public SignalCoverage evidence(SignalGroup group) {
        return evidence.stream()
                .filter(e -> e.group() == group)
                .findFirst()
                .orElse(new SignalCoverage(
                        group, false, 0, List.of(), false, List.of(group.label() + ": not checked")));
    }

    /**
     * Whether the cloud series cover a group of signals over the run.
     *
     * @param group the group
     * @return true if its coverage reached {@link AnalysisConfig#minCoverage()}
     */
    public boolean covered(SignalGroup group) {
        return evidence(group).covered();
    }

    /**
     * Findings of one kind.
     *
     * @param kind the kind
     * @return those findings in the result's order; empty if none
     */
    public List<Finding> findings(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /**
     * Findings at or above a severity.
     *
     * @param severity the lowest severity wanted
     * @return those findings in the result's order; empty if none
     */
    public List<Finding> findingsAtLeast(Severity severity) {
        return findings.stream()
                .filter(f -> f.severity().compareTo(severity) >= 0)
                .toList();
    }

    /**
     * The first scaling-lag finding's lag (the gate {@code scaling_lag} compares the longest over all episodes).
     *
     * @return seconds from saturation to capacity ready; NaN when there is no scaling-lag finding
     */
    public double scalingLagSeconds() {
        return findings(FindingKind.SCALING_LAG).stream()
                .map(f -> ((Finding.ScalingLag) f).lagSeconds())
                .findFirst()
                .orElse(Double.NaN);
    }
}
