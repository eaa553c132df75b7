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

/**
 * {@value #SIZE} consecutive buckets of one metric, the unit in which old buckets are stored compactly. A block is
 * {@link Hot} (mutable {@link SampleStats} per bucket) or {@link Sealed} (the same bytes-for-bytes in a few dozen
 * bytes a bucket). A block may be <em>coarse</em>: its per-bucket histograms keep 2<sup>-{@value
 * #COARSE_MANTISSA_BITS}</sup> relative resolution instead of 2<sup>-10</sup>, and the block keeps one exact
 * full-resolution histogram of all its samples beside them — so totals and windows made of whole blocks stay exact,
 * and only a percentile of a single bucket (or of a window's partial blocks) is approximate. Counts, sums,
 * extremes and last values are always exact.
 */
final class Block {
    /** Buckets per block. */
    static final int SHIFT = 6;

    static final int SIZE = 1 << SHIFT;

    /** Mantissa bits kept by a coarse block's per-bucket histograms: bins 2⁻⁴ wide, values within ±3.2 %. */
    static final int COARSE_MANTISSA_BITS = 4;

    private static final int COARSE_SHIFT = 10 - COARSE_MANTISSA_BITS;

    private Block() {}

    /** A block being written. */
    static final class Hot {
        final SampleStats[] buckets = new SampleStats[SIZE];
        /** Non-null for a coarse block: the exact histogram of every sample of the block. */
        @Nullable
        LogHistogram exact;

        Hot copy() {
            Hot c = new Hot();
            for (int i = 0; i < SIZE; i++) {
                if (buckets[i] != null) {
                    c.buckets[i] = buckets[i].copy();
                }
            }
            if (exact != null) {
                c.exact = new LogHistogram();
                c.exact.merge(exact);
            }
            return c;
        }

        /** Makes the block coarse, keeping the exact histogram of what it holds. */
        LogHistogram makeCoarse() {
            LogHistogram e = exact;
            if (e == null) {
                e = new LogHistogram();
                for (SampleStats s : buckets) {
                    if (s != null && s.histogram != null) {
                        e.merge(s.histogram);
                    }
                }
                exact = e;
            }
            return e;
        }
    }

    /** A block stored compactly; immutable. */
    static final class Sealed {
        /** Bit i set when bucket i of the block has samples. */
        final long present;

        final byte[] data;
        final byte @Nullable [] exact;

        private Sealed(long present, byte[] data, byte @Nullable [] exact) {
            this.present = present;
            this.data = data;
            this.exact = exact;
        }

        /** Approximate bytes held, for memory accounting. */
        long bytes() {
            return 16 + 16 + data.length + 16 + (exact == null ? 0 : exact.length + 16);
        }
    }

    // flags of one encoded bucket
    private static final int NONZERO_COUNT = 1;
    private static final int NONZERO_NONE = 2;
    private static final int MAX_IS_MIN = 4;
    private static final int LAST_IS_MIN = 8;
    private static final int LAST_IS_MAX = 16;
    private static final int SUM_IS_MIN_TIMES_COUNT = 32;
    private static final int UNBINNED = 64;
    private static final int HISTOGRAM = 128;
    private static final int MIN_MICRO = 256;
    private static final int MAX_MICRO = 512;
    private static final int LAST_MICRO = 1024;
    private static final int SUM_MICRO = 2048;
    private static final int LAST_TIME = 4096;

