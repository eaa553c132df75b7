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

import java.util.Locale;

/**
 * Stable ids of finding kinds; dashboards and gates use {@link #id()}.
 *
 * @since 0.1
 */
public enum FindingKind {
    /** New capacity came later than the lag budget after saturation (see {@link Finding.ScalingLag}). */
    SCALING_LAG,
    /** Capacity reached its maximum while still saturated (see {@link Finding.ScalingCeiling}). */
    SCALING_CEILING,
    /** Saturation lasted longer than the lag budget without any new capacity (see {@link Finding.NoScaleUp}). */
    NO_SCALE_UP,
    /** The node count went up and down repeatedly (see {@link Finding.ScalingFlapping}). */
    SCALING_FLAPPING,
    /** The tier where latency was added under load (see {@link Finding.LatencyBottleneck}). */
    LATENCY_BOTTLENECK,
    /** The load generator could not keep up: the run measured it (see {@link Finding.LoadGeneratorSaturation}). */
    LOAD_GENERATOR_SATURATION,
    /** Throughput stopped growing with concurrency (see {@link Finding.CapacityKnee}). */
    CAPACITY_KNEE,
    /** Failed requests clustered in time (see {@link Finding.ErrorBurst}). */
    ERROR_BURST,
    /** A series had less data than the run's window holds (see {@link Finding.DataCoverage}). */
    DATA_COVERAGE,
    /** A detector failed on the run's data (see {@link Finding.AnalysisError}). */
    ANALYSIS_ERROR,
    /** A key figure got worse than the baseline runs' (see {@link Finding.Regression}). */
    REGRESSION,
    /** A key figure got better than the baseline runs' (see {@link Finding.Improvement}); always info. */
    IMPROVEMENT;

    /**
     * The kind's stable id in reports, meters and the run history.
     *
     * @return the constant's name in lower case: {@code scaling_lag}, {@code latency_bottleneck}, …
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
