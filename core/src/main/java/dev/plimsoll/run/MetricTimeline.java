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
package dev.plimsoll.run;

import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * One load-test metric on its run's bucket grid: per bucket the count, sum, minimum, maximum, last value,
 * non-zero count and (for trends) a latency histogram. Immutable.
 *
 * @since 0.1
 */
public final class MetricTimeline {
    private final String name;
    private final String source;
    private final MetricKind kind;
    private final String unit;
    private final Map<String, String> tags;
    private final long startMillis;
    private final long bucketMillis;
    private final Buckets buckets;
    private volatile @Nullable SampleStats total;

    MetricTimeline(
            String name,
            String source,
            MetricKind kind,
            String unit,
            Map<String, String> tags,
            long startMillis,
            long bucketMillis,
            Buckets buckets) {
        this.name = name;
        this.source = source;
        this.kind = kind;
        this.unit = unit;
        this.tags = Map.copyOf(tags);
        this.startMillis = startMillis;
        this.bucketMillis = bucketMillis;
        this.buckets = buckets;
    }

    /** Every sample of the run, computed once on first use (exact: see {@link Buckets#merge}). */
    private SampleStats total() {
        SampleStats t = total;
        if (t == null) {
            t = buckets.merge(0, buckets.size());
            total = t;
        }
        return t;
    }

    /**
     * The metric's name, neutral for the request metrics.
     *
     * @return e.g. {@code request_duration}, {@code vus}, or a custom metric's name as the load tool wrote it
     */
    public String name() {
        return name;
    }

    /**
     * How the metric's samples combine.
     *
     * @return counter, gauge, rate or trend
     */
    public MetricKind kind() {
        return kind;
    }

    /**
     * The samples' unit.
     *
     * @return {@code ms} for time trends, {@code B} for data, empty otherwise
     */
    public String unit() {
        return unit;
    }

    /**
     * Number of buckets (the run's, not only those with samples).
     *
     * @return the run timeline's size
     */
    public int size() {
        return buckets.size();
    }

    /**
     * Samples in the whole run.
     *
     * @return zero or more
     */
    public long count() {
        return total().count;
    }

    /**
     * Sum of every sample in the run (a counter's total).
     *
     * @return in {@link #unit()}; 0 without samples
     */
    public double sum() {
        return total().sum;
    }

    /**
     * Samples that were non-zero (a rate's "passes", e.g. failed requests for {@code request_failed}).
     *
     * @return zero or more
     */
    public long nonZero() {
        return total().nonZero;
    }

    /**
     * Exact largest sample.
     *
     * @return in {@link #unit()}, NaN when there is none
     */
    public double max() {
        SampleStats t = total();
        return t.count == 0 ? Double.NaN : t.max;
    }

    /**
     * Exact smallest sample.
     *
     * @return in {@link #unit()}, NaN when there is none
     */
    public double min() {
        SampleStats t = total();
        return t.count == 0 ? Double.NaN : t.min;
    }

    /**
     * Value of the latest sample (a gauge's final reading).
     *
     * @return in {@link #unit()}, NaN when there is none
     */
    public double last() {
        return total().last;
    }

    /**
     * Distribution over the whole run.
     *
     * @return the merged distribution of every bucket
     */
    public Distribution distribution() {
        return new Distribution(total());
    }

    /**
     * Distribution of the samples whose bucket starts inside {@code window}.
     *
     * @param window the window; buckets are whole, never split
     * @return the merged distribution of those buckets; empty when none starts inside
     */
    public Distribution distribution(TimeWindow window) {
        // the buckets whose start lies in [start, end)
        int from = (int)
                Math.max(0, Math.min(buckets.size(), ceilDiv(window.start().toEpochMilli() - startMillis)));
        int to = (int) Math.max(0, Math.min(buckets.size(), ceilDiv(window.end().toEpochMilli() - startMillis)));
        return new Distribution(from >= to ? new SampleStats() : buckets.merge(from, to));
    }

    /**
     * Per-bucket sample count.
     *
     * @return a count per bucket, 0 where there was none
     */
    public TimeSeries countSeries() {
        return series(Statistic.COUNT, "count", s -> s == null ? 0 : s.count);
    }

    /**
     * Per-bucket sum.
     *
     * @return in {@link #unit()} per bucket; 0 where there was no sample (counters count nothing there)
     */
    public TimeSeries sumSeries() {
        return series(Statistic.SUM, unit, s -> s == null ? 0 : s.sum);
    }