    /**
     * Seals a hot block. {@code coarse} makes it a coarse block (a block that already is one stays one). Without
     * {@code keepLastTime} the time of each bucket's last sample is dropped: a sample that arrives for the bucket
     * later (more than the horizon late) counts in everything but does not replace its last value.
     *
     * @param firstBucketNanos start of the block's first bucket, epoch nanoseconds
     */
    static Sealed seal(
            Hot hot,
            long firstBucketNanos,
            long bucketNanos,
            boolean coarse,
            boolean keepLastTime,
            BlockCodec.Out out) {
        LogHistogram exact = coarse ? hot.makeCoarse() : hot.exact;
        int coarseBits = exact != null ? COARSE_SHIFT : 0;
        out.reset();
        long present = 0;
        BlockCodec.Out hist = new BlockCodec.Out();
        for (int i = 0; i < SIZE; i++) {
            SampleStats s = hot.buckets[i];
            if (s == null) {
                continue;
            }
            present |= 1L << i;
            int flags = 0;
            if (s.nonZero == s.count) {
                flags |= NONZERO_COUNT;
            } else if (s.nonZero == 0) {
                flags |= NONZERO_NONE;
            }
            boolean maxIsMin = same(s.max, s.min);
            flags |= maxIsMin ? MAX_IS_MIN : 0;
            if (same(s.last, s.min)) {
                flags |= LAST_IS_MIN;
            } else if (same(s.last, s.max)) {
                flags |= LAST_IS_MAX;
            }
            boolean sumDerived = same(s.sum, s.min * s.count);
            flags |= sumDerived ? SUM_IS_MIN_TIMES_COUNT : 0;
            flags |= s.unbinned > 0 ? UNBINNED : 0;
            LogHistogram h = s.histogram;
            boolean withHistogram = h != null && !h.isEmpty();
            flags |= withHistogram ? HISTOGRAM : 0;
            flags |= BlockCodec.isMicroUnits(s.min) ? MIN_MICRO : 0;
            flags |= BlockCodec.isMicroUnits(s.max) ? MAX_MICRO : 0;
            flags |= BlockCodec.isMicroUnits(s.last) ? LAST_MICRO : 0;
            flags |= BlockCodec.isMicroUnits(s.sum) ? SUM_MICRO : 0;
            flags |= keepLastTime ? LAST_TIME : 0;
            out.varLong(flags);
            out.varLong(s.count);
            if ((flags & (NONZERO_COUNT | NONZERO_NONE)) == 0) {
                out.varLong(s.nonZero);
            }
            if ((flags & UNBINNED) != 0) {
                out.varLong(s.unbinned);
            }
            if (keepLastTime) {
                out.zigzag(s.lastNanos - (firstBucketNanos + i * bucketNanos));
            }
            value(out, s.min, flags & MIN_MICRO);
            if (!maxIsMin) {
                value(out, s.max, flags & MAX_MICRO);
            }
            if (!sumDerived) {
                value(out, s.sum, flags & SUM_MICRO);
            }
            if ((flags & (LAST_IS_MIN | LAST_IS_MAX)) == 0) {
                value(out, s.last, flags & LAST_MICRO);
            }
            if (h != null && withHistogram) {
                hist.reset();
                h.encode(hist, coarseBits);
                out.bytes(hist);
            }
        }
        byte[] exactBytes = null;
        if (exact != null) {
            hist.reset();
            exact.encode(hist, 0);
            exactBytes = hist.toArray();
        }
        return new Sealed(present, out.toArray(), exactBytes);
    }

    /** Opens a sealed block for writing (or reading) again: fresh objects, the same contents. */
    static Hot thaw(Sealed sealed, long firstBucketNanos, long bucketNanos) {
        Hot hot = new Hot();
        decode(sealed, firstBucketNanos, bucketNanos, true, hot.buckets);
        if (sealed.exact != null) {
            LogHistogram e = new LogHistogram();
            e.decode(new BlockCodec.In(sealed.exact));
            hot.exact = e;
        }
        return hot;
    }

    /** The exact histogram of a coarse block's samples, or null for a block that is not coarse. */
    static @Nullable LogHistogram exact(Sealed sealed) {
        if (sealed.exact == null) {
            return null;
        }
        LogHistogram e = new LogHistogram();
        e.decode(new BlockCodec.In(sealed.exact));
        return e;
    }

    /**
     * Decodes every bucket into {@code out} (fresh objects; null where there was no sample); with {@code
     * histograms} false the histograms are skipped (cheaper, for count and sum series).
     */
    static void decode(Sealed sealed, long firstBucketNanos, long bucketNanos, boolean histograms, SampleStats[] out) {
        BlockCodec.In in = new BlockCodec.In(sealed.data);
        for (int i = 0; i < SIZE; i++) {
            if ((sealed.present & (1L << i)) == 0) {
                out[i] = null;
                continue;
            }
            SampleStats s = new SampleStats();
            int flags = (int) in.varLong();
            s.count = in.varLong();
            s.nonZero = (flags & NONZERO_COUNT) != 0 ? s.count : (flags & NONZERO_NONE) != 0 ? 0 : in.varLong();
            s.unbinned = (flags & UNBINNED) != 0 ? in.varLong() : 0;
            long bucketStart = firstBucketNanos + i * bucketNanos;
            s.lastNanos = (flags & LAST_TIME) != 0 ? in.zigzag() + bucketStart : bucketStart + bucketNanos - 1;
            s.min = value(in, flags & MIN_MICRO);
            s.max = (flags & MAX_IS_MIN) != 0 ? s.min : value(in, flags & MAX_MICRO);
            s.sum = (flags & SUM_IS_MIN_TIMES_COUNT) != 0 ? s.min * s.count : value(in, flags & SUM_MICRO);
            s.last = (flags & LAST_IS_MIN) != 0
                    ? s.min
                    : (flags & LAST_IS_MAX) != 0 ? s.max : value(in, flags & LAST_MICRO);
            if ((flags & HISTOGRAM) != 0) {
                if (histograms) {
                    in.bytesLength();
                    LogHistogram h = new LogHistogram();
                    h.decode(in);
                    s.histogram = h;
                } else {
                    in.skipBytes();
                }
            }
            out[i] = s;
        }
    }

    private static boolean same(double a, double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    private static void value(BlockCodec.Out out, double v, int micro) {
        if (micro != 0) {
            out.zigzag(Math.round(v * 1e6));
        } else {
            out.rawDouble(v);
        }
    }

    private static double value(BlockCodec.In in, int micro) {
        return micro != 0 ? in.zigzag() / 1e6 : in.rawDouble();
    }
}
