package dev.plimsoll.run;

import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedDoubleHistogram;
import org.HdrHistogram.PackedHistogram;
import org.jspecify.annotations.Nullable;

/** Mutable aggregate of the samples of one metric in one bucket. Thread-confined. */
final class SampleStats {
    /**
     * Significant decimal digits kept by every latency histogram: values are exact to within 1 part in
     * 2048 (HdrHistogram rounds each value into a sub-bucket of that relative width, ≤ 0.05 %).
     */
    static final int SIGNIFICANT_DIGITS = 3;

    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long lastNanos = Long.MIN_VALUE;
    double last = Double.NaN;
    long nonZero;
    /** Values excluded from the histogram because it cannot hold them (negative). */
    long unbinned;
    @Nullable Histogram nanos;
    @Nullable DoubleHistogram doubles;

    void add(long epochNanos, double value, HistogramMode mode) {
        count++;
        sum += value;
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
        if (epochNanos >= lastNanos) {
            lastNanos = epochNanos;
            last = value;
        }
        if (value != 0) {
            nonZero++;
        }
        switch (mode) {
            case NANOS -> {
                if (value >= 0) {
                    if (nanos == null) {
                        nanos = new PackedHistogram(SIGNIFICANT_DIGITS);
                    }
                    nanos.recordValue(Math.round(value * 1e6));
                } else {
                    unbinned++;
                }
            }
            case DOUBLE -> {
                if (value >= 0) {
                    if (doubles == null) {
                        doubles = new PackedDoubleHistogram(SIGNIFICANT_DIGITS);
                    }
                    doubles.recordValue(value);
                } else {
                    unbinned++;
                }
            }
            case NONE -> {
            }
        }
    }

    /** Folds {@code o} in; the later sample's value is the last one. */
    void merge(SampleStats o) {
        count += o.count;
        sum += o.sum;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        if (o.lastNanos >= lastNanos) {
            lastNanos = o.lastNanos;
            last = o.last;
        }
        nonZero += o.nonZero;
        unbinned += o.unbinned;
        if (o.nanos != null) {
            if (nanos == null) {
                nanos = new PackedHistogram(SIGNIFICANT_DIGITS);
            }
            nanos.add(o.nanos);
        }
        if (o.doubles != null) {
            if (doubles == null) {
                doubles = new PackedDoubleHistogram(SIGNIFICANT_DIGITS);
            }
            doubles.add(o.doubles);
        }
    }

    SampleStats copy() {
        SampleStats c = new SampleStats();
        c.merge(this);
        c.lastNanos = lastNanos;
        c.last = last;
        return c;
    }

    enum HistogramMode { NONE, NANOS, DOUBLE }
}
