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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Change points by E-divisive means (Matteson and James, JASA 2014) the way Apache Otava runs it (Fleming et al.,
 * ICPE 2023; {@code otava/analysis.py}): a split step over sliding windows keeps "weak" change points at a relaxed
 * significance, and a merge step drops the weakest until every one left passes the real one. Significance is a
 * two-sided Student's t-test between the stretches either side, as in Otava, over Commons Math.
 *
 * <p>Differences from Otava, deliberate and checked against Otava's own code on the same series: a change point
 * needs at least {@code minRuns} runs on either side (Otava: one), because a t-test applied to the split a search found
 * best is optimistic, and on resampled real runs two outlying runs at the end of a history were otherwise reported as
 * a shift; the merge step drops, among the points not significant with their current neighbours, the one with the
 * smallest shift (Otava: the one with the largest p-value), because a small spurious weak point next to a real shift
 * made the real one look weakest, and Otava then dropped both; and after a point is dropped every remaining point's
 * statistics are recomputed (Otava recomputes the two after the dropped index).
 */
public final class EDivisive {
    private EDivisive() {}

    /**
     * A change point.
     *
     * @param index first index after the shift
     * @param meanBefore mean of the stretch before
     * @param meanAfter mean of the stretch after
     * @param pValue t-test between the stretches
     */
    public record ChangePoint(int index, double meanBefore, double meanAfter, double pValue) {
        /** Otava's magnitude: {@code max(|after/before − 1|, |before/after − 1|)}, 0 when a mean is 0. */
        public double magnitude() {
            double forward = meanBefore == 0 ? 0 : meanAfter / meanBefore - 1;
            double backward = meanAfter == 0 ? 0 : meanBefore / meanAfter - 1;
            return Math.max(Math.abs(forward), Math.abs(backward));
        }
    }

    /**
     * The change points of {@code series} (no NaN), ascending.
     *
     * @param windowLength values per window (≥ 4)
     * @param maxPValue significance a change point must reach
     * @param minMagnitude smallest magnitude that counts
     * @param minRuns fewest values on either side of a change point (≥ 2)
     */
    public static List<ChangePoint> changePoints(
            double[] series, int windowLength, double maxPValue, double minMagnitude, int minRuns) {
        double firstPass = maxPValue < 0.05 ? maxPValue * 10 : (maxPValue < 0.5 ? maxPValue * 2 : maxPValue);
        List<Integer> weak = split(series, windowLength, firstPass, minRuns);
        return merge(series, weak, maxPValue, minMagnitude, minRuns);
    }

    private static List<Integer> split(double[] series, int windowLength, double pValue, int minRuns) {
        TreeSet<Integer> points = new TreeSet<>();
        int step = windowLength / 2;
        int start = 0;
        while (start < series.length) {
            int end = Math.min(start + windowLength, series.length);
            List<Integer> found = detect(Arrays.copyOfRange(series, start, end), pValue, minRuns);
            int lastNew = 0;
            for (int p : found) {
                points.add(p + start);
                lastNew = Math.max(lastNew, p + start);
            }
            start = Math.max(lastNew, start + step);
        }
        return new ArrayList<>(points);
    }

    /** Divisive search in one window: the best split of any stretch, kept while significant. */
    private static List<Integer> detect(double[] x, double pValue, int minRuns) {
        int n = x.length;
        double[][] prefix = prefixDistances(x);
        List<Integer> points = new ArrayList<>();
        while (true) {
            int bestTau = -1;
            int bestFrom = 0;
            int bestTo = 0;
            double bestQ = Double.NEGATIVE_INFINITY;
            int from = 0;
            for (int k = 0; k <= points.size(); k++) {
                int to = k == points.size() ? n : points.get(k);
                if (to - from >= 2 * minRuns) {
                    double[] candidate = bestSplit(prefix, from, to, minRuns);
                    if (candidate[1] > bestQ) {
                        bestQ = candidate[1];
                        bestTau = (int) candidate[0];
                        bestFrom = from;
                        bestTo = to;
                    }
                }
                from = to;
            }
            if (bestTau < 0) {
                return points;
            }
            double p =
                    Stats.studentTP(Arrays.copyOfRange(x, bestFrom, bestTau), Arrays.copyOfRange(x, bestTau, bestTo));
            if (p > pValue) {
                return points;
            }
            points.add(bestTau);
            points.sort(null);
        }
    }

