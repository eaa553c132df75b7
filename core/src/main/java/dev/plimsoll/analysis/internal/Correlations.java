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
package dev.plimsoll.analysis.internal;

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.analysis.Correlation;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.jspecify.annotations.Nullable;

/**
 * Lagged correlation of the load with each cloud series: the load (requests per second) is averaged over each cloud
 * bucket, shifted by lags of whole periods up to {@link #MAX_LAG_SECONDS}, and the lag with the largest |r| is kept.
 * Commons Math stays inside this class.
 *
 * <p>Edge cases: fewer than {@value #MIN_PAIRS} pairs, or a constant series, give no correlation (Pearson's r is
 * undefined for zero variance); ties are ranked by their average rank (Spearman).
 */
final class Correlations {
    static final double MAX_LAG_SECONDS = 120;
    static final int MIN_PAIRS = 5;

    private Correlations() {}

    static List<Correlation> of(AlignedRun ar) {
        List<Correlation> out = new ArrayList<>();
        if (ar.run().timeline().isEmpty()) {
            return out;
        }
        out.addAll(against(ar, ar.run().timeline().rps(), "rps"));
        out.addAll(against(ar, ar.run().timeline().vus(), "vus"));
        return out;
    }

    /** Each cloud series against one load series (per bucket: mean over the cloud bucket). */
    private static List<Correlation> against(AlignedRun ar, TimeSeries rps, String load) {
        List<Correlation> out = new ArrayList<>();
        double bucket = ar.run().timeline().bucket().toMillis();
        for (FetchedSeries f : ar.cloud()) {
            TimeSeries s = f.series();
            double p = f.periodMillis();
            Correlation best = null;
            int maxLag = (int) Math.floor(MAX_LAG_SECONDS * 1000 / p);
            int atZero = -1;
            for (int lag : lagOrder(maxLag)) {
                List<double[]> pairs = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    double y = s.valueAt(i);
                    double t = s.epochMilliAt(i) - lag * p;
                    if (Double.isNaN(y)
                            || t < rps.epochMilliAt(0)
                            || t + p > rps.epochMilliAt(rps.size() - 1) + bucket) {
                        continue;
                    }
                    pairs.add(new double[] {Samples.sum(rps, t, t + p, bucket) * bucket / p, y});
                }
                if (lag == 0) {
                    atZero = pairs.size();
                }
                // a lag that leaves a third of the overlap out compares too little to win
                if (pairs.size() < 2 * atZero / 3) {
                    continue;
                }
                Correlation c = correlate(f.queryId(), f.signal(), s.id().toString(), load, pairs, lag * p / 1000);
                if (c != null && (best == null || Math.abs(c.pearson()) > Math.abs(best.pearson()) + 1e-9)) {
                    best = c;
                }
            }
            if (best != null) {
                out.add(best);
            }
        }
        return out;
    }

    /** 0, then ±1, ±2 … periods: the zero-lag overlap is measured first and ties keep the smaller lag. */
    private static int[] lagOrder(int maxLag) {
        int[] out = new int[2 * maxLag + 1];
        int k = 0;
        out[k++] = 0;
        for (int l = 1; l <= maxLag; l++) {
            out[k++] = l;
            out[k++] = -l;
        }
        return out;
    }

    /** Pearson, Spearman and the p-value of Pearson's r for pairs; null when undefined. */
    static @Nullable Correlation correlate(String series, String load, List<double[]> pairs, double lagSeconds) {
        return correlate(series, Signal.CUSTOM, series, load, pairs, lagSeconds);
    }

    /** Pearson, Spearman and the p-value of Pearson's r for pairs; null when undefined. */
    static @Nullable Correlation correlate(
            String queryId, Signal signal, String series, String load, List<double[]> pairs, double lagSeconds) {
        int n = pairs.size();
        if (n < MIN_PAIRS) {
            return null;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pairs.get(i)[0];
            y[i] = pairs.get(i)[1];
        }
        if (constant(x) || constant(y)) {
            return null;
        }
        double r = new PearsonsCorrelation().correlation(x, y);
        double rho = new SpearmansCorrelation().correlation(x, y);
        return new Correlation(queryId, signal, series, load, r, rho, lagSeconds, pValue(r, n), n);
    }

    /** Two-sided p-value of r under H0: ρ = 0, t = r √((n − 2)/(1 − r²)) with n − 2 degrees of freedom. */
    static double pValue(double r, int n) {
        if (n < 3 || Double.isNaN(r)) {
            return Double.NaN;
        }
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double t = Math.abs(r) * Math.sqrt((n - 2) / (1 - r * r));
        return 2 * (1 - new TDistribution(n - 2).cumulativeProbability(t));
    }

    private static boolean constant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }
}
