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

import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A load run with the cloud's series on the generator's clock: each cloud series shifted by the clock skew and kept at
 * its own resolution (no values are invented between CloudWatch's 60 s points; a series is read as a step function of
 * its periods).
 *
 * @param run the load run (1 s buckets by default)
 * @param cloud cloud series with their metadata, shifted onto the generator's clock
 * @param skew the offset applied
 * @param coverage what the sources said they got, per query
 * @since 0.1
 */
public record AlignedRun(LoadRun run, List<FetchedSeries> cloud, ClockSkew skew, List<Coverage> coverage) {
    /**
     * Copies the lists; the series are taken as they are (not shifted again). {@link #of(LoadRun, List, boolean,
     * double)} aligns fetched series.
     *
     * @param run the load run
     * @param cloud cloud series already on the generator's clock
     * @param skew the offset that was applied to them
     * @param coverage per query, what the sources got
     * @throws NullPointerException if {@code run}, {@code skew} or a list is null
     */
    public AlignedRun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(skew, "skew");
        cloud = List.copyOf(cloud);
        coverage = List.copyOf(coverage);
    }

    /**
     * A run without cloud data: what the detectors see when no source was given.
     *
     * @param run the load run
     * @return the run with no cloud series, no coverage and {@link ClockSkew#none()}
     */
    public static AlignedRun of(LoadRun run) {
        return new AlignedRun(run, List.of(), ClockSkew.none(), List.of());
    }

    /**
     * Aligns what the sources fetched with the run: estimates the skew from a request count
     * ({@link Signal#BACKEND_REQUESTS} preferred for its finer resolution, else {@link Signal#LB_REQUESTS}) unless
     * {@code estimateSkew} is false, and shifts every series by it.
     *
     * @param run the load run, whose clock is the reference
     * @param fetched what the sources returned; their series and coverage are concatenated in this order
     * @param estimateSkew whether to estimate the clock skew; when false, or when no request count correlates, the
     *     series are taken as they are
     * @param maxSkewSeconds largest offset searched either way, seconds
     * @return the run with every cloud series shifted onto the generator's clock
     */
    public static AlignedRun of(LoadRun run, List<FetchResult> fetched, boolean estimateSkew, double maxSkewSeconds) {
        List<FetchedSeries> cloud = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        for (FetchResult f : fetched) {
            cloud.addAll(f.series());
            coverage.addAll(f.coverage());
        }
        Plausibility.check(cloud, coverage);
        ClockSkew skew = ClockSkew.none();
        if (estimateSkew) {
            for (Signal s : List.of(Signal.BACKEND_REQUESTS, Signal.LB_REQUESTS)) {
                Optional<FetchedSeries> basis = finest(cloud, s);
                if (basis.isPresent()) {
                    skew = ClockSkew.estimate(run.timeline(), basis.get(), maxSkewSeconds);
                    if (skew.isEstimated()) {
                        break;
                    }
                }
            }
        }
        long shift = Math.round(skew.seconds() * 1000);
        List<FetchedSeries> shifted = new ArrayList<>();
        for (FetchedSeries f : cloud) {
            if (shift == 0) {
                shifted.add(f);
                continue;
            }
            TimeSeries s = f.series();
            long[] t = s.epochMillis();
            for (int i = 0; i < t.length; i++) {
                t[i] -= shift;
            }
            shifted.add(f.withSeries(TimeSeries.of(s.id(), t, s.values())));
        }
        return new AlignedRun(run, shifted, skew, coverage);
    }

    /**
     * A cloud series on the run's grid (its buckets, default 1 s) as a step function: each value holds over its own
     * period only, nothing is interpolated between points.
     *
     * @param s a cloud series, normally one of {@link #cloud()}
     * @return one value per bucket of the run's timeline, NaN where no period of {@code s} covers the bucket
     */
    public TimeSeries onGrid(FetchedSeries s) {
        var t = run.timeline();
        return Resample.steps(
                s.series(),
                s.periodMillis(),
                t.start().toEpochMilli(),
                t.bucket().toMillis(),
                t.size());
    }

    /**
     * Every series playing {@code signal}, finest resolution first.
     *
     * @param signal the role, e.g. {@link Signal#NODE_COUNT}
     * @return the matching cloud series, shortest period first; empty when no source delivered one
     */
    public List<FetchedSeries> all(Signal signal) {
        return cloud.stream()
                .filter(s -> s.signal() == signal)
                .sorted(Comparator.comparing(FetchedSeries::period))
                .toList();
    }

    /**
     * The finest series playing {@code signal} with the given statistic (e.g. {@link Statistic#P95}), if any.
     *
     * @param signal the role
     * @param statistic the reduction the series must have
     * @return the series with the shortest period, or empty
     */
    public Optional<FetchedSeries> signal(Signal signal, Statistic statistic) {
        return all(signal).stream().filter(s -> s.id().statistic() == statistic).findFirst();
    }

    /**
     * The finest series playing {@code signal}, whatever its statistic.
     *
     * @param signal the role
     * @return the series with the shortest period, or empty
     */
    public Optional<FetchedSeries> signal(Signal signal) {
        return all(signal).stream().findFirst();
    }

    private static Optional<FetchedSeries> finest(List<FetchedSeries> cloud, Signal signal) {
        return cloud.stream().filter(s -> s.signal() == signal).min(Comparator.comparing(FetchedSeries::period));
    }

    /**
     * The merged timeline: the load generator's series per bucket (requests and errors per second, VUs, client
     * latency p50/p95/p99 in ms; see {@link AlignedSeries}), then every cloud series at its own resolution on the
     * generator's clock, gridded from its first point at its period (a point off the grid goes to the nearest slot).
     * Cloud series without points are left out. Keys ({@link AlignedSeries#key()}) are unique.
     *
     * @return the load generator's six series (none for an empty run) followed by the cloud series; a cloud series
     *     whose key would repeat another's gets a {@code series} tag ({@code 2}, {@code 3}…)
     */
    public List<AlignedSeries> merged() {
        List<AlignedSeries> out = new ArrayList<>();
        RunTimeline t = run.timeline();
        if (!t.isEmpty()) {
            Instant start = t.start();
            Duration step = t.bucket();
            double perSecond = 1000.0 / step.toMillis();
            double[] requests = onBuckets(t, t.http().requests());
            double[] failed = onBuckets(t, t.http().failed());
            for (int i = 0; i < requests.length; i++) {
                requests[i] = (Double.isNaN(requests[i]) ? 0 : requests[i]) * perSecond;
                failed[i] = (Double.isNaN(failed[i]) ? 0 : failed[i]) * perSecond;
            }
            Map<String, String> none = Map.of();
            out.add(AlignedSeries.of(
                    AlignedSeries.LOAD, AlignedSeries.REQUESTS, "rate", "1/s", none, start, step, requests));
            out.add(AlignedSeries.of(
                    AlignedSeries.LOAD, AlignedSeries.ERRORS, "rate", "1/s", none, start, step, failed));
            out.add(AlignedSeries.of(
                    AlignedSeries.LOAD, AlignedSeries.VUS, "last", "count", none, start, step, onBuckets(t, t.vus())));
            for (int p : new int[] {50, 95, 99}) {
                out.add(AlignedSeries.of(
                        AlignedSeries.LOAD,
                        AlignedSeries.LATENCY,
                        "p" + p,
                        "ms",
                        none,
                        start,
                        step,
                        onBuckets(t, t.percentile(LoadMetrics.REQUEST_DURATION, p))));
            }
        }
        Set<String> keys = new HashSet<>();
        out.forEach(s -> keys.add(s.key()));
        for (FetchedSeries f : cloud) {
            TimeSeries s = f.series();
            if (s.isEmpty()) {
                continue;
            }
            long step = f.periodMillis();
            long first = s.epochMilliAt(0);
            long last = s.epochMilliAt(s.size() - 1);
            int n = (int) Math.min(Integer.MAX_VALUE - 8, Math.round((double) (last - first) / step) + 1);
            double[] v = new double[n];
            Arrays.fill(v, Double.NaN);
            for (int i = 0; i < s.size(); i++) {
                int k = (int) Math.round((double) (s.epochMilliAt(i) - first) / step);
                double x = s.valueAt(i);
                if (k >= 0 && k < n && !Double.isInfinite(x)) {
                    v[k] = x;
                }
            }
            Map<String, String> tags = new TreeMap<>(f.id().tags());
            tags.put(AlignedSeries.QUERY_TAG, f.queryId());
            tags.put(AlignedSeries.SIGNAL_TAG, f.signal().label());
            AlignedSeries a = AlignedSeries.of(
                    f.id().source().isEmpty() ? "cloud" : f.id().source(),
                    f.id().name(),
                    f.id().statistic().label(),
                    f.id().unit(),
                    tags,
                    Instant.ofEpochMilli(first),
                    Duration.ofMillis(step),
                    v);
            for (int dup = 2; !keys.add(a.key()); dup++) {
                Map<String, String> more = new TreeMap<>(tags);
                more.put("series", Integer.toString(dup));
                a = AlignedSeries.of(a.source(), a.name(), a.statistic(), a.unit(), more, a.start(), a.step(), v);
            }
            out.add(a);
        }
        return out;
    }

    /** A per-bucket series of the run's timeline as one value per bucket (NaN where it has none). */
    private static double[] onBuckets(RunTimeline t, TimeSeries s) {
        double[] v = new double[t.size()];
        Arrays.fill(v, Double.NaN);
        long start = t.start().toEpochMilli();
        long bucket = t.bucket().toMillis();
        for (int i = 0; i < s.size(); i++) {
            long k = Math.floorDiv(s.epochMilliAt(i) - start, bucket);
            if (k >= 0 && k < v.length) {
                v[(int) k] = s.valueAt(i);
            }
        }
        return v;
    }
}
