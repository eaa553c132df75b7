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

import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * A load run made up second by second for detector tests: 120 s, VUs ramping 1 → 10 over 20 s, steady to 100 s, then
 * down (so the baseline window is the first 30 s and the peak window the steady phase), with the request latency,
 * connection time, status and dropped iterations of each second given as functions.
 */
final class SyntheticRun {
    static final int SECONDS = 120;
    static final int RPS = 40;

    private IntToDoubleFunction durationMs = s -> 50;
    private IntToDoubleFunction blockedMs = s -> 1;
    private IntFunction<String> status = s -> "200";
    private IntUnaryOperator failedPerSecond = s -> 0;
    private IntUnaryOperator droppedPerSecond = s -> 0;

    static SyntheticRun create() {
        return new SyntheticRun();
    }

    /** Request duration (ms) in second {@code s}; default 50. */
    SyntheticRun duration(IntToDoubleFunction ms) {
        this.durationMs = ms;
        return this;
    }

    /** Time blocked before sending (connection setup), ms; default 1. */
    SyntheticRun blocked(IntToDoubleFunction ms) {
        this.blockedMs = ms;
        return this;
    }

    /** How many of the second's requests fail, and with which status. */
    SyntheticRun failures(IntUnaryOperator perSecond, IntFunction<String> status) {
        this.failedPerSecond = perSecond;
        this.status = status;
        return this;
    }

    /** Iterations the generator could not start in second {@code s}. */
    SyntheticRun dropped(IntUnaryOperator perSecond) {
        this.droppedPerSecond = perSecond;
        return this;
    }

    static double vus(int s) {
        return s < 20 ? 1 + s * 9 / 20.0 : s < 100 ? 10 : Math.max(1, 10 - (s - 100) / 2.0);
    }

    LoadRun build() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        for (int s = 0; s < SECONDS; s++) {
            long base = (Synthetic.T0 + s * 1000L) * 1_000_000L;
            int failed = failedPerSecond.applyAsInt(s);
            for (int k = 0; k < RPS; k++) {
                long t = base + (long) ((k + 0.5) * 1e9 / RPS);
                boolean fails = k < failed;
                String st = fails ? status.apply(s) : "200";
                b.record(LoadMetrics.REQUESTS, t, 1, "GET /", st, null);
                b.record(LoadMetrics.REQUEST_FAILED, t, fails ? 1 : 0, "GET /", st, null);
                // spread ±10 % so that percentiles are percentiles of something
                b.record(
                        LoadMetrics.REQUEST_DURATION,
                        t,
                        durationMs.applyAsDouble(s) * (0.9 + 0.2 * k / RPS),
                        "GET /",
                        st,
                        null);
                b.record(LoadMetrics.BLOCKED_TIME, t, blockedMs.applyAsDouble(s), "GET /", st, null);
                b.record(LoadMetrics.ITERATIONS, t, 1, null, null, null);
            }
            int dropped = droppedPerSecond.applyAsInt(s);
            if (dropped > 0) {
                b.record(LoadMetrics.DROPPED_ITERATIONS, base, dropped, null, null, null);
            }
            b.record(LoadMetrics.VUS, base, vus(s), null, null, null);
        }
        return new LoadRun("k6", "synthetic", b.build(), Optional.empty(), IngestReport.empty());
    }
}
