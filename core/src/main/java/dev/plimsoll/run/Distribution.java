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

import java.util.Locale;
import org.HdrHistogram.DoubleHistogram;
import org.jspecify.annotations.Nullable;

/**
 * The distribution of a trend's samples over some window: exact count, mean, minimum and maximum, and
 * percentiles from a log-linear histogram ({@link #toHdrHistogram()} exports it to HdrHistogram).
 *
 * <p><b>Percentiles</b> follow k6's definition so that Plimsoll and k6's end-of-test summary agree: for
 * {@code n} sorted samples, {@code p(q)} is interpolated linearly between the samples at ranks
 * {@code floor(i)} and {@code ceil(i)}, {@code i = q/100 × (n − 1)}. The samples themselves come from a
 * histogram with 3 significant digits, so each is known to within
 * its sub-bucket (relative width 1/2048; the midpoint is used, error ≤ 0.025 % + 1 ns); the lowest
 * and highest ranks are the exact minimum and maximum. A percentile is therefore within 0.05 % of
 * k6's figure for the same samples. Percentiles of percentiles are never taken: a window's percentile is
 * computed from the merged histograms of its buckets.
 *
 * <p>Long runs: a by-name, by-status or by-error-code slice keeps full resolution for its whole run, for each block
 * of 64 buckets and for the buckets within 5 minutes of the run's start and end; its older single buckets keep
 * histograms 2<sup>-4</sup> wide. So run totals, phase totals of the run-wide metrics and windows of whole blocks
 * keep the 0.05 %; a slice's percentile over a window that cuts old blocks, or of one old bucket, is within 3.2 %.
 *
 * <p>Values are in the metric's unit (milliseconds for time trends).
 *
 * @since 0.1
 */
public final class Distribution {
    private static final Distribution EMPTY = new Distribution(new SampleStats());
    private final long count;
    private final double sum;
    private final double min;
    private final double max;
    private final long unbinned;
    private final @Nullable LogHistogram histogram;

    Distribution(SampleStats s) {
        this.count = s.count;
        this.sum = s.sum;
        this.min = s.min;
        this.max = s.max;
        this.unbinned = s.unbinned;
        this.histogram = s.histogram;
    }

    static Distribution empty() {
        return EMPTY;
    }

    /**
     * Number of samples, exact.
     *
     * @return zero or more
     */
    public long count() {
        return count;
    }

    /**
     * Sum of the samples.
     *
     * @return in the metric's unit; 0 with no samples
     */
    public double sum() {
        return sum;
    }

    /**
     * Arithmetic mean, exact.
     *
     * @return in the metric's unit, or NaN with no samples
     */
    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Exact minimum.
     *
     * @return in the metric's unit, or NaN with no samples
     */
    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    /**
     * Exact maximum.
     *
     * @return in the metric's unit, or NaN with no samples
     */
    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    /**
     * The median, {@code percentile(50)}.
     *
     * @return in the metric's unit, or NaN as for {@link #percentile(double)}
     */
    public double median() {
        return percentile(50);
    }

    /**
     * The {@code q}-th percentile with k6's interpolation (see the class comment), or NaN with no samples
     * or when negative samples (which a histogram cannot hold) make percentiles unknowable.
     *
     * @param q percentile in {@code [0, 100]}
     * @return in the metric's unit; the exact minimum for {@code q = 0} and maximum for {@code q = 100}
     * @throws IllegalArgumentException when {@code q} is outside {@code [0, 100]}
     */
    public double percentile(double q) {
        if (!(q >= 0 && q <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], but was " + q);
        }
        if (count == 0 || unbinned > 0) {
            return Double.NaN;
        }
        if (count == 1) {
            return min;
        }
        double i = q / 100.0 * (count - 1);
        long lo = (long) Math.floor(i);
        long hi = (long) Math.ceil(i);
        double[] v = valuesAtRanks(lo, hi);
        return v[0] + (v[1] - v[0]) * (i - lo);
    }

