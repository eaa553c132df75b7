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

import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A load run on a grid of equal buckets (default 1 s, aligned to the epoch): per bucket, every metric's
 * count, sum, extremes, last value and latency histogram; HTTP requests also per request name, per status
 * and per error code. Immutable.
 *
 * <p>Every sample read lands in exactly one bucket ({@code floor(time / bucket)}), so the run's totals are
 * the sums over its buckets — per request name too.
 *
 * <p>Memory grows with the run's length, not the file's size: buckets more than 5 minutes behind the newest
 * sample are stored compactly (counts, sums, extremes and last values exact; see {@link Distribution} for the
 * resolution of old slices' histograms) — about 11 MB per hour of a 140 RPS run with 4 request names.
 *
 * <pre>{@code
 * RunTimeline t = run.timeline();
 * TimeSeries rps = t.rps();
 * TimeSeries p95 = t.http().percentile(LoadMetrics.REQUEST_DURATION, 95);
 * TimeSeries checkoutP95 = t.byName().get("POST /api/orders").percentile(LoadMetrics.REQUEST_DURATION, 95);
 * }</pre>
 *
 * @since 0.1
 */
public final class RunTimeline {
    /** Default bucket length: one second, the resolution of k6's own per-second view. */
    public static final Duration DEFAULT_BUCKET = Duration.ofSeconds(1);

    private final String source;
    private final long startMillis;
    private final long bucketMillis;
    private final int size;
    private final SortedMap<String, MetricTimeline> metrics;
    private final HttpTimeline http;
    private final SortedMap<String, HttpTimeline> byName;
    private final SortedMap<String, HttpTimeline> byStatus;
    private final SortedMap<String, HttpTimeline> byErrorCode;

    private RunTimeline(
            String source,
            long startMillis,
            long bucketMillis,
            int size,
            SortedMap<String, MetricTimeline> metrics,
            SortedMap<String, HttpTimeline> byName,
            SortedMap<String, HttpTimeline> byStatus,
            SortedMap<String, HttpTimeline> byErrorCode) {
        this.source = source;
        this.startMillis = startMillis;
        this.bucketMillis = bucketMillis;
        this.size = size;
        this.metrics = Collections.unmodifiableSortedMap(metrics);
        this.http = new HttpTimeline(metrics, name -> emptyMetric(source, startMillis, bucketMillis, size, name));
        this.byName = Collections.unmodifiableSortedMap(byName);
        this.byStatus = Collections.unmodifiableSortedMap(byStatus);
        this.byErrorCode = Collections.unmodifiableSortedMap(byErrorCode);
    }

    /**
     * A builder that accumulates samples into buckets of {@code bucket} length.
     *
     * @param bucket a whole number of milliseconds from 1 ms to 1 day
     * @param source id of the tool, used in series ids ({@code k6}, {@code micrometer}); from {@code k6}, a custom
     *     metric with a neutral name is kept apart as {@code k6.<name>}
     * @return an empty builder
     * @throws IllegalArgumentException if {@code bucket} is outside 1 ms to 1 day or not whole milliseconds
     */
    public static Builder builder(Duration bucket, String source) {
        return new Builder(bucket, source);
    }

    /**
     * Bucket length.
     *
     * @return a whole number of milliseconds, at least 1 ms; {@link #DEFAULT_BUCKET} unless the reader was told
     *     otherwise
     */
    public Duration bucket() {
        return Duration.ofMillis(bucketMillis);
    }

    /**
     * Checks a bucket length: a whole number of milliseconds from 1 ms to 1 day.
     *
     * @param bucket the length to check
     * @return {@code bucket}
     * @throws IllegalArgumentException naming the rule
     */
    public static Duration checkBucket(Duration bucket) {
        if (bucket.compareTo(Duration.ofMillis(1)) < 0
                || bucket.compareTo(Duration.ofDays(1)) > 0
                || bucket.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(
                    "bucket must be a whole number of milliseconds from 1 ms to 1 day, but was " + bucket);
        }
        return bucket;
    }

    /**
     * Start of the first bucket.
     *
     * @return a multiple of the bucket length since the epoch; the epoch itself for an empty timeline
     */
    public Instant start() {
        return Instant.ofEpochMilli(startMillis);
    }

    /**
     * Number of buckets, from the first with a sample to the last with one.
     *
     * @return zero for an empty timeline
     */
    public int size() {
        return size;
    }

    /**
     * Whether no sample was recorded (e.g. a run read from a summary only).
     *
     * @return true if there are no buckets
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * From the start of the first bucket to the end of the last.
     *
     * @return the window, {@code size × bucket} long
     */
    public TimeWindow window() {
        return TimeWindow.ofEpochMillis(startMillis, startMillis + size * bucketMillis);
    }

    /**
     * Every metric of the run by name: the {@link LoadMetrics neutral} ones and the tool's custom ones.
     *
     * @return unmodifiable, sorted by name
     */
    public SortedMap<String, MetricTimeline> metrics() {
        return metrics;
    }

    /**
     * A metric by its neutral name (or k6's name of it, e.g. {@code http_req_duration}), if the run had it.
     *
     * @param name a neutral, k6 or custom metric name
     * @return the metric, or empty when the run recorded no sample of it
     */
    public Optional<MetricTimeline> metric(String name) {
        return Optional.ofNullable(metrics.get(LoadMetrics.neutral(name)));
    }

    /**
     * All HTTP requests of the run.
     *
     * @return the run-wide request metrics
     */
    public HttpTimeline http() {
        return http;
    }

    /**
     * Requests per request name: k6's {@code name} tag (the URL when the script sets none), JMeter's
     * {@code label}, Gatling's request name.
     *
     * @return unmodifiable, sorted by name; empty when requests carried no name
     */
    public SortedMap<String, HttpTimeline> byName() {
        return byName;
    }

    /**
     * Requests per HTTP status: {@code 0} when no response arrived (a timeout, a refused connection). Gatling
     * logs no status: its requests have one here only where the failure message names it ({@code found 500}) or
     * no response came.
     *
     * @return unmodifiable, sorted by status text ({@code "200"}, {@code "503"})
     */
    public SortedMap<String, HttpTimeline> byStatus() {
        return byStatus;
    }

    /**
     * Failed requests per error class, why they failed where an HTTP error status does not say it: k6's
     * {@code error_code} tag (whose 1400–1599 codes mirror HTTP statuses), JMeter's exception class or
     * {@code assertion}, Gatling's error message ({@code Request timeout}, an exception class, a failed check).
     *
     * @return unmodifiable, sorted by error class; empty when no request failed with one
     */
    public SortedMap<String, HttpTimeline> byErrorCode() {
        return byErrorCode;
    }

    /**
     * Requests per second, per bucket.
     *
     * @return one value per bucket, 0 where no request was made
     */
    public TimeSeries rps() {
        return http.rps();
    }

    /**
     * Share of failed requests per bucket.
     *
     * @return 0–1 per bucket; NaN in buckets without requests
     */
    public TimeSeries errorRate() {
        return http.errorRateSeries();
    }

    /**
     * Active VUs per bucket, held forward from the latest reading.
     *
     * @return a count per bucket; NaN before the first reading, all NaN when the tool reported no VUs
     */
    public TimeSeries vus() {
        return metric(LoadMetrics.VUS)
                .orElseGet(() -> emptyMetric(LoadMetrics.VUS))
                .heldSeries();
    }

    /**
     * Per-bucket percentile of a request latency trend, e.g. {@code percentile("request_duration", 95)}.
     *
     * @param trend a request trend's neutral or k6 name
     * @param percentile in [0, 100]
     * @return milliseconds per bucket; NaN in buckets without samples
     */
    public TimeSeries percentile(String trend, double percentile) {
        return http.percentile(trend, percentile);
    }

    /**
     * Ramp-up, steady and ramp-down phases, cut by the load level: VUs, or requests per second when the VU gauge is
     * flat; steady is where the smoothed level reaches {@value Phase#STEADY_SHARE} of its peak.
     *
     * @return in time order; one steady phase for a flat run, none for an empty one
     */
    public List<Phase> phases() {
        return Phase.infer(this);
    }

    /**
     * Totals over the whole run.
     *
     * @return requests, failures, iterations, checks, bytes, peak VUs and the window's duration
     */
    public RunTotals totals() {
        return RunTotals.of(this);
    }

    MetricTimeline emptyMetric(String name) {
        return emptyMetric(source, startMillis, bucketMillis, size, name);
    }

    static MetricTimeline emptyMetric(String source, long startMillis, long bucketMillis, int size, String name) {
        String neutral = LoadMetrics.neutral(name);
        return new MetricTimeline(
                neutral,
                source,
                LoadMetrics.kindOf(neutral),
                LoadMetrics.isTime(neutral) ? "ms" : "",
                Map.of(),
                startMillis,
                bucketMillis,
                Buckets.empty(size));
    }

    @Override
    public String toString() {
        return "RunTimeline{" + window() + ", bucket " + bucket() + ", " + metrics.size() + " metrics}";
    }

    /**
     * Accumulates samples into buckets. Not thread-safe: give each thread its own builder and
     * {@link #merge} them.
     */
    public static final class Builder {
        private final long bucketNanos;
        private final String source;
        private final UnaryOperator<String> naming;
        private final Map<String, MetricAccumulator> metrics = new HashMap<>();
        private final Map<String, MetricAccumulator[]> byName = new HashMap<>();
        private final Map<String, MetricAccumulator[]> byStatus = new HashMap<>();
        private final Map<String, MetricAccumulator[]> byErrorCode = new HashMap<>();
        private static final int RECENT = 64;
        private final @Nullable String[] recentNames = new String[RECENT];
        private final @Nullable MetricAccumulator[] recentAccumulators = new MetricAccumulator[RECENT];
        /** The widest span of buckets a run may cover, across all its metrics (the memory guard; ≈ 46 days at 1 s). */
        static final long MAX_SPAN = MetricAccumulator.MAX_SPAN - 2L * Block.SIZE;
        /** The first and last bucket holding a sample of any metric (or admitted for one). */
        private long firstBucket = Long.MAX_VALUE;

        private long lastBucket = Long.MIN_VALUE;
        /** The nanoseconds those buckets cover: a sample inside needs no further check. */
        private long admittedFrom = Long.MAX_VALUE;

        private long admittedTo = Long.MIN_VALUE;

        Builder(Duration bucket, String source) {
            checkBucket(bucket);
            this.bucketNanos = bucket.toNanos();
            this.source = source;
            this.naming = LoadMetrics.naming(source);
        }

        /**
         * Bucket length.
         *
         * @return as given to {@link RunTimeline#builder(Duration, String)}
         */
        public Duration bucket() {
            return Duration.ofNanos(bucketNanos);
        }

        /**
         * Declares a metric's kind before (or after) its samples. Undeclared metrics that are neither
         * {@link LoadMetrics neutral} nor k6 built-ins are {@link MetricKind#UNKNOWN}.
         *
         * @param toolMetric the metric's name as the tool spells it
         * @param kind how its samples combine
         * @param time whether values are durations in milliseconds
         * @return this builder
         */
        public Builder declare(String toolMetric, MetricKind kind, boolean time) {
            String metric = naming.apply(toolMetric);
            MetricAccumulator acc = metrics.get(metric);
            if (acc == null) {
                metrics.put(metric, create(metric, kind, time, false));
            } else if (acc.kind == MetricKind.UNKNOWN) {
                acc.kind = kind;
                acc.unit = time ? "ms" : acc.unit;
            }
            return this;
        }

        /**
         * Records one sample.
         *
         * @param metric metric name: a {@link LoadMetrics neutral} one such as {@code request_duration}, k6's
         *     name of it for a builder of source {@code k6} ({@code http_req_duration}), or a custom metric
         * @param epochNanos sample time, nanoseconds since the epoch
         * @param value the value (ms for time trends, bytes for data, 1/0 for rates)
         * @param requestName the request's {@code name} tag, or null
         * @param status the request's {@code status} tag, or null
         * @param errorCode the request's error class (k6's {@code error_code} tag), or null
         * @throws IllegalArgumentException when the time lies implausibly far from the other samples (see
         *     {@link #admit}), the value is not a finite number, or a duration or a count is negative
         */
        public void record(
                String metric,
                long epochNanos,
                double value,
                @Nullable String requestName,
                @Nullable String status,
                @Nullable String errorCode) {
            // a direct-mapped cache by identity: readers hand in pooled names, and k6 rotates through ~15 metrics
            int slot = metric.hashCode() & (RECENT - 1);
            MetricAccumulator acc = recentAccumulators[slot];
            if (recentNames[slot] != metric || acc == null) {
                String neutral = naming.apply(metric);
                acc = metrics.get(neutral);
                if (acc == null) {
                    acc = create(neutral, LoadMetrics.kindOf(neutral), LoadMetrics.isTime(neutral), false);
                    metrics.put(neutral, acc);
                }
                recentNames[slot] = metric;
                recentAccumulators[slot] = acc;
            }
            if (!(Math.abs(value) <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException(metric + "'s value must be a finite number, but was " + value);
            }
            if (value < 0 && acc.nonNegative()) {
                throw new IllegalArgumentException(metric + "'s value must not be negative (it is a "
                        + ("ms".equals(acc.unit) ? "duration" : "count") + "), but was " + value);
            }
            if (epochNanos < admittedFrom || epochNanos > admittedTo) {
                admit(epochNanos);
            }
            long bucket = Math.floorDiv(epochNanos, bucketNanos);
            int bi = acc.breakdownIndex;
            acc.add(bucket, epochNanos, value);
            if (bi >= 0) {
                if (requestName != null) {
                    slice(byName, requestName, bi).add(bucket, epochNanos, value);
                }
                if (status != null) {
                    slice(byStatus, status, bi).add(bucket, epochNanos, value);
                }
                if (errorCode != null) {
                    slice(byErrorCode, errorCode, bi).add(bucket, epochNanos, value);
                }
            }
        }

        /**
         * Admits a sample's time into the run before it is {@link #record recorded}: a run covers at most
         * 4 000 000 buckets (≈ 46 days of 1 s buckets) across all its metrics, so a time further from the samples
         * admitted so far is a broken clock or a damaged timestamp, refused before it can make the run allocate
         * gigabytes. Readers that hand samples over in batches admit each time as they read it, so that an error
         * names the line; {@link #record} admits on its own.
         *
         * @param epochNanos the sample's time, nanoseconds since the epoch
         * @throws IllegalArgumentException naming the time, the run's span so far and the rule
         */
        public void admit(long epochNanos) {
            if (epochNanos >= admittedFrom && epochNanos <= admittedTo) {
                return;
            }
            long bucket = Math.floorDiv(epochNanos, bucketNanos);
            if (bucket < firstBucket || bucket > lastBucket) {
                span(bucket, epochNanos);
            }
        }

        private void span(long bucket, long epochNanos) {
            // the bucket and block arithmetic needs room at the ends of the nanosecond range
            long margin = 4L * Block.SIZE * bucketNanos;
            if (epochNanos < Long.MIN_VALUE + margin || epochNanos > Long.MAX_VALUE - margin) {
                throw new IllegalArgumentException("time " + instant(epochNanos) + " lies too close to the ends of"
                        + " the nanosecond range (1677-09-21 to 2262-04-11) for buckets of " + bucket());
            }
            long lo = Math.min(firstBucket, bucket);
            long hi = Math.max(lastBucket, bucket);
            if (firstBucket != Long.MAX_VALUE && hi - lo >= MAX_SPAN) {
                throw new IllegalArgumentException("time " + instant(epochNanos) + " lies "
                        + distance(bucket < firstBucket ? firstBucket - bucket : bucket - lastBucket)
                        + " from the run's other samples (" + range(firstBucket, lastBucket) + "): " + spanRule());
            }
            widen(lo, hi);
        }

        private void widen(long lo, long hi) {
            if (lo > hi) {
                return;
            }
            firstBucket = lo;
            lastBucket = hi;
            admittedFrom = lo * bucketNanos;
            admittedTo = hi * bucketNanos + (bucketNanos - 1);
        }

        private String spanRule() {
            return "a run may span at most " + MAX_SPAN + " buckets (" + distance(MAX_SPAN)
                    + "); is a clock wrong, or a timestamp damaged?";
        }

        private static String instant(long epochNanos) {
            return Instant.ofEpochSecond(0, epochNanos).toString();
        }

        private String range(long first, long last) {
            return instant(first * bucketNanos) + " to " + instant(last * bucketNanos + bucketNanos - 1);
        }

        /** A number of buckets as a time: days, hours, minutes or seconds. */
        private String distance(long buckets) {
            double seconds = buckets * (bucketNanos / 1e9);
            if (seconds >= 2 * 86400) {
                return String.format(java.util.Locale.ROOT, "%.0f days", seconds / 86400);
            }
            if (seconds >= 2 * 3600) {
                return String.format(java.util.Locale.ROOT, "%.0f hours", seconds / 3600);
            }
            return String.format(java.util.Locale.ROOT, "%.0f s", seconds);
        }

        private MetricAccumulator slice(Map<String, MetricAccumulator[]> dim, String key, int bi) {
            MetricAccumulator[] accs = dim.get(key);
            if (accs == null) {
                accs = new MetricAccumulator[LoadMetrics.REQUEST_BREAKDOWN.size()];
                dim.put(key, accs);
            }
            MetricAccumulator a = accs[bi];
            if (a == null) {
                String m = LoadMetrics.REQUEST_BREAKDOWN.get(bi);
                a = accs[bi] = create(m, LoadMetrics.kindOf(m), LoadMetrics.isTime(m), true);
            }
            return a;
        }

        /**
         * @param slice whether the metric is a slice (by name, status or error code) of an HTTP metric: its old
         *     buckets keep coarse histograms (see {@link Block}); the run-wide metrics keep full resolution throughout
         */
        private MetricAccumulator create(String metric, MetricKind kind, boolean time, boolean slice) {
            // rates, counters and gauges need no distribution; undeclared metrics might be trends
            boolean histogram = kind == MetricKind.TREND || kind == MetricKind.UNKNOWN;
            String unit = time ? "ms" : metric.startsWith("data_") ? "B" : "";
            return new MetricAccumulator(
                    metric, kind, unit, histogram, LoadMetrics.REQUEST_BREAKDOWN.indexOf(metric), bucketNanos, slice);
        }

        /**
         * Folds in samples read by another builder from the same load generator (e.g. another part of the
         * same file). {@code other} must not be used afterwards.
         *
         * @param other a builder with the same bucket length
         * @return this builder
         * @throws IllegalArgumentException if the bucket lengths differ
         */
        public Builder merge(Builder other) {
            return fold(other, false);
        }

        /**
         * Folds in the samples of another load generator of the same test (k6 runs split across machines):
         * counters, rates and trends add up; gauges such as VUs are summed across generators.
         * {@code other} must not be used afterwards.
         *
         * @param other a builder with the same bucket length
         * @return this builder
         * @throws IllegalArgumentException if the bucket lengths differ
         */
        public Builder mergeGenerator(Builder other) {
            return fold(other, true);
        }

        private Builder fold(Builder other, boolean acrossGenerators) {
            if (other.bucketNanos != bucketNanos) {
                throw new IllegalArgumentException(
                        "builders must share a bucket length, but were " + bucket() + " and " + other.bucket());
            }
            if (other.firstBucket != Long.MAX_VALUE && firstBucket != Long.MAX_VALUE) {
                long lo = Math.min(firstBucket, other.firstBucket);
                long hi = Math.max(lastBucket, other.lastBucket);
                if (hi - lo >= MAX_SPAN) {
                    throw new IllegalArgumentException("samples from " + range(other.firstBucket, other.lastBucket)
                            + " and the run's other samples (" + range(firstBucket, lastBucket) + ") together span "
                            + distance(hi - lo) + ": " + spanRule());
                }
            }
            widen(Math.min(firstBucket, other.firstBucket), Math.max(lastBucket, other.lastBucket));
            foldInto(metrics, other.metrics, acrossGenerators);
            foldSlices(byName, other.byName, acrossGenerators);
            foldSlices(byStatus, other.byStatus, acrossGenerators);
            foldSlices(byErrorCode, other.byErrorCode, acrossGenerators);
            java.util.Arrays.fill(recentNames, null);
            java.util.Arrays.fill(recentAccumulators, null);
            return this;
        }

        private static void foldInto(
                Map<String, MetricAccumulator> mine, Map<String, MetricAccumulator> theirs, boolean acrossGenerators) {
            for (MetricAccumulator t : theirs.values()) {
                MetricAccumulator m = mine.get(t.name);
                if (m == null) {
                    mine.put(t.name, t);
                } else if (acrossGenerators) {
                    m.mergeAcrossGenerators(t);
                } else {
                    m.merge(t);
                }
            }
        }

        private static void foldSlices(
                Map<String, MetricAccumulator[]> mine,
                Map<String, MetricAccumulator[]> theirs,
                boolean acrossGenerators) {
            theirs.forEach((key, t) -> {
                MetricAccumulator[] m = mine.get(key);
                if (m == null) {
                    mine.put(key, t);
                    return;
                }
                for (int i = 0; i < t.length; i++) {
                    if (t[i] == null) {
                        continue;
                    }
                    if (m[i] == null) {
                        m[i] = t[i];
                    } else if (acrossGenerators) {
                        m[i].mergeAcrossGenerators(t[i]);
                    } else {
                        m[i].merge(t[i]);
                    }
                }
            });
        }

        /**
         * The timeline of every sample recorded so far, taking over the builder's buckets: do not record into the
         * builder afterwards (use {@link #snapshot()} to keep recording). Costs no copy — a reader of a large file
         * needs no second copy of its histograms.
         *
         * @return the timeline; empty when nothing was recorded
         */
        public RunTimeline build() {
            return build(false);
        }

        /**
         * The timeline of every sample recorded so far, as a copy: the builder can go on recording.
         *
         * @return an independent timeline
         */
        public RunTimeline snapshot() {
            return build(true);
        }

        private RunTimeline build(boolean copy) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (MetricAccumulator a : metrics.values()) {
                first = Math.min(first, a.firstBucket());
                last = Math.max(last, a.lastBucket());
            }
            long bucketMillis = bucketNanos / 1_000_000;
            if (first > last) {
                return new RunTimeline(
                        source, 0, bucketMillis, 0, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
            }
            int n = Math.toIntExact(last - first + 1);
            long startMillis = first * bucketMillis;
            TreeMap<String, MetricTimeline> ms = new TreeMap<>();
            for (MetricAccumulator a : metrics.values()) {
                ms.put(a.name, timeline(a, Map.of(), first, n, startMillis, bucketMillis, copy));
            }
            TreeMap<String, HttpTimeline> names = slices(byName, "name", first, n, startMillis, bucketMillis, copy);
            TreeMap<String, HttpTimeline> statuses =
                    slices(byStatus, "status", first, n, startMillis, bucketMillis, copy);
            TreeMap<String, HttpTimeline> codes =
                    slices(byErrorCode, "error_code", first, n, startMillis, bucketMillis, copy);
            return new RunTimeline(source, startMillis, bucketMillis, n, ms, names, statuses, codes);
        }

        private MetricTimeline timeline(
                MetricAccumulator a,
                Map<String, String> tags,
                long first,
                int n,
                long startMillis,
                long bucketMillis,
                boolean copy) {
            return new MetricTimeline(
                    a.name, source, a.kind, a.unit, tags, startMillis, bucketMillis, a.view(first, n, copy));
        }

        private TreeMap<String, HttpTimeline> slices(
                Map<String, MetricAccumulator[]> dim,
                String tag,
                long first,
                int n,
                long startMillis,
                long bucketMillis,
                boolean copy) {
            TreeMap<String, HttpTimeline> out = new TreeMap<>();
            dim.forEach((key, accs) -> {
                Map<String, MetricTimeline> m = new HashMap<>();
                for (MetricAccumulator a : accs) {
                    if (a != null) {
                        m.put(a.name, timeline(a, Map.of(tag, key), first, n, startMillis, bucketMillis, copy));
                    }
                }
                out.put(key, new HttpTimeline(m, name -> emptyMetric(source, startMillis, bucketMillis, n, name)));
            });
            return out;
        }
    }
}
