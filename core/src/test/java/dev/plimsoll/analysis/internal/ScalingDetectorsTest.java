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

import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.source.FetchedSeries;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScalingDetectorsTest {
    private static final double NAN = Double.NaN;

    private static AnalysisResult analyze(AnalysisConfig config, double[] cpu, double[] nodes) {
        var run = Synthetic.run(cpu.length * 15, s -> 50, s -> 10);
        return Synthetic.analyze(
                Synthetic.aligned(
                        run,
                        Synthetic.cloud("cpu", "cpu_utilization", Statistic.AVG, 15, 0, cpu),
                        Synthetic.cloud("nodes", "node_count", Statistic.AVG, 15, 0, nodes)),
                config);
    }

    @Test
    void crossingShouldBeInterpolatedBetweenSampleMidpoints() {
        FetchedSeries s = Synthetic.cloud("cpu", "cpu_utilization", Statistic.AVG, 15, 0, 40, 100);

        // midpoints at 7.5 s and 22.5 s; 70 is halfway
        assertThat(SaturationEpisodes.crossing(s, 1, 70) - Synthetic.T0).isCloseTo(15_000, within(1.0));
        assertThat(SaturationEpisodes.sustainedFrom(s.series(), 0, 70, 1, true)).isEqualTo(1);
        assertThat(SaturationEpisodes.sustainedFrom(s.series(), 0, 70, 2, true)).isEqualTo(-1);
    }

    @Test
    void aGapShouldBreakASustainedRun() {
        FetchedSeries s = Synthetic.cloud("cpu", "cpu_utilization", Statistic.AVG, 15, 0, 80, NAN, 80, 80);

        assertThat(SaturationEpisodes.sustainedFrom(s.series(), 0, 70, 2, true)).isEqualTo(2);
    }

    @Test
    void lagShouldRunFromSaturationToTheFirstNewNode() {
        double[] cpu = {20, 40, 90, 90, 90, 90, 90, 90, 90, 90, 60, 50, 50, 50, 50, 50, 50, 50, 50, 50};
        double[] nodes = {2, 2, 2, 2, 2, 2, 2, 2, 2.6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3};

        AnalysisResult r = analyze(AnalysisConfig.defaults(), cpu, nodes);

        Finding.ScalingLag lag =
                (Finding.ScalingLag) r.findings(FindingKind.SCALING_LAG).get(0);
        // crossing: 40 → 90 at midpoints 22.5 s and 37.5 s, 70 at 0.6 → 31.5 s; node Ready for 60 % of [120, 135) → 126
        // s
        assertThat(lag.saturationStart().toEpochMilli() - Synthetic.T0).isEqualTo(31_500);
        assertThat(lag.capacityReady().orElseThrow().toEpochMilli() - Synthetic.T0)
                .isEqualTo(126_000);
        assertThat(lag.lagSeconds()).isCloseTo(94.5, within(1e-9));
        assertThat(lag.severity()).isEqualTo(Severity.INFO);
        assertThat(r.findings(FindingKind.SCALING_CEILING)).isEmpty();
        assertThat(analyze(
                                AnalysisConfig.defaults().toBuilder()
                                        .lagBudget(Duration.ofSeconds(60))
                                        .build(),
                                cpu,
                                nodes)
                        .findings(FindingKind.SCALING_LAG)
                        .get(0)
                        .severity())
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void sustainedSaturationWithoutNewNodesShouldBeNoScaleUp() {
        double[] cpu = new double[20];
        Arrays.fill(cpu, 95);
        double[] nodes = new double[20];
        Arrays.fill(nodes, 2);

        AnalysisResult r = analyze(AnalysisConfig.defaults(), cpu, nodes);

        assertThat(r.findings(FindingKind.NO_SCALE_UP)).hasSize(1);
        assertThat(r.findings(FindingKind.SCALING_LAG)).isEmpty();
    }

    @Test
    void reachingTheKnownMaximumWhileSaturatedShouldBeACeiling() {
        double[] cpu = {20, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90};
        double[] nodes = {2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};

        AnalysisResult known =
                analyze(AnalysisConfig.defaults().toBuilder().maxNodes(4).build(), cpu, nodes);
        AnalysisResult higher =
                analyze(AnalysisConfig.defaults().toBuilder().maxNodes(5).build(), cpu, nodes);
        AnalysisResult unknown = analyze(AnalysisConfig.defaults(), cpu, nodes);

        assertThat(known.findings(FindingKind.SCALING_CEILING))
                .singleElement()
                .satisfies(
                        f -> assertThat(((Finding.ScalingCeiling) f).maxNodes()).isEqualTo(4));
        assertThat(higher.findings(FindingKind.SCALING_CEILING)).isEmpty();
        // unknown maximum: saturated for 180 s at 4 nodes (≥ the 120 s hold) is a ceiling too
        assertThat(unknown.findings(FindingKind.SCALING_CEILING)).hasSize(1);
    }

    @Test
    void upAndDownShouldBeFlapping() {
        double[] cpu = new double[20];
        Arrays.fill(cpu, 30);
        double[] nodes = {2, 2, 3, 3, 2, 2, 3, 3, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3};

        AnalysisResult r = analyze(AnalysisConfig.defaults(), cpu, nodes);

        assertThat(r.findings(FindingKind.SCALING_FLAPPING))
                .singleElement()
                .satisfies(f -> assertThat(((Finding.ScalingFlapping) f).directionChanges())
                        .isEqualTo(4));
    }

    @Test
    void allNaNCpuShouldGiveNoScalingFindings() {
        double[] cpu = new double[20];
        Arrays.fill(cpu, NAN);
        double[] nodes = new double[20];
        Arrays.fill(nodes, 2);

        AnalysisResult r = analyze(AnalysisConfig.defaults(), cpu, nodes);

        assertThat(r.findings())
                .noneMatch(f -> f.kind().id().startsWith("scaling") || f.kind() == FindingKind.NO_SCALE_UP);
    }
}