    /**
     * The {@code q}-th percentile under a tool's definition, e.g. to show a JMeter run's percentiles as JMeter's
     * Aggregate Report would. The JMeter and Gatling definitions assume whole-millisecond samples, as those tools
     * record them: they are then exact below 2048 ms (each whole millisecond has a histogram bin of its own there) and
     * within 0.1 % above.
     *
     * @param q percentile in {@code [0, 100]}
     * @param definition whose percentile: {@link PercentileDefinition#K6} is {@link #percentile(double)}
     * @return NaN with no samples or when negative samples make percentiles unknowable
     * @throws IllegalArgumentException when {@code q} is outside {@code [0, 100]}
     */
    public double percentile(double q, PercentileDefinition definition) {
        if (definition == PercentileDefinition.K6) {
            return percentile(q);
        }
        if (!(q >= 0 && q <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], but was " + q);
        }
        if (count == 0 || unbinned > 0) {
            return Double.NaN;
        }
        double p = q / 100.0;
        if (definition == PercentileDefinition.JMETER) {
            // StatCalculator: max at p ≥ 1, else the first value whose cumulative count reaches round(p × n)
            long target = p >= 1 ? count : Math.max(1, Math.round(count * p));
            return wholeMillis(valuesAtRanks(target - 1, target - 1)[0]);
        }
        if (definition == PercentileDefinition.GATLING) {
            // t-digest 3.3 over singletons: min below rank 1, max from rank n − 1, else the sample at floor(p × n)
            double index = p * count;
            long rank = index < 1 ? 0 : index >= count - 1 ? count - 1 : (long) Math.floor(index);
            return wholeMillis(valuesAtRanks(rank, rank)[0]);
        }
        double i = p * (count - 1);
        long lo = (long) Math.floor(i);
        long hi = (long) Math.ceil(i);
        double[] v = valuesAtRanks(lo, hi);
        double a = wholeMillis(v[0]);
        double b = wholeMillis(v[1]);
        return Math.round(a + (b - a) * (i - lo));
    }

    /** The whole millisecond a bin's midpoint stands for: below 2048 a bin holds at most one whole number. */
    private static double wholeMillis(double v) {
        return Math.floor(v + 1e-9);
    }

    /** Values at 0-based ranks {@code lo ≤ hi} in one pass over the histogram. */
    private double[] valuesAtRanks(long lo, long hi) {
        double[] out = {Double.NaN, Double.NaN};
        long[] ranks = {lo, hi};
        if (histogram != null) {
            int next = 0;
            long seen = 0;
            for (long packed : histogram.sorted()) {
                seen += LogHistogram.countOfPacked(packed);
                while (next < 2 && ranks[next] < seen) {
                    out[next++] = LogHistogram.valueOf(LogHistogram.binOfPacked(packed));
                }
                if (next == 2) {
                    break;
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            if (ranks[k] == 0) {
                out[k] = min;
            } else if (ranks[k] == count - 1) {
                out[k] = max;
            } else {
                out[k] = Math.max(min, Math.min(max, out[k]));
            }
        }
        return out;
    }

    /**
     * The samples as an HdrHistogram {@link DoubleHistogram} (3 significant digits), e.g. to write them in
     * HdrHistogram's log format; each sample is placed at its bin's midpoint.
     *
     * @return a new histogram, empty with no samples; values below {@link Double#MIN_NORMAL} (zeros) are recorded
     *     as {@code MIN_NORMAL}
     */
    public DoubleHistogram toHdrHistogram() {
        DoubleHistogram h = new DoubleHistogram(3);
        if (histogram != null) {
            for (long packed : histogram.sorted()) {
                double v = LogHistogram.valueOf(LogHistogram.binOfPacked(packed));
                h.recordValueWithCount(Math.max(v, Double.MIN_NORMAL), LogHistogram.countOfPacked(packed));
            }
        }
        return h;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "Distribution{n=%d, min=%.3f, med=%.3f, p95=%.3f, max=%.3f}",
                count,
                min(),
                median(),
                percentile(95),
                max());
    }
}
