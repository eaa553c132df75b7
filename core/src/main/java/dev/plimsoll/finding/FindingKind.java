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
    SCALING_LAG,
    SCALING_CEILING,
    NO_SCALE_UP,
    SCALING_FLAPPING,
    LATENCY_BOTTLENECK,
    LOAD_GENERATOR_SATURATION,
    CAPACITY_KNEE,
    ERROR_BURST,
    DATA_COVERAGE,
    ANALYSIS_ERROR,
    /** A key figure got worse than the baseline runs' (see {@link Finding.Regression}). */
    REGRESSION,
    /** A key figure got better than the baseline runs' (see {@link Finding.Improvement}); always info. */
    IMPROVEMENT;

    /** {@code scaling_lag}, {@code latency_bottleneck}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
