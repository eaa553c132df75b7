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
package dev.plimsoll.analysis;

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;

/** Reading cloud series as step functions of their buckets, and the load over a bucket. Package-private helpers. */
final class Samples {
    private Samples() {}

    static double periodMillis(TimeSeries s) {
        return AlignedRun.periodSeconds(s) * 1000;
    }

    /** Midpoint of sample {@code i}'s bucket, the time its value represents. */
    static double mid(TimeSeries s, int i) {
        return s.epochMilliAt(i) + periodMillis(s) / 2;
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

    /** Median of the values of buckets overlapping a window (nearest bucket when none overlaps), NaN when empty. */
    static double median(TimeSeries s, TimeWindow w) {
        double p = periodMillis(s);
        java.util.List<Double> v = new java.util.ArrayList<>();
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

    /** Sum of a per-bucket series over [a, b) milliseconds, prorating partial buckets. */
    static double sum(TimeSeries perBucket, double a, double b, double bucketMillis) {
        double total = 0;
        // only buckets that can overlap [a, b): those starting after a − bucket, up to the first starting at b
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
}
