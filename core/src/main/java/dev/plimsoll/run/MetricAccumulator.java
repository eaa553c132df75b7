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

/**
 * Per-bucket samples of one metric while a run is being read. Thread-confined.
 *
 * <p>Buckets live in {@link Block}s of {@value Block#SIZE}. Blocks that end more than {@link #HORIZON_NANOS} before the
 * newest sample are sealed (stored compactly, a few dozen bytes a bucket); a sample that arrives for a sealed block
 * opens it again. With {@code coarseWhenOld} (the by-name, by-status and by-error-code slices), sealed blocks that
 * lie more than the horizon after the metric's first sample too are made coarse (see {@link Block}): the run's start
 * and its last {@link #HORIZON_NANOS} keep full resolution per bucket, every block keeps it for its whole.
 */
final class MetricAccumulator {
    /**
     * Widest span of buckets one metric may cover (≈ 46 days at 1 s). A point further away from the rest
     * of the run is a broken timestamp, not a long test, and is rejected rather than allocating gigabytes.
     */
    static final int MAX_SPAN = 4_000_000;

    /** How far behind the newest sample buckets stay hot: 5 minutes, far more than k6's output is out of order. */
    static final long HORIZON_NANOS = 300_000_000_000L;

    final String name;
    MetricKind kind;
    String unit;
    final boolean withHistogram;
    /** Index in {@link LoadMetrics#REQUEST_BREAKDOWN}, or -1. */
    final int breakdownIndex;

    private final long bucketNanos;
    private final boolean coarseWhenOld;
    private final long horizonBlocks;
    /** Hot or sealed blocks from {@code baseBlock}; null where nothing was recorded. */
    private @Nullable Object @Nullable [] blocks;

    private long baseBlock;
    private long firstBlock = Long.MAX_VALUE;
    private long lastBlock = Long.MIN_VALUE;
    /** Every block below this one (and at or above {@link #baseBlock}) is sealed or empty. */
    private long sealedBelow = Long.MIN_VALUE;

    private long cachedBlock = Long.MIN_VALUE;
    private Block.@Nullable Hot cached;
    private final BlockCodec.Out codec = new BlockCodec.Out();

    MetricAccumulator(
            String name,
            MetricKind kind,
            String unit,
            boolean withHistogram,
            int breakdownIndex,
            long bucketNanos,
            boolean coarseWhenOld) {
        this.name = name;
        this.kind = kind;
        this.unit = unit;
        this.withHistogram = withHistogram;
        this.breakdownIndex = breakdownIndex;
        this.bucketNanos = bucketNanos;
        this.coarseWhenOld = coarseWhenOld;
        long horizonBuckets = Math.max(1, HORIZON_NANOS / bucketNanos);
        this.horizonBlocks = (horizonBuckets + Block.SIZE - 1) >> Block.SHIFT;
    }

    void add(long bucket, long epochNanos, double value) {
        Block.Hot h = hot(bucket >> Block.SHIFT);
        int i = (int) (bucket & (Block.SIZE - 1));
        SampleStats s = h.buckets[i];
        if (s == null) {
            s = h.buckets[i] = new SampleStats();
        }
        s.add(epochNanos, value, withHistogram);
        if (h.exact != null && value >= 0 && withHistogram) {
            h.exact.record(value);
        }
    }

    /** The hot block {@code block}, created or thawed as needed; seals blocks that fell behind the horizon. */
    private Block.Hot hot(long block) {
        if (block == cachedBlock && cached != null) {
            return cached;
        }
        Object[] b = blocks;
        if (b == null) {
            baseBlock = block - 1;
            b = blocks = new Object[8];
        }
        long idx = block - baseBlock;
        if (idx < 0 || idx >= b.length) {
            b = grow(block);
            idx = block - baseBlock;
        }
        Object o = b[(int) idx];
        Block.Hot h;
        if (o instanceof Block.Hot hot) {
            h = hot;
        } else if (o instanceof Block.Sealed sealed) {
            h = Block.thaw(sealed, firstNanos(block), bucketNanos);
            b[(int) idx] = h;
            sealedBelow = Math.min(sealedBelow, block);
        } else {
            h = new Block.Hot();
            b[(int) idx] = h;
        }
        firstBlock = Math.min(firstBlock, block);
        if (block > lastBlock) {
            lastBlock = block;
            sealOld();
        }
        cachedBlock = block;
        cached = h;
        return h;
    }

