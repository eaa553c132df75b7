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
package dev.plimsoll.align;

import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.SeriesSet;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A load run with the cloud's series on the generator's clock: each cloud series shifted by the clock skew and kept at
 * its own resolution (no values are invented between CloudWatch's 60 s points; a series is read as a step function of
 * its buckets).
 *
 * @param run the load run (1 s buckets by default)
 * @param cloud cloud series, shifted onto the generator's clock
 * @param skew the offset applied
 * @param coverage what the sources said they got
 * @since 0.1
 */
public record AlignedRun(LoadRun run, SeriesSet cloud, ClockSkew skew, List<Coverage> coverage) {
    public AlignedRun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(skew, "skew");
        coverage = List.copyOf(coverage);
    }

    /**
     * Aligns: estimates the skew from a request count ({@link Signal#BACKEND_REQUESTS} preferred for its finer
     * resolution, else {@link Signal#LB_REQUESTS}) unless {@code estimateSkew} is false, and shifts every series.
     */
    public static AlignedRun of(
            LoadRun run, SeriesSet cloud, List<Coverage> coverage, boolean estimateSkew, double maxSkewSeconds) {
        ClockSkew skew = ClockSkew.none();
        if (estimateSkew) {
            for (Signal s : List.of(Signal.BACKEND_REQUESTS, Signal.LB_REQUESTS)) {
                Optional<TimeSeries> basis = finest(cloud, s);
                if (basis.isPresent()) {
                    skew = ClockSkew.estimate(run.timeline(), basis.get(), maxSkewSeconds);
                    if (skew.isEstimated()) {
                        break;
                    }
                }
            }
        }
        long shift = Math.round(skew.seconds() * 1000);
        List<TimeSeries> shifted = new ArrayList<>();
        for (TimeSeries s : cloud) {
            if (shift == 0) {
                shifted.add(s);
                continue;
            }
            long[] t = s.epochMillis();
            for (int i = 0; i < t.length; i++) {
                t[i] -= shift;
            }
            shifted.add(TimeSeries.of(s.id(), t, s.values()));
        }
        return new AlignedRun(run, SeriesSet.of(shifted), skew, coverage);
    }

    /**
     * A cloud series on the run's grid (its buckets, default 1 s) as a step function: each value holds over its own
     * period only, nothing is interpolated between points. The series keeps its own resolution as information:
     * {@link #periodSeconds}.
     */
    public TimeSeries onGrid(TimeSeries s) {
        var t = run.timeline();
        return Resample.steps(
                s,
                Math.round(periodSeconds(s) * 1000),
                t.start().toEpochMilli(),
                t.bucket().toMillis(),
                t.size());
    }

    /** Every series playing {@code signal}, finest resolution first. */
    public List<TimeSeries> all(Signal signal) {
        return cloud.stream()
                .filter(s -> signal.label().equals(s.id().tags().get("signal")))
                .sorted(Comparator.comparingDouble(AlignedRun::periodSeconds))
                .toList();
    }

    /** The finest series playing {@code signal} with the given statistic label ({@code p95}, {@code avg}…), if any. */
    public Optional<TimeSeries> signal(Signal signal, String statistic) {
        return all(signal).stream()
                .filter(s -> s.id().statistic().label().equals(statistic))
                .findFirst();
    }

    /** The finest series playing {@code signal}. */
    public Optional<TimeSeries> signal(Signal signal) {
        return all(signal).stream().findFirst();
    }

    static Optional<TimeSeries> finest(SeriesSet set, Signal signal) {
        return set.stream()
                .filter(s -> signal.label().equals(s.id().tags().get("signal")))
                .min(Comparator.comparingDouble(AlignedRun::periodSeconds));
    }

    /** A series' resolution: its {@code period}/{@code interval} tag, else its first spacing. */
    public static double periodSeconds(TimeSeries s) {
        String p = s.id().tags().getOrDefault("period", s.id().tags().get("interval"));
        if (p != null && p.endsWith("s")) {
            try {
                return Double.parseDouble(p.substring(0, p.length() - 1));
            } catch (NumberFormatException e) {
                // fall through to the spacing
            }
        }
        return s.size() > 1 ? (s.epochMilliAt(1) - s.epochMilliAt(0)) / 1000.0 : 60;
    }
}
