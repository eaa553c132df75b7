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
package dev.plimsoll.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.baseline.FigureChange;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateTest {
    /** 100 requests of 10…1000 ms (exact p95 950.5 ms; 950.75 ms from histogram bins), 5 failed, no cloud data. */
    private static AnalysisResult result() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        long t0 = 1_795_669_200_000_000_000L;
        for (int i = 0; i < 100; i++) {
            long t = t0 + i * 100_000_000L;
            b.record(K6Metrics.HTTP_REQS, t, 1, "a", "200", null);
            b.record(K6Metrics.HTTP_REQ_FAILED, t, i % 20 == 0 ? 1 : 0, "a", "200", null);
            b.record(K6Metrics.HTTP_REQ_DURATION, t, 10 * (i + 1), "a", "200", null);
        }
        LoadRun run = new LoadRun("k6", "t", b.build(), Optional.empty(), IngestReport.empty());
        return LoadTestAnalysis.of(run).analyze().result();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "client_p95<1s; PASSED; 950.75ms",
                "client_p95 < 900ms; FAILED; 950.75ms",
                "client_p99<=1000; PASSED; 990.348ms",
                "error_rate<0.1; PASSED; 0.05",
                "error_rate<4%; FAILED; 0.05",
                "findings.load_generator_saturation==0; PASSED; 0",
                // without any cloud source the server side was not checked: no evidence is not a pass
                "findings.warning==0; INCONCLUSIVE; 0",
                "findings.scaling_ceiling==0; INCONCLUSIVE; 0",
                "bottleneck!=backend; INCONCLUSIVE; unknown",
                "bottleneck==backend; INCONCLUSIVE; unknown",
                "scaling_lag<=150s; INCONCLUSIVE; n/a",
                "skew<3s; INCONCLUSIVE; n/a",
                "coverage>=90%; INCONCLUSIVE; n/a"
            })
    void gatesShouldEvaluateWithUnits(String expression, GateResult.Outcome outcome, String measured) {
        GateResult r = Gate.parse(expression).evaluate(result());

        assertThat(r.outcome()).as(expression).isEqualTo(outcome);
        assertThat(r.measured()).isEqualTo(measured);
        assertThat(r.passed()).isEqualTo(outcome == GateResult.Outcome.PASSED);
        if (outcome == GateResult.Outcome.INCONCLUSIVE) {
            assertThat(r.note()).as(expression).isNotEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "p95<1s; 0; unknown metric 'p95'",
                "client_p95 ~ 1s; 11; expected an operator",
                "client_p95<; 11; expected a value",
                "client_p95<fast; 11; expected a number",
                "client_p95<3h; 12; unknown unit 'h'",
                "error_rate<3s; 12; not a time",
                "client_p95<5%; 12; 'client_p95' is a time: write it in ms, s or m, e.g. 500ms",
                "scaling_lag<50%; 14; 'scaling_lag' is a time: write it in ms, s or m, e.g. 150s",
                "skew<2%; 6; 'skew' is a time",
                "findings.high<1%; 15; 'findings' is a count: drop the %",
                "coverage>=90; 10; 'coverage' is a share from 0 to 1: write 90% or a fraction such as 0.9",
                "error_rate<5; 11; 'error_rate' is a share from 0 to 1",
                "client_p95_change<10; 18; 'client_p95_change' is a relative change: write 10% or a fraction",
                "error_rate_change<1.5; 18; 'error_rate_change' is a change in percentage points",
                "bottleneck<backend; 10; compares with == or != only",
                "bottleneck==database; 12; expected one of",
                "findings.critical==0; 9; unknown finding severity or kind 'critical'",
                "''; 0; expected a metric name"
            })
    void parseErrorsShouldNameTheExpressionAndPosition(String expression, int position, String rule) {
        assertThatThrownBy(() -> Gate.parse(expression)).isInstanceOfSatisfying(GateParseException.class, e -> {
            assertThat(e.position()).isEqualTo(position);
            assertThat(e.getMessage())
                    .contains("gate '" + expression.strip() + "'")
                    .contains(rule);
        });
    }

    private static FigureChange change(
            String figure, String unit, FigureChange.Outcome outcome, double base, double now) {
        return new FigureChange(
                figure,
                unit,
                outcome,
                base,
                now,
                now - base,
                (now - base) / base,
                "tolerance",
                Double.NaN,
                Double.NaN,
                0.1,
                figure + " " + outcome.id());
    }

    /** p95 +20 % (a regression), p50 +5 %, error rate +0.2 points; the baseline run b1. */
    private static BaselineComparison comparison() {
        return BaselineComparison.of(
                "last-passing",
                Optional.of("r2"),
                List.of("b1"),
                List.of(
                        change("client_p50", "ms", FigureChange.Outcome.UNCHANGED, 100, 105),
                        change("client_p95", "ms", FigureChange.Outcome.REGRESSION, 800, 960),
                        change("error_rate", "ratio", FigureChange.Outcome.UNCHANGED, 0.048, 0.05)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "client_p95_change<10%; FAILED; +20%",
                "client_p95_change<25%; PASSED; +20%",
                "client_p95_change<0.25; PASSED; +20%",
                "client_p50_change<=5%; PASSED; +5%",
                "error_rate_change<1%; PASSED; +0.2%",
                "regressions==0; FAILED; 1",
                "regressions<=1; PASSED; 1",
                // no p99 in the comparison, and no cloud source for the scaling lag
                "client_p99_change<10%; INCONCLUSIVE; n/a",
                "scaling_lag_change<=30s; INCONCLUSIVE; n/a"
            })
    void baselineGatesShouldMeasureTheComparison(String expression, GateResult.Outcome outcome, String measured) {
        GateResult r = Gate.parse(expression).evaluate(result(), Optional.of(comparison()));

        assertThat(r.outcome()).as(expression).isEqualTo(outcome);
        assertThat(r.measured()).as(expression).isEqualTo(measured);
        assertThat(Gate.parse(expression).needsBaseline()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {"client_p95_change<10%", "scaling_lag_change<=30s", "regressions==0", "error_rate_change<1%"})
    void baselineGatesWithoutABaselineShouldBeInconclusiveAndSayWhy(String expression) {
        GateResult none = Gate.parse(expression).evaluate(result());
        GateResult unavailable = Gate.parse(expression)
                .evaluate(
                        result(),
                        Optional.of(BaselineComparison.unavailable(
                                "last", "no baseline matches 'last': the store holds no runs yet")));

        assertThat(none.outcome()).isEqualTo(GateResult.Outcome.INCONCLUSIVE);
        assertThat(none.note()).contains("needs a baseline, and none was given");
        assertThat(unavailable.outcome()).isEqualTo(GateResult.Outcome.INCONCLUSIVE);
        assertThat(unavailable.note()).contains("the store holds no runs yet");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {"client_p95_change<10%", "scaling_lag_change<=30s", "regressions==0", "error_rate_change<1%"})
    void baselineGatesOfTheFirstRunOfALineShouldBeSkippedAndSayWhy(String expression) {
        GateResult first = Gate.parse(expression)
                .evaluate(
                        result(),
                        Optional.of(BaselineComparison.first(
                                "last-passing,branch=main",
                                Optional.empty(),
                                "no earlier run matches; this run is the first")));

        assertThat(first.outcome()).isEqualTo(GateResult.Outcome.SKIPPED);
        assertThat(first.passed()).isFalse();
        assertThat(first.failed()).isFalse();
        assertThat(first.note()).isEqualTo("no baseline yet: no earlier run matches; this run is the first");
    }

    @Test
    void gatesWithoutABaselineShouldNotBeSkippedOnTheFirstRun() {
        GateResult p95 = Gate.parse("client_p95<10s")
                .evaluate(result(), Optional.of(BaselineComparison.first("last", Optional.empty(), "first")));

        assertThat(p95.outcome()).isEqualTo(GateResult.Outcome.PASSED);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "client_p95_change<50ms; 20; is a relative change: write a percentage",
                "error_rate_change<1s; 19; is a change in percentage points",
                "regressions<2s; 13; not a time"
            })
    void baselineGatesShouldRefuseTheWrongUnit(String expression, int position, String rule) {
        assertThatThrownBy(() -> Gate.parse(expression)).isInstanceOfSatisfying(GateParseException.class, e -> {
            assertThat(e.position()).isEqualTo(position);
            assertThat(e.getMessage()).contains(rule);
        });
    }
}
