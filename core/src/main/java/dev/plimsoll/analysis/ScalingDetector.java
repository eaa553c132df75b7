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
import dev.plimsoll.run.Phase;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Scaling lag, ceiling, no scale-up and flapping, and the elasticity metrics.
 *
 * <p>Times are read at sub-period precision from averaged rollups: a CPU crossing is interpolated linearly between
 * the midpoints of the samples on either side; a node that was Ready for a fraction {@code f} of a bucket
 * {@code [t, t + P)} (the bucket's average node count rose by {@code f}) became Ready at {@code t + (1 − f) P}.
 */
final class ScalingDetector {
    /** Cloud data kept after the run: a node requested during the run may become Ready after it. */
    static final long AFTER_RUN_MILLIS = 5 * 60_000;

    private ScalingDetector() {}

    record Result(List<Finding> findings, Optional<Elasticity> elasticity) {}

    static Result detect(AlignedRun ar, AnalysisConfig config) {
        List<Finding> out = new ArrayList<>();
        TimeWindow runWindow = ar.run().window();
        Optional<TimeSeries> cpuOpt = ar.signal(Signal.CPU_UTILIZATION);
        Optional<TimeSeries> nodesOpt = ar.signal(Signal.NODE_COUNT).or(() -> ar.signal(Signal.ASG_IN_SERVICE));
        if (cpuOpt.isEmpty() || runWindow.duration().isZero()) {
            return new Result(out, Optional.empty());
        }
        // from one period before the run: the bucket that holds the run's start begins before it
        long cpuPeriod = Math.round(Samples.periodMillis(cpuOpt.get()));
        TimeWindow extended = new TimeWindow(
                runWindow.start().minusMillis(cpuPeriod), runWindow.end().plusMillis(AFTER_RUN_MILLIS));
        TimeSeries cpu = cpuOpt.get().slice(extended);
        TimeSeries nodes = nodesOpt.map(
                        n -> n.slice(new TimeWindow(runWindow.start().minusSeconds(300), extended.end())))
                .orElse(null);
        double thr = config.cpuThresholdPercent();
        double cpuP = Samples.periodMillis(cpu);
        double nodesP = nodes == null ? 0 : Samples.periodMillis(nodes);
        double resolution = Math.max(cpuP, nodesP) / 1000;
        Instant steadyEnd = ar.run().phases().stream()
                .filter(p -> p.kind() == Phase.Kind.STEADY)
                .map(p -> p.window().end())
                .findFirst()
                .orElse(runWindow.end());

        int i = 0;
        while (i < cpu.size()) {
            int start = sustainedFrom(cpu, i, thr, config.sustainSamples(), true);
            if (start < 0 || cpu.epochMilliAt(start) >= runWindow.end().toEpochMilli()) {
                break;
            }
            double satStart = crossing(cpu, start, thr);
            int endIdx = sustainedFrom(cpu, start + 1, thr, config.sustainSamples(), false);
            double satEnd = endIdx < 0
                    ? Math.min(
                            cpu.epochMilliAt(cpu.size() - 1) + cpuP,
                            runWindow.end().toEpochMilli())
                    : crossing(cpu, endIdx, thr);
            episode(ar, config, cpu, nodes, satStart, satEnd, endIdx < 0, steadyEnd, resolution, out);
            if (endIdx < 0) {
                break;
            }
            i = endIdx + 1;
        }
        if (nodes != null) {
            flapping(nodes, runWindow, config, out);
        }
        return new Result(out, nodes == null ? Optional.empty() : elasticity(ar, cpu, nodes, thr, runWindow));
    }

    private static void episode(
            AlignedRun ar,
            AnalysisConfig config,
            TimeSeries cpu,
            @Nullable TimeSeries nodes,
            double satStart,
            double satEnd,
            boolean openEnded,
            Instant steadyEnd,
            double resolution,
            List<Finding> out) {
        double thr = config.cpuThresholdPercent();
        Instant start = Instant.ofEpochMilli(Math.round(satStart));
        TimeWindow window = TimeWindow.ofEpochMillis(Math.round(satStart), Math.round(Math.max(satStart, satEnd)));
        List<Evidence> ev = new ArrayList<>();
        ev.add(new Evidence(
                String.format(
                        Locale.ROOT, "node CPU crossed %.0f %% (sustained %d samples)", thr, config.sustainSamples()),
                cpu.id().toString(),
                start,
                thr,
                "percent"));
        double confidence = Math.max(0.3, Math.min(0.95, 1 - resolution / 120));
        if (nodes == null) {
            return;
        }
        double base = Math.round(Samples.held(nodes, satStart));
        if (Double.isNaN(base)) {
            base = Math.round(firstValue(nodes));
        }
        // the first capacity that arrived after saturation began
        double ready = Double.NaN;
        double nodesP = Samples.periodMillis(nodes);
        for (int j = 0; j < nodes.size(); j++) {
            double t = nodes.epochMilliAt(j);
            double v = nodes.valueAt(j);
            if (t + nodesP <= satStart - nodesP || Double.isNaN(v) || v <= base + 0.01) {
                continue;
            }
            double f = Math.min(1, v - base);
            ready = Math.max(satStart, t + (1 - f) * nodesP);
            break;
        }
        double lagSeconds = Double.isNaN(ready) ? Double.NaN : (ready - satStart) / 1000;
        double budget = config.lagBudget().toSeconds();
        if (Double.isNaN(ready) || ready > satEnd + nodesP) {
            double duration = (satEnd - satStart) / 1000;
            if (duration >= budget) {
                out.add(new Finding.NoScaleUp(
                        Severity.WARNING,
                        window,
                        String.format(
                                Locale.ROOT,
                                "node CPU stayed at or above %.0f %% for %.0f s from %s without any new node (budget %.0f s)",
                                thr,
                                duration,
                                clock(start),
                                budget),
                        ev,
                        confidence,
                        start));
            }
            return;
        }
        Instant readyAt = Instant.ofEpochMilli(Math.round(ready));
        ev.add(new Evidence(
                "first new node Ready (node count " + (long) base + " → " + (long) (base + 1) + ")",
                nodes.id().toString(),
                readyAt,
                base + 1,
                "count"));
        // relief: CPU back under the threshold while the load is still at its full level
        Optional<Instant> relief = Optional.empty();
        if (satEnd < steadyEnd.toEpochMilli() && satEnd > ready) {
            relief = Optional.of(Instant.ofEpochMilli(Math.round(satEnd)));
            ev.add(new Evidence(
                    "node CPU back under the threshold at full load",
                    cpu.id().toString(),
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
                clock(start),
                clock(readyAt),
                lagSeconds,
                budget,
                relief.map(r -> "; relief at " + clock(r))
                        .orElse(
                                satEnd >= steadyEnd.toEpochMilli()
                                        ? "; no relief while the load was at full level"
                                        : ""));
        out.add(new Finding.ScalingLag(
                severity, window, reason, ev, confidence, start, Optional.of(readyAt), relief, lagSeconds, resolution));
        ceiling(ar, config, cpu, nodes, satStart, satEnd, openEnded, base, confidence, out);
    }

    private static void ceiling(
            AlignedRun ar,
            AnalysisConfig config,
            TimeSeries cpu,
            TimeSeries nodes,
            double satStart,
            double satEnd,
            boolean openEnded,
            double base,
            double confidence,
            List<Finding> out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < nodes.size(); j++) {
            if (!Double.isNaN(nodes.valueAt(j)) && nodes.epochMilliAt(j) < satEnd) {
                max = Math.max(max, Math.round(nodes.valueAt(j)));
            }
        }
        if (max <= base || (config.maxNodes() > 0 && max < config.maxNodes())) {
            return;
        }
        // when the highest count was reached: interpolated like the first new node
        double nodesP = Samples.periodMillis(nodes);
        double reached = Double.NaN;
        for (int j = 0; j < nodes.size(); j++) {
            double v = nodes.valueAt(j);
            if (!Double.isNaN(v) && v > max - 1 + 0.01) {
                reached = nodes.epochMilliAt(j) + (1 - Math.min(1, v - (max - 1))) * nodesP;
                break;
            }
        }
        if (Double.isNaN(reached)) {
            return;
        }
        double hold = (satEnd - reached) / 1000;
        if (config.maxNodes() > 0) {
            // the node group's maximum is known: reaching it while still saturated is the ceiling
            if (satEnd < reached - nodesP) {
                return;
            }
        } else {
            // unknown maximum: saturation must outlast the time another node would have taken to arrive
            if (hold < config.ceilingHold().toSeconds()) {
                return;
            }
            Optional<TimeSeries> pending = ar.signal(Signal.PODS_PENDING);
            if (pending.isPresent()
                    && pending.get()
                                    .slice(TimeWindow.ofEpochMillis(Math.round(reached), Math.round(satEnd)))
                                    .max()
                            <= 0) {
                return; // nothing was waiting for capacity: the plateau is not a ceiling
            }
        }
        Instant at = Instant.ofEpochMilli(Math.round(reached));
        List<Evidence> ev = List.of(
                new Evidence("node count reached its highest value", nodes.id().toString(), at, max, "count"),
                new Evidence(
                        "node CPU still at or above the threshold for",
                        cpu.id().toString(),
                        null,
                        Math.max(0, hold),
                        "s"));
        out.add(new Finding.ScalingCeiling(
                Severity.HIGH,
                TimeWindow.ofEpochMillis(Math.round(reached), Math.max(Math.round(reached), Math.round(satEnd))),
                String.format(
                        Locale.ROOT,
                        "the cluster reached %d"
                                + " nodes%s at %s while node CPU was still ≥ %.0f %% (saturated since %s)%s: a scaling ceiling",
                        (int) max,
                        config.maxNodes() > 0 ? " (its maximum)" : "",
                        clock(at),
                        config.cpuThresholdPercent(),
                        clock(Instant.ofEpochMilli(Math.round(satStart))),
                        openEnded
                                ? ", until the end of the data"
                                : hold > 0 ? String.format(Locale.ROOT, ", for %.0f s more", hold) : ""),
                ev,
                confidence,
                Instant.ofEpochMilli(Math.round(satStart)),
                at,
                (int) max));
    }

    private static void flapping(TimeSeries nodes, TimeWindow run, AnalysisConfig config, List<Finding> out) {
        int changes = 0;
        int direction = 0;
        double last = Double.NaN;
        List<Evidence> ev = new ArrayList<>();
        for (int j = 0; j < nodes.size(); j++) {
            double v = Math.round(nodes.valueAt(j));
            if (Double.isNaN(nodes.valueAt(j)) || !run.containsEpochMilli(nodes.epochMilliAt(j))) {
                continue;
            }
            if (!Double.isNaN(last) && v != last) {
                int d = v > last ? 1 : -1;
                if (direction != 0 && d != direction) {
                    changes++;
                    ev.add(new Evidence(
                            "node count changed direction", nodes.id().toString(), nodes.timeAt(j), v, "count"));
                }
                direction = d;
            }
            last = v;
        }
        if (changes >= config.flappingChanges()) {
            out.add(new Finding.ScalingFlapping(
                    Severity.WARNING,
                    run,
                    String.format(
                            Locale.ROOT,
                            "the node count changed direction %d times during the run (flapping threshold %d)",
                            changes,
                            config.flappingChanges()),
                    ev,
                    0.8,
                    changes));
        }
    }

    private static Optional<Elasticity> elasticity(
            AlignedRun ar, TimeSeries cpu, TimeSeries nodes, double thr, TimeWindow run) {
        TimeSeries rps = ar.run().timeline().rps();
        double bucket = ar.run().timeline().bucket().toMillis();
        double p = Samples.periodMillis(cpu);
        List<double[]> samples = new ArrayList<>(); // rps, cpu, nodes
        for (int i = 0; i < cpu.size(); i++) {
            double t = cpu.epochMilliAt(i);
            if (t < run.start().toEpochMilli() || t + p > run.end().toEpochMilli() || Double.isNaN(cpu.valueAt(i))) {
                continue;
            }
            double load = Samples.sum(rps, t, t + p, bucket) * 1000 / p;
            double n = Math.round(Samples.held(nodes, t + p / 2));
            if (!Double.isNaN(n) && n > 0) {
                samples.add(new double[] {load, cpu.valueAt(i), n});
            }
        }
        List<Double> perNode = new ArrayList<>();
        for (double[] s : samples) {
            if (s[1] >= 10 && s[1] < thr && s[0] > 0) {
                perNode.add(s[0] / s[2] / (s[1] / 100) * (thr / 100));
            }
        }
        if (perNode.size() < 2 || samples.size() < 4) {
            return Optional.empty();
        }
        perNode.sort(null);
        double capacity = perNode.get(perNode.size() / 2);
        double under = 0;
        double over = 0;
        int tsUnder = 0;
        int tsOver = 0;
        int supplyChanges = 0;
        int demandChanges = 0;
        double lastD = Double.NaN;
        double lastS = Double.NaN;
        for (double[] s : samples) {
            double d = Math.max(1, Math.ceil(s[0] / capacity));
            double sup = s[2];
            under += Math.max(d - sup, 0) / d;
            over += Math.max(sup - d, 0) / d;
            tsUnder += sup < d ? 1 : 0;
            tsOver += sup > d ? 1 : 0;
            supplyChanges += !Double.isNaN(lastS) && sup != lastS ? 1 : 0;
            demandChanges += !Double.isNaN(lastD) && d != lastD ? 1 : 0;
            lastD = d;
            lastS = sup;
        }
        int n = samples.size();
        double minutes = n * p / 60_000;
        return Optional.of(new Elasticity(
                under / n,
                over / n,
                (double) tsUnder / n,
                (double) tsOver / n,
                (supplyChanges - demandChanges) / minutes,
                capacity,
                n));
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
     * level before ({@code v[i-1]}) to the level after ({@code v[i+1]}) would give the minute's average.
     */
    static double crossing(TimeSeries s, int i, double thr) {
        double vi = s.valueAt(i);
        if (i == 0 || Double.isNaN(s.valueAt(i - 1)) || s.valueAt(i - 1) == vi) {
            return s.epochMilliAt(i);
        }
        double p = Samples.periodMillis(s);
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
        double f = (thr - vp) / (vi - vp);
        f = Math.max(0, Math.min(1, f));
        return Samples.mid(s, i - 1) + f * (Samples.mid(s, i) - Samples.mid(s, i - 1));
    }

    private static double firstValue(TimeSeries s) {
        for (int i = 0; i < s.size(); i++) {
            if (!Double.isNaN(s.valueAt(i))) {
                return s.valueAt(i);
            }
        }
        return Double.NaN;
    }

    static String clock(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC)
                .format(t);
    }
}
