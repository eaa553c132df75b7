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
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.time.Duration;
import java.util.Optional;
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
}
