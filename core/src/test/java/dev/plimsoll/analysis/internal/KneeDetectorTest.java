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
package dev.plimsoll.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class KneeDetectorTest {
    /** USL throughput with λ = 10, σ = 0.05, κ = 0.002: N_max = √(0.95/0.002) ≈ 21.8. */
    private static double usl(double n) {
        return 10 * n / (1 + 0.05 * (n - 1) + 0.002 * n * (n - 1));
    }

    @Test
    void aUslShapedRunShouldGiveItsKnee() {
        // VUs ramp 1 → 40 over 400 s
        var run = Synthetic.run(400, s -> usl(1 + s / 10), s -> 1 + s / 10);

        List<Finding> f = KneeDetector.detect(AlignedRun.of(run));

        assertThat(f).singleElement().satisfies(k -> {
            Finding.CapacityKnee knee = (Finding.CapacityKnee) k;
            assertThat(knee.nMax()).isCloseTo(21.8, within(2.0));
            assertThat(knee.rSquared()).isGreaterThan(0.9);
        });
    }

    @Test
    void linearScalingShouldReportNoKnee() {
        var run = Synthetic.run(400, s -> 10 * (1 + s / 10), s -> 1 + s / 10);

        assertThat(KneeDetector.detect(AlignedRun.of(run))).isEmpty();
    }

    @Test
    void constantConcurrencyShouldReportNoKnee() {
        var run = Synthetic.run(400, s -> 50, s -> 10);

        assertThat(KneeDetector.detect(AlignedRun.of(run))).isEmpty();
    }
}
