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

import dev.plimsoll.series.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Knobs of the analysis, immutable; change them through {@link #toBuilder()}. Defaults and where they come from:
 *
 * <pre>{@code
 * AnalysisConfig config = AnalysisConfig.defaults().toBuilder().maxNodes(5).lagBudget(Duration.ofSeconds(150)).build();
 * }</pre>
 *
 * @param cpuThresholdPercent saturation threshold for node CPU, percent in (0, 100]; default
 *     {@value #DEFAULT_CPU_THRESHOLD} — the usual HPA target utilisation on EKS; lower flags saturation earlier (more
 *     false positives on bursty services)
 * @param sustainSamples samples in a row at or over the threshold that make an episode, ≥ 1; default 2 — one sample
 *     can be a scrape artefact, three would add a whole CloudWatch minute of delay
 * @param lagBudget longest acceptable saturation → capacity-ready lag, positive; default 180 s — a new EKS node takes
 *     2–3 minutes, so more than that means the autoscaler reacted late, not the cloud
 * @param ceilingHold how long saturation must persist at the highest node count to call it a ceiling when the
 *     maximum is unknown, positive; default 120 s — about one node's provisioning time: had more capacity been
 *     coming, it would have arrived
 * @param maxNodes the node group's maximum when known, ≥ 0; 0 (default) = unknown: inferred from the plateau
 * @param flappingChanges direction changes of the node count that make flapping, ≥ 2; default 3 (up, down, up)
 * @param sloP95Millis client p95 objective in ms, used for relief and severity; NaN (default) = unknown
 * @param minGrowthMillis client p95 growth in ms below which no bottleneck is named, ≥ 0; default 50 ms — below
 *     human and SLO relevance for web APIs, above the noise of a 1 s p95
 * @param errorRateThreshold share of failed requests in a 10 s window that makes an error burst, in [0, 1); default
 *     1 %
 * @param minCoverage share of a signal's expected points inside the run that must be present, in [0, 1], for the
 *     signal to count as measured; default 0.9 — below it the report adds a data-coverage note, and a verdict or gate
 *     that needs the signal is inconclusive (one missing CloudWatch minute in a ten-minute run still counts)
 * @param estimateSkew whether to estimate and apply the generator/cloud clock skew; default true
 * @param maxSkew largest skew searched either way, in [0, 30 min]; default 120 s
 * @param fetchLead how long before the run's start the sources are read, ≥ {@code maxSkew}; default 5 min — the node
 *     count before saturation, the CPU period that holds the run's start, and room for the skew
 * @param fetchTrail how long after the run's end the sources are read, ≥ 0; default 5 min — a node requested during
 *     the run may become Ready after it
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
        double minCoverage,
        boolean estimateSkew,
        Duration maxSkew,
        Duration fetchLead,
        Duration fetchTrail) {

    /** Default node CPU saturation threshold, percent. */
    public static final double DEFAULT_CPU_THRESHOLD = 70;

    /**
     * Validates every field at once; {@link #defaults()} and {@link #toBuilder()} are the usual way in.
     *
     * @param cpuThresholdPercent percent, in (0, 100]
     * @param sustainSamples ≥ 1
     * @param lagBudget positive
     * @param ceilingHold positive
     * @param maxNodes ≥ 0, 0 for unknown
     * @param flappingChanges ≥ 2
     * @param sloP95Millis milliseconds, positive and finite, or NaN for unknown
     * @param minGrowthMillis milliseconds, ≥ 0 and finite
     * @param errorRateThreshold share in [0, 1)
     * @param minCoverage share in [0, 1]
     * @param estimateSkew whether to estimate the clock skew
     * @param maxSkew in [0, 30 min]
     * @param fetchLead ≥ {@code maxSkew}
     * @param fetchTrail ≥ 0
     * @throws IllegalArgumentException naming every field out of its range, with its value
     * @throws NullPointerException if a duration is null
     */
    public AnalysisConfig {
        Objects.requireNonNull(lagBudget, "lagBudget");
        Objects.requireNonNull(ceilingHold, "ceilingHold");
        Objects.requireNonNull(maxSkew, "maxSkew");
        Objects.requireNonNull(fetchLead, "fetchLead");
        Objects.requireNonNull(fetchTrail, "fetchTrail");
        List<String> problems = new ArrayList<>();
        check(
                problems,
                cpuThresholdPercent > 0 && cpuThresholdPercent <= 100,
                "cpuThresholdPercent must be in (0, 100]",
                cpuThresholdPercent);
        check(problems, sustainSamples >= 1, "sustainSamples must be ≥ 1", sustainSamples);
        check(problems, positive(lagBudget), "lagBudget must be positive", lagBudget);
        check(problems, positive(ceilingHold), "ceilingHold must be positive", ceilingHold);
        check(problems, maxNodes >= 0, "maxNodes must be ≥ 0 (0 = unknown)", maxNodes);
        check(problems, flappingChanges >= 2, "flappingChanges must be ≥ 2", flappingChanges);
        check(
                problems,
                Double.isNaN(sloP95Millis) || (sloP95Millis > 0 && !Double.isInfinite(sloP95Millis)),
                "sloP95Millis must be positive and finite, or NaN for unknown",
                sloP95Millis);
        check(
                problems,
                minGrowthMillis >= 0 && !Double.isInfinite(minGrowthMillis),
                "minGrowthMillis must be ≥ 0",
                minGrowthMillis);
        check(
                problems,
                errorRateThreshold >= 0 && errorRateThreshold < 1,
                "errorRateThreshold must be in [0, 1)",
                errorRateThreshold);
        check(problems, minCoverage >= 0 && minCoverage <= 1, "minCoverage must be in [0, 1]", minCoverage);
        check(
                problems,
                !maxSkew.isNegative() && maxSkew.compareTo(Duration.ofMinutes(30)) <= 0,
                "maxSkew must be in [0, 30m]",
                maxSkew);
        check(problems, fetchLead.compareTo(maxSkew) >= 0, "fetchLead must be ≥ maxSkew (" + maxSkew + ")", fetchLead);
        check(problems, !fetchTrail.isNegative(), "fetchTrail must be ≥ 0", fetchTrail);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid analysis configuration: " + String.join("; ", problems));
        }
    }

    /**
     * The documented defaults (see the components above).
     *
     * @return 70 % CPU sustained for 2 samples, 180 s lag budget, 120 s ceiling hold, unknown maximum nodes and SLO,
     *     3 flapping changes, 50 ms growth, 1 % errors, 0.9 coverage, skew estimated within 120 s, sources read from
     *     5 min before to 5 min after the run
     */
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
                Duration.ofSeconds(120),
                Duration.ofMinutes(5),
                Duration.ofMinutes(5));
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a builder holding this configuration's values; this configuration does not change
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The window the sources are read over for a run: {@link #fetchLead()} before its start to {@link #fetchTrail()}
     * after its end. The detectors read nothing outside it.
     *
     * @param run the run's window
     * @return the run's window widened by the lead and the trail
     */
    public TimeWindow fetchWindow(TimeWindow run) {
        return new TimeWindow(run.start().minus(fetchLead), run.end().plus(fetchTrail));
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static void check(List<String> problems, boolean ok, String rule, Object value) {
        if (!ok) {
            problems.add(rule + ", but was " + value);
        }
    }

    /**
     * Builds an {@link AnalysisConfig}; {@link #build()} validates every field at once. Setters take the units of the
     * record's components.
     *
     * @since 0.1
     */
    public static final class Builder {
        private double cpuThresholdPercent;
        private int sustainSamples;
        private Duration lagBudget;
        private Duration ceilingHold;
        private int maxNodes;
        private int flappingChanges;
        private double sloP95Millis;
        private double minGrowthMillis;
        private double errorRateThreshold;
        private double minCoverage;
        private boolean estimateSkew;
        private Duration maxSkew;
        private Duration fetchLead;
        private Duration fetchTrail;

        private Builder(AnalysisConfig c) {
            cpuThresholdPercent = c.cpuThresholdPercent;
            sustainSamples = c.sustainSamples;
            lagBudget = c.lagBudget;
            ceilingHold = c.ceilingHold;
            maxNodes = c.maxNodes;
            flappingChanges = c.flappingChanges;
            sloP95Millis = c.sloP95Millis;
            minGrowthMillis = c.minGrowthMillis;
            errorRateThreshold = c.errorRateThreshold;
            minCoverage = c.minCoverage;
            estimateSkew = c.estimateSkew;
            maxSkew = c.maxSkew;
            fetchLead = c.fetchLead;
            fetchTrail = c.fetchTrail;
        }

        /**
         * Node CPU saturation threshold; default {@value AnalysisConfig#DEFAULT_CPU_THRESHOLD} %.
         *
         * @param percent percent, in (0, 100]
         * @return this builder
         * @see AnalysisConfig#cpuThresholdPercent()
         */
        public Builder cpuThresholdPercent(double percent) {
            this.cpuThresholdPercent = percent;
            return this;
        }

        /**
         * Samples in a row over the CPU threshold that make a saturation episode; default 2.
         *
         * @param samples ≥ 1
         * @return this builder
         * @see AnalysisConfig#sustainSamples()
         */
        public Builder sustainSamples(int samples) {
            this.sustainSamples = samples;
            return this;
        }

        /**
         * Longest acceptable saturation to capacity-ready lag; default 180 s.
         *
         * @param budget positive
         * @return this builder
         * @see AnalysisConfig#lagBudget()
         */
        public Builder lagBudget(Duration budget) {
            this.lagBudget = Objects.requireNonNull(budget, "lagBudget");
            return this;
        }

        /**
         * How long saturation must last at the highest node count to call it a ceiling; default 120 s.
         *
         * @param hold positive
         * @return this builder
         * @see AnalysisConfig#ceilingHold()
         */
        public Builder ceilingHold(Duration hold) {
            this.ceilingHold = Objects.requireNonNull(hold, "ceilingHold");
            return this;
        }

        /**
         * The node group's maximum size; default 0 (unknown, inferred from a plateau).
         *
         * @param nodes ≥ 0, 0 for unknown
         * @return this builder
         * @see AnalysisConfig#maxNodes()
         */
        public Builder maxNodes(int nodes) {
            this.maxNodes = nodes;
            return this;
        }

        /**
         * Direction changes of the node count that make flapping; default 3.
         *
         * @param changes ≥ 2
         * @return this builder
         * @see AnalysisConfig#flappingChanges()
         */
        public Builder flappingChanges(int changes) {
            this.flappingChanges = changes;
            return this;
        }

        /**
         * The client p95 objective; default NaN (unknown).
         *
         * @param millis milliseconds, positive and finite, or NaN
         * @return this builder
         * @see AnalysisConfig#sloP95Millis()
         */
        public Builder sloP95Millis(double millis) {
            this.sloP95Millis = millis;
            return this;
        }

        /**
         * Client p95 growth below which no bottleneck is named; default 50 ms.
         *
         * @param millis milliseconds, ≥ 0
         * @return this builder
         * @see AnalysisConfig#minGrowthMillis()
         */
        public Builder minGrowthMillis(double millis) {
            this.minGrowthMillis = millis;
            return this;
        }

        /**
         * Share of failed requests in a 10 s window that makes an error burst; default 0.01.
         *
         * @param share in [0, 1), e.g. 0.05 for 5 %
         * @return this builder
         * @see AnalysisConfig#errorRateThreshold()
         */
        public Builder errorRateThreshold(double share) {
            this.errorRateThreshold = share;
            return this;
        }

        /**
         * Share of a signal's expected points that must be present for it to count as measured; default 0.9.
         *
         * @param ratio in [0, 1]
         * @return this builder
         * @see AnalysisConfig#minCoverage()
         */
        public Builder minCoverage(double ratio) {
            this.minCoverage = ratio;
            return this;
        }

        /**
         * Whether to estimate and apply the clock skew between generator and cloud; default true.
         *
         * @param estimate false to take both clocks as they are
         * @return this builder
         * @see AnalysisConfig#estimateSkew()
         */
        public Builder estimateSkew(boolean estimate) {
            this.estimateSkew = estimate;
            return this;
        }

        /**
         * Largest clock skew searched either way; default 120 s.
         *
         * @param skew in [0, 30 min], at most {@link #fetchLead(Duration) fetchLead}
         * @return this builder
         * @see AnalysisConfig#maxSkew()
         */
        public Builder maxSkew(Duration skew) {
            this.maxSkew = Objects.requireNonNull(skew, "maxSkew");
            return this;
        }

        /**
         * How long before the run's start the sources are read; default 5 min.
         *
         * @param lead ≥ {@link #maxSkew(Duration) maxSkew}
         * @return this builder
         * @see AnalysisConfig#fetchLead()
         */
        public Builder fetchLead(Duration lead) {
            this.fetchLead = Objects.requireNonNull(lead, "fetchLead");
            return this;
        }

        /**
         * How long after the run's end the sources are read; default 5 min.
         *
         * @param trail ≥ 0
         * @return this builder
         * @see AnalysisConfig#fetchTrail()
         */
        public Builder fetchTrail(Duration trail) {
            this.fetchTrail = Objects.requireNonNull(trail, "fetchTrail");
            return this;
        }

        /**
         * The configuration.
         *
         * @return a new, validated configuration
         * @throws IllegalArgumentException naming every field out of its range
         */
        public AnalysisConfig build() {
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
                    minCoverage,
                    estimateSkew,
                    maxSkew,
                    fetchLead,
                    fetchTrail);
        }
    }
}
