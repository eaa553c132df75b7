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

import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A stretch of a run with one shape of load.
 *
 * @param kind ramp-up, steady or ramp-down
 * @param window the buckets of the phase
 * @since 0.1
 */
public record Phase(Kind kind, TimeWindow window) {

    /**
     * Share of the peak load above which a run counts as steady. 90 % tolerates the jitter of k6's VU
     * gauge and of arrival-rate executors, which rarely hold their peak exactly.
     */
    public static final double STEADY_SHARE = 0.9;

    /** Buckets over which the load level is smoothed (a centred moving average) before phases are cut. */
    public static final int SMOOTHING_BUCKETS = 5;

    /**
     * Checks the components.
     *
     * @param kind the kind
     * @param window the phase's buckets
     * @throws NullPointerException if a component is null
     */
    public Phase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
    }

    /** Phase kinds, in the order a run goes through them. */
    public enum Kind {
        /** Before the load first reaches {@value Phase#STEADY_SHARE} of its peak. */
        RAMP_UP,
        /** From the first to the last bucket at {@value Phase#STEADY_SHARE} of the peak or more. */
        STEADY,
        /** After the last bucket at {@value Phase#STEADY_SHARE} of the peak. */
        RAMP_DOWN;

        /**
         * The kind as reports spell it.
         *
         * @return {@code ramp-up}, {@code steady} or {@code ramp-down}
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Cuts a run into ramp-up, steady and ramp-down by its load level: VUs, or requests per second when the
     * VU gauge is flat (arrival-rate executors hold VUs while the rate changes). Steady runs from the first to
     * the last bucket whose smoothed level reaches {@value #STEADY_SHARE} of the peak; before it is ramp-up,
     * after it ramp-down. A run with several plateaus is reported by its highest one.
     */
    static List<Phase> infer(RunTimeline t) {
        if (t.isEmpty()) {
            return List.of();
        }
        double[] level = smooth(levelOf(t));
        double peak = Double.NEGATIVE_INFINITY;
        for (double v : level) {
            if (!Double.isNaN(v)) {
                peak = Math.max(peak, v);
            }
        }
        int n = level.length;
        int first = -1;
        int last = -1;
        if (peak > 0) {
            for (int i = 0; i < n; i++) {
                if (level[i] >= STEADY_SHARE * peak) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
        }
        long start = t.start().toEpochMilli();
        long step = t.bucket().toMillis();
        List<Phase> phases = new ArrayList<>(3);
        if (first < 0) {
            phases.add(new Phase(Kind.STEADY, t.window()));
            return phases;
        }
        if (first > 0) {
            phases.add(new Phase(Kind.RAMP_UP, TimeWindow.ofEpochMillis(start, start + first * step)));
        }
        phases.add(new Phase(Kind.STEADY, TimeWindow.ofEpochMillis(start + first * step, start + (last + 1) * step)));
        if (last < n - 1) {
            phases.add(
                    new Phase(Kind.RAMP_DOWN, TimeWindow.ofEpochMillis(start + (last + 1) * step, start + n * step)));
        }
        return phases;
    }

    private static double[] levelOf(RunTimeline t) {
        TimeSeries vus = t.vus();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vus.size(); i++) {
            double v = vus.valueAt(i);
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        boolean vusVary = hi > lo && hi > 0;
        return (vusVary ? vus : t.rps()).values();
    }

    private static double[] smooth(double[] v) {
        double[] out = new double[v.length];
        int half = SMOOTHING_BUCKETS / 2;
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            int n = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(v.length - 1, i + half); j++) {
                if (!Double.isNaN(v[j])) {
                    sum += v[j];
                    n++;
                }
            }
            out[i] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }
}
