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

import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.source.FetchedSeries;
import java.util.Locale;
import java.util.Objects;

/**
 * The offset between the load generator's clock and the cloud's, by cross-correlating the same traffic seen from
 * both: the generator's requests per second and a cloud request count (APM hits, the ALB's RequestCount).
 *
 * <p>Convention: {@code cloud timestamp = generator time + seconds}. For each candidate offset {@code s} the
 * generator's requests are summed over each cloud bucket's true window {@code [t − s, t − s + P)} — with the
 * cumulative request count interpolated inside seconds, so the estimate is finer than both the 1 s buckets and the
 * cloud period — and the offset with the highest Pearson correlation wins (searched at 1 s, refined at 0.1 s).
 *
 * @param seconds estimated offset; 0 when no basis was available
 * @param correlation Pearson correlation at the offset (NaN without a basis)
 * @param basis the cloud series used, or empty
 * @param periodSeconds resolution of that series
 * @since 0.1
 */
public record ClockSkew(double seconds, double correlation, String basis, double periodSeconds) {
    /**
     * Checks the basis.
     *
     * @param seconds offset, seconds: {@code cloud timestamp = generator time + seconds}
     * @param correlation Pearson correlation at the offset, −1 to 1, NaN without a basis
     * @param basis the cloud series' id, empty for none
     * @param periodSeconds resolution of the basis series, seconds; 0 without a basis
     * @throws NullPointerException if {@code basis} is null (use an empty string for none)
     */
    public ClockSkew {
        Objects.requireNonNull(basis, "basis");
    }

    /**
     * No offset: the clocks are taken as they are.
     *
     * @return a skew of 0 s with NaN correlation and no basis
     */
    public static ClockSkew none() {
        return new ClockSkew(0, Double.NaN, "", 0);
    }

    /**
     * Whether the offset was estimated from a request count rather than assumed zero.
     *
     * @return true when a basis series correlated with the generator's requests
     */
    public boolean isEstimated() {
        return !basis.isEmpty();
    }

    /**
     * Estimates the offset from the run's requests per bucket and a cloud request count series.
     *
     * @param maxSeconds largest offset searched either way
     */
    static ClockSkew estimate(RunTimeline run, FetchedSeries cloud, double maxSeconds) {
        TimeSeries cloudRequests = cloud.series();
        if (run.isEmpty() || cloudRequests.size() < 4) {
            return none();
        }
        double[] perBucket = run.http().requests().values();
        long start = run.start().toEpochMilli();
        double bucketSeconds = run.bucket().toMillis() / 1000.0;
        double[] cumulative = new double[perBucket.length + 1];
        for (int i = 0; i < perBucket.length; i++) {
            cumulative[i + 1] = cumulative[i] + (Double.isNaN(perBucket[i]) ? 0 : perBucket[i]);
        }
        double period = cloud.periodMillis() / 1000.0;
        double best = Double.NEGATIVE_INFINITY;
        double bestOffset = 0;
        for (double s = -maxSeconds; s <= maxSeconds; s += 1) {
            double r = correlation(cloudRequests, cumulative, start, bucketSeconds, period, s);
            if (r > best) {
                best = r;
                bestOffset = s;
            }
        }
        for (double s = bestOffset - 1; s <= bestOffset + 1; s += 0.1) {
            double r = correlation(cloudRequests, cumulative, start, bucketSeconds, period, s);
            if (r > best + 1e-12) {
                best = r;
                bestOffset = s;
            }
        }
        if (Double.isInfinite(best) || Double.isNaN(best)) {
            return none();
        }
        return new ClockSkew(
                Math.round(bestOffset * 10) / 10.0, best, cloudRequests.id().toString(), period);
    }

    /** Requests of the generator in [a, b) seconds since the run's start, from the cumulative count. */
    private static double count(double[] cumulative, double bucketSeconds, double a, double b) {
        return at(cumulative, b / bucketSeconds) - at(cumulative, a / bucketSeconds);
    }

    private static double at(double[] cumulative, double x) {
        if (x <= 0) {
            return 0;
        }
        int n = cumulative.length - 1;
        if (x >= n) {
            return cumulative[n];
        }
        int i = (int) Math.floor(x);
        return cumulative[i] + (cumulative[i + 1] - cumulative[i]) * (x - i);
    }

    private static double correlation(
            TimeSeries cloud,
            double[] cumulative,
            long startMillis,
            double bucketSeconds,
            double period,
            double offset) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        double runSeconds = (cumulative.length - 1) * bucketSeconds;
        for (int i = 0; i < cloud.size(); i++) {
            double y = cloud.valueAt(i);
            if (Double.isNaN(y)) {
                continue;
            }
            double a = (cloud.epochMilliAt(i) - startMillis) / 1000.0 - offset;
            double b = a + period;
            if (b <= 0 || a >= runSeconds) {
                continue; // only buckets that overlap the run compare like with like
            }
            double x = count(cumulative, bucketSeconds, a, b);
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        if (n < 4) {
            return Double.NaN;
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        return vx <= 0 || vy <= 0 ? Double.NaN : cov / Math.sqrt(vx * vy);
    }

    @Override
    public String toString() {
        return isEstimated()
                ? String.format(
                        Locale.ROOT, "%+.1f s (r=%.3f from %s at %.0f s)", seconds, correlation, basis, periodSeconds)
                : "not estimated";
    }
}
