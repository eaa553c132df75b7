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

import dev.plimsoll.analysis.Correlation;
import dev.plimsoll.series.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CorrelationsTest {
    private static List<double[]> pairs(double[] x, double[] y) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(new double[] {x[i], y[i]});
        }
        return out;
    }

    @Test
    void fewerThanFivePairsShouldGiveNoCorrelation() {
        assertThat(Correlations.correlate("s", "rps", pairs(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8}), 0))
                .isNull();
        assertThat(Correlations.correlate("s", "rps", List.of(), 0)).isNull();
    }

    @Test
    void aConstantSeriesShouldGiveNoCorrelation() {
        assertThat(Correlations.correlate(
                        "s", "rps", pairs(new double[] {1, 2, 3, 4, 5, 6}, new double[] {7, 7, 7, 7, 7, 7}), 0))
                .isNull();
    }

    @Test
    void tiesShouldTakeAverageRanks() {
        Correlation c = Correlations.correlate(
                "s", "rps", pairs(new double[] {1, 2, 2, 3, 4, 5}, new double[] {10, 20, 20, 30, 40, 50}), 0);

        assertThat(c.spearman()).isCloseTo(1.0, within(1e-12));
        assertThat(c.pearson()).isCloseTo(1.0, within(1e-12));
        assertThat(c.pValue()).isZero();
    }

    @Test
    void noiseShouldNotBeSignificant() {
        Random random = new Random(12345);
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
            y[i] = random.nextGaussian();
        }
        Correlation c = Correlations.correlate("s", "rps", pairs(x, y), 0);

        assertThat(Math.abs(c.pearson())).isLessThan(0.4);
        assertThat(c.pValue()).isGreaterThan(0.05);
    }

    @Test
    void pValueShouldMatchTheTDistribution() {
        // r = 0.5, n = 12: t = 0.5 * sqrt(10 / 0.75) = 1.8257, two-sided p = 0.0979 (t-table, 10 df)
        assertThat(Correlations.pValue(0.5, 12)).isCloseTo(0.0979, within(5e-4));
        assertThat(Correlations.pValue(Double.NaN, 12)).isNaN();
        assertThat(Correlations.pValue(0.9, 2)).isNaN();
    }

    @Test
    void aSeriesThatFollowsTheLoadShouldShowItsLag() {
        // load: a square wave of 20 s; the series follows it 30 s later, at 15 s resolution
        var run = Synthetic.run(600, s -> (s / 120) % 2 == 0 ? 10 : 50, s -> 10);
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            int s = i * 15 - 30;
            v[i] = s < 0 ? 10 : ((s / 120) % 2 == 0 ? 10 : 50) * 1.5 + 5; // CPU %, within 0–100
        }
        var aligned = Synthetic.aligned(run, Synthetic.cloud("cpu", "cpu_utilization", Statistic.AVG, 15, 0, v));

        Correlation c = Correlations.of(aligned).get(0);

        assertThat(c.lagSeconds()).isEqualTo(30);
        assertThat(c.pearson()).isGreaterThan(0.95);
    }
}