    /**
     * Per-bucket sum divided by the bucket's length in seconds; e.g. requests per second.
     *
     * @return in {@link #unit()} per second ({@code 1/s} for a unitless counter); 0 where there was no sample
     */
    public TimeSeries perSecondSeries() {
        double seconds = bucketMillis / 1000.0;
        return series(Statistic.RATE, unit.isEmpty() ? "1/s" : unit + "/s", s -> s == null ? 0 : s.sum / seconds);
    }

    /**
     * Per-bucket number of non-zero samples (a rate's "passes", e.g. failed requests).
     *
     * @return a count per bucket, 0 where none
     */
    public TimeSeries nonZeroSeries() {
        return series(Statistic.COUNT, "count", s -> s == null ? 0 : s.nonZero);
    }

    /**
     * Per-bucket share of non-zero samples (a rate's value).
     *
     * @return 0–1 per bucket; NaN where there was no sample
     */
    public TimeSeries rateSeries() {
        return series(
                Statistic.RATE, "ratio", s -> s == null || s.count == 0 ? Double.NaN : (double) s.nonZero / s.count);
    }

    /**
     * Per-bucket value of the latest sample.
     *
     * @return in {@link #unit()} per bucket; NaN where there was none
     */
    public TimeSeries lastSeries() {
        return series(Statistic.LAST, unit, s -> s == null ? Double.NaN : s.last);
    }

    /**
     * Per-bucket latest value, held forward over buckets without a sample (a gauge's reading).
     *
     * @return in {@link #unit()} per bucket; NaN only before the first sample
     */
    public TimeSeries heldSeries() {
        double[] v = new double[buckets.size()];
        java.util.Arrays.fill(v, Double.NaN);
        buckets.forEach(0, v.length, false, (i, s) -> v[i] = s.last);
        double held = Double.NaN;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                held = v[i];
            }
            v[i] = held;
        }
        return TimeSeries.regular(id(Statistic.LAST, unit), startMillis, bucketMillis, v);
    }

    /**
     * Per-bucket maximum, exact.
     *
     * @return in {@link #unit()} per bucket; NaN where there was no sample
     */
    public TimeSeries maxSeries() {
        return series(Statistic.MAX, unit, s -> s == null || s.count == 0 ? Double.NaN : s.max);
    }

    /**
     * Per-bucket mean, exact.
     *
     * @return in {@link #unit()} per bucket; NaN where there was no sample
     */
    public TimeSeries meanSeries() {
        return series(Statistic.AVG, unit, s -> s == null || s.count == 0 ? Double.NaN : s.sum / s.count);
    }

    /**
     * Per-bucket percentile of the bucket's own samples (k6's interpolation, see {@link Distribution});
     * NaN where there was no sample.
     *
     * @param percentile in {@code [0, 100]}
     * @return in {@link #unit()} per bucket, with the matching {@link Statistic} (e.g. {@code P95}) or, for another
     *     percentile, {@code MAX} tagged {@code percentile}
     * @throws IllegalArgumentException if {@code percentile} is outside [0, 100] and a bucket has samples
     */
    public TimeSeries percentileSeries(double percentile) {
        Statistic st = statisticFor(percentile);
        MetricId id =
                st == null ? id(Statistic.MAX, unit).withTag("percentile", Double.toString(percentile)) : id(st, unit);
        double[] v = new double[buckets.size()];
        java.util.Arrays.fill(v, Double.NaN);
        buckets.forEach(0, v.length, true, (i, s) -> v[i] = new Distribution(s).percentile(percentile));
        return TimeSeries.regular(id, startMillis, bucketMillis, v);
    }

    private long ceilDiv(long millis) {
        return Math.floorDiv(millis + bucketMillis - 1, bucketMillis);
    }

    private static @Nullable Statistic statisticFor(double percentile) {
        for (Statistic s : Statistic.values()) {
            if (s.percentile() == percentile) {
                return s;
            }
        }
        return null;
    }

    private TimeSeries series(Statistic statistic, String seriesUnit, ToDoubleFunction<@Nullable SampleStats> f) {
        double[] v = new double[buckets.size()];
        java.util.Arrays.fill(v, f.applyAsDouble(null));
        buckets.forEach(0, v.length, false, (i, s) -> v[i] = f.applyAsDouble(s));
        return TimeSeries.regular(id(statistic, seriesUnit), startMillis, bucketMillis, v);
    }

    private MetricId id(Statistic statistic, String seriesUnit) {
        return new MetricId(name, source, statistic, seriesUnit.isEmpty() ? "count" : seriesUnit, tags);
    }

    @Override
    public String toString() {
        return "MetricTimeline{" + name + ", " + kind + ", " + total().count + " samples"
                + (tags.isEmpty() ? "" : ", " + tags) + "}";
    }
}
