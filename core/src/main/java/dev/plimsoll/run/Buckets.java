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
 * A timeline's buckets of one metric, read-only: {@link Block}s handed over (or copied) from a {@link
 * MetricAccumulator}, of which the view shows {@code size} buckets from {@code offset} in the first block. Sealed
 * blocks are decoded on each read into fresh objects, so views are safe to share between threads.
 */
final class Buckets {
    /** Receives the buckets that hold samples. */
    interface Visitor {
        void accept(int index, SampleStats s);
    }

    private final @Nullable Object[] blocks;
    private final long firstBlock;
    private final int offset;
    private final int size;
    private final long bucketNanos;

    Buckets(@Nullable Object[] blocks, long firstBlock, int offset, int size, long bucketNanos) {
        this.blocks = blocks;
        this.firstBlock = firstBlock;
        this.offset = offset;
        this.size = size;
        this.bucketNanos = bucketNanos;
    }

    /** No samples in {@code size} buckets. */
    static Buckets empty(int size) {
        return new Buckets(new Object[0], 0, 0, size, 1);
    }

    int size() {
        return size;
    }

    /**
     * Visits the buckets {@code [from, to)} that hold samples, in order; with {@code histograms} false their
     * histograms may be left out. The visited objects must not be changed.
     */
    void forEach(int from, int to, boolean histograms, Visitor v) {
        from = Math.max(0, from);
        to = Math.min(size, to);
        if (from >= to) {
            return;
        }
        SampleStats[] scratch = null;
        int firstK = (from + offset) >> Block.SHIFT;
        int lastK = (to - 1 + offset) >> Block.SHIFT;
        for (int k = firstK; k <= lastK && k < blocks.length; k++) {
            Object o = blocks[k];
            if (o == null) {
                continue;
            }
            SampleStats[] bs;
            if (o instanceof Block.Hot h) {
                bs = h.buckets;
            } else {
                if (scratch == null) {
                    scratch = new SampleStats[Block.SIZE];
                }
                Block.decode((Block.Sealed) o, firstNanos(k), bucketNanos, histograms, scratch);
                bs = scratch;
            }
            int base = (k << Block.SHIFT) - offset;
            int lo = Math.max(from - base, 0);
            int hi = Math.min(to - base, Block.SIZE);
            for (int i = lo; i < hi; i++) {
                SampleStats s = bs[i];
                if (s != null) {
                    v.accept(base + i, s);
                }
            }
        }
    }

    /**
     * Every sample of buckets {@code [from, to)} merged: counts, sums, extremes and last values exact; the
     * histogram exact for whole coarse blocks inside the range and at full resolution for any bucket not in a coarse
     * block, coarse (see {@link Block}) for the part of a coarse block the range cuts.
     */
    SampleStats merge(int from, int to) {
        SampleStats out = new SampleStats();
        from = Math.max(0, from);
        to = Math.min(size, to);
        int k = (from + offset) >> Block.SHIFT;
        while (from < to) {
            int base = (k << Block.SHIFT) - offset;
            int blockEnd = Math.min(base + Block.SIZE, to);
            Object o = k < blocks.length ? blocks[k] : null;
            LogHistogram exact = null;
            // the view holds every sample, so a block it cuts at its own ends is whole where it holds anything
            boolean whole = from <= Math.max(base, 0) && blockEnd >= Math.min(base + Block.SIZE, size);
            if (whole && o instanceof Block.Sealed s) {
                exact = Block.exact(s);
            } else if (whole && o instanceof Block.Hot h) {
                exact = h.exact;
            }
            if (exact != null) {
                LogHistogram e = exact;
                SampleStats scalars = new SampleStats();
                forEach(from, blockEnd, false, (i, s) -> scalars.mergeScalars(s));
                out.mergeScalars(scalars);
                out.mergeHistogram(e);
            } else {
                forEach(from, blockEnd, true, (i, s) -> out.merge(s));
            }
            from = blockEnd;
            k++;
        }
        return out;
    }

    /** A deep copy of the hot blocks (sealed ones are immutable). */
    Buckets copy() {
        Object[] c = new Object[blocks.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = blocks[k] instanceof Block.Hot h ? h.copy() : blocks[k];
        }
        return new Buckets(c, firstBlock, offset, size, bucketNanos);
    }

    private long firstNanos(int k) {
        return ((firstBlock + k) << Block.SHIFT) * bucketNanos;
    }
}
