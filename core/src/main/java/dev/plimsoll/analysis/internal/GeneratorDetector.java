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
import dev.plimsoll.analysis.DetectionContext;
import dev.plimsoll.analysis.Detector;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.MetricTimeline;
import dev.plimsoll.run.RunTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Load-generator saturation: the generator could not start the iterations it was asked for
 * ({@code dropped_iterations}), while the server side stayed fast. A run whose generator was the bottleneck says so
 * and does not blame the server. Little's law (VUs ≈ throughput × (latency + think time)) is reported as evidence.
 */
public final class GeneratorDetector implements Detector {
    /**
     * Server-side p95 growth at most this share of the client's counts as "flat": a saturated generator inflates
     * k6's timings (its event loop is late to read responses) while the server's own timings do not move.
     */
    static final double SERVER_FLAT_SHARE = 0.3;

    @Override
    public String id() {
        return "load_generator";
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        AlignedRun ar = ctx.run();
        List<Finding> out = new ArrayList<>();
        RunTimeline t = ar.run().timeline();
        long dropped = t.metric(LoadMetrics.DROPPED_ITERATIONS)
                .map(m -> Math.round(m.sum()))
                .orElse(0L);
        if (dropped == 0) {
            return out;
        }
        Optional<LatencyBreakdown> b = LatencyBreakdown.of(ctx);
        double clientGrowth = b.map(LatencyBreakdown::clientGrowth).orElse(Double.NaN);
        double serverGrowth = b.map(LatencyBreakdown::serverGrowth).orElse(Double.NaN);
        boolean serverFlat = Double.isNaN(serverGrowth)
                || Double.isNaN(clientGrowth)
                || clientGrowth <= 0
                || serverGrowth <= SERVER_FLAT_SHARE * clientGrowth;
        long iterations =
                t.metric(LoadMetrics.ITERATIONS).map(m -> Math.round(m.sum())).orElse(0L);
        double droppedShare = (double) dropped / Math.max(1, dropped + iterations);
        LoadRun run = ar.run();
        String droppedId = ClientSeries.id(run, K6Metrics.DROPPED_ITERATIONS);
        List<Evidence> ev = new ArrayList<>();
        ev.add(new Evidence(
                "dropped iterations (" + ClientSeries.label(run, K6Metrics.DROPPED_ITERATIONS) + ")",
                droppedId + ".sum",
                null,
                dropped,
                "count"));
        ev.add(new Evidence("share of scheduled iterations dropped", droppedId, null, droppedShare * 100, "percent"));
        b.ifPresent(x -> {
            ev.add(new Evidence(
                    "client p95 growth",
                    ClientSeries.id(run, K6Metrics.HTTP_REQ_DURATION) + ".p95",
                    null,
                    clientGrowth,
                    "ms"));
            ev.add(new Evidence("server p95 growth", "lb/backend latency p95", null, serverGrowth, "ms"));
        });
        MetricTimeline vus = t.metric(LoadMetrics.VUS).orElse(null);
        MetricTimeline vusMax = t.metric(LoadMetrics.VUS_MAX).orElse(null);
        if (vus != null && vusMax != null) {
            ev.add(new Evidence("VUs in use at most", ClientSeries.id(run, K6Metrics.VUS), null, vus.max(), "count"));
            ev.add(new Evidence(
                    "VUs allocated (vus_max)", ClientSeries.id(run, K6Metrics.VUS_MAX), null, vusMax.max(), "count"));
        }
        // Little's law: VUs = iterations/s × (iteration duration): all VUs busy means the generator had no spare
        MetricTimeline iterDuration = t.metric(LoadMetrics.ITERATION_DURATION).orElse(null);
        if (vus != null
                && iterDuration != null
                && iterations > 0
                && !t.window().duration().isZero()) {
            double throughput = iterations / (t.window().duration().toMillis() / 1000.0);
            double busy = throughput * iterDuration.distribution().mean() / 1000;
            ev.add(new Evidence(
                    "VUs busy by Little's law (iterations/s × mean iteration duration)",
                    ClientSeries.id(run, K6Metrics.ITERATIONS),
                    null,
                    busy,
                    "count"));
        }
        Severity severity = serverFlat || droppedShare >= 0.05 ? Severity.HIGH : Severity.WARNING;
        out.add(new Finding.LoadGeneratorSaturation(
                severity,
                t.window(),
                String.format(
                        Locale.ROOT,
                        "the load generator dropped %d iterations (%.1f %% of those scheduled)%s: the run measured the"
                                + " generator, not the system",
                        dropped,
                        droppedShare * 100,
                        serverFlat ? " while the server side stayed flat" : ""),
                ev,
                serverFlat ? 0.9 : 0.6,
                dropped));
        return out;
    }

    /** Whether the findings so far say the generator, not the system, was saturated. */
    static boolean saturated(List<Finding> findings) {
        return findings.stream()
                .anyMatch(f -> f.kind() == FindingKind.LOAD_GENERATOR_SATURATION && f.severity() == Severity.HIGH);
    }
}
