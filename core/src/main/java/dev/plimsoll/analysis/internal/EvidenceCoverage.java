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
import dev.plimsoll.analysis.SignalCoverage;
import dev.plimsoll.analysis.SignalGroup;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** How well the cloud series cover each {@link SignalGroup} over the run's window. */
final class EvidenceCoverage {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private EvidenceCoverage() {}

    static List<SignalCoverage> of(AlignedRun ar, AnalysisConfig config, Set<Signal> asked) {
        Set<Signal> effective = EnumSet.noneOf(Signal.class);
        effective.addAll(asked);
        ar.cloud().forEach(s -> effective.add(s.signal()));
        // Datadog's agent reports cores used and capacity; node CPU % is derived from them
        if (effective.contains(Signal.CPU_CORES_USED) && effective.contains(Signal.CPU_CORES_CAPACITY)) {
            effective.add(Signal.CPU_UTILIZATION);
        }
        List<SignalCoverage> out = new ArrayList<>();
        for (SignalGroup g : SignalGroup.values()) {
            out.add(group(ar, config, g, effective));
        }
        return out;
    }

    private static SignalCoverage group(AlignedRun ar, AnalysisConfig config, SignalGroup g, Set<Signal> asked) {
        boolean groupAsked = g.parts().stream().allMatch(p -> p.stream().anyMatch(asked::contains));
        if (!groupAsked) {
            return new SignalCoverage(
                    g, false, 0, List.of(), false, List.of(g.label() + ": not checked — no source was asked for it"));
        }
        TimeWindow run = ar.run().window();
        double lowest = 1;
        List<String> basis = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Set<Signal> part : g.parts()) {
            double best = 0;
            FetchedSeries bestSeries = null;
            for (FetchedSeries s : ar.cloud()) {
                if (part.contains(s.signal())) {
                    double r = ratio(s, run);
                    if (bestSeries == null || r > best) {
                        best = r;
                        bestSeries = s;
                    }
                }
            }
            lowest = Math.min(lowest, best);
            String names = part.stream()
                    .map(Signal::label)
                    .sorted()
                    .reduce((a, b) -> a + " or " + b)
                    .orElse("");
            if (bestSeries != null) {
                basis.add(bestSeries.queryId());
            }
            if (best < config.minCoverage()) {
                problems.add(problem(ar, part, names, bestSeries, best, run));
            }
        }
        boolean covered = lowest >= config.minCoverage();
        if (!covered) {
            problems.add(String.format(
                    Locale.ROOT,
                    "the run was %s → %s; check the cluster, load balancer and service names, the region and"
                            + " namespace, that Container Insights (or the Datadog agent and AWS integration) is"
                            + " enabled, and the ingestion delay (CloudWatch's ALB metrics arrive a minute or more"
                            + " late, Datadog's AWS integration about 10 minutes: --ingestion-delay)",
                    CLOCK.format(run.start()),
                    CLOCK.format(run.end())));
        }
        return new SignalCoverage(g, true, lowest, basis, covered, covered ? List.of() : problems);
    }

    /** Present ÷ expected points of a series inside the run's window (at most 1). */
    static double ratio(FetchedSeries s, TimeWindow run) {
        if (run.duration().isZero()) {
            return 1;
        }
        long expected = Math.max(1, run.duration().toMillis() / s.periodMillis());
        return Math.min(1, (double) s.series().slice(run).presentCount() / expected);
    }

    private static String problem(
            AlignedRun ar, Set<Signal> part, String names, @Nullable FetchedSeries best, double ratio, TimeWindow run) {
        StringBuilder sb = new StringBuilder(names);
        if (best == null) {
            sb.append(": no series at all");
        } else {
            sb.append(String.format(Locale.ROOT, ": %.0f %% of the run covered by %s", ratio * 100, best.queryId()));
            String range = presentRange(ar, part);
            sb.append(range.isEmpty() ? " (no points in the fetched window)" : " (points present " + range + ")");
        }
        Set<String> said = new LinkedHashSet<>();
        for (FetchedSeries s : ar.cloud()) {
            if (part.contains(s.signal())) {
                for (Coverage c : ar.coverage()) {
                    if (c.queryId().equals(s.queryId()) && !c.complete()) {
                        said.addAll(c.messages());
                    }
                }
            }
        }
        if (!said.isEmpty()) {
            sb.append("; the source said: ").append(String.join("; ", said));
        }
        return sb.toString();
    }

    /** First and last present point of the group's series, over everything fetched; empty when none. */
    private static String presentRange(AlignedRun ar, Set<Signal> part) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (FetchedSeries s : ar.cloud()) {
            if (!part.contains(s.signal())) {
                continue;
            }
            TimeSeries t = s.series();
            for (int i = 0; i < t.size(); i++) {
                if (!Double.isNaN(t.valueAt(i))) {
                    first = Math.min(first, t.epochMilliAt(i));
                    last = Math.max(last, t.epochMilliAt(i) + s.periodMillis());
                }
            }
        }
        return first > last
                ? ""
                : CLOCK.format(Instant.ofEpochMilli(first)) + " → " + CLOCK.format(Instant.ofEpochMilli(last));
    }
}