    /**
     * The split τ of {@code x[from, to)} maximising Q̂(x[from, τ), x[τ, κ)) over from &lt; τ &lt; κ ≤ to, with
     * Q̂(X, Y) = 2/(m+n) ΣΣ|Xᵢ−Yⱼ| − 2m/((m+n)(n−1)) Σᵢ&lt;ₖ|Xᵢ−Xₖ| − 2n/((m+n)(m−1)) Σⱼ&lt;ₖ|Yⱼ−Yₖ|
     * (n = |X|, m = |Y|, both at least {@code minRuns}). Returns {τ, Q̂}; the first maximum wins.
     */
    private static double[] bestSplit(double[][] prefix, int from, int to, int minRuns) {
        int bestTau = from + minRuns;
        double best = Double.NEGATIVE_INFINITY;
        for (int tau = from + minRuns; tau <= to - minRuns; tau++) {
            double n = tau - from;
            double withinX = block(prefix, from, tau, from, tau) / 2;
            for (int kappa = tau + minRuns; kappa <= to; kappa++) {
                double m = kappa - tau;
                double between = block(prefix, from, tau, tau, kappa);
                double withinY = block(prefix, tau, kappa, tau, kappa) / 2;
                double q = 2 / (m + n) * between
                        - (n > 1 ? 2 * m / ((m + n) * (n - 1)) * withinX : 0)
                        - (m > 1 ? 2 * n / ((m + n) * (m - 1)) * withinY : 0);
                if (q > best) {
                    best = q;
                    bestTau = tau;
                }
            }
        }
        return new double[] {bestTau, best};
    }

    /** The t-test's p-value, 1 when a side has fewer than {@code minRuns} values. */
    private static double pValue(double[] left, double[] right, int minRuns) {
        return left.length < minRuns || right.length < minRuns ? 1 : Stats.studentTP(left, right);
    }

    /** prefix[i][j] = Σ_{a<i, b<j} |x[a] − x[b]|. */
    private static double[][] prefixDistances(double[] x) {
        int n = x.length;
        double[][] p = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += Math.abs(x[i] - x[j]);
                p[i + 1][j + 1] = p[i][j + 1] + row;
            }
        }
        return p;
    }

    private static double block(double[][] p, int a1, int a2, int b1, int b2) {
        return p[a2][b2] - p[a1][b2] - p[a2][b1] + p[a1][b1];
    }

    private static List<ChangePoint> merge(
            double[] series, List<Integer> weak, double maxPValue, double minMagnitude, int minRuns) {
        List<Integer> points = new ArrayList<>(weak);
        while (!points.isEmpty()) {
            List<ChangePoint> stats = stats(series, points, minRuns);
            // drop the smallest shift among those not significant with their current neighbours; when all are
            // significant, the smallest shift if it is below minMagnitude
            int drop = -1;
            for (int i = 0; i < stats.size(); i++) {
                if (stats.get(i).pValue() > maxPValue
                        && (drop < 0
                                || stats.get(i).magnitude() < stats.get(drop).magnitude())) {
                    drop = i;
                }
            }
            if (drop < 0) {
                int smallest = 0;
                for (int i = 1; i < stats.size(); i++) {
                    if (stats.get(i).magnitude() < stats.get(smallest).magnitude()) {
                        smallest = i;
                    }
                }
                if (stats.get(smallest).magnitude() > minMagnitude) {
                    return stats;
                }
                drop = smallest;
            }
            points.remove(drop);
        }
        return List.of();
    }

    private static List<ChangePoint> stats(double[] series, List<Integer> points, int minRuns) {
        List<ChangePoint> out = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            int from = i == 0 ? 0 : points.get(i - 1);
            int at = points.get(i);
            int to = i == points.size() - 1 ? series.length : points.get(i + 1);
            double[] left = Arrays.copyOfRange(series, from, at);
            double[] right = Arrays.copyOfRange(series, at, to);
            out.add(new ChangePoint(at, Stats.mean(left), Stats.mean(right), pValue(left, right, minRuns)));
        }
        return out;
    }
}
