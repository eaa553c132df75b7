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

import dev.plimsoll.finding.Finding;
import java.util.List;

/**
 * Finds one kind of problem in an aligned run. Detectors are pure: no I/O, no clocks, no state between calls; what
 * several detectors need (the latency breakdown, the saturation episodes) is computed once through
 * {@link DetectionContext#shared}. The analysis runs a list of detectors in order — a detector sees the findings of
 * those before it — and a detector that throws becomes an {@link Finding.AnalysisError} finding instead of failing
 * the analysis.
 *
 * <pre>{@code
 * Detector slowStart = new Detector() {
 *     public String id() { return "slow_start"; }
 *     public List<Finding> detect(DetectionContext ctx) { ... }
 * };
 * LoadTestAnalysis.of(run).detectors(Detectors.defaultsAnd(slowStart))...
 * }</pre>
 *
 * @since 0.1
 */
public interface Detector {
    /**
     * A stable lower-case id; names the detector in analysis errors and logs.
     *
     * @return e.g. {@code scaling_lag}; should not change between versions
     */
    String id();

    /**
     * The findings of this detector; empty when there is nothing to report or the data it needs is absent.
     *
     * @param ctx the aligned run, the configuration, the findings so far and shared computations
     * @return the findings, in any order (the analysis sorts them); never null
     */
    List<Finding> detect(DetectionContext ctx);
}
