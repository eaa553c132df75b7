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

import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchedSeries;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Reading cloud series as step functions of their periods, and the load over a period. Package-private helpers. */
final class Samples {
    private Samples() {}

    /** Midpoint of point {@code i}'s period, the time its value represents. */
    static double mid(FetchedSeries s, int i) {
        return s.series().epochMilliAt(i) + s.periodMillis() / 2.0;
    }

    /** The last known value at or before {@code t} (gauges hold their value). */
    static double held(TimeSeries s, double t) {
        // binary search for the last sample at or before t, then back over gaps: O(log n), not O(n) per call
        for (int i = firstAfter(s, t) - 1; i >= 0; i--) {
            if (!Double.isNaN(s.valueAt(i))) {
                return s.valueAt(i);
            }
        }
        return Double.NaN;
    }

    /** Index of the first sample whose time is after {@code t} ({@code size()} when none is): times are sorted. */
    static int firstAfter(TimeSeries s, double t) {
        int lo = 0;
        int hi = s.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.epochMilliAt(mid) <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Median of the values of periods overlapping a window, NaN when none does. */
    static double median(FetchedSeries f, TimeWindow w) {
        TimeSeries s = f.series();
        double p = f.periodMillis();
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            long t = s.epochMilliAt(i);
            if (t + p > w.start().toEpochMilli() && t < w.end().toEpochMilli() && !Double.isNaN(s.valueAt(i))) {
                v.add(s.valueAt(i));
            }
        }
        if (v.isEmpty()) {
            return Double.NaN;
        }
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** Sum of the values of periods lying entirely inside [a, b) milliseconds, NaN points skipped. */
    static double sumWithin(FetchedSeries f, double a, double b) {
        TimeSeries s = f.series();
        double p = f.periodMillis();
        double total = 0;
        for (int i = 0; i < s.size(); i++) {
            long t = s.epochMilliAt(i);
            if (t >= a && t + p <= b && !Double.isNaN(s.valueAt(i))) {
                total += s.valueAt(i);
            }
        }
        return total;
    }

    /** Sum of a per-bucket series over [a, b) milliseconds, prorating partial buckets. */
    static double sum(TimeSeries perBucket, double a, double b, double bucketMillis) {
        double total = 0;
        // only buckets that can overlap [a, b): those starting after a − bucket, up to the first starting at b; the
        // lagged correlations call this for every cloud point and lag, so a scan of the whole run made them quadratic
        int from = firstAfter(perBucket, a - bucketMillis);
        for (int i = from; i < perBucket.size() && perBucket.epochMilliAt(i) < b; i++) {
            double s = perBucket.epochMilliAt(i);
            double e = s + bucketMillis;
            double overlap = Math.min(b, e) - Math.max(a, s);
            if (overlap > 0 && !Double.isNaN(perBucket.valueAt(i))) {
                total += perBucket.valueAt(i) * overlap / bucketMillis;
            }
        }
        return total;
    }

    static String clock(Instant t) {
        return CLOCK.format(t);
    }

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
}
