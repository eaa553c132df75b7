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
package dev.plimsoll.align;

import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import java.util.Arrays;

/**
 * Puts a series on another grid, respecting what its values are.
 *
 * <ul>
 *   <li>Coarser ({@link #downsample}): sums and counts add, averages are weighted by the time each point covers,
 *       minima and maxima take the extreme, gauges ({@link Statistic#LAST}) keep the last value, rates average.
 *       Percentiles are refused: a p95 of p95s is not a p95 — re-derive them from histograms (the load run keeps
 *       them) or carry them at their own resolution.</li>
 *   <li>Finer ({@link #steps}): each point's value holds over its own period (a step function); nothing is
 *       interpolated between CloudWatch's 60 s points, and instants outside every period are gaps.</li>
 * </ul>
 *
 */
final class Resample {
    private Resample() {}

    /**
     * The series on a grid of {@code stepMillis} (a multiple of its own period) starting at {@code startMillis}.
     *
     * @throws IllegalArgumentException for percentile series, naming the rule
     */
    static TimeSeries downsample(TimeSeries s, long startMillis, long stepMillis, int size) {
        Statistic st = s.id().statistic();
        if (st.isPercentile()) {
            throw new IllegalArgumentException("percentiles cannot be averaged or summed into a coarser grid (" + s.id()
                    + "): re-derive them from histograms or keep them at their own resolution");
        }
        double[] out = new double[size];
        double[] weight = new double[size];
        long[] lastTime = new long[size];
        Arrays.fill(out, Double.NaN);
        Arrays.fill(lastTime, Long.MIN_VALUE);
        for (int i = 0; i < s.size(); i++) {
            double v = s.valueAt(i);
            long t = s.epochMilliAt(i);
            if (Double.isNaN(v) || t < startMillis) {
                continue;
            }
            int k = (int) ((t - startMillis) / stepMillis);
            if (k >= size) {
                continue;
            }
            double cur = out[k];
            switch (st) {
                case SUM, COUNT -> out[k] = Double.isNaN(cur) ? v : cur + v;
                case MIN -> out[k] = Double.isNaN(cur) ? v : Math.min(cur, v);
                case MAX -> out[k] = Double.isNaN(cur) ? v : Math.max(cur, v);
                case LAST -> {
                    if (t >= lastTime[k]) {
                        out[k] = v;
                        lastTime[k] = t;
                    }
                }
                default -> { // AVG, RATE: weighted by the number of points (equal periods)
                    out[k] = Double.isNaN(cur) ? v : (cur * weight[k] + v) / (weight[k] + 1);
                    weight[k] += 1;
                }
            }
            if (st != Statistic.AVG && st != Statistic.RATE) {
                weight[k] += 1;
            }
        }
        return TimeSeries.regular(s.id(), startMillis, stepMillis, out);
    }

    /**
     * The series read as a step function on a finer grid: instant {@code t} takes the value of the point whose
     * period {@code [t_i, t_i + periodMillis)} contains it, NaN where none does.
     */
    static TimeSeries steps(TimeSeries s, long periodMillis, long startMillis, long stepMillis, int size) {
        double[] out = new double[size];
        Arrays.fill(out, Double.NaN);
        int j = 0;
        for (int k = 0; k < size; k++) {
            long t = startMillis + k * stepMillis;
            while (j + 1 < s.size() && s.epochMilliAt(j + 1) <= t) {
                j++;
            }
            if (s.size() > 0 && s.epochMilliAt(j) <= t && t < s.epochMilliAt(j) + periodMillis) {
                out[k] = s.valueAt(j);
            }
        }
        return TimeSeries.regular(s.id(), startMillis, stepMillis, out);
    }
}
