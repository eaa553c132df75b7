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
package dev.plimsoll.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.baseline.FigureChange;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.history.HistoryBaseline;
import dev.plimsoll.history.RunFilter;
import dev.plimsoll.history.RunHistory;
import dev.plimsoll.history.RunRecords;
import dev.plimsoll.history.StoredRun;
import dev.plimsoll.report.JsonReport;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportDocument;
import dev.plimsoll.report.ReportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baselines through the real pipeline: each scenario's k6 output and CloudWatch and Datadog recordings analysed,
 * saved in a real SQLite run history, and the next run compared with it.
 */
class HistoryAcceptanceTest {
    private static final String S1 = "S1_backend_scaling";
    private static final String S5 = "S5_healthy";
    private static final String S6 = "S6_clock_skew";
    private static final String[] GATES = {"client_p95_change<10%", "scaling_lag_change<=30s", "regressions==0"};

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

    private Report analyze(String scenario, @Nullable String selector, @Nullable String runId) {
        Scenario s = Scenario.load(scenario);
        LoadTestAnalysis a = LoadTestAnalysis.of(s.run())
                .title(scenario)
                .config(AnalysisConfig.defaults().toBuilder()
                        .maxNodes(s.maxNodes())
                        .build())
                .sources(s.cloudwatch(), s.datadog())
                .gates(GATES);
        if (selector != null) {
            a.baseline(HistoryBaseline.of(history, selector).runId(runId));
        }
        return a.analyze();
    }

    private String save(String scenario, String id) {
        return history.save(RunRecords.of(analyze(scenario, null, null), id), Map.of("scenario", scenario));
    }

    @Test
    void s1ComparedWithItselfShouldFindNoRegression() {
        String base = save(S1, "s1-base");

        Report again = analyze(S1, "last", "s1-again");

        BaselineComparison b = again.baseline().orElseThrow();
        assertThat(b.baselineRunIds()).containsExactly(base);
        assertThat(b.regressions()).isEmpty();
        assertThat(b.improvements()).isEmpty();
        assertThat(b.figure("client_p95").orElseThrow().outcome()).isEqualTo(FigureChange.Outcome.UNCHANGED);
        assertThat(b.figure("scaling_lag").orElseThrow().outcome()).isEqualTo(FigureChange.Outcome.UNCHANGED);
        assertThat(again.result().findings(FindingKind.REGRESSION)).isEmpty();
        assertThat(again.gates())
                .allSatisfy(g -> assertThat(g.passed()).as(g.toString()).isTrue());
    }

