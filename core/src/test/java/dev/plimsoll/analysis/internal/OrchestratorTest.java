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

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.analysis.DetectionContext;
import dev.plimsoll.analysis.Detector;
import dev.plimsoll.analysis.Detectors;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.Gate;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.Verdict;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.source.Signal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The orchestrator's guard: a failing detector is a dated analysis error, the others still run, nothing is hidden. */
class OrchestratorTest {
    private static final Detector BROKEN = new Detector() {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public List<Finding> detect(DetectionContext ctx) {
            throw new IllegalStateException("index 7 out of bounds");
        }
    };

    @Test
    void aFailingDetectorShouldBecomeAnAnalysisErrorAndTheOthersStillRun() {
        LoadRun run = SyntheticRun.create().dropped(s -> s < 30 ? 0 : 20).build();
        List<Detector> detectors = new ArrayList<>(List.of(BROKEN));
        detectors.addAll(Detectors.defaults());

        AnalysisResult r = Analyzer.analyze(
                AlignedRun.of(run), AnalysisConfig.defaults(), detectors, EnumSet.noneOf(Signal.class));

        Finding.AnalysisError e =
                (Finding.AnalysisError) r.findings(FindingKind.ANALYSIS_ERROR).get(0);
        assertThat(e.detectorId()).isEqualTo("broken");
        assertThat(e.window()).isEqualTo(run.window());
        assertThat(e.severity()).isEqualTo(Severity.INFO);
        assertThat(e.reason()).contains("the broken detector failed").contains("index 7 out of bounds");
        assertThat(r.findings(FindingKind.LOAD_GENERATOR_SATURATION)).hasSize(1);
    }

    @Test
    void aFailedDetectorShouldMakeTheVerdictInconclusive() {
        LoadRun run = SyntheticRun.create().build();
        AnalysisResult r = Analyzer.analyze(
                AlignedRun.of(run), AnalysisConfig.defaults(), List.of(BROKEN), EnumSet.noneOf(Signal.class));
        var gate = Gate.parse("client_p95<1s");

        Report report = new Report("t", r, List.of(gate.evaluate(r)), Optional.empty());

        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.reasons()).anySatisfy(x -> assertThat(x).contains("the broken detector failed"));
    }

    @Test
    void detectorsShouldSeeTheFindingsOfThoseBeforeThemAndShareComputations() {
        List<Integer> seen = new ArrayList<>();
        Object key = new Object();
        int[] computed = {0};
        Detector reader = new Detector() {
            @Override
            public String id() {
                return "reader";
            }

            @Override
            public List<Finding> detect(DetectionContext ctx) {
                seen.add(ctx.findings().size());
                ctx.shared(key, c -> ++computed[0]);
                return List.of();
            }
        };
        LoadRun run = SyntheticRun.create().dropped(s -> s < 30 ? 0 : 20).build();

        Analyzer.analyze(
                AlignedRun.of(run),
                AnalysisConfig.defaults(),
                List.of(reader, new GeneratorDetector(), reader),
                EnumSet.noneOf(Signal.class));

        assertThat(seen).containsExactly(0, 1);
        assertThat(computed[0]).isEqualTo(1);
    }
}
