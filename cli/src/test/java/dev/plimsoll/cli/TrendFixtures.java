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
package dev.plimsoll.cli;

import dev.plimsoll.align.AlignedSeries;
import dev.plimsoll.history.Figure;
import dev.plimsoll.history.KeyFigures;
import dev.plimsoll.history.PhaseFigures;
import dev.plimsoll.history.RunRecord;
import dev.plimsoll.history.StoredEvidence;
import dev.plimsoll.history.StoredFinding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs made from one real analysed run (the demo's) by moving it in time and stretching its client latency: how a
 * later, slower run of the same test looks to the store. Only latency changes; everything else is the real run's.
 */
final class TrendFixtures {
    private TrendFixtures() {}

    /**
     * The run moved to {@code start}, its client latency (the per-second series and the three key figures) multiplied
     * by {@code factor}; a regression finding on {@code client_p95} when {@code regressed}.
     */
    static RunRecord scaled(RunRecord base, String id, Instant start, double factor, boolean regressed) {
        Duration shift = Duration.between(base.start(), start);
        KeyFigures.Builder f = KeyFigures.builder();
        base.figures().values().forEach((figure, v) -> f.put(figure, figure.isClientLatency() ? v * factor : v));
        List<AlignedSeries> timeline = new ArrayList<>();
        for (AlignedSeries s : base.timeline()) {
            double[] v = s.values();
            if (s.source().equals(AlignedSeries.LOAD) && s.name().equals(AlignedSeries.LATENCY)) {
                for (int i = 0; i < v.length; i++) {
                    v[i] *= factor;
                }
            }
            timeline.add(AlignedSeries.of(
                    s.source(),
                    s.name(),
                    s.statistic(),
                    s.unit(),
                    s.tags(),
                    s.start().plus(shift),
                    s.step(),
                    v));
        }
        List<PhaseFigures> phases = new ArrayList<>();
        for (PhaseFigures p : base.phases()) {
            phases.add(new PhaseFigures(
                    p.kind(),
                    p.start().plus(shift),
                    p.end().plus(shift),
                    p.requests(),
                    p.failedRequests(),
                    p.rps(),
                    p.p50Millis() * factor,
                    p.p95Millis() * factor,
                    p.p99Millis() * factor,
                    p.maxVus()));
        }
        List<StoredFinding> findings = new ArrayList<>();
        if (regressed) {
            findings.add(new StoredFinding(
                    "regression",
                    "warning",
                    start,
                    base.end().plus(shift),
                    "client latency p95 regressed",
                    0.99,
                    List.of(new StoredEvidence("change", Figure.CLIENT_P95.id(), null, 100, "ms"))));
        }
        return RunRecord.builder(start, base.end().plus(shift))
                .id(id)
                .name(base.name())
                .tool(base.tool(), base.toolVersion())
                .verdict(base.verdict())
                .bottleneck(base.bottleneck())
                .totals(base.totals())
                .phases(phases)
                .figures(f.build())
                .findings(findings)
                .timeline(timeline)
                .build();
    }

    static RunRecord scaled(RunRecord base, String id, Instant start, double factor) {
        return scaled(base, id, start, factor, false);
    }

    static Map<String, String> labels(String branch) {
        return Map.of("branch", branch);
    }
}
