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
package dev.plimsoll.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.align.AlignedSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Comparisons on the scenarios' real per-second data (see {@link Scenarios}). */
class ComparisonsTest {
    private static final ComparisonConfig DEFAULTS = ComparisonConfig.defaults();

    private static StoredRun stored(String id, RunRecord record) {
        return new StoredRun(id, record.end(), Map.of(), record.withId(id));
    }

    @Test
    void compareWhenRunIsItsOwnBaselineShouldFindNothing() {
        RunRecord s1 = Scenarios.record(Scenarios.S1);
        Comparison c = Comparisons.compare("s1", s1, List.of(stored("s1", s1)), DEFAULTS);

        assertThat(c.figures()).isNotEmpty();
        assertThat(c.figures()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.UNCHANGED));
        assertThat(c.figure("client_p95").orElseThrow().test()).isEqualTo("mann-whitney-u");
    }

    @Test
    void compareWhenHealthyRunIsTheBaselineOfTheSaturatedOneShouldFindLatencyAndScalingRegressions() {
        Comparison c = Comparisons.compare(
                "s1", Scenarios.record(Scenarios.S1), List.of(stored("s5", Scenarios.record(Scenarios.S5))), DEFAULTS);

        FigureComparison p95 = c.figure("client_p95").orElseThrow();
        assertThat(p95.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(p95.test()).isEqualTo("mann-whitney-u");
        assertThat(p95.pValue()).isLessThan(1e-6);
        assertThat(p95.effectSize()).isGreaterThan(2);
        assertThat(p95.baselineRunIds()).containsExactly("s5");
        assertThat(p95.reason()).contains("s5").contains("Mann–Whitney");
        FigureComparison lag = c.figure("scaling_lag").orElseThrow();
        assertThat(lag.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(lag.test()).isEqualTo("presence");
        assertThat(lag.current()).isEqualTo(123.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(lag.reason()).contains("appeared").contains("s5");
        assertThat(c.figure("max_nodes").orElseThrow().outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(c.regressions())
                .extracting(f -> f.figure().id())
                .contains("client_p50", "client_p95", "client_p99", "scaling_lag", "max_nodes");
    }

    @Test
    void compareWhenSaturatedRunIsTheBaselineOfTheHealthyOneShouldFindImprovements() {
        Comparison c = Comparisons.compare(
                "s5", Scenarios.record(Scenarios.S5), List.of(stored("s1", Scenarios.record(Scenarios.S1))), DEFAULTS);

        assertThat(c.figure("client_p95").orElseThrow().outcome()).isEqualTo(Outcome.IMPROVEMENT);
        assertThat(c.figure("scaling_lag").orElseThrow().outcome()).isEqualTo(Outcome.IMPROVEMENT);
        assertThat(c.regressions()).extracting(f -> f.figure().id()).doesNotContain("client_p95", "scaling_lag");
    }

    @Test
    void compareWhenOnlyTheCloudClockIsSkewedShouldFindNoRegression() {
        Comparison c = Comparisons.compare(
                "s6", Scenarios.record(Scenarios.S6), List.of(stored("s1", Scenarios.record(Scenarios.S1))), DEFAULTS);

        assertThat(c.regressions()).isEmpty();
        assertThat(c.figure("skew")).isEmpty();
    }

    @Test
    void compareWhenRunsAreResamplesOfOneScenarioShouldFindNoLatencyRegression() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<StoredRun> baselines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            baselines.add(
                    stored("b" + i, Scenarios.resampled(Scenarios.S1, 100 + i, 20, 1.0, t.plusSeconds(3600L * i))));
        }
        int regressions = 0;
        for (int seed = 0; seed < 20; seed++) {
            RunRecord current = Scenarios.resampled(Scenarios.S1, seed, 20, 1.0, t.plusSeconds(86_400));
            regressions += Comparisons.compare(null, current, baselines, DEFAULTS)
                    .regressions()
                    .size();
        }
        assertThat(regressions).isZero();
    }

    @Test
    void compareWhenLatencyGrewByAQuarterShouldFindTheRegressionAgainstResampledBaselines() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<StoredRun> baselines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            baselines.add(
                    stored("b" + i, Scenarios.resampled(Scenarios.S5, 100 + i, 20, 1.0, t.plusSeconds(3600L * i))));
        }
        RunRecord current = Scenarios.resampled(Scenarios.S5, 7, 20, 1.25, t.plusSeconds(86_400));

        Comparison c = Comparisons.compare(null, current, baselines, DEFAULTS);

        assertThat(c.figure("client_p95").orElseThrow().outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(c.figure("client_p95").orElseThrow().baselineRunIds()).containsExactly("b0", "b1", "b2", "b3", "b4");
        assertThat(c.figure("rps").orElseThrow().outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void compareWhenThreeBaselinesAgreeShouldUseTheirSpreadWithTheToleranceAsFloor() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<StoredRun> baselines = new ArrayList<>();
        double[] lags = {100, 110, 120};
        for (int i = 0; i < lags.length; i++) {
            RunRecord r = RunRecord.builder(t, t.plusSeconds(60))
                    .figures(KeyFigures.builder()
                            .put(Figure.SCALING_LAG, lags[i])
                            .put(Figure.MAX_NODES, 4)
                            .build())
                    .build();
            baselines.add(stored("b" + i, r));
        }
        RunRecord within = RunRecord.builder(t, t.plusSeconds(60))
                .figures(KeyFigures.builder()
                        .put(Figure.SCALING_LAG, 139)
                        .put(Figure.MAX_NODES, 4)
                        .build())
                .build();
        RunRecord beyond = RunRecord.builder(t, t.plusSeconds(60))
                .figures(KeyFigures.builder()
                        .put(Figure.SCALING_LAG, 141)
                        .put(Figure.MAX_NODES, 5)
                        .build())
                .build();

        FigureComparison ok = Comparisons.compare(null, within, baselines, DEFAULTS)
                .figure("scaling_lag")
                .orElseThrow();
        Comparison bad = Comparisons.compare(null, beyond, baselines, DEFAULTS);

        // median 110, MAD 10 → 3 × 1.4826 × 10 = 44.5 s > tolerance 30 s
        assertThat(ok.test()).isEqualTo("median-mad");
        assertThat(ok.threshold()).isEqualTo(44.478, org.assertj.core.data.Offset.offset(0.001));
        assertThat(ok.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(bad.figure("scaling_lag").orElseThrow().outcome()).isEqualTo(Outcome.UNCHANGED);
        // nodes agree exactly (MAD 0): the tolerance of half a node is the floor, one more node counts
        FigureComparison nodes = bad.figure("max_nodes").orElseThrow();
        assertThat(nodes.threshold()).isEqualTo(0.5);
        assertThat(nodes.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(nodes.effectSize()).isInfinite();
    }

    @Test
    void compareWhenFewerThanThreeBaselinesShouldUseTheConfiguredTolerance() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        RunRecord base = RunRecord.builder(t, t.plusSeconds(60))
                .figures(KeyFigures.builder().put(Figure.SCALING_LAG, 100).build())
                .build();
        RunRecord current = RunRecord.builder(t, t.plusSeconds(60))
                .figures(KeyFigures.builder().put(Figure.SCALING_LAG, 125).build())
                .build();

        FigureComparison defaults = Comparisons.compare(null, current, List.of(stored("b", base)), DEFAULTS)
                .figure("scaling_lag")
                .orElseThrow();
        FigureComparison strict = Comparisons.compare(
                        null,
                        current,
                        List.of(stored("b", base)),
                        DEFAULTS.withTolerance("scaling_lag", Tolerance.absolute(20)))
                .figure("scaling_lag")
                .orElseThrow();

        assertThat(defaults.test()).isEqualTo("tolerance");
        assertThat(defaults.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(strict.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(strict.change()).isEqualTo(25);
        assertThat(strict.reason()).contains("125 s now vs 100 s");
    }

    @Test
    void compareWhenLatencySeriesAreTooShortShouldFallBackToTheScalarFigure() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        RunRecord base = RunRecord.builder(t, t.plusSeconds(5))
                .figures(KeyFigures.builder().put(Figure.CLIENT_P95, 100).build())
                .series(AlignedSeries.load(
                        "latency", "p95", "ms", t, java.time.Duration.ofSeconds(1), new double[] {90, 100, 110, 100, 100
                        }))
                .build();
        RunRecord current = RunRecord.builder(t, t.plusSeconds(5))
                .figures(KeyFigures.builder().put(Figure.CLIENT_P95, 130).build())
                .build();

        FigureComparison p95 = Comparisons.compare(null, current, List.of(stored("b", base)), DEFAULTS)
                .figure("client_p95")
                .orElseThrow();

        assertThat(p95.test()).isEqualTo("tolerance");
        assertThat(p95.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(p95.relativeChange()).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** A 262 s run whose elasticity rests on 15 s node-CPU points from its start: 17 lie wholly inside it. */
    private static RunRecord elastic(double underProvisionedShare) {
        Instant start = Instant.parse("2026-11-26T05:02:30Z");
        Instant end = start.plusSeconds(262);
        double[] cpu = new double[20];
        java.util.Arrays.fill(cpu, 55);
        return RunRecord.builder(start, end)
                .figures(KeyFigures.builder()
                        .put(Figure.ELASTICITY_UNDER, 0.2)
                        .put(Figure.ELASTICITY_TIMESHARE_UNDER, underProvisionedShare)
                        .build())
                .series(AlignedSeries.of(
                        "datadog",
                        "kubernetes.cpu.usage.total",
                        "avg",
                        "percent",
                        Map.of(AlignedSeries.SIGNAL_TAG, "cpu_utilization"),
                        start.minusSeconds(15),
                        java.time.Duration.ofSeconds(15),
                        cpu))
                .series(AlignedSeries.of(
                        "cloudwatch",
                        "node_cpu_utilization",
                        "avg",
                        "percent",
                        Map.of(AlignedSeries.SIGNAL_TAG, "cpu_utilization"),
                        start.minusSeconds(60),
                        java.time.Duration.ofSeconds(60),
                        new double[] {50, 50, 50, 50, 50, 50}))
                .series(AlignedSeries.of(
                        "cloudwatch",
                        "cluster_node_count",
                        "avg",
                        "count",
                        Map.of(AlignedSeries.SIGNAL_TAG, "node_count"),
                        start.minusSeconds(60),
                        java.time.Duration.ofSeconds(60),
                        new double[] {2, 2, 3, 3, 3, 3}))
                .build();
    }

    @Test
    void elasticityShouldBeJudgedAgainstItsSamplingErrorWhicheverWayTheRunsAreCompared() {
        RunRecord before = elastic(0.4706);
        RunRecord now = elastic(0.75);

        // the finest CPU series (15 s) has 17 points wholly inside the run: a floor of 1.96 × √(0.5 ÷ 17) = 0.336,
        // above the +0.28 change (the tolerance alone, 0.1, made it a regression in `plimsoll compare`)
        assertThat(Comparisons.elasticitySamples(now)).isEqualTo(17);
        // without a node count the analysis measures no elasticity at all: no sample counts
        RunRecord noNodes = RunRecord.builder(now.start(), now.end())
                .figures(now.figures())
                .timeline(now.timeline().stream()
                        .filter(x -> !x.name().equals("cluster_node_count"))
                        .toList())
                .build();
        assertThat(Comparisons.elasticitySamples(noNodes)).isZero();
        Comparison c = Comparisons.compare("now", now, List.of(stored("before", before)), ComparisonConfig.defaults());

        assertThat(c.figures())
                .filteredOn(f -> f.figure() == Figure.ELASTICITY_TIMESHARE_UNDER)
                .singleElement()
                .satisfies(f ->
                        assertThat(f.outcome()).isNotEqualTo(dev.plimsoll.baseline.FigureChange.Outcome.REGRESSION));
    }
}
