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
package dev.plimsoll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.baseline.BaselineComparator;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.baseline.FigureChange;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.Verdict;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's baseline hook with comparators written here (the SPI's contract; the run history's comparator is
 * tested on the real store in plimsoll-history and acceptance): regressions and improvements become findings in the
 * analysis' order, gates that need a baseline are evaluated against it, and a comparator that fails leaves a report
 * that says why.
 */
class BaselineHookTest {
    /** 100 requests of 10…1000 ms, none failed, no cloud data. */
    static LoadRun run() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        long t0 = 1_795_669_200_000_000_000L;
        for (int i = 0; i < 100; i++) {
            long t = t0 + i * 100_000_000L;
            b.record(K6Metrics.HTTP_REQS, t, 1, "a", "200", null);
            b.record(K6Metrics.HTTP_REQ_FAILED, t, 0, "a", "200", null);
            b.record(K6Metrics.HTTP_REQ_DURATION, t, 10 * (i + 1), "a", "200", null);
        }
        return new LoadRun("k6", "t", b.build(), Optional.empty(), IngestReport.empty());
    }

    /** Compares the run's p95 with a fixed baseline value, as a store of one earlier run would. */
    static final class FixedBaseline implements BaselineComparator {
        final double baselineP95;
        final List<AnalysisResult> seen = new ArrayList<>();

        FixedBaseline(double baselineP95) {
            this.baselineP95 = baselineP95;
        }

        @Override
        public String selector() {
            return "last";
        }

        @Override
        public BaselineComparison compare(AnalysisResult result) {
            seen.add(result);
            double p95 = result.aligned()
                    .run()
                    .timeline()
                    .http()
                    .distribution(LoadMetrics.REQUEST_DURATION)
                    .percentile(95);
            double change = p95 - baselineP95;
            FigureChange.Outcome o = change > 0.1 * baselineP95
                    ? FigureChange.Outcome.REGRESSION
                    : change < -0.1 * baselineP95 ? FigureChange.Outcome.IMPROVEMENT : FigureChange.Outcome.UNCHANGED;
            return BaselineComparison.of(
                    "last",
                    Optional.of("current-1"),
                    List.of("base-1"),
                    List.of(new FigureChange(
                            "client_p95",
                            "ms",
                            o,
                            baselineP95,
                            p95,
                            change,
                            change / baselineP95,
                            "tolerance",
                            Double.NaN,
                            Double.NaN,
                            0.1 * baselineP95,
                            "client latency p95 " + o.id() + " against base-1")));
        }
    }

    @Test
    void aRegressionShouldBecomeAWarningFindingAndFailItsGate() {
        FixedBaseline baseline = new FixedBaseline(500);

        Report report = LoadTestAnalysis.of(run())
                .baseline(baseline)
                .gates("client_p95_change<10%", "regressions==0", "client_p95<2s")
                .failOn(Severity.WARNING)
                .analyze();

        assertThat(baseline.seen).hasSize(1);
        List<Finding> regressions = report.result().findings(FindingKind.REGRESSION);
        assertThat(regressions).hasSize(1);
        Finding.Regression r = (Finding.Regression) regressions.get(0);
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.figure()).isEqualTo("client_p95");
        assertThat(r.baselineValue()).isEqualTo(500);
        assertThat(r.currentValue()).isBetween(950.0, 951.0);
        assertThat(r.baselineRunIds()).containsExactly("base-1");
        assertThat(r.evidence()).extracting(e -> e.label()).contains("baseline (run base-1)", "this run (current-1)");
        // the analysis' order: severity first
        assertThat(report.result().findings().get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(report.gates())
                .extracting(GateResult::outcome)
                .containsExactly(GateResult.Outcome.FAILED, GateResult.Outcome.FAILED, GateResult.Outcome.PASSED);
        assertThat(report.gates().get(0).measured()).isEqualTo("+90.15%");
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.baseline())
                .hasValueSatisfying(b -> assertThat(b.baselineRunIds()).containsExactly("base-1"));
    }

    @Test
    void anImprovementShouldBeAnInfoFindingAndPass() {
        Report report = LoadTestAnalysis.of(run())
                .baseline(new FixedBaseline(2000))
                .gates("regressions==0")
                .failOn(Severity.WARNING)
                .analyze();

        assertThat(report.result().findings(FindingKind.IMPROVEMENT))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(report.gates().get(0).passed()).isTrue();
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aFailingComparatorShouldLeaveAReportThatSaysWhy() {
        List<String> progress = new ArrayList<>();
        BaselineComparator broken = new BaselineComparator() {
            @Override
            public String selector() {
                return "label:branch=main";
            }

            @Override
            public BaselineComparison compare(AnalysisResult result) {
                throw new IllegalStateException("the store at jdbc:sqlite:h.db is locked");
            }
        };

        Report report = LoadTestAnalysis.of(run())
                .baseline(broken)
                .gates("client_p95_change<10%", "client_p95<2s")
                .progress(progress::add)
                .analyze();

        assertThat(report.baseline()).hasValueSatisfying(b -> {
            assertThat(b.available()).isFalse();
            assertThat(b.selector()).isEqualTo("label:branch=main");
            assertThat(b.problem()).isEqualTo("the store at jdbc:sqlite:h.db is locked");
        });
        assertThat(report.gates().get(0).outcome()).isEqualTo(GateResult.Outcome.INCONCLUSIVE);
        assertThat(report.gates().get(0).note()).contains("is locked");
        assertThat(report.gates().get(1).passed()).isTrue();
        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(progress).anyMatch(m -> m.contains("no baseline to compare with: the store at jdbc:sqlite:h.db"));
    }
}
