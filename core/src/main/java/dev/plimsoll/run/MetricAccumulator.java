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

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Per-bucket samples of one metric while a run is being read. Thread-confined. */
final class MetricAccumulator {
    /**
     * Widest span of buckets one metric may cover (≈ 46 days at 1 s). A point further away from the rest
     * of the run is a broken timestamp, not a long test, and is rejected rather than allocating gigabytes.
     */
    static final int MAX_SPAN = 4_000_000;

    final String name;
    MetricKind kind;
    String unit;
    final boolean withHistogram;
    private SampleStats @Nullable [] buckets;
    private long base;

    MetricAccumulator(String name, MetricKind kind, String unit, boolean withHistogram) {
        this.name = name;
        this.kind = kind;
        this.unit = unit;
        this.withHistogram = withHistogram;
    }

    void add(long bucket, long epochNanos, double value) {
        stats(bucket).add(epochNanos, value, withHistogram);
    }

    SampleStats stats(long bucket) {
        SampleStats[] b = buckets;
        if (b == null) {
            base = bucket - 8;
            b = buckets = new SampleStats[64];
        }
        long idx = bucket - base;
        if (idx < 0 || idx >= b.length) {
            b = grow(bucket);
            idx = bucket - base;
        }
        SampleStats s = b[(int) idx];
        if (s == null) {
            s = b[(int) idx] = new SampleStats();
        }
        return s;
    }

    private SampleStats[] grow(long bucket) {
        SampleStats[] b = Objects.requireNonNull(buckets, "buckets");
        long lo = Math.min(base, bucket);
        long hi = Math.max(base + b.length, bucket + 1);
        if (hi - lo > MAX_SPAN) {
            throw new IllegalArgumentException("a point's time must lie within " + MAX_SPAN
                    + " buckets of the run's other points, but bucket " + bucket + " is " + (hi - lo)
                    + " buckets from them");
        }
        // leave room on the side that grew: points arrive nearly, not strictly, in time order
        long slack = Math.max(64, (hi - lo) / 2);
        long newLo = bucket < base ? lo - slack : lo;
        long newHi = bucket < base ? hi : hi + slack;
        SampleStats[] n = new SampleStats[(int) (newHi - newLo)];
        System.arraycopy(b, 0, n, (int) (base - newLo), b.length);
        base = newLo;
        buckets = n;
        return n;
    }

    /** First bucket holding a sample, or {@code Long.MAX_VALUE} when empty. */
    long firstBucket() {
        if (buckets != null) {
            for (int i = 0; i < buckets.length; i++) {
                if (buckets[i] != null) {
                    return base + i;
                }
            }
        }
        return Long.MAX_VALUE;
    }

    /** Last bucket holding a sample, or {@code Long.MIN_VALUE} when empty. */
    long lastBucket() {
        if (buckets != null) {
            for (int i = buckets.length - 1; i >= 0; i--) {
                if (buckets[i] != null) {
                    return base + i;
                }
            }
        }
        return Long.MIN_VALUE;
    }

    @Nullable
    SampleStats peek(long bucket) {
        if (buckets == null) {
            return null;
        }
        long idx = bucket - base;
        return idx < 0 || idx >= buckets.length ? null : buckets[(int) idx];
    }

    /** Folds in the samples of another reader of the same generator (parallel chunks of one file). */
    void merge(MetricAccumulator o) {
        adoptDeclaration(o);
        long first = o.firstBucket();
        long last = o.lastBucket();
        for (long b = first; b <= last; b++) {
            SampleStats s = o.peek(b);
            if (s != null) {
                stats(b).merge(s);
            }
        }
    }

    /**
     * Folds in the samples of another load generator. Gauges (VUs) add up across generators: each
     * generator's last value, held forward from its latest sample, is summed per bucket.
     */
    void mergeAcrossGenerators(MetricAccumulator o) {
        adoptDeclaration(o);
        if (kind != MetricKind.GAUGE) {
            merge(o);
            return;
        }
        long first = Math.min(firstBucket(), o.firstBucket());
        long last = Math.max(lastBucket(), o.lastBucket());
        double heldMine = Double.NaN;
        double heldTheirs = Double.NaN;
        for (long b = first; b <= last; b++) {
            SampleStats mine = peek(b);
            SampleStats theirs = o.peek(b);
            if (mine != null) {
                heldMine = mine.last;
            }
            if (theirs != null) {
                heldTheirs = theirs.last;
            }
            if (mine == null && theirs == null) {
                continue;
            }
            SampleStats s = stats(b);
            if (theirs != null) {
                s.merge(theirs);
            }
            s.last = (Double.isNaN(heldMine) ? 0 : heldMine) + (Double.isNaN(heldTheirs) ? 0 : heldTheirs);
        }
    }

    private void adoptDeclaration(MetricAccumulator o) {
        if (kind == MetricKind.UNKNOWN && o.kind != MetricKind.UNKNOWN) {
            kind = o.kind;
            unit = o.unit;
        }
    }

    /**
     * Buckets {@code [from, from + length)} as a dense array; missing buckets stay null. With {@code copy}, each bucket
     * is copied so that the accumulator can go on recording; without, the buckets are handed over.
     */
    SampleStats[] dense(long from, int length, boolean copy) {
        SampleStats[] out = new SampleStats[length];
        if (buckets != null) {
            for (int i = 0; i < length; i++) {
                SampleStats s = peek(from + i);
                out[i] = s == null || !copy ? s : s.copy();
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name + "(" + kind + ", "
                + (buckets == null
                        ? 0
                        : Arrays.stream(buckets).filter(x -> x != null).count()) + " buckets)";
    }
}
