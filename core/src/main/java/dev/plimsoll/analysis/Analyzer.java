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
package dev.plimsoll.analysis;

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.source.Coverage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the detectors over an aligned run and folds their findings into a result. A detector that fails yields no
 * findings rather than failing the analysis; its error is reported as a data-coverage note.
 *
 * @since 0.1
 */
public final class Analyzer {
    private Analyzer() {}

    public static AnalysisResult analyze(AlignedRun ar, AnalysisConfig config) {
        List<Finding> findings = new ArrayList<>();
        List<Finding> generator = guard("load generator", () -> GeneratorDetector.detect(ar), findings);
        findings.addAll(generator);
        ScalingDetector.Result scaling = guardResult(ar, config, findings);
        findings.addAll(scaling.findings());
        String[] bottleneck = {"none"};
        findings.addAll(guard(
                "latency",
                () -> LatencyDetector.detect(ar, config, GeneratorDetector.saturated(generator), bottleneck),
                findings));
        List<Finding> context = List.copyOf(findings);
        findings.addAll(guard("errors", () -> ErrorDetector.detect(ar, config, context), findings));
        findings.addAll(guard("capacity knee", () -> KneeDetector.detect(ar), findings));
        findings.addAll(coverage(ar, config));
        findings.sort(Comparator.comparing(Finding::severity)
                .reversed()
                .thenComparing(f -> f.window().start())
                .thenComparing(f -> f.kind().id()));
        List<Correlation> correlations = new ArrayList<>();
        try {
            correlations.addAll(Correlations.of(ar));
        } catch (RuntimeException e) {
            findings.add(failure("correlations", e, ar));
        }
        return new AnalysisResult(
                findings, bottleneck[0], ar.skew(), ar.coverage(), correlations, scaling.elasticity(), ar);
    }

    private static ScalingDetector.Result guardResult(AlignedRun ar, AnalysisConfig config, List<Finding> sink) {
        try {
            return ScalingDetector.detect(ar, config);
        } catch (RuntimeException e) {
            sink.add(failure("scaling", e, ar));
            return new ScalingDetector.Result(List.of(), Optional.empty());
        }
    }

    private interface Detection {
        List<Finding> run();
    }

    private static List<Finding> guard(String name, Detection d, List<Finding> sink) {
        try {
            return d.run();
        } catch (RuntimeException e) {
            return List.of(new Finding.DataCoverage(
                    Severity.INFO,
                    dev.plimsoll.series.TimeWindow.ofEpochMillis(0, 0),
                    "the " + name + " detector failed: " + e,
                    List.of(),
                    0,
                    name,
                    0));
        }
    }

    private static Finding failure(String name, RuntimeException e, AlignedRun ar) {
        return new Finding.DataCoverage(
                Severity.INFO, ar.run().window(), "the " + name + " detector failed: " + e, List.of(), 0, name, 0);
    }

    /**
     * Coverage over the run's window, per cloud series: CloudWatch and Datadog report nothing for periods the system
     * did not exist in, so the window the sources were asked for would understate what matters. Sources' own
     * complaints (PartialData, messages) are kept.
     */
    private static List<Finding> coverage(AlignedRun ar, AnalysisConfig config) {
        List<Finding> out = new ArrayList<>();
        dev.plimsoll.series.TimeWindow run = ar.run().window();
        if (run.duration().isZero()) {
            return out;
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (dev.plimsoll.series.TimeSeries s : ar.cloud()) {
            double period = AlignedRun.periodSeconds(s) * 1000;
            long expected = (long) Math.max(1, Math.floor(run.duration().toMillis() / period));
            long present = s.slice(run).presentCount();
            double ratio = Math.min(1, (double) present / expected);
            String query = s.id().tags().getOrDefault("query", s.id().name());
            boolean countsNothing = present == 0
                    && (s.id().statistic() == dev.plimsoll.series.Statistic.SUM
                            || s.id().statistic() == dev.plimsoll.series.Statistic.COUNT);
            // CloudWatch and Datadog write no datapoint for a count with no events (e.g. no 5xx): that is zero, not
            // missing data
            if (ratio < config.coverageInfoBelow() && !countsNothing && reported.add(query)) {
                out.add(new Finding.DataCoverage(
                        Severity.INFO,
                        run,
                        String.format(
                                Locale.ROOT,
                                "%s has %d of %d points expected during the run (%.0f %%)",
                                s.id().name(),
                                present,
                                expected,
                                ratio * 100),
                        List.of(new Evidence(
                                "points present during the run", s.id().toString(), null, present, "count")),
                        1,
                        query,
                        ratio));
            }
        }
        for (Coverage c : ar.coverage()) {
            if (!c.complete() && !c.messages().isEmpty() && reported.add(c.queryId())) {
                out.add(new Finding.DataCoverage(
                        Severity.INFO,
                        run,
                        "query '" + c.queryId() + "': " + String.join("; ", c.messages()),
                        List.of(),
                        1,
                        c.queryId(),
                        c.ratio()));
            }
        }
        return out;
    }
}
