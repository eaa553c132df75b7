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
import dev.plimsoll.analysis.DetectionContext;
import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.HttpTimeline;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.Phase;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.time.Duration;
import java.util.Optional;

/**
 * The tiers' p95 in a low-load baseline window (the run's first {@link #BASELINE} with requests) and in the peak
 * window (the steady phase, else the run): the client's from the merged load-run histograms of the window, the
 * load balancer's and the backend's as the median of the window's per-period p95 points (p95s are never averaged),
 * and the edge's as the p95 of the connection phases. Shared by the latency and load-generator detectors, computed
 * once per analysis. NaN where a tier has no series.
 */
record LatencyBreakdown(
        TimeWindow baseline,
        TimeWindow peak,
        double clientBase,
        double clientPeak,
        double lbBase,
        double lbPeak,
        double backendBase,
        double backendPeak,
        double edgeBase,
        double edgePeak) {

    /** Length of the low-load baseline window. */
    static final Duration BASELINE = Duration.ofSeconds(30);

    private static final Object KEY = LatencyBreakdown.class;

    /** The breakdown of the run in the context, computed on first use; empty for a run without requests. */
    static Optional<LatencyBreakdown> of(DetectionContext ctx) {
        return ctx.shared(KEY, c -> compute(c.run()));
    }

    static Optional<LatencyBreakdown> compute(AlignedRun ar) {
        RunTimeline t = ar.run().timeline();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        TimeSeries req = t.http().requests();
        long first = -1;
        for (int i = 0; i < req.size(); i++) {
            if (req.valueAt(i) > 0) {
                first = req.epochMilliAt(i);
                break;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        TimeWindow baseline = TimeWindow.ofEpochMillis(first, first + BASELINE.toMillis());
        TimeWindow peak = ar.run().phases().stream()
                .filter(p -> p.kind() == Phase.Kind.STEADY)
                .map(Phase::window)
                .findFirst()
                .orElse(t.window());
        HttpTimeline http = t.http();
        Optional<FetchedSeries> lb = ar.signal(Signal.LB_LATENCY, Statistic.P95);
        Optional<FetchedSeries> be = ar.signal(Signal.BACKEND_LATENCY, Statistic.P95);
        return Optional.of(new LatencyBreakdown(
                baseline,
                peak,
                http.distribution(LoadMetrics.REQUEST_DURATION, baseline).percentile(95),
                http.distribution(LoadMetrics.REQUEST_DURATION, peak).percentile(95),
                lb.map(s -> Samples.median(s, baseline)).orElse(Double.NaN),
                lb.map(s -> Samples.median(s, peak)).orElse(Double.NaN),
                be.map(s -> Samples.median(s, baseline)).orElse(Double.NaN),
                be.map(s -> Samples.median(s, peak)).orElse(Double.NaN),
                edge(http, baseline),
                edge(http, peak)));
    }

    /** Growth of the client's p95 from the baseline to the peak window, ms. */
    double clientGrowth() {
        return clientPeak - clientBase;
    }

    /** Growth on the server side: the larger of the load balancer's and the backend's; NaN when neither is known. */
    double serverGrowth() {
        double dLb = lbPeak - lbBase;
        double dBe = backendPeak - backendBase;
        return Double.isNaN(dLb) ? dBe : Double.isNaN(dBe) ? dLb : Math.max(dLb, dBe);
    }

    /** p95 of the connection phases: time spent before the request could be sent. */
    private static double edge(HttpTimeline http, TimeWindow w) {
        Distribution blocked = http.distribution(LoadMetrics.BLOCKED_TIME, w);
        return blocked.count() == 0 ? 0 : blocked.percentile(95);
    }
}