    /** Seals the hot blocks that end more than the horizon before the newest one. */
    private void sealOld() {
        Object[] b = blocks;
        if (b == null) {
            return;
        }
        long below = lastBlock - horizonBlocks;
        for (long block = Math.max(sealedBelow, baseBlock); block < below; block++) {
            int idx = (int) (block - baseBlock);
            if (b[idx] instanceof Block.Hot h) {
                boolean coarse = coarseWhenOld && withHistogram && block > firstBlock + horizonBlocks;
                b[idx] = Block.seal(h, firstNanos(block), bucketNanos, coarse, kind == MetricKind.GAUGE, codec);
                if (block == cachedBlock) {
                    cached = null;
                    cachedBlock = Long.MIN_VALUE;
                }
            }
        }
        sealedBelow = Math.max(sealedBelow, below);
    }

    private long firstNanos(long block) {
        return (block << Block.SHIFT) * bucketNanos;
    }

    private Object[] grow(long block) {
        Object[] b = Objects.requireNonNull(blocks, "blocks");
        long lo = Math.min(baseBlock, block);
        long hi = Math.max(baseBlock + b.length, block + 1);
        if ((hi - lo) * Block.SIZE > MAX_SPAN) {
            long bucket = block << Block.SHIFT;
            throw new IllegalArgumentException("a point's time must lie within " + MAX_SPAN
                    + " buckets of the run's other points, but bucket " + bucket + " is "
                    + (hi - lo) * Block.SIZE + " buckets from them");
        }
        // leave room on the side that grew: points arrive nearly, not strictly, in time order
        long slack = Math.max(8, (hi - lo) / 2);
        long newLo = block < baseBlock ? lo - slack : lo;
        long newHi = block < baseBlock ? hi : hi + slack;
        Object[] n = new Object[(int) (newHi - newLo)];
        System.arraycopy(b, 0, n, (int) (baseBlock - newLo), b.length);
        baseBlock = newLo;
        blocks = n;
        return n;
    }

    /** Metrics whose samples cannot be negative: durations and the built-in counts. */
    private static final java.util.Set<String> COUNTS = java.util.Set.of(
            LoadMetrics.REQUESTS,
            LoadMetrics.ITERATIONS,
            LoadMetrics.DROPPED_ITERATIONS,
            LoadMetrics.DATA_SENT,
            LoadMetrics.DATA_RECEIVED,
            LoadMetrics.VUS,
            LoadMetrics.VUS_MAX);

    /**
     * Whether a negative sample is damage: a built-in duration or count (a custom trend may hold signed values, even
     * when declared as time).
     */
    boolean nonNegative() {
        return LoadMetrics.isTime(name) || COUNTS.contains(name);
    }

    /** First bucket holding a sample, or {@code Long.MAX_VALUE} when empty. */
    long firstBucket() {
        for (long block = firstBlock; block <= lastBlock; block++) {
            long present = present(block);
            if (present != 0) {
                return (block << Block.SHIFT) + Long.numberOfTrailingZeros(present);
            }
        }
        return Long.MAX_VALUE;
    }

    /** Last bucket holding a sample, or {@code Long.MIN_VALUE} when empty. */
    long lastBucket() {
        for (long block = lastBlock; block >= firstBlock; block--) {
            long present = present(block);
            if (present != 0) {
                return (block << Block.SHIFT) + 63 - Long.numberOfLeadingZeros(present);
            }
        }
        return Long.MIN_VALUE;
    }

    private long present(long block) {
        Object o = blockAt(block);
        if (o instanceof Block.Sealed s) {
            return s.present;
        }
        long p = 0;
        if (o instanceof Block.Hot h) {
            for (int i = 0; i < Block.SIZE; i++) {
                if (h.buckets[i] != null) {
                    p |= 1L << i;
                }
            }
        }
        return p;
    }

    private @Nullable Object blockAt(long block) {
        Object[] b = blocks;
        if (b == null) {
            return null;
        }
        long idx = block - baseBlock;
        return idx < 0 || idx >= b.length ? null : b[(int) idx];
    }

