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

import dev.plimsoll.align.AlignedSeries;
import dev.plimsoll.analysis.Elasticity;
import dev.plimsoll.analysis.SignalCoverage;
import dev.plimsoll.analysis.SignalGroup;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportDocument;
import dev.plimsoll.source.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Maps a finished analysis onto what the store keeps: a {@link Report} from the pipeline, or a
 * {@link ReportDocument} read back from a saved JSON report ({@code JsonReport.read}), becomes a {@link RunRecord}.
 *
 * <pre>{@code
 * Report report = LoadTestAnalysis.of(run).sources(cw).analyze();
 * history.save(RunRecords.of(report), RunLabels.withGitHubActions(Map.of(), System::getenv));
 * }</pre>
 *
 * <p>Key figures, by the ids gates use:
 *
 * <ul>
 *   <li>{@code client_p50}, {@code client_p95}, {@code client_p99}: the run's client latency percentiles (ms), as the
 *       gates {@code client_p95<…} measure them;
 *   <li>{@code error_rate}: failed ÷ sent; {@code rps}: mean requests per second over the steady phases (over the
 *       whole run without one);
 *   <li>{@code scaling_lag} (s): the longest scaling lag over the run's saturation episodes; 0 when the scaling
 *       signals covered the run and nothing saturated (as the gate {@code scaling_lag} measures it); for an episode
 *       where no new node came, the time from saturation to the end of the run (a lower bound); absent when the
 *       scaling signals did not cover the run;
 *   <li>{@code max_nodes}: the most nodes of the node-count series (Auto Scaling in-service instances without one);
 *       {@code node_minutes}: that series integrated over the run (each point held over its period);
 *   <li>{@code backend_latency_share}, {@code lb_latency_share}, {@code edge_latency_share}: shares of the p95 growth
 *       placed in each tier (0 when nothing grew), when the server side's latency was covered;
 *   <li>{@code skew} (s) when it was estimated; {@code elasticity_accuracy_under}, {@code elasticity_accuracy_over},
 *       {@code elasticity_timeshare_under} when elasticity was measured.
 * </ul>
 *
 * Findings keep their kind, severity, reason and evidence; gates their expression and measurement (an inconclusive
 * gate is stored as not passed, its measurement marked {@code (inconclusive)}, a skipped one likewise marked
 * {@code (skipped)}); the merged timeline is stored as the
 * report's {@code timeline} holds it.
 *
 * @since 0.1
 */
public final class RunRecords {
    private RunRecords() {}

    /**
     * The record of a live report, without an id (the store makes one).
     *
     * @param report the pipeline's report
     * @return the record, timeline included
     */
    public static RunRecord of(Report report) {
        return of(ReportDocument.of(report), null);
    }

    /**
     * The record of a live report under the given id.
     *
     * @param report the pipeline's report
     * @param id e.g. from {@link RunHistory#newRunId}, or null to let the store make one
     * @return the record
     * @throws IllegalArgumentException for a malformed id
     */
    public static RunRecord of(Report report, @Nullable String id) {
        return of(ReportDocument.of(report), id);
    }

    /**
     * The record of a report document, e.g. read back from a saved JSON report. Counts a hostile document gets wrong
     * (negative, more failures than requests, an end before the start) are clamped rather than refused.
     *
     * @param doc the document
     * @param id the run's id, or null to let the store make one
     * @return the record
     * @throws IllegalArgumentException for a malformed id or a repeated timeline key
     */
    public static RunRecord of(ReportDocument doc, @Nullable String id) {
        ReportDocument.Run run = doc.run();
        Instant start = run.start();
        Instant end = run.end().isBefore(start) ? start : run.end();
        long requests = Math.max(0, run.requests());
        long failed = Math.min(requests, Math.max(0, run.failedRequests()));
        RunRecord.Builder b = RunRecord.builder(start, end)
                .id(id)
                .name(doc.title())
                .tool(run.tool(), "")
                .verdict(doc.verdict())
                .bottleneck(doc.bottleneck().id())
                .totals(new Totals(
                        requests,
                        failed,
                        Math.max(0, run.iterations()),
                        Math.max(0, run.droppedIterations()),
                        (int) Math.min(Integer.MAX_VALUE, Math.max(0, run.vusMax())),
                        Math.max(0, run.dataReceivedBytes()),
                        Math.max(0, run.dataSentBytes())))
                .phases(phases(doc))
                .figures(figures(doc))
                .findings(findings(doc))
                .gates(gates(doc));
        for (AlignedSeries s : doc.timeline()) {
            b.series(s);
        }
        return b.build();
    }

