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

import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.TimeSeries;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplesTest {
    @Test
    void sumAndHeldShouldEqualAFullScanAtAnyWindow() {
        Random random = new Random(7);
        double[] v = new double[500];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(100);
        }
        TimeSeries s = TimeSeries.regular(
                MetricId.of("rps", "k6", dev.plimsoll.series.Statistic.SUM, "count"), 1_000_000, 1000, v);
        for (int k = 0; k < 2000; k++) {
            double a = 990_000 + random.nextDouble() * 520_000;
            double b = a + random.nextDouble() * 90_000;

            assertThat(Samples.sum(s, a, b, 1000)).as("[%s, %s)", a, b).isEqualTo(fullScanSum(s, a, b, 1000));
            assertThat((Double) Samples.held(s, a)).as("at %s", a).isEqualTo((Double) fullScanHeld(s, a));
        }
    }

    /** The definitions, as they were written before the binary search. */
    private static double fullScanSum(TimeSeries s, double a, double b, double bucket) {
        double total = 0;
        for (int i = 0; i < s.size(); i++) {
            double start = s.epochMilliAt(i);
            double overlap = Math.min(b, start + bucket) - Math.max(a, start);
            if (overlap > 0 && !Double.isNaN(s.valueAt(i))) {
                total += s.valueAt(i) * overlap / bucket;
            }
        }
        return total;
    }

    private static double fullScanHeld(TimeSeries s, double t) {
        double v = Double.NaN;
        for (int i = 0; i < s.size() && s.epochMilliAt(i) <= t; i++) {
            if (!Double.isNaN(s.valueAt(i))) {
                v = s.valueAt(i);
            }
        }
        return v;
    }
}
