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
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import java.util.List;
import java.util.function.Function;

/**
 * What a {@link Detector} reads: the aligned run, the configuration, the findings of the detectors that ran before it,
 * and computations shared between detectors, made once per analysis. One analysis runs its detectors one after
 * another on one context; implementations need not be thread-safe.
 *
 * @since 0.1
 */
public interface DetectionContext {
    /**
     * The load run with the cloud's series on its clock.
     *
     * @return the aligned run, the same for every detector of one analysis
     */
    AlignedRun run();

    /**
     * The analysis' knobs.
     *
     * @return the configuration the analysis was given
     */
    AnalysisConfig config();

    /**
     * The findings of the detectors that ran before this one.
     *
     * @return those findings in the detectors' order; unmodifiable
     */
    List<Finding> findings();

    /**
     * The findings so far of one kind.
     *
     * @param kind the kind
     * @return those of {@link #findings()} of that kind; empty if none
     */
    default List<Finding> findings(FindingKind kind) {
        return findings().stream().filter(f -> f.kind() == kind).toList();
    }

    /**
     * A computation shared by several detectors, made on first use and kept for the rest of this analysis.
     *
     * @param key identifies the computation (a constant of the caller's own: keys are compared with {@code equals})
     * @param compute makes the value from this context; must not return null
     * @param <T> the value's type; every call with one key must ask for the same type
     * @return the value, computed once
     */
    <T> T shared(Object key, Function<DetectionContext, T> compute);
}
