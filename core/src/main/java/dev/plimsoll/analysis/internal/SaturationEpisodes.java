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
import dev.plimsoll.analysis.DetectionContext;
import dev.plimsoll.run.Phase;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Node CPU saturation episodes and when new capacity arrived in each: shared by the scaling-lag, ceiling, flapping
 * detectors and the elasticity metrics, computed once per analysis.
 *
 * <p>Times are read at sub-period precision from averaged rollups: a CPU crossing is interpolated linearly between
 * the midpoints of the samples on either side; a node that was Ready for a fraction {@code f} of a period
 * {@code [t, t + P)} (the period's average node count rose by {@code f}) became Ready at {@code t + (1 − f) P}.
 *
 * @param cpu node CPU, from one period before the run to {@link AnalysisConfig#fetchTrail()} after it
 * @param nodes node count (or the Auto Scaling group's instances in service), from
 *     {@link AnalysisConfig#fetchLead()} before the run; null when no source has it
 * @param thresholdPercent the CPU threshold of saturation
 * @param resolutionSeconds the coarsest resolution the times rest on
 * @param steadyEnd end of the steady phase (or of the run)
 * @param episodes saturation episodes in time order
 */
record SaturationEpisodes(
        FetchedSeries cpu,
        @Nullable FetchedSeries nodes,
        double thresholdPercent,
        double resolutionSeconds,
        Instant steadyEnd,
        List<Episode> episodes) {

    private static final Object KEY = SaturationEpisodes.class;

    /**
     * One saturation episode.
     *
     * @param start when CPU crossed the threshold, epoch ms
     * @param end when it fell back under it (or the end of the data / run), epoch ms
     * @param openEnded whether CPU never fell back under the threshold in the data
     * @param baseNodes the node count when saturation began; NaN without nodes
     * @param ready when the first node beyond {@code baseNodes} was Ready, epoch ms; NaN when none came
     */
    record Episode(double start, double end, boolean openEnded, double baseNodes, double ready) {
        /** Whether new capacity arrived while (or within one node period after) the episode lasted. */
        boolean capacityCame(double nodesPeriodMillis) {
            return !Double.isNaN(ready) && ready <= end + nodesPeriodMillis;
        }
    }

    /** The episodes with the node count the scaling detectors read; empty without node CPU or a node count. */
    static Optional<Scaled> scaled(DetectionContext ctx) {
        return of(ctx).flatMap(s -> Optional.ofNullable(s.nodes()).map(n -> new Scaled(s, n)));
    }

    /** Episodes with a node count to read capacity from. */
    record Scaled(SaturationEpisodes episodes, FetchedSeries nodes) {}

    /** The episodes of the run in the context, computed on first use; empty without node CPU. */
    @SuppressWarnings("unchecked")
    static Optional<SaturationEpisodes> of(DetectionContext ctx) {
        return ctx.shared(KEY, c -> compute(c.run(), c.config()));
    }

    static Optional<SaturationEpisodes> compute(AlignedRun ar, AnalysisConfig config) {
        TimeWindow runWindow = ar.run().window();
        Optional<FetchedSeries> cpuOpt = ar.signal(Signal.CPU_UTILIZATION);
        Optional<FetchedSeries> nodesOpt = ar.signal(Signal.NODE_COUNT).or(() -> ar.signal(Signal.ASG_IN_SERVICE));
        if (cpuOpt.isEmpty() || runWindow.duration().isZero()) {
            return Optional.empty();
        }
        // from one period before the run: the bucket that holds the run's start begins before it
        long cpuPeriod = cpuOpt.get().periodMillis();
        TimeWindow extended = new TimeWindow(
                runWindow.start().minusMillis(cpuPeriod), runWindow.end().plus(config.fetchTrail()));
        FetchedSeries cpu = cpuOpt.get().withSeries(cpuOpt.get().series().slice(extended));
        FetchedSeries nodes = nodesOpt.map(n -> n.withSeries(
                        n.series().slice(new TimeWindow(runWindow.start().minus(config.fetchLead()), extended.end()))))
                .orElse(null);
        double thr = config.cpuThresholdPercent();
        double cpuP = cpu.periodMillis();
        double nodesP = nodes == null ? 0 : nodes.periodMillis();
        double resolution = Math.max(cpuP, nodesP) / 1000;
        Instant steadyEnd = ar.run().phases().stream()
                .filter(p -> p.kind() == Phase.Kind.STEADY)
                .map(p -> p.window().end())
                .findFirst()
                .orElse(runWindow.end());

        TimeSeries c = cpu.series();
        List<Episode> episodes = new ArrayList<>();
        int i = 0;
        while (i < c.size()) {
            int start = sustainedFrom(c, i, thr, config.sustainSamples(), true);
            if (start < 0 || c.epochMilliAt(start) >= runWindow.end().toEpochMilli()) {
                break;
            }
            double satStart = crossing(cpu, start, thr);
            int endIdx = sustainedFrom(c, start + 1, thr, config.sustainSamples(), false);
            double satEnd = endIdx < 0
                    ? Math.min(
                            c.epochMilliAt(c.size() - 1) + cpuP, runWindow.end().toEpochMilli())
                    : crossing(cpu, endIdx, thr);
            double base = Double.NaN;
            double ready = Double.NaN;
            if (nodes != null) {
                base = Math.round(Samples.held(nodes.series(), satStart));
                if (Double.isNaN(base)) {
                    base = Math.round(firstValue(nodes.series()));
                }
                ready = firstNewCapacity(nodes, base, satStart);
            }
            episodes.add(new Episode(satStart, satEnd, endIdx < 0, base, ready));
            if (endIdx < 0) {
                break;
            }
            i = endIdx + 1;
        }
        return Optional.of(new SaturationEpisodes(cpu, nodes, thr, resolution, steadyEnd, List.copyOf(episodes)));
    }

    /** Confidence of times read at this resolution: 0.95 at fine resolution, less at coarse, never below 0.3. */
    double confidence() {
        return Math.max(0.3, Math.min(0.95, 1 - resolutionSeconds / 120));
    }

    /** The first capacity above {@code base} that arrived after saturation began (epoch ms), NaN when none did. */
    private static double firstNewCapacity(FetchedSeries nodes, double base, double satStart) {
        TimeSeries n = nodes.series();
        double nodesP = nodes.periodMillis();
        for (int j = 0; j < n.size(); j++) {
            double t = n.epochMilliAt(j);
            double v = n.valueAt(j);
            if (t + nodesP <= satStart - nodesP || Double.isNaN(v) || v <= base + 0.01) {
                continue;
            }
            double f = Math.min(1, v - base);
            return Math.max(satStart, t + (1 - f) * nodesP);
        }
        return Double.NaN;
    }

    /** First index from {@code from} starting {@code n} samples in a row above (or below) the threshold, or −1. */
    static int sustainedFrom(TimeSeries s, int from, double thr, int n, boolean above) {
        for (int i = Math.max(0, from); i + n <= s.size(); i++) {
            boolean ok = true;
            for (int k = i; k < i + n; k++) {
                double v = s.valueAt(k);
                if (Double.isNaN(v) || (above ? v < thr : v >= thr)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return i;
            }
        }
        return -1;
    }

    /**
     * When the series crossed {@code thr} into sample {@code i}. At fine resolution (under a minute), interpolated
     * between the two samples' midpoints. A minute average hides where inside the minute the level changed, and a
     * saturation onset is closer to a step than to a ramp: there the crossing is placed where a single step from the
     * level before to the level after would give the average of the period that holds it.
     */
    static double crossing(FetchedSeries f, int i, double thr) {
        TimeSeries s = f.series();
        double vi = s.valueAt(i);
        if (i == 0 || Double.isNaN(s.valueAt(i - 1)) || s.valueAt(i - 1) == vi) {
            return s.epochMilliAt(i);
        }
        double p = f.periodMillis();
        if (p >= 60_000) {
            // the bucket whose average lies between its neighbours' levels holds the step
            for (int j : new int[] {i - 1, i}) {
                if (j < 1 || j + 1 >= s.size()) {
                    continue;
                }
                double before = s.valueAt(j - 1);
                double avg = s.valueAt(j);
                double after = s.valueAt(j + 1);
                if (before < avg && avg < after && before < thr && after >= thr) {
                    return s.epochMilliAt(j) + (after - avg) / (after - before) * p;
                }
            }
        }
        double vp = s.valueAt(i - 1);
        double fr = (thr - vp) / (vi - vp);
        fr = Math.max(0, Math.min(1, fr));
        return Samples.mid(f, i - 1) + fr * (Samples.mid(f, i) - Samples.mid(f, i - 1));
    }

    private static double firstValue(TimeSeries s) {
        for (int i = 0; i < s.size(); i++) {
            if (!Double.isNaN(s.valueAt(i))) {
                return s.valueAt(i);
            }
        }
        return Double.NaN;
    }
}
