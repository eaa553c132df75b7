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
package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.baseline.BaselineComparator;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.gate.Gate;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run of a line: its baseline gates are skipped, the verdict rests on the others. */
class FirstRunReportTest {
    @TempDir
    Path dir;

    /** 100 requests of 10…1000 ms, 5 failed, no cloud data. */
    private static LoadRun run() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        long t0 = 1_795_669_200_000_000_000L;
        for (int i = 0; i < 100; i++) {
            long t = t0 + i * 100_000_000L;
            b.record(K6Metrics.HTTP_REQS, t, 1, "a", "200", null);
            b.record(K6Metrics.HTTP_REQ_FAILED, t, i % 20 == 0 ? 1 : 0, "a", "200", null);
            b.record(K6Metrics.HTTP_REQ_DURATION, t, 10 * (i + 1), "a", "200", null);
        }
        return new LoadRun("k6", "t", b.build(), Optional.empty(), IngestReport.empty());
    }

    private static Report analyze(String clientGate, BaselineComparison comparison) {
        return LoadTestAnalysis.of(run())
                .gates(List.of(Gate.parse(clientGate), Gate.parse("regressions==0")))
                .baseline(new BaselineComparator() {
                    @Override
                    public String selector() {
                        return comparison.selector();
                    }

                    @Override
                    public BaselineComparison compare(AnalysisResult result) {
                        return comparison;
                    }
                })
                .analyze();
    }

    private static String write(Report report, ReportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        report.write(format, out);
        return out.toString();
    }

    @Test
    void verdictWhenTheBaselineGatesAreSkippedShouldRestOnTheOtherGates() throws IOException {
        BaselineComparison first =
                BaselineComparison.first("last-passing", Optional.empty(), "no earlier run; this run is the first");

        Report pass = analyze("client_p95<2s", first);
        Report fail = analyze("client_p95<500ms", first);

        assertThat(pass.gates())
                .extracting(GateResult::outcome)
                .containsExactly(GateResult.Outcome.PASSED, GateResult.Outcome.SKIPPED);
        assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(write(pass, ReportFormat.JUNIT))
                .contains("errors=\"0\" skipped=\"1\"")
                .contains("<skipped message=\"gate regressions==0 skipped: no baseline yet: no earlier run; this run"
                        + " is the first\"/>");
        assertThat(write(pass, ReportFormat.MARKDOWN))
                .contains("Baseline `last-passing`: none yet — no earlier run; this run is the first")
                .contains("⏭️ skipped: no baseline yet");
    }

    @Test
    void verdictWhenOnlyBaselineGatesWereGivenAndSkippedWithoutCloudDataShouldBeInconclusive() {
        Report r = LoadTestAnalysis.of(run())
                .gates(List.of(Gate.parse("regressions==0")))
                .baseline(new BaselineComparator() {
                    @Override
                    public String selector() {
                        return "last";
                    }

                    @Override
                    public BaselineComparison compare(AnalysisResult result) {
                        return BaselineComparison.first("last", Optional.empty(), "this run is the first");
                    }
                })
                .failOn(null)
                .analyze();

        assertThat(r.gates()).extracting(GateResult::outcome).containsExactly(GateResult.Outcome.SKIPPED);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reasons()).anySatisfy(x -> assertThat(x).contains("no cloud source was given"));
    }

    @Test
    void verdictWhenTheBaselineIsUnavailableShouldStayInconclusive() {
        Report r = analyze(
                "client_p95<2s", BaselineComparison.unavailable("last-passing", "the run history could not be opened"));

        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void jsonReportShouldKeepTheSkippedGateAndTheFirstRun() throws IOException {
        Report pass =
                analyze("client_p95<2s", BaselineComparison.first("last", Optional.empty(), "this run is the first"));
        Path json = pass.write(ReportFormat.JSON, dir.resolve("r.json"));

        ReportDocument read = JsonReport.read(json);

        assertThat(read.gates())
                .extracting(GateResult::outcome)
                .containsExactly(GateResult.Outcome.PASSED, GateResult.Outcome.SKIPPED);
        assertThat(read.baseline()).hasValueSatisfying(b -> {
            assertThat(b.first()).isTrue();
            assertThat(b.problem()).isEqualTo("this run is the first");
        });
        assertThat(read.verdict()).isEqualTo(Verdict.PASS);
    }
}