    /**
     * Folds in the samples of another reader of the same generator (parallel chunks of one file). Takes over
     * {@code o}'s buckets where this one has none: {@code o} must not be used afterwards.
     */
    void merge(MetricAccumulator o) {
        adoptDeclaration(o);
        for (long block = o.firstBlock; block <= o.lastBlock; block++) {
            Object theirs = o.blockAt(block);
            if (theirs == null) {
                continue;
            }
            Block.Hot t = theirs instanceof Block.Hot h
                    ? h
                    : Block.thaw((Block.Sealed) theirs, firstNanos(block), bucketNanos);
            Block.Hot mine = hot(block);
            if (t.exact != null) {
                mine.makeCoarse().merge(t.exact);
            } else if (mine.exact != null) {
                for (SampleStats s : t.buckets) {
                    if (s != null && s.histogram != null) {
                        mine.exact.merge(s.histogram);
                    }
                }
            }
            for (int i = 0; i < Block.SIZE; i++) {
                SampleStats s = t.buckets[i];
                if (s != null) {
                    SampleStats m = mine.buckets[i];
                    if (m == null) {
                        mine.buckets[i] = s; // taken over: the other accumulator is not used afterwards
                    } else {
                        m.merge(s);
                    }
                }
            }
        }
        sealOld();
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
            Block.Hot h = hot(b >> Block.SHIFT);
            int i = (int) (b & (Block.SIZE - 1));
            SampleStats s = h.buckets[i];
            if (s == null) {
                s = h.buckets[i] = new SampleStats();
            }
            if (theirs != null) {
                s.merge(theirs);
            }
            s.last = (Double.isNaN(heldMine) ? 0 : heldMine) + (Double.isNaN(heldTheirs) ? 0 : heldTheirs);
        }
        sealOld();
    }

    /** One bucket's samples for reading, or null; a sealed block is decoded (gauges: few blocks). */
    private @Nullable SampleStats peek(long bucket) {
        long block = bucket >> Block.SHIFT;
        Object o = blockAt(block);
        int i = (int) (bucket & (Block.SIZE - 1));
        if (o instanceof Block.Hot h) {
            return h.buckets[i];
        }
        if (o instanceof Block.Sealed s) {
            if ((s.present & (1L << i)) == 0) {
                return null;
            }
            SampleStats[] out = new SampleStats[Block.SIZE];
            Block.decode(s, firstNanos(block), bucketNanos, false, out);
            return out[i];
        }
        return null;
    }

    private void adoptDeclaration(MetricAccumulator o) {
        if (kind == MetricKind.UNKNOWN && o.kind != MetricKind.UNKNOWN) {
            kind = o.kind;
            unit = o.unit;
        }
    }

    /**
     * Buckets {@code [from, from + length)} for a timeline. With {@code copy}, hot blocks are copied so that the
     * accumulator can go on recording (sealed blocks are immutable and shared); without, they are handed over.
     */
    Buckets view(long from, int length, boolean copy) {
        long fromBlock = from >> Block.SHIFT;
        long toBlock = (from + length - 1) >> Block.SHIFT;
        Object[] out = new Object[length <= 0 ? 0 : (int) (toBlock - fromBlock + 1)];
        for (int k = 0; k < out.length; k++) {
            Object o = blockAt(fromBlock + k);
            out[k] = copy && o instanceof Block.Hot h ? h.copy() : o;
        }
        return new Buckets(out, fromBlock, (int) (from - (fromBlock << Block.SHIFT)), length, bucketNanos);
    }

    /** Bytes held by sealed blocks and objects of hot ones, roughly; for memory accounting in benchmarks. */
    long approximateBytes() {
        long n = 0;
        if (blocks != null) {
            for (Object o : blocks) {
                if (o instanceof Block.Sealed s) {
                    n += s.bytes();
                } else if (o instanceof Block.Hot h) {
                    for (SampleStats s : h.buckets) {
                        n += s == null ? 0 : 96 + (s.histogram == null ? 0 : s.histogram.capacity() * 8L + 24);
                    }
                }
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return name + "(" + kind + ", "
                + (blocks == null
                        ? 0
                        : Arrays.stream(blocks).filter(x -> x != null).count()) + " blocks)";
    }
}
