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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.baseline.FigureChange;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.report.Report;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run history as the pipeline's baseline, on a real SQLite file: the analysis of a load run (client side only:
 * a k6-shaped timeline of 2 minutes at 20 requests per second, latencies drawn from a seeded log-normal) saved and
 * compared with later runs.
 */
class HistoryBaselineTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private RunHistory history;

    @BeforeEach
    void open() {
        history = RunHistory.open(dir.resolve("history.db").toString());
    }

    @AfterEach
    void close() {
        history.close();
    }

    /** 120 s at 20 requests/s, the median latency {@code medianMs}, log-normal with σ 0.3, seeded. */
    static LoadRun run(Instant start, double medianMs, long seed) {
        Random random = new Random(seed);
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        long t0 = start.toEpochMilli() * 1_000_000L;
        for (int i = 0; i < 120 * 20; i++) {
            long t = t0 + i * 50_000_000L;
            b.record(K6Metrics.HTTP_REQS, t, 1, "a", "200", null);
            b.record(K6Metrics.HTTP_REQ_FAILED, t, 0, "a", "200", null);
            b.record(
                    K6Metrics.HTTP_REQ_DURATION, t, medianMs * Math.exp(0.3 * random.nextGaussian()), "a", "200", null);
            b.record(K6Metrics.VUS, t, 10, null, null, null);
        }
        return new LoadRun("k6", "t", b.build(), Optional.empty(), IngestReport.empty());
    }

    private Report analyze(LoadRun run, String selector, String id) {
        return LoadTestAnalysis.of(run)
                .baseline(HistoryBaseline.of(history, selector).runId(id))
                .gates("client_p95_change<10%", "regressions==0")
                .analyze();
    }

    @Test
    void anEmptyStoreShouldLeaveTheBaselineGatesInconclusiveAndSaySo() {
        Report report = analyze(run(T0, 100, 1), "last-passing", "r1");

        assertThat(report.baseline()).hasValueSatisfying(b -> {
            assertThat(b.available()).isFalse();
            assertThat(b.problem())
                    .contains("no baseline matches 'last-passing'")
                    .contains("holds no runs yet");
        });
        assertThat(report.gates()).allSatisfy(g -> assertThat(g.outcome()).isEqualTo(GateResult.Outcome.INCONCLUSIVE));
    }

    @Test
    void aRunSavedWithTheSelectorsLabelsShouldBeTheFirstOfItsLineAndTheNextComparesWithIt() {
        Map<String, String> main = Map.of("branch", "main", "commit", "abc");
        history.save(RunRecords.of(LoadTestAnalysis.of(run(T0, 100, 1)).analyze(), "other"), Map.of("branch", "dev"));
        Report first = LoadTestAnalysis.of(run(T0.plusSeconds(3600), 100, 2))
                .baseline(HistoryBaseline.of(history, "last-passing,branch=main")
                        .runId("m1")
                        .savedWith(main))
                .gates("client_p95<1s", "regressions==0")
                .analyze();

        assertThat(first.baseline()).hasValueSatisfying(b -> {
            assertThat(b.first()).isTrue();
            assertThat(b.runId()).contains("m1");
            assertThat(b.problem())
                    .contains("no earlier run matches 'last-passing,branch=main'")
                    .contains("saved with branch=main, commit=abc, is the first it can choose");
        });
        assertThat(first.gates())
                .extracting(GateResult::outcome)
                .containsExactly(GateResult.Outcome.PASSED, GateResult.Outcome.SKIPPED);
        assertThat(first.passed()).isTrue();
        history.save(RunRecords.of(first, "m1"), main);

        Report second = LoadTestAnalysis.of(run(T0.plusSeconds(7200), 100, 3))
                .baseline(HistoryBaseline.of(history, "last-passing,branch=main")
                        .runId("m2")
                        .savedWith(main))
                .gates("client_p95<1s", "regressions==0")
                .analyze();

        assertThat(second.baseline().orElseThrow().baselineRunIds()).containsExactly("m1");
        assertThat(second.gates())
                .allSatisfy(g -> assertThat(g.passed()).as(g.toString()).isTrue());
    }

    @Test
    void aRunSavedWithoutTheSelectorsLabelsShouldNotBeTheFirstOfItsLine() {
        Report r = LoadTestAnalysis.of(run(T0, 100, 1))
                .baseline(
                        HistoryBaseline.of(history, "last-passing,branch=mian").savedWith(Map.of("branch", "main")))
                .gates("regressions==0")
                .analyze();

        assertThat(r.baseline().orElseThrow().first()).isFalse();
        assertThat(r.gates()).allSatisfy(g -> assertThat(g.outcome()).isEqualTo(GateResult.Outcome.INCONCLUSIVE));
    }

    @Test
    void aRunComparedWithItselfShouldFindNothing() {
        LoadRun run = run(T0, 100, 1);
        String id = history.save(RunRecords.of(LoadTestAnalysis.of(run).analyze(), "r1"), Map.of());

        Report again = analyze(run, "last", "r2");

        BaselineComparison b = again.baseline().orElseThrow();
        assertThat(b.baselineRunIds()).containsExactly(id);
        assertThat(b.figures())
                .isNotEmpty()
                .allSatisfy(f ->
                        assertThat(f.outcome()).isIn(FigureChange.Outcome.UNCHANGED, FigureChange.Outcome.NO_DATA));
        assertThat(again.result().findings(FindingKind.REGRESSION)).isEmpty();
        assertThat(again.gates())
                .allSatisfy(g -> assertThat(g.passed()).as(g.toString()).isTrue());
    }

    @Test
    void aSlowerRunShouldRegressOnClientLatencyNamingBothRuns() {
        history.save(RunRecords.of(LoadTestAnalysis.of(run(T0, 100, 1)).analyze(), "base-1"), Map.of("branch", "main"));
        history.save(
                RunRecords.of(
                        LoadTestAnalysis.of(run(T0.plusSeconds(3600), 102, 2)).analyze(), "base-2"),
                Map.of("branch", "main"));

        Report slower = analyze(run(T0.plusSeconds(7200), 130, 3), "label:branch=main,n=2", "current-3");

        BaselineComparison b = slower.baseline().orElseThrow();
        assertThat(b.runId()).contains("current-3");
        assertThat(b.baselineRunIds()).containsExactly("base-2", "base-1");
        FigureChange p95 = b.figure("client_p95").orElseThrow();
        assertThat(p95.outcome()).isEqualTo(FigureChange.Outcome.REGRESSION);
        assertThat(p95.test()).isEqualTo("mann-whitney-u");
        assertThat(p95.pValue()).isLessThan(1e-6);
        assertThat(p95.relativeChange()).isBetween(0.2, 0.4);
        Finding.Regression r = (Finding.Regression) slower.result().findings(FindingKind.REGRESSION).stream()
                .filter(f -> ((Finding.Regression) f).figure().equals("client_p95"))
                .findFirst()
                .orElseThrow();
        assertThat(r.baselineRunIds()).containsExactly("base-2", "base-1");
        assertThat(r.reason()).contains("base-2, base-1");
        assertThat(r.evidence()).extracting(e -> e.label()).contains("this run (current-3)");
        assertThat(slower.gates()).allSatisfy(g -> assertThat(g.outcome()).isEqualTo(GateResult.Outcome.FAILED));

        String id = history.save(RunRecords.of(slower, "current-3"), Map.of("branch", "main"));
        assertThat(history.runsWithFinding("regression", "client_p95", RunFilter.all()))
                .containsExactly(id);
    }

    @Test
    void aScalingLagThatNoBaselineMeasuredShouldBeNoDataNotARegression() {
        Comparison c = new Comparison(
                "r2",
                List.of("r1"),
                List.of(new FigureComparison(
                        Figure.SCALING_LAG,
                        Outcome.REGRESSION,
                        Double.NaN,
                        120,
                        Double.NaN,
                        Double.NaN,
                        Comparisons.PRESENCE,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        List.of("r1"),
                        "scaling lag appeared")));

        FigureChange lag = HistoryBaseline.toBaselineComparison("last", c, true)
                .figure("scaling_lag")
                .orElseThrow();
        FigureChange uncovered = HistoryBaseline.toBaselineComparison("last", c, false)
                .figure("scaling_lag")
                .orElseThrow();

        assertThat(lag.outcome()).isEqualTo(FigureChange.Outcome.NO_DATA);
        assertThat(lag.reason()).contains("no baseline run measured it");
        assertThat(uncovered.outcome()).isEqualTo(FigureChange.Outcome.NO_DATA);
        assertThat(uncovered.reason()).contains("the scaling signals did not cover this run");
    }

    @Test
    void elasticityToleranceShouldNotBeBelowTheSamplingErrorOfItsShares() {
        ComparisonConfig few = HistoryBaseline.withSamplingFloor(ComparisonConfig.defaults(), 17);
        ComparisonConfig many = HistoryBaseline.withSamplingFloor(ComparisonConfig.defaults(), 1000);

        assertThat(few.toleranceOf(Figure.ELASTICITY_TIMESHARE_UNDER).absolute())
                .isCloseTo(0.336, within());
        assertThat(many.toleranceOf(Figure.ELASTICITY_TIMESHARE_UNDER).absolute())
                .isEqualTo(0.10);
        assertThat(few.toleranceOf(Figure.SCALING_LAG)).isEqualTo(Figure.SCALING_LAG.tolerance());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.001);
    }

    @Test
    void aMalformedSelectorShouldFailBeforeAnyAnalysis() {
        assertThatThrownBy(() -> HistoryBaseline.of(history, "label:branch=main,n=0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n in a baseline selector");
    }
}
