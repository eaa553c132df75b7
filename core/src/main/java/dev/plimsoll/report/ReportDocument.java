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

import dev.plimsoll.align.AlignedSeries;
import dev.plimsoll.align.ClockSkew;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.analysis.Correlation;
import dev.plimsoll.analysis.Elasticity;
import dev.plimsoll.analysis.SignalCoverage;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.HttpTimeline;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.Phase;
import dev.plimsoll.run.RunTotals;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished analysis as the JSON report holds it: everything a dashboard shows or a run history stores, without the
 * run's histograms. Made from a live {@link Report} ({@link #of}) or read back from a saved JSON report
 * ({@link JsonReport#read}), so that a dashboard service can serve analyses without re-running them; written by
 * {@link JsonReport#write(ReportDocument, java.io.Writer)}. Numbers read back are those the JSON holds (10
 * significant digits); NaN where it holds {@code null}.
 *
 * @param schemaVersion the JSON schema version ({@link JsonReport#SCHEMA_VERSION} for a live report)
 * @param title the report's title
 * @param verdict pass, fail or inconclusive
 * @param reasons why, one line each
 * @param run the run's totals and client latency
 * @param phases ramp-up, steady and ramp-down, in time order
 * @param bottleneck the latency tier
 * @param clockSkew the clock skew applied, when it was estimated
 * @param elasticity SPEC RG elasticity, when measured
 * @param findings in the analysis' order (severity, time, kind)
 * @param gates in the order given
 * @param evidence coverage of each signal group
 * @param coverage what the sources got, per query
 * @param correlations how each cloud series followed the load
 * @param baseline the comparison with baseline runs, when one was asked for
 * @param timeline the merged timeline: load series per bucket, cloud series at their own resolution
 * @since 0.1
 */
public record ReportDocument(
        int schemaVersion,
        String title,
        Verdict verdict,
        List<String> reasons,
        Run run,
        List<PhaseFigures> phases,
        LatencyTier bottleneck,
        Optional<ClockSkew> clockSkew,
        Optional<Elasticity> elasticity,
        List<Finding> findings,
        List<GateResult> gates,
        List<SignalCoverage> evidence,
        List<Coverage> coverage,
        List<Correlation> correlations,
        Optional<BaselineComparison> baseline,
        List<AlignedSeries> timeline) {

    /**
     * Copies the lists; {@link #of(Report)} and {@link JsonReport#read(java.nio.file.Path)} are the usual way in.
     *
     * @param schemaVersion the JSON schema version
     * @param title the title
     * @param verdict the verdict
     * @param reasons one line each
     * @param run the run's totals
     * @param phases in time order
     * @param bottleneck the latency tier
     * @param clockSkew the skew, or empty when not estimated
     * @param elasticity or empty
     * @param findings in the analysis' order
     * @param gates in the order given
     * @param evidence per signal group
     * @param coverage per query
     * @param correlations per cloud series
     * @param baseline or empty
     * @param timeline the merged timeline
     * @throws NullPointerException if a component is null
     */
    public ReportDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(run, "run");
        phases = List.copyOf(phases);
        Objects.requireNonNull(bottleneck, "bottleneck");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(elasticity, "elasticity");
        findings = List.copyOf(findings);
        gates = List.copyOf(gates);
        evidence = List.copyOf(evidence);
        coverage = List.copyOf(coverage);
        correlations = List.copyOf(correlations);
        Objects.requireNonNull(baseline, "baseline");
        timeline = List.copyOf(timeline);
    }

    /**
     * The run's totals and client latency over the whole run.
     *
     * @param tool the load tool, e.g. {@code k6}
     * @param id the run's id as the load tool's files name it
     * @param start first instant of the run
     * @param end end of the run (exclusive)
     * @param requests requests sent
     * @param failedRequests of which failed
     * @param errorRate failed ÷ sent, NaN without requests
     * @param iterations iterations completed
     * @param droppedIterations iterations the load tool could not start
     * @param vusMax most virtual users at once
     * @param p50Ms client latency median, ms
     * @param p95Ms client latency 95th percentile, ms
     * @param p99Ms client latency 99th percentile, ms
     * @param dataSentBytes bytes sent
     * @param dataReceivedBytes bytes received
     */
    public record Run(
            String tool,
            String id,
            Instant start,
            Instant end,
            long requests,
            long failedRequests,
            double errorRate,
            long iterations,
            long droppedIterations,
            long vusMax,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            long dataSentBytes,
            long dataReceivedBytes) {
        /**
         * Checks the texts and instants.
         *
         * @param tool the load tool
         * @param id the run's id
         * @param start first instant
         * @param end end, exclusive
         * @param requests requests sent
         * @param failedRequests of which failed
         * @param errorRate share 0–1, NaN without requests
         * @param iterations iterations completed
         * @param droppedIterations iterations not started
         * @param vusMax most virtual users at once
         * @param p50Ms milliseconds
         * @param p95Ms milliseconds
         * @param p99Ms milliseconds
         * @param dataSentBytes bytes
         * @param dataReceivedBytes bytes
         * @throws NullPointerException if a text or an instant is null
         */
        public Run {
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    /**
     * The figures of one phase of the run.
     *
     * @param kind {@code ramp-up}, {@code steady} or {@code ramp-down}
     * @param start first instant of the phase
     * @param end end of the phase (exclusive)
     * @param requests requests sent in the phase
     * @param failedRequests of which failed
     * @param rps mean requests per second over the phase
     * @param p50Ms client latency median in the phase, ms (NaN without requests)
     * @param p95Ms 95th percentile, ms
     * @param p99Ms 99th percentile, ms
     * @param vusMax most virtual users in the phase
     */
    public record PhaseFigures(
            String kind,
            Instant start,
            Instant end,
            long requests,
            long failedRequests,
            double rps,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            long vusMax) {
        /**
         * Checks the kind and the instants.
         *
         * @param kind {@code ramp-up}, {@code steady} or {@code ramp-down}
         * @param start first instant
         * @param end end, exclusive
         * @param requests requests sent
         * @param failedRequests of which failed
         * @param rps requests per second
         * @param p50Ms milliseconds, NaN without requests
         * @param p95Ms milliseconds, NaN without requests
         * @param p99Ms milliseconds, NaN without requests
         * @param vusMax most virtual users
         * @throws NullPointerException if the kind or an instant is null
         */
        public PhaseFigures {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    /**
     * The document of a live report: verdict and reasons computed, phases and the merged timeline taken from the run.
     *
     * @param report the report
     * @return its document, schema version {@link JsonReport#SCHEMA_VERSION}
     */
    public static ReportDocument of(Report report) {
        AnalysisResult r = report.result();
        LoadRun run = r.aligned().run();
        RunTotals t = run.totals();
        Distribution d = run.timeline().http().distribution(LoadMetrics.REQUEST_DURATION);
        Run summary = new Run(
                run.tool(),
                run.id(),
                run.window().start(),
                run.window().end(),
                t.requests(),
                t.failedRequests(),
                t.errorRate(),
                t.iterations(),
                t.droppedIterations(),
                t.vusMax(),
                d.percentile(50),
                d.percentile(95),
                d.percentile(99),
                t.dataSentBytes(),
                t.dataReceivedBytes());
        List<PhaseFigures> phases = new ArrayList<>();
        HttpTimeline http = run.timeline().http();
        TimeSeries requests = http.requests();
        TimeSeries failed = http.failed();
        TimeSeries vus = run.timeline().vus();
        for (Phase p : run.phases()) {
            TimeWindow w = p.window();
            long n = Math.round(sum(requests, w));
            Distribution pd = http.distribution(LoadMetrics.REQUEST_DURATION, w);
            double seconds = w.duration().toMillis() / 1000.0;
            double vusMax = vus.slice(w).max();
            phases.add(new PhaseFigures(
                    p.kind().label(),
                    w.start(),
                    w.end(),
                    n,
                    Math.round(sum(failed, w)),
                    seconds > 0 ? n / seconds : Double.NaN,
                    pd.percentile(50),
                    pd.percentile(95),
                    pd.percentile(99),
                    Double.isNaN(vusMax) || Double.isInfinite(vusMax) ? 0 : Math.round(vusMax)));
        }
        return new ReportDocument(
                JsonReport.SCHEMA_VERSION,
                report.title(),
                report.verdict(),
                report.reasons(),
                summary,
                phases,
                r.bottleneck(),
                r.skew().isEstimated() ? Optional.of(r.skew()) : Optional.empty(),
                r.elasticity(),
                r.findings(),
                report.gates(),
                r.evidence(),
                r.coverage(),
                r.correlations(),
                report.baseline(),
                r.aligned().merged());
    }

    private static double sum(TimeSeries s, TimeWindow w) {
        double total = 0;
        for (int i = 0; i < s.size(); i++) {
            long t = s.epochMilliAt(i);
            double v = s.valueAt(i);
            if (t >= w.start().toEpochMilli() && t < w.end().toEpochMilli() && !Double.isNaN(v)) {
                total += v;
            }
        }
        return total;
    }

    /**
     * The series {@code source:name.statistic} of the timeline (first match, any tags).
     *
     * @param source e.g. {@code load} or {@code cloudwatch}
     * @param name e.g. {@code latency}
     * @param statistic e.g. {@code p95}
     * @return the first matching series, or empty
     */
    public Optional<AlignedSeries> series(String source, String name, String statistic) {
        return timeline.stream().filter(s -> s.is(source, name, statistic)).findFirst();
    }
}
