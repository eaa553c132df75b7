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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The histogram's packed hash table against an exact map of bins, through growth, merges and its byte form. */
class LogHistogramTest {

    /** Seeded latencies over six orders of magnitude, zeros and repeats included: thousands of bins, many rehashes. */
    private static double[] samples(long seed, int n) {
        Random random = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            out[i] = kind == 0 ? 0 : kind == 1 ? 25.0 : Math.exp(random.nextGaussian() * 3) * 30;
        }
        return out;
    }

    private static TreeMap<Integer, Long> exact(double[]... parts) {
        TreeMap<Integer, Long> bins = new TreeMap<>();
        for (double[] part : parts) {
            for (double v : part) {
                bins.merge(LogHistogram.binOf(v), 1L, Long::sum);
            }
        }
        return bins;
    }

    private static TreeMap<Integer, Long> bins(LogHistogram h) {
        TreeMap<Integer, Long> bins = new TreeMap<>();
        long previous = -1;
        for (long packed : h.sorted()) {
            assertThat(packed).as("sorted ascending").isGreaterThan(previous);
            previous = packed;
            bins.put(LogHistogram.binOfPacked(packed), LogHistogram.countOfPacked(packed));
        }
        return bins;
    }

    private static LogHistogram of(double[] values) {
        LogHistogram h = new LogHistogram();
        for (double v : values) {
            h.record(v);
        }
        return h;
    }

    @Test
    void sortedWhenManyBinsRecordedShouldHoldEveryBinWithItsExactCount() {
        double[] values = samples(1, 50_000);

        LogHistogram h = of(values);

        assertThat(h.isEmpty()).isFalse();
        assertThat(bins(h)).isEqualTo(exact(values)).hasSizeGreaterThan(4_000);
        assertThat(h.capacity()).isLessThanOrEqualTo(4 * bins(h).size());
    }

    @Test
    void mergeWhenHistogramsOverlapShouldAddTheirCounts() {
        double[] a = samples(2, 3_000);
        double[] b = samples(3, 7_000);

        LogHistogram h = of(a);
        h.merge(of(b));

        assertThat(bins(h)).isEqualTo(exact(a, b));
    }

    @Test
    void decodeWhenEncodedShouldRestoreEveryBinAndCount() {
        double[] values = samples(4, 20_000);
        LogHistogram h = of(values);
        h.add(LogHistogram.binOf(1.0), 1L << 39); // a count far above a byte's worth
        BlockCodec.Out out = new BlockCodec.Out();
        h.encode(out, 0);

        LogHistogram back = new LogHistogram();
        back.decode(new BlockCodec.In(out.toArray()));

        assertThat(bins(back)).isEqualTo(bins(h));
        assertThat(bins(back).get(LogHistogram.binOf(1.0)))
                .isEqualTo((1L << 39) + exact(values).getOrDefault(LogHistogram.binOf(1.0), 0L));
    }

    @Test
    void isEmptyWhenNothingRecordedShouldBeTrueAndSortedEmpty() {
        LogHistogram h = new LogHistogram();

        assertThat(h.isEmpty()).isTrue();
        assertThat(h.sorted()).isEmpty();
    }
}
