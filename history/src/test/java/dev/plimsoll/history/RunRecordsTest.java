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
import dev.plimsoll.align.ClockSkew;
import dev.plimsoll.analysis.Elasticity;
import dev.plimsoll.analysis.SignalCoverage;
import dev.plimsoll.analysis.SignalGroup;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.report.ReportDocument;
import dev.plimsoll.report.Verdict;
import dev.plimsoll.series.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A report document mapped onto the store's record: figures by the gates' ids, findings, gates and the timeline. */
class RunRecordsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant END = T0.plusSeconds(600);
    private static final TimeWindow RUN = new TimeWindow(T0, END);

    private static ReportDocument doc(List<Finding> findings, boolean scalingCovered, boolean latencyCovered) {
        // nodes 2 for 4 minutes, 3 for 3, 4 for 3 (one gap held over): 2×4 + 3×3 + 4×3 = 29 node-minutes
        double[] nodes = {2, 2, 2, 2, 3, 3, Double.NaN, 4, 4, 4};
        Map<String, String> tags = Map.of(AlignedSeries.SIGNAL_TAG, "node_count", AlignedSeries.QUERY_TAG, "nodes");
        List<AlignedSeries> timeline = new ArrayList<>();
        timeline.add(AlignedSeries.of(
                "load", "requests", "rate", "1/s", Map.of(), T0, Duration.ofSeconds(1), new double[] {10, 12, 11}));
        timeline.add(AlignedSeries.of(
                "cloudwatch", "cluster_node_count", "avg", "count", tags, T0, Duration.ofMinutes(1), nodes));
        return new ReportDocument(
                1,
                "checkout",
                dev.plimsoll.report.Verdict.FAIL,
                List.of("gate scaling_lag<=100s failed (measured 123.1s)"),
                new ReportDocument.Run(
                        "k6", "results", T0, END, 60_000, 600, 0.01, 20_000, 3, 85, 90, 250, 300, 1_000, 50_000),
                List.of(
                        new ReportDocument.PhaseFigures(
                                "ramp-up", T0, T0.plusSeconds(60), 3_000, 0, 50, 40, 80, 90, 40),
                        new ReportDocument.PhaseFigures(
                                "steady", T0.plusSeconds(60), T0.plusSeconds(560), 50_000, 600, 100, 95, 260, 310, 85),
                        new ReportDocument.PhaseFigures(
                                "ramp-down", T0.plusSeconds(560), END, 7_000, 0, 175, 50, 90, 99, 85)),
                LatencyTier.BACKEND,
                Optional.of(new ClockSkew(-11, 0.99, "cloudwatch:RequestCount.sum", 60)),
                Optional.of(new Elasticity(0.15, 0.08, 0.47, 0.12, -0.4, 61, 17)),
                findings,
                List.of(
                        new GateResult("scaling_lag<=100s", "123.1s", GateResult.Outcome.FAILED, ""),
                        new GateResult("regressions==0", "n/a", GateResult.Outcome.INCONCLUSIVE, "needs a baseline")),
                List.of(
                        new SignalCoverage(SignalGroup.SCALING, true, 1, List.of("nodes"), scalingCovered, List.of()),
                        new SignalCoverage(
                                SignalGroup.SERVER_LATENCY, true, 1, List.of("lb"), latencyCovered, List.of())),
                List.of(),
                List.of(),
                Optional.empty(),
                timeline);
    }

    private static Finding.ScalingLag lag(double seconds) {
        return new Finding.ScalingLag(
                Severity.WARNING,
                RUN,
                "lag",
                List.of(new Evidence("cpu", "cloudwatch:node_cpu_utilization.avg", T0.plusSeconds(60), 75, "percent")),
                0.9,
                T0.plusSeconds(60),
                Double.isNaN(seconds) ? Optional.empty() : Optional.of(T0.plusSeconds(60 + (long) seconds)),
                Optional.empty(),
                seconds,
                15,
                180);
    }

    private static Finding.LatencyBottleneck bottleneck() {
        return new Finding.LatencyBottleneck(
                Severity.WARNING,
                RUN,
                "backend",
                List.of(),
                0.85,
                LatencyTier.BACKEND,
                200,
                Map.of(LatencyTier.NETWORK_EDGE, 0.0, LatencyTier.LOAD_BALANCER, 20.0, LatencyTier.BACKEND, 180.0));
    }

    @Test
    void figuresShouldCarryTheGatesIdsAndValues() {
        RunRecord r = RunRecords.of(doc(List.of(lag(123.1), bottleneck()), true, true), "run-1");
        KeyFigures f = r.figures();

        assertThat(r.id()).isEqualTo("run-1");
        assertThat(r.name()).isEqualTo("checkout");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.bottleneck()).isEqualTo("backend");
        assertThat(f.get(Figure.CLIENT_P50)).contains(90.0);
        assertThat(f.get(Figure.CLIENT_P95)).contains(250.0);
        assertThat(f.get(Figure.CLIENT_P99)).contains(300.0);
        assertThat(f.get(Figure.ERROR_RATE)).contains(0.01);
        assertThat(f.get(Figure.RPS)).contains(100.0); // the steady phase's 50 000 requests over 500 s
        assertThat(f.get(Figure.SCALING_LAG)).contains(123.1);
        assertThat(f.get(Figure.MAX_NODES)).contains(4.0);
        assertThat(f.get(Figure.NODE_MINUTES)).contains(29.0);
        assertThat(f.get(Figure.BACKEND_LATENCY_SHARE)).contains(0.9);
        assertThat(f.get(Figure.LB_LATENCY_SHARE)).contains(0.1);
        assertThat(f.get(Figure.EDGE_LATENCY_SHARE)).contains(0.0);
        assertThat(f.get(Figure.SKEW)).contains(-11.0);
        assertThat(f.get(Figure.ELASTICITY_TIMESHARE_UNDER)).contains(0.47);
    }

    @Test
    void recordShouldKeepTotalsPhasesFindingsGatesAndTheTimeline() {
        RunRecord r = RunRecords.of(doc(List.of(lag(123.1)), true, true), null);

        assertThat(r.totals()).isEqualTo(new Totals(60_000, 600, 20_000, 3, 85, 50_000, 1_000));
        assertThat(r.phases()).extracting(PhaseFigures::kind).containsExactly("ramp-up", "steady", "ramp-down");
        assertThat(r.steadyPhases().get(0).p95Millis()).isEqualTo(260);
        StoredFinding f = r.findings().get(0);
        assertThat(f.kind()).isEqualTo("scaling_lag");
        assertThat(f.severity()).isEqualTo("warning");
        assertThat(f.evidence().get(0).series()).isEqualTo("cloudwatch:node_cpu_utilization.avg");
        assertThat(r.gates())
                .containsExactly(
                        new StoredGate("scaling_lag<=100s", "123.1s", false),
                        new StoredGate("regressions==0", "n/a (inconclusive)", false));
        assertThat(r.timeline())
                .extracting(AlignedSeries::key)
                .containsExactly(
                        "load:requests.rate", "cloudwatch:cluster_node_count.avg{query=nodes, signal=node_count}");
        assertThat(r.series("cloudwatch", "cluster_node_count", "avg")
                        .orElseThrow()
                        .step())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void scalingLagShouldBeZeroWhenCoveredAndNothingSaturatedAndAbsentWhenNotCovered() {
        assertThat(RunRecords.figures(doc(List.of(), true, true)).get(Figure.SCALING_LAG))
                .contains(0.0);
        assertThat(RunRecords.figures(doc(List.of(), false, true)).get(Figure.SCALING_LAG))
                .isEmpty();
    }

    @Test
    void scalingLagWithoutANewNodeShouldBeTheLowerBoundToTheEndOfTheRun() {
        assertThat(RunRecords.figures(doc(List.of(lag(Double.NaN)), true, true)).get(Figure.SCALING_LAG))
                .contains(540.0);
        Finding noScaleUp = new Finding.NoScaleUp(Severity.HIGH, RUN, "none", List.of(), 0.9, T0.plusSeconds(100));
        assertThat(RunRecords.figures(doc(List.of(noScaleUp), true, true)).get(Figure.SCALING_LAG))
                .contains(500.0);
    }

    @Test
    void scalingLagShouldBeTheLongestOverTheEpisodes() {
        assertThat(RunRecords.figures(doc(List.of(lag(123.1), lag(152.3)), true, true))
                        .get(Figure.SCALING_LAG))
                .contains(152.3);
        assertThat(RunRecords.figures(doc(List.of(lag(123.1), lag(Double.NaN)), true, true))
                        .get(Figure.SCALING_LAG))
                .contains(540.0);
    }

    @Test
    void maxNodesShouldCountOnlyThePeriodsThatOverlapTheRun() {
        // 60 s points from a minute before the run to two minutes after its end: 5 nodes only outside the run
        double[] nodes = {5, 2, 3, 3, 5, 5};
        AlignedSeries s = AlignedSeries.of(
                "cloudwatch",
                "cluster_node_count",
                "avg",
                "count",
                Map.of(),
                T0.minusSeconds(60),
                Duration.ofMinutes(1),
                nodes);

        assertThat(RunRecords.max(s, T0, T0.plusSeconds(180))).isEqualTo(3.0);
        assertThat(RunRecords.max(s, T0.minusSeconds(30), T0.plusSeconds(180))).isEqualTo(5.0);
        assertThat(RunRecords.max(s, T0.plusSeconds(170), T0.plusSeconds(190))).isEqualTo(5.0);
    }

    @Test
    void sharesShouldBeZeroWithoutABottleneckAndAbsentWhenTheServerSideWasNotCovered() {
        assertThat(RunRecords.figures(doc(List.of(), true, true)).get(Figure.BACKEND_LATENCY_SHARE))
                .contains(0.0);
        assertThat(RunRecords.figures(doc(List.of(bottleneck()), true, false)).get(Figure.BACKEND_LATENCY_SHARE))
                .isEmpty();
    }
}
