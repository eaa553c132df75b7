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

/**
 * A sparse log-linear histogram of non-negative doubles, for one metric in one bucket.
 *
 * <p>A value's bin is the top 22 bits of its IEEE 754 representation (sign, 11 exponent bits, the 10 highest
 * mantissa bits): for non-negative doubles that order is the numeric order, and each bin spans a relative
 * width of 2<sup>-10</sup>, so the bin's midpoint is within 1/2048 (≈ 0.05 %) of every value in it — the same
 * resolution as an HdrHistogram with 3 significant digits. Unlike a dense histogram, only occupied bins cost
 * memory (a one-second bucket of a latency trend occupies a few hundred), and recording is a shift and a hash
 * probe. Measured on the 168 MB S3 k6 output, HdrHistogram's {@code PackedHistogram} took 73 % of ingestion
 * time; dense {@code Histogram}s would need ~100 kB per bucket and slice.
 *
 * <p>Not thread-safe.
 */
final class LogHistogram {
    private static final int SHIFT = 42;

    private int[] keys;
    private long[] counts;
    private int size;

    // keys hold bin + 1, so that 0 marks an empty slot and new tables need no fill
    LogHistogram() {
        keys = new int[8];
        counts = new long[8];
    }

    static int binOf(double value) {
        return (int) (Double.doubleToRawLongBits(value) >>> SHIFT);
    }

    /** Midpoint of a bin: within 1/2048 of any value in it. */
    static double valueOf(int bin) {
        double lo = Double.longBitsToDouble((long) bin << SHIFT);
        double hi = Double.longBitsToDouble((long) (bin + 1) << SHIFT);
        return lo + (hi - lo) / 2;
    }

    /** Records a value ≥ 0 (callers keep negatives out). */
    void record(double value) {
        add(binOf(value), 1);
    }

    void add(int bin, long count) {
        int key = bin + 1;
        int mask = keys.length - 1;
        int i = (key * 0x9E3779B9) >>> 16 & mask;
        while (true) {
            int k = keys[i];
            if (k == key) {
                counts[i] += count;
                return;
            }
            if (k == 0) {
                keys[i] = key;
                counts[i] = count;
                if (++size * 2 > keys.length) {
                    rehash();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    void merge(LogHistogram other) {
        int[] k = other.keys;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != 0) {
                add(k[i] - 1, other.counts[i]);
            }
        }
    }

    /** Occupied bins in ascending order, with their counts in {@code countsOut} (resized as needed). */
    long[] sorted() {
        long[] packed = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                packed[n++] = (long) (keys[i] - 1) << 40 | counts[i]; // bins < 2^22, counts < 2^40
            }
        }
        Arrays.sort(packed);
        return packed;
    }

    static int binOfPacked(long packed) {
        return (int) (packed >>> 40);
    }

    static long countOfPacked(long packed) {
        return packed & ((1L << 40) - 1);
    }

    /** Slots of the hash table, for memory accounting. */
    int capacity() {
        return keys.length;
    }

    /** Whether no value was recorded. */
    boolean isEmpty() {
        return size == 0;
    }

    /**
     * Writes the histogram: the number of occupied bins, then per bin in ascending order the gap from the previous
     * bin (the first: the bin itself) shifted left by one, its low bit set when the count is not 1, and then the
     * count − 2. Latency bins are dense, so most entries take one byte. With {@code coarseBits} &gt; 0 each bin is
     * first replaced by the middle fine bin of its coarse bin {@code bin >> coarseBits} (a relative width of
     * 2<sup>coarseBits−10</sup>): a smaller, approximate copy.
     */
    void encode(BlockCodec.Out out, int coarseBits) {
        long[] packed = sorted();
        if (coarseBits > 0) {
            int n = 0;
            for (long p : packed) {
                int bin = binOfPacked(p);
                int coarse = ((bin >> coarseBits) << coarseBits) | (1 << (coarseBits - 1));
                long count = countOfPacked(p);
                if (n > 0 && binOfPacked(packed[n - 1]) == coarse) {
                    packed[n - 1] += count;
                } else {
                    packed[n++] = (long) coarse << 40 | count;
                }
            }
            packed = Arrays.copyOf(packed, n);
        }
        out.varLong(packed.length);
        int previous = 0;
        for (long p : packed) {
            int bin = binOfPacked(p);
            long count = countOfPacked(p);
            long gap = bin - previous;
            previous = bin;
            if (count == 1) {
                out.varLong(gap << 1);
            } else {
                out.varLong(gap << 1 | 1);
                out.varLong(count - 2);
            }
        }
    }

    /** Adds what {@link #encode} wrote. */
    void decode(BlockCodec.In in) {
        int n = (int) in.varLong();
        int bin = 0;
        for (int i = 0; i < n; i++) {
            long v = in.varLong();
            bin += (int) (v >>> 1);
            add(bin, (v & 1) == 0 ? 1 : in.varLong() + 2);
        }
    }

    private void rehash() {
        int[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                add(oldKeys[i] - 1, oldCounts[i]);
            }
        }
    }
}
