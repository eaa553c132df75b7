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

import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.DetectionContext;
import dev.plimsoll.analysis.Detector;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchedSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scaling lag — saturation start → first new node Ready, against {@link AnalysisConfig#lagBudget()} — and sustained
 * saturation without any scale-up. Needs node CPU and a node count; reads the shared {@link SaturationEpisodes}.
 */
public final class ScalingLagDetector implements Detector {
    @Override
    public String id() {
        return "scaling_lag";
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        List<Finding> out = new ArrayList<>();
        Optional<SaturationEpisodes.Scaled> scaled = SaturationEpisodes.scaled(ctx);
        if (scaled.isEmpty()) {
            return out;
        }
        SaturationEpisodes s = scaled.get().episodes();
        FetchedSeries nodes = scaled.get().nodes();
        AnalysisConfig config = ctx.config();
        double thr = s.thresholdPercent();
        double budget = config.lagBudget().toSeconds();
        for (SaturationEpisodes.Episode e : s.episodes()) {
            Instant start = Instant.ofEpochMilli(Math.round(e.start()));
            TimeWindow window =
                    TimeWindow.ofEpochMillis(Math.round(e.start()), Math.round(Math.max(e.start(), e.end())));
            List<Evidence> ev = new ArrayList<>();
            ev.add(new Evidence(
                    String.format(
                            Locale.ROOT,
                            "node CPU crossed %.0f %% (sustained %d samples)",
                            thr,
                            config.sustainSamples()),
                    s.cpu().id().toString(),
                    start,
                    thr,
                    "percent"));
            if (!e.capacityCame(nodes.periodMillis())) {
                double duration = (e.end() - e.start()) / 1000;
                if (duration >= budget) {
                    out.add(new Finding.NoScaleUp(
                            Severity.WARNING,
                            window,
                            String.format(
                                    Locale.ROOT,
                                    "node CPU stayed at or above %.0f %% for %.0f s from %s without any new node"
                                            + " (budget %.0f s)",
                                    thr,
                                    duration,
                                    Samples.clock(start),
                                    budget),
                            ev,
                            s.confidence(),
                            start));
                }
                continue;
            }
            double lagSeconds = (e.ready() - e.start()) / 1000;
            Instant readyAt = Instant.ofEpochMilli(Math.round(e.ready()));
            ev.add(new Evidence(
                    "first new node Ready (node count " + (long) e.baseNodes() + " → " + (long) (e.baseNodes() + 1)
                            + ")",
                    nodes.id().toString(),
                    readyAt,
                    e.baseNodes() + 1,
                    "count"));
            // relief: CPU back under the threshold while the load is still at its full level
            Optional<Instant> relief = Optional.empty();
            long steadyEnd = s.steadyEnd().toEpochMilli();
            if (e.end() < steadyEnd && e.end() > e.ready()) {
                relief = Optional.of(Instant.ofEpochMilli(Math.round(e.end())));
                ev.add(new Evidence(
                        "node CPU back under the threshold at full load",
                        s.cpu().id().toString(),
                        relief.get(),
                        thr,
                        "percent"));
            }
            Severity severity = lagSeconds > budget ? Severity.WARNING : Severity.INFO;
            String reason = String.format(
                    Locale.ROOT,
                    "node CPU above %.0f %% from %s; the first new node was Ready at %s"
                            + " — scaling lag %.0f s (budget %.0f s)%s",
                    thr,
                    Samples.clock(start),
                    Samples.clock(readyAt),
                    lagSeconds,
                    budget,
                    relief.map(r -> "; relief at " + Samples.clock(r))
                            .orElse(e.end() >= steadyEnd ? "; no relief while the load was at full level" : ""));
            out.add(new Finding.ScalingLag(
                    severity,
                    window,
                    reason,
                    ev,
                    s.confidence(),
                    start,
                    Optional.of(readyAt),
                    relief,
                    lagSeconds,
                    s.resolutionSeconds()));
        }
        return out;
    }
}
