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
package dev.plimsoll.history.internal;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The statistics the comparisons and change points use, over Commons Math (kept out of public signatures). Inputs
 * never hold NaN: callers drop gaps first.
 */
public final class Stats {
    /** Scales a median absolute deviation to the standard deviation of a normal distribution: 1 ÷ Φ⁻¹(3/4). */
    public static final double MAD_TO_SIGMA = 1.4826;

    private Stats() {}

    /** Median (Commons Math's default estimation: the mean of the two middle values for an even count). */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        return new Median().evaluate(values);
    }

    /** Median absolute deviation from the median (unscaled). */
    public static double mad(double[] values) {
        double m = median(values);
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = Math.abs(values[i] - m);
        }
        return median(d);
    }

    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /**
     * Two-sided p-value of the Mann–Whitney U test (Commons Math: normal approximation, ties ranked by their
     * average).
     */
    public static double mannWhitneyP(double[] x, double[] y) {
        double p = new MannWhitneyUTest(NaNStrategy.FAILED, TiesStrategy.AVERAGE).mannWhitneyUTest(x, y);
        return Double.isNaN(p) ? 1 : p;
    }

    /**
     * Common-language effect size (Vargha and Delaney's A): the probability that a value of {@code x} exceeds one of
     * {@code y}, ties counting half, from the same average ranks the U test uses (Kayenta's {@code cles}).
     */
    public static double cles(double[] x, double[] y) {
        double[] all = new double[x.length + y.length];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);
        double r1 = 0;
        for (int i = 0; i < x.length; i++) {
            r1 += ranks[i];
        }
        double m = x.length;
        double n = y.length;
        return (r1 - m * (m + 1) / 2) / (m * n);
    }

    /**
     * Two-sided p-value of Student's t-test with pooled variance (Commons Math {@code homoscedasticTTest}); 1 when
     * a side has fewer than two values (a single run is never a stretch) or the test is undefined (no variance and
     * equal means).
     */
    public static double studentTP(double[] x, double[] y) {
        if (x.length < 2 || y.length < 2) {
            return 1;
        }
        double p = new TTest().homoscedasticTTest(x, y);
        return Double.isNaN(p) ? 1 : p;
    }

    /** The values without NaN. */
    public static double[] present(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** Whether two samples hold the same values, in any order. */
    public static boolean sameValues(double[] x, double[] y) {
        if (x.length != y.length) {
            return false;
        }
        double[] a = x.clone();
        double[] b = y.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        return Arrays.equals(a, b);
    }
}