    @Test
    void s1AgainstHealthyS5ShouldRegressOnClientP95AndScalingNamingBothRuns() {
        String healthy = save(S5, "s5-healthy");

        Report s1 = analyze(S1, healthy, "s1-now");

        BaselineComparison b = s1.baseline().orElseThrow();
        assertThat(b.runId()).contains("s1-now");
        assertThat(b.baselineRunIds()).containsExactly("s5-healthy");
        FigureChange p95 = b.figure("client_p95").orElseThrow();
        assertThat(p95.outcome()).isEqualTo(FigureChange.Outcome.REGRESSION);
        assertThat(p95.test()).isEqualTo("mann-whitney-u");
        assertThat(p95.pValue()).isLessThan(1e-6);
        assertThat(p95.effectSize()).isGreaterThan(2); // mean ratio of the steady seconds' p95
        FigureChange lag = b.figure("scaling_lag").orElseThrow();
        assertThat(lag.outcome()).isEqualTo(FigureChange.Outcome.REGRESSION);
        assertThat(lag.baseline()).isZero(); // S5 saturated nothing: no lag
        assertThat(lag.current()).isBetween(108.0, 138.0); // the truth: 123 s
        List<Finding.Regression> regressions = s1.result().findings(FindingKind.REGRESSION).stream()
                .map(Finding.Regression.class::cast)
                .toList();
        assertThat(regressions).extracting(Finding.Regression::figure).contains("client_p95", "scaling_lag");
        for (Finding.Regression r : regressions) {
            assertThat(r.baselineRunIds()).containsExactly("s5-healthy");
            assertThat(r.evidence())
                    .extracting(e -> e.label())
                    .contains("baseline (run s5-healthy)", "this run (s1-now)");
        }
        assertThat(s1.gates()).allSatisfy(g -> assertThat(g.outcome()).isEqualTo(GateResult.Outcome.FAILED));
        assertThat(text(s1, ReportFormat.MARKDOWN))
                .contains("Baseline `s5-healthy`: " + b.regressions().size() + " regression(s)")
                .containsPattern(
                        "\\| client_p95 \\| 61\\.01 ms \\| 250\\.3 ms \\| \\+189\\.3 ms \\(\\+310\\.3 %\\) \\| ❌ regression \\|");
        assertThat(text(s1, ReportFormat.JUNIT))
                .contains("name=\"regression of client_p95\"")
                .contains("name=\"regression of scaling_lag\"");

        // stored, the regression names the run it was found in, and the trend can mark it
        history.save(RunRecords.of(s1, "s1-now"), Map.of("scenario", S1));
        StoredRun stored = history.get("s1-now");
        assertThat(stored.record().findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("regression");
            assertThat(f.reason()).contains("s5-healthy");
        });
        assertThat(history.runsWithFinding("regression", "scaling_lag", RunFilter.all()))
                .containsExactly("s1-now");
    }

    @Test
    void s1AndS6ShouldNotRegressOnceTheSkewIsCorrected() {
        save(S1, "s1");
        Report s6 = analyze(S6, "s1", "s6");
        assertThat(s6.result().skew().seconds()).isBetween(-12.0, -10.0);
        assertThat(s6.baseline().orElseThrow().regressions())
                .as("S6 against S1")
                .isEmpty();

        history.save(RunRecords.of(s6, "s6"), Map.of());
        Report s1 = analyze(S1, "s6", "s1-again");
        assertThat(s1.baseline().orElseThrow().regressions())
                .as("S1 against S6")
                .isEmpty();
        assertThat(s1.gates())
                .allSatisfy(g -> assertThat(g.passed()).as(g.toString()).isTrue());
    }

    @Test
    void theJsonReportShouldReadBackWithItsBaselineAndTimeline() throws IOException {
        save(S5, "s5");
        Report s1 = analyze(S1, "s5", "s1");
        Path file = s1.write(ReportFormat.JSON, dir.resolve("plimsoll-report.json"));

        ReportDocument back = JsonReport.read(file);

        StringWriter again = new StringWriter();
        JsonReport.write(back, again);
        assertThat(again.toString()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        // numbers as the JSON holds them: 10 significant digits
        assertThat(back.baseline().orElseThrow())
                .usingRecursiveComparison()
                .withComparatorForType(HistoryAcceptanceTest::close, Double.class)
                .isEqualTo(s1.baseline().orElseThrow());
        assertThat(back.findings())
                .extracting(Finding::kind)
                .containsAll(s1.result().findings().stream().map(Finding::kind).toList());
        assertThat(back.timeline()).hasSize(ReportDocument.of(s1).timeline().size());
        // the cloud series at their own resolution, on the generator's clock
        assertThat(back.timeline())
                .anySatisfy(t -> assertThat(t.step().toSeconds()).isEqualTo(60))
                .anySatisfy(t -> assertThat(t.step().toSeconds()).isEqualTo(15));
        // what was read back maps onto the same stored record as the live report
        assertThat(RunRecords.of(back, "s1").figures().values())
                .usingComparatorForType(HistoryAcceptanceTest::close, Double.class)
                .usingRecursiveComparison()
                .withComparatorForType(HistoryAcceptanceTest::close, Double.class)
                .isEqualTo(RunRecords.of(s1, "s1").figures().values());
    }

    private static String text(Report report, ReportFormat format) {
        StringWriter w = new StringWriter();
        try {
            report.write(format, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Equal to 10 significant digits (NaN equals NaN). */
    static int close(Double a, Double b) {
        if (a.equals(b) || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) {
            return 0;
        }
        return Double.compare(a, b);
    }
}
