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

import dev.plimsoll.analysis.internal.ErrorDetector;
import dev.plimsoll.analysis.internal.GeneratorDetector;
import dev.plimsoll.analysis.internal.KneeDetector;
import dev.plimsoll.analysis.internal.LatencyDetector;
import dev.plimsoll.analysis.internal.ScalingCeilingDetector;
import dev.plimsoll.analysis.internal.ScalingFlappingDetector;
import dev.plimsoll.analysis.internal.ScalingLagDetector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in detectors, in the order they run: load generator (the latency detector reads its verdict), scaling lag,
 * scaling ceiling, scaling flapping, latency bottleneck, error bursts (related to the scaling findings before them),
 * capacity knee.
 *
 * @since 0.1
 */
public final class Detectors {
    private Detectors() {}

    /**
     * The built-in detectors, in order.
     *
     * @return an unmodifiable list of new detector instances
     */
    public static List<Detector> defaults() {
        return List.of(
                new GeneratorDetector(),
                new ScalingLagDetector(),
                new ScalingCeilingDetector(),
                new ScalingFlappingDetector(),
                new LatencyDetector(),
                new ErrorDetector(),
                new KneeDetector());
    }

    /**
     * The built-in detectors followed by {@code more}.
     *
     * @param more detectors to run after the built-in ones, in this order; they see the built-in findings
     * @return an unmodifiable list
     */
    public static List<Detector> defaultsAnd(Detector... more) {
        List<Detector> all = new ArrayList<>(defaults());
        all.addAll(Arrays.asList(more));
        return List.copyOf(all);
    }
}
