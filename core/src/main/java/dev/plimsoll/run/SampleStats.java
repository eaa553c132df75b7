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

import org.jspecify.annotations.Nullable;

/** Mutable aggregate of the samples of one metric in one bucket. Thread-confined. */
final class SampleStats {
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long lastNanos = Long.MIN_VALUE;
    double last = Double.NaN;
    long nonZero;
    /** Values excluded from the histogram because it cannot hold them (negative). */
    long unbinned;

    @Nullable
    LogHistogram histogram;

    void add(long epochNanos, double value, boolean withHistogram) {
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
        if (withHistogram) {
            if (value >= 0) {
                if (histogram == null) {
                    histogram = new LogHistogram();
                }
                histogram.record(value);
            } else {
                unbinned++;
            }
        }
    }

    /** Folds {@code o} in; the later sample's value is the last one. */
    void merge(SampleStats o) {
        mergeScalars(o);
        if (o.histogram != null) {
            mergeHistogram(o.histogram);
        }
    }

    void mergeHistogram(LogHistogram h) {
        if (histogram == null) {
            histogram = new LogHistogram();
        }
        histogram.merge(h);
    }

    /** Folds in everything but the histogram. */
    void mergeScalars(SampleStats o) {
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
    }

    /** An independent copy (a built timeline must not change when its builder records more). */
    SampleStats copy() {
        SampleStats c = new SampleStats();
        c.merge(this);
        return c;
    }
}
