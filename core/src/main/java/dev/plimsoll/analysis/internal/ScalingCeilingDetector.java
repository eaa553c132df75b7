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
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scaling ceiling: capacity reached its highest count while the nodes were still saturated. With the node group's
 * maximum known ({@link AnalysisConfig#maxNodes()}), reaching it while saturated is the ceiling; without it,
 * saturation must outlast {@link AnalysisConfig#ceilingHold()} at the plateau and pods must have been pending (when a
 * source reports them). Looks only at episodes where new capacity did come (the others are no-scale-up).
 */
public final class ScalingCeilingDetector implements Detector {
    @Override
    public String id() {
        return "scaling_ceiling";
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
        for (SaturationEpisodes.Episode e : s.episodes()) {
            if (e.capacityCame(nodes.periodMillis())) {
                ceiling(ctx, s, nodes, e).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Finding> ceiling(
            DetectionContext ctx, SaturationEpisodes s, FetchedSeries nodesF, SaturationEpisodes.Episode e) {
        AnalysisConfig config = ctx.config();
        TimeSeries nodes = nodesF.series();
        double satStart = e.start();
        double satEnd = e.end();
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < nodes.size(); j++) {
            if (!Double.isNaN(nodes.valueAt(j)) && nodes.epochMilliAt(j) < satEnd) {
                max = Math.max(max, Math.round(nodes.valueAt(j)));
            }
        }
        if (max <= e.baseNodes() || (config.maxNodes() > 0 && max < config.maxNodes())) {
            return Optional.empty();
        }
        // when the highest count was reached: interpolated like the first new node
        double nodesP = nodesF.periodMillis();
        double reached = Double.NaN;
        for (int j = 0; j < nodes.size(); j++) {
            double v = nodes.valueAt(j);
            if (!Double.isNaN(v) && v > max - 1 + 0.01) {
                reached = nodes.epochMilliAt(j) + (1 - Math.min(1, v - (max - 1))) * nodesP;
                break;
            }
        }
        if (Double.isNaN(reached)) {
            return Optional.empty();
        }
        double hold = (satEnd - reached) / 1000;
        if (config.maxNodes() > 0) {
            // the node group's maximum is known: reaching it while still saturated is the ceiling
            if (satEnd < reached - nodesP) {
                return Optional.empty();
            }
        } else {
            // unknown maximum: saturation must outlast the time another node would have taken to arrive
            if (hold < config.ceilingHold().toSeconds()) {
                return Optional.empty();
            }
            Optional<FetchedSeries> pending = ctx.run().signal(Signal.PODS_PENDING);
            if (pending.isPresent()
                    && pending.get()
                                    .series()
                                    .slice(TimeWindow.ofEpochMillis(Math.round(reached), Math.round(satEnd)))
                                    .max()
                            <= 0) {
                return Optional.empty(); // nothing was waiting for capacity: the plateau is not a ceiling
            }
        }
        Instant at = Instant.ofEpochMilli(Math.round(reached));
        List<Evidence> ev = List.of(
                new Evidence("node count reached its highest value", nodes.id().toString(), at, max, "count"),
                new Evidence(
                        "node CPU still at or above the threshold for",
                        s.cpu().id().toString(),
                        null,
                        Math.max(0, hold),
                        "s"));
        return Optional.of(new Finding.ScalingCeiling(
                Severity.HIGH,
                TimeWindow.ofEpochMillis(Math.round(reached), Math.max(Math.round(reached), Math.round(satEnd))),
                String.format(
                        Locale.ROOT,
                        "the cluster reached %d nodes%s at %s while node CPU was still ≥ %.0f %% (saturated since %s)%s:"
                                + " a scaling ceiling",
                        (int) max,
                        config.maxNodes() > 0 ? " (its maximum)" : "",
                        Samples.clock(at),
                        config.cpuThresholdPercent(),
                        Samples.clock(Instant.ofEpochMilli(Math.round(satStart))),
                        e.openEnded()
                                ? ", until the end of the data"
                                : hold > 0 ? String.format(Locale.ROOT, ", for %.0f s more", hold) : ""),
                ev,
                s.confidence(),
                Instant.ofEpochMilli(Math.round(satStart)),
                at,
                (int) max));
    }
}