    private static List<PhaseFigures> phases(ReportDocument doc) {
        List<PhaseFigures> out = new ArrayList<>();
        for (ReportDocument.PhaseFigures p : doc.phases()) {
            long requests = Math.max(0, p.requests());
            out.add(new PhaseFigures(
                    p.kind(),
                    p.start(),
                    p.end().isBefore(p.start()) ? p.start() : p.end(),
                    requests,
                    Math.min(requests, Math.max(0, p.failedRequests())),
                    p.rps(),
                    p.p50Ms(),
                    p.p95Ms(),
                    p.p99Ms(),
                    (int) Math.min(Integer.MAX_VALUE, Math.max(0, p.vusMax()))));
        }
        return out;
    }

    /**
     * The key figures of a report document (see the class description); a record carries them as
     * {@link RunRecord#figures()}.
     */
    static KeyFigures figures(ReportDocument doc) {
        ReportDocument.Run run = doc.run();
        KeyFigures.Builder f = KeyFigures.builder()
                .put(Figure.CLIENT_P50, finite(run.p50Ms()))
                .put(Figure.CLIENT_P95, finite(run.p95Ms()))
                .put(Figure.CLIENT_P99, finite(run.p99Ms()))
                .put(Figure.ERROR_RATE, run.requests() > 0 ? finite(run.errorRate()) : Double.NaN)
                .put(Figure.RPS, rps(doc))
                .put(Figure.SCALING_LAG, scalingLag(doc));
        Optional<AlignedSeries> nodes = nodeCount(doc);
        if (nodes.isPresent()) {
            f.put(Figure.MAX_NODES, max(nodes.get(), run.start(), run.end()));
            f.put(Figure.NODE_MINUTES, nodeMinutes(nodes.get(), run.start(), run.end()));
        }
        if (covered(doc, SignalGroup.SERVER_LATENCY)) {
            f.put(Figure.BACKEND_LATENCY_SHARE, share(doc, LatencyTier.BACKEND));
            f.put(Figure.LB_LATENCY_SHARE, share(doc, LatencyTier.LOAD_BALANCER));
            f.put(Figure.EDGE_LATENCY_SHARE, share(doc, LatencyTier.NETWORK_EDGE));
        }
        doc.clockSkew().ifPresent(s -> f.put(Figure.SKEW, finite(s.seconds())));
        if (doc.elasticity().isPresent()) {
            Elasticity e = doc.elasticity().get();
            f.put(Figure.ELASTICITY_UNDER, finite(e.accuracyUnder()));
            f.put(Figure.ELASTICITY_OVER, finite(e.accuracyOver()));
            f.put(Figure.ELASTICITY_TIMESHARE_UNDER, finite(e.timeshareUnder()));
        }
        return f.build();
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    static boolean covered(ReportDocument doc, SignalGroup group) {
        return doc.evidence().stream().filter(e -> e.group() == group).anyMatch(SignalCoverage::covered);
    }

    /** Requests ÷ seconds over the steady phases, else over the whole run. */
    private static double rps(ReportDocument doc) {
        double requests = 0;
        double seconds = 0;
        for (ReportDocument.PhaseFigures p : doc.phases()) {
            if (p.kind().equals(PhaseFigures.STEADY)) {
                requests += p.requests();
                seconds += (p.end().toEpochMilli() - p.start().toEpochMilli()) / 1000.0;
            }
        }
        if (seconds <= 0) {
            requests = doc.run().requests();
            seconds = (doc.run().end().toEpochMilli() - doc.run().start().toEpochMilli()) / 1000.0;
        }
        return seconds > 0 ? requests / seconds : Double.NaN;
    }

    private static double scalingLag(ReportDocument doc) {
        Instant end = doc.run().end();
        double longest = Double.NaN;
        for (Finding x : doc.findings()) {
            double lag = Double.NaN;
            if (x instanceof Finding.ScalingLag s) {
                lag = Double.isFinite(s.lagSeconds()) ? s.lagSeconds() : untilEnd(s.saturationStart(), end);
            } else if (x instanceof Finding.NoScaleUp n) {
                lag = untilEnd(n.saturationStart(), end);
            }
            if (!Double.isNaN(lag)) {
                longest = Double.isNaN(longest) ? lag : Math.max(longest, lag);
            }
        }
        if (!Double.isNaN(longest)) {
            return longest;
        }
        return covered(doc, SignalGroup.SCALING) ? 0 : Double.NaN;
    }

    private static double untilEnd(Instant from, Instant end) {
        return Math.max(0, (end.toEpochMilli() - from.toEpochMilli()) / 1000.0);
    }

    /** The node-count series (finest first), else the Auto Scaling group's in-service instances. */
    private static Optional<AlignedSeries> nodeCount(ReportDocument doc) {
        for (Signal signal : List.of(Signal.NODE_COUNT, Signal.ASG_IN_SERVICE)) {
            Optional<AlignedSeries> s = doc.timeline().stream()
                    .filter(x -> signal.label().equals(x.tags().get(AlignedSeries.SIGNAL_TAG)))
                    .filter(x ->
                            !Double.isNaN(max(x, doc.run().start(), doc.run().end())))
                    .min((a, c) -> a.step().compareTo(c.step()));
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    /** The largest value of the points whose period overlaps [start, end): the fetch window reaches beyond the run. */
    static double max(AlignedSeries s, Instant start, Instant end) {
        long from = start.toEpochMilli();
        long to = end.toEpochMilli();
        long step = s.step().toMillis();
        double m = Double.NaN;
        for (int i = 0; i < s.size(); i++) {
            long t = s.start().toEpochMilli() + i * step;
            if (t + step <= from || t >= to) {
                continue;
            }
            double v = s.valueAt(i);
            if (!Double.isNaN(v) && (Double.isNaN(m) || v > m)) {
                m = v;
            }
        }
        return m;
    }

    /** Nodes × minutes over [start, end): each point held over its period; a gap holds the value before it. */
    static double nodeMinutes(AlignedSeries s, Instant start, Instant end) {
        long from = start.toEpochMilli();
        long to = end.toEpochMilli();
        long step = s.step().toMillis();
        double held = Double.NaN;
        double total = 0;
        for (int i = 0; i < s.size(); i++) {
            double v = s.valueAt(i);
            if (!Double.isNaN(v)) {
                held = v;
            }
            if (Double.isNaN(held)) {
                continue;
            }
            long a = Math.max(from, s.start().toEpochMilli() + i * step);
            long z = Math.min(to, s.start().toEpochMilli() + (i + 1) * step);
            if (z > a) {
                total += held * (z - a) / 60_000.0;
            }
        }
        return total;
    }

    /** Share of the p95 growth placed in a tier, as the gates measure it; 0 when nothing grew enough to place. */
    private static double share(ReportDocument doc, LatencyTier tier) {
        for (Finding x : doc.findings()) {
            if (x instanceof Finding.LatencyBottleneck b) {
                double total = b.shares().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .filter(v -> !Double.isNaN(v))
                        .sum();
                Double v = b.shares().get(tier);
                return total <= 0 || v == null || Double.isNaN(v) ? 0 : v / total;
            }
        }
        return 0;
    }

    private static List<StoredFinding> findings(ReportDocument doc) {
        List<StoredFinding> out = new ArrayList<>();
        for (Finding f : doc.findings()) {
            List<StoredEvidence> evidence = new ArrayList<>();
            for (Evidence e : f.evidence()) {
                evidence.add(new StoredEvidence(e.label(), e.series(), e.time(), e.value(), e.unit()));
            }
            out.add(new StoredFinding(
                    f.kind().id(),
                    f.severity().label(),
                    f.window().start(),
                    f.window().end(),
                    f.reason(),
                    f.confidence(),
                    evidence));
        }
        return out;
    }

    private static List<StoredGate> gates(ReportDocument doc) {
        List<StoredGate> out = new ArrayList<>();
        for (GateResult g : doc.gates()) {
            String measured = switch (g.outcome()) {
                case INCONCLUSIVE -> g.measured() + " (inconclusive)";
                case SKIPPED -> g.measured() + " (skipped)";
                case PASSED, FAILED -> g.measured();
            };
            out.add(new StoredGate(g.expression(), measured, g.passed()));
        }
        return out;
    }
}
