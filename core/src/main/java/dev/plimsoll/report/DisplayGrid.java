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

import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.MetricTimeline;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchedSeries;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The time grid the charts are drawn on: the run's own buckets (1 s by default) while the run has at most
 * {@link #MAX_POINTS} of them, else the smallest round step (2 s, 5 s, 10 s, 15 s, 30 s, 1 min, …) that keeps it
 * under that, aligned to the epoch. On a coarser step a rate is the mean over the step, a percentile is computed from
 * the step's merged histograms (never averaged), and a min/max envelope of the fine values keeps spikes visible. The
 * JSON report keeps the full resolution.
 */
final class DisplayGrid {
    /** At most this many points per series: a 1-hour run at 2 s, a 24-hour run at 1 min. */
    static final int MAX_POINTS = 2000;

    private static final long[] STEPS = {
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400
    };

    final long runStart;
    final long bucket;
    final int runSize;
    final long start;
    final long step;
    final int size;

    private DisplayGrid(long runStart, long bucket, int runSize, long start, long step, int size) {
        this.runStart = runStart;
        this.bucket = bucket;
        this.runSize = runSize;
        this.start = start;
        this.step = step;
        this.size = size;
    }

    static DisplayGrid of(RunTimeline t, int maxPoints) {
        long runStart = t.start().toEpochMilli();
        long bucket = t.bucket().toMillis();
        int runSize = t.size();
        for (long m : STEPS) {
            long step = bucket * m;
            long start = m == 1 ? runStart : Math.floorDiv(runStart, step) * step;
            long end = runStart + runSize * bucket;
            long size = (end - start + step - 1) / step;
            if (size <= maxPoints || m == STEPS[STEPS.length - 1]) {
                return new DisplayGrid(runStart, bucket, runSize, start, step, (int) Math.max(0, size));
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Whether the grid is coarser than the run's buckets. */
    boolean coarse() {
        return step > bucket;
    }

    long startOf(int j) {
        return start + j * step;
    }

    TimeWindow window(int j) {
        return TimeWindow.ofEpochMillis(startOf(j), startOf(j) + step);
    }

    /** The display point a run bucket falls in. */
    private int indexOfBucket(int i) {
        return (int) ((runStart + i * bucket - start) / step);
    }

    /** A per-bucket series (a rate, a gauge) on the grid: the mean over each step, with min and max. */
    Envelope mean(TimeSeries perBucket) {
        return aggregate(perBucket, false);
    }

    /** A per-bucket series on the grid: the largest value in each step (VUs: the peak is what was reached). */
    double[] max(TimeSeries perBucket) {
        return aggregate(perBucket, true).value;
    }

    private Envelope aggregate(TimeSeries s, boolean takeMax) {
        double[] v = new double[size];
        if (!coarse()) {
            for (int i = 0; i < Math.min(size, s.size()); i++) {
                v[i] = s.valueAt(i);
            }
            return new Envelope(v, null, null);
        }
        double[] lo = new double[size];
        double[] hi = new double[size];
        int[] n = new int[size];
        Arrays.fill(lo, Double.NaN);
        Arrays.fill(hi, Double.NaN);
        for (int i = 0; i < s.size(); i++) {
            double x = s.valueAt(i);
            if (Double.isNaN(x)) {
                continue;
            }
            int j = indexOfBucket(i);
            v[j] += x;
            n[j]++;
            lo[j] = Double.isNaN(lo[j]) ? x : Math.min(lo[j], x);
            hi[j] = Double.isNaN(hi[j]) ? x : Math.max(hi[j], x);
        }
        for (int j = 0; j < size; j++) {
            v[j] = n[j] == 0 ? Double.NaN : takeMax ? hi[j] : v[j] / n[j];
        }
        return new Envelope(v, lo, hi);
    }

    /**
     * Percentiles of a latency trend on the grid, from each step's merged histograms; on a coarse grid the first
     * percentile also gets the envelope of its per-bucket values.
     */
    Envelope[] percentiles(MetricTimeline m, double... percentiles) {
        return percentiles(m, true, percentiles);
    }

    /** Percentiles of a latency trend on the grid; with {@code envelope}, as {@link #percentiles(MetricTimeline,
     * double...)}. */
    Envelope[] percentiles(MetricTimeline m, boolean envelope, double... percentiles) {
        Envelope[] out = new Envelope[percentiles.length];
        if (!coarse()) {
            for (int p = 0; p < percentiles.length; p++) {
                TimeSeries s = m.percentileSeries(percentiles[p]);
                out[p] = new Envelope(s.values(), null, null);
            }
            return out;
        }
        double[][] v = new double[percentiles.length][size];
        for (int j = 0; j < size; j++) {
            Distribution d = m.distribution(window(j));
            for (int p = 0; p < percentiles.length; p++) {
                v[p][j] = d.count() == 0 ? Double.NaN : d.percentile(percentiles[p]);
            }
        }
        for (int p = 0; p < percentiles.length; p++) {
            if (p == 0 && envelope) {
                Envelope fine = aggregate(m.percentileSeries(percentiles[0]), false);
                out[p] = new Envelope(v[p], fine.lo, fine.hi);
            } else {
                out[p] = new Envelope(v[p], null, null);
            }
        }
        return out;
    }

    /**
     * A cloud series on the grid, each value held over its own period only (nothing invented between points);
     * event counts (no point = nothing happened) count as zero where the source wrote no value. When the period is
     * finer than the grid's step, the mean over the step with its min and max.
     *
     * @param perSecond divide each value by its period in seconds (a count per period as a rate)
     */
    Envelope cloud(FetchedSeries f, boolean perSecond) {
        TimeSeries s = f.series();
        long period = f.periodMillis();
        boolean eventCount = f.signal().isEventCount();
        double scale = perSecond ? 1000.0 / period : 1;
        double[] v = new double[size];
        Arrays.fill(v, Double.NaN);
        if (period >= step) {
            int i = 0;
            for (int j = 0; j < size; j++) {
                long t = startOf(j);
                while (i + 1 < s.size() && s.epochMilliAt(i + 1) <= t) {
                    i++;
                }
                if (s.size() > 0 && s.epochMilliAt(i) <= t && t < s.epochMilliAt(i) + period) {
                    double x = s.valueAt(i);
                    v[j] = Double.isNaN(x) && eventCount ? 0 : x * scale;
                }
            }
            return new Envelope(v, null, null);
        }
        double[] lo = new double[size];
        double[] hi = new double[size];
        int[] n = new int[size];
        Arrays.fill(lo, Double.NaN);
        Arrays.fill(hi, Double.NaN);
        double[] sum = new double[size];
        for (int i = 0; i < s.size(); i++) {
            long t = s.epochMilliAt(i);
            if (t < start || t >= startOf(size)) {
                continue;
            }
            double x = s.valueAt(i);
            x = Double.isNaN(x) && eventCount ? 0 : x * scale;
            if (Double.isNaN(x)) {
                continue;
            }
            int j = (int) ((t - start) / step);
            sum[j] += x;
            n[j]++;
            lo[j] = Double.isNaN(lo[j]) ? x : Math.min(lo[j], x);
            hi[j] = Double.isNaN(hi[j]) ? x : Math.max(hi[j], x);
        }
        for (int j = 0; j < size; j++) {
            v[j] = n[j] == 0 ? Double.NaN : sum[j] / n[j];
        }
        return new Envelope(v, lo, hi);
    }

    /**
     * A latency trend of the run over the windows of a cloud series ({@code [t, t + period)} of each of its points):
     * the client's figure over the same windows as a coarse server-side series, held over each window like it.
     *
     * @param percentile the percentile, or NaN for the mean
     */
    double[] overWindowsOf(FetchedSeries f, MetricTimeline m, double percentile) {
        TimeSeries s = f.series();
        long period = f.periodMillis();
        double[] v = new double[size];
        Arrays.fill(v, Double.NaN);
        int i = 0;
        double current = Double.NaN;
        int currentIndex = -1;
        for (int j = 0; j < size; j++) {
            long t = startOf(j);
            while (i + 1 < s.size() && s.epochMilliAt(i + 1) <= t) {
                i++;
            }
            if (s.size() == 0 || s.epochMilliAt(i) > t || t >= s.epochMilliAt(i) + period) {
                continue;
            }
            if (i != currentIndex) {
                long from = s.epochMilliAt(i);
                Distribution d = m.distribution(TimeWindow.ofEpochMillis(from, from + period));
                current = d.count() == 0 ? Double.NaN : Double.isNaN(percentile) ? d.mean() : d.percentile(percentile);
                currentIndex = i;
            }
            v[j] = current;
        }
        return v;
    }

    /**
     * Values on the grid with, on a coarse grid, the smallest and largest fine value within each step. The arrays are
     * the grid's own, handed over without copies (a class, not a record: arrays have no value equality).
     */
    static final class Envelope {
        private final double[] value;
        private final double @Nullable [] lo;
        private final double @Nullable [] hi;

        Envelope(double[] value, double @Nullable [] lo, double @Nullable [] hi) {
            this.value = value;
            this.lo = lo;
            this.hi = hi;
        }

        double[] value() {
            return value;
        }

        double @Nullable [] lo() {
            return lo;
        }

        double @Nullable [] hi() {
            return hi;
        }
    }
}
