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
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.analysis.Detectors;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

/** Runs and cloud series made up for unit tests (seeded where random). */
final class Synthetic {
    static final long T0 = 1_795_669_200_000L; // 2026-11-26T05:00:00Z

    private Synthetic() {}

    /** A run of {@code seconds} with the given requests and VUs per second. */
    static LoadRun run(int seconds, IntToDoubleFunction rps, IntToDoubleFunction vus) {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        for (int s = 0; s < seconds; s++) {
            long base = (T0 + s * 1000L) * 1_000_000L;
            int n = (int) Math.round(rps.applyAsDouble(s));
            for (int k = 0; k < n; k++) {
                long t = base + (long) ((k + 0.5) * 1e9 / n);
                b.record(K6Metrics.HTTP_REQS, t, 1, "GET /", "200", null);
                b.record(K6Metrics.HTTP_REQ_FAILED, t, 0, "GET /", "200", null);
                b.record(K6Metrics.HTTP_REQ_DURATION, t, 20, "GET /", "200", null);
            }
            b.record(K6Metrics.VUS, base, vus.applyAsDouble(s), null, null, null);
        }
        return new LoadRun("k6", "synthetic", b.build(), Optional.empty(), IngestReport.empty());
    }

    /** A cloud series at {@code periodSeconds} from T0 + offset. */
    static FetchedSeries cloud(
            String name, String signal, Statistic stat, int periodSeconds, long offsetMillis, double... v) {
        MetricId id = new MetricId(name, "test", stat, "x", Map.of());
        return new FetchedSeries(
                name,
                Signal.of(signal),
                Duration.ofSeconds(periodSeconds),
                TimeSeries.regular(id, T0 + offsetMillis, periodSeconds * 1000L, v));
    }

    /** The series as one source's fetch. */
    static List<FetchResult> fetched(FetchedSeries... series) {
        return List.of(new FetchResult(List.of(series), List.of(), List.of()));
    }

    /** The run with the series, no skew estimated. */
    static AlignedRun aligned(LoadRun run, FetchedSeries... series) {
        return AlignedRun.of(run, fetched(series), false, 0);
    }

    /** Analyses with the default detectors. */
    static AnalysisResult analyze(AlignedRun run, AnalysisConfig config) {
        Set<Signal> asked = EnumSet.noneOf(Signal.class);
        run.cloud().forEach(s -> asked.add(s.signal()));
        return Analyzer.analyze(run, config, Detectors.defaults(), asked);
    }
}
