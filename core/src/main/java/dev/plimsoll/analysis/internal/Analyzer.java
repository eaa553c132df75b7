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

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.analysis.Correlation;
import dev.plimsoll.analysis.Detector;
import dev.plimsoll.analysis.Elasticity;
import dev.plimsoll.analysis.SignalCoverage;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the detectors over an aligned run, one after another, and folds their findings into a result. Every detector
 * (and the shared computations after them: elasticity, correlations) runs through one guard: a failure becomes an
 * {@link Finding.AnalysisError} dated at the run's window, and is logged with its cause through
 * {@link System.Logger}, instead of failing the analysis.
 */
public final class Analyzer {
    private static final System.Logger LOG = System.getLogger(Analyzer.class.getName());

    private Analyzer() {}

    /**
     * Analyses an aligned run with the given detectors.
     *
     * @param detectors run in order; each sees the findings of those before it
     * @param asked the signals the sources were asked for (their queries' signals), whether or not data came back
     */
    public static AnalysisResult analyze(
            AlignedRun ar, AnalysisConfig config, List<Detector> detectors, Set<Signal> asked) {
        Context ctx = new Context(ar, config);
        List<Finding> errors = new ArrayList<>();
        for (Detector d : detectors) {
            guard(d.id(), ar, errors, () -> d.detect(ctx)).ifPresent(ctx::add);
        }
        List<Finding> findings = new ArrayList<>(ctx.findings());
        Optional<Elasticity> elasticity = guard(
                        "elasticity",
                        ar,
                        errors,
                        () -> SaturationEpisodes.of(ctx).flatMap(s -> ElasticityMeter.measure(ar, s)))
                .flatMap(e -> e);
        List<Correlation> correlations =
                guard("correlations", ar, errors, () -> Correlations.of(ar)).orElse(List.of());
        findings.addAll(coverage(ar, config));
        findings.addAll(errors);
        findings.sort(Comparator.comparing(Finding::severity)
                .reversed()
                .thenComparing(f -> f.window().start())
                .thenComparing(f -> f.kind().id()));
        List<SignalCoverage> evidence = EvidenceCoverage.of(ar, config, asked);
        return new AnalysisResult(findings, ar.skew(), ar.coverage(), evidence, correlations, elasticity, ar);
    }

    private static <T> Optional<T> guard(String id, AlignedRun ar, List<Finding> errors, Supplier<T> body) {
        try {
            return Optional.of(body.get());
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "the " + id + " detector failed on run " + ar.run().id(),
                    e);
            errors.add(new Finding.AnalysisError(
                    Severity.INFO, ar.run().window(), "the " + id + " detector failed: " + e, List.of(), 0, id));
            return Optional.empty();
        }
    }

    /**
     * Coverage over the run's window, per cloud series: CloudWatch and Datadog report nothing for periods the system
     * did not exist in, so the window the sources were asked for would understate what matters. Sources' own
     * complaints (PartialData, messages) are kept.
     */
    private static List<Finding> coverage(AlignedRun ar, AnalysisConfig config) {
        List<Finding> out = new ArrayList<>();
        TimeWindow run = ar.run().window();
        if (run.duration().isZero()) {
            return out;
        }
        Set<String> reported = new HashSet<>();
        for (FetchedSeries s : ar.cloud()) {
            double period = s.periodMillis();
            long expected = (long) Math.max(1, Math.floor(run.duration().toMillis() / period));
            long present = s.series().slice(run).presentCount();
            double ratio = Math.min(1, (double) present / expected);
            Statistic st = s.id().statistic();
            boolean countsNothing = present == 0 && (st == Statistic.SUM || st == Statistic.COUNT);
            // CloudWatch and Datadog write no datapoint for a count with no events (e.g. no 5xx): that is zero, not
            // missing data
            if (ratio < config.minCoverage() && !countsNothing && reported.add(s.queryId())) {
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
                        s.queryId(),
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
