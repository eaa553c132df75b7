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

import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Values no cloud series of a signal can hold — a negative count, CPU or latency, an infinite one, a node's CPU or
 * memory above twice its capacity — become gaps before the analysis reads them, and the query's coverage says how
 * many points were dropped and the first of them: a damaged recording or a source's bug is then a coverage problem
 * the verdict sees, never a value the detectors take for real. A node's CPU or memory a little above 100 % (a ratio
 * of sums from points that were not taken at the same instant, e.g. Datadog's cores used ÷ capacity) is a saturated
 * node: it is read as 100 %, and the coverage says how many points were.
 */
final class Plausibility {
    /** Percent of a node's own capacity above which a value is no measurement at all. */
    private static final double MAX_NODE_PERCENT = 200;

    private Plausibility() {}

    /** The series with implausible points as gaps, and the coverage with one message per series that had any. */
    static void check(List<FetchedSeries> series, List<Coverage> coverage) {
        Map<String, Integer> byQuery = new HashMap<>();
        for (int i = 0; i < coverage.size(); i++) {
            byQuery.putIfAbsent(coverage.get(i).queryId(), i);
        }
        for (int k = 0; k < series.size(); k++) {
            FetchedSeries f = series.get(k);
            if (f.signal() == Signal.CUSTOM) {
                continue; // a user's own series: no rule known
            }
            TimeSeries s = f.series();
            double[] v = s.values();
            int dropped = 0;
            int clamped = 0;
            String first = "";
            for (int i = 0; i < v.length; i++) {
                double x = v[i];
                if (Double.isNaN(x)) {
                    continue;
                }
                if (plausible(f.signal(), x)) {
                    if (x > 100 && nodePercent(f.signal())) {
                        v[i] = 100;
                        clamped++;
                    }
                    continue;
                }
                if (dropped++ == 0) {
                    first = String.format(
                            Locale.ROOT,
                            "%s at %s",
                            Double.isInfinite(x) ? Double.toString(x) : String.format(Locale.ROOT, "%.6g", x),
                            Instant.ofEpochMilli(s.epochMilliAt(i)));
                }
                v[i] = Double.NaN;
            }
            if (dropped == 0 && clamped == 0) {
                continue;
            }
            series.set(k, f.withSeries(TimeSeries.of(s.id(), s.epochMillis(), v)));
            if (dropped == 0) {
                String message = String.format(
                        Locale.ROOT,
                        "%d point%s of %s above 100 %% of the nodes' capacity read as 100 %% (saturated)",
                        clamped,
                        clamped == 1 ? "" : "s",
                        f.queryId());
                Integer at = byQuery.get(f.queryId());
                if (at != null) {
                    coverage.set(at, coverage.get(at).withMessage(message));
                }
                continue;
            }
            String message = String.format(
                    Locale.ROOT,
                    "%d point%s of %s dropped: not a possible %s value (%s, first %s)",
                    dropped,
                    dropped == 1 ? "" : "s",
                    f.queryId(),
                    f.signal().label(),
                    rule(f.signal()),
                    first);
            Integer at = byQuery.get(f.queryId());
            if (at == null) {
                coverage.add(new Coverage(f.queryId(), s.size(), s.size() - dropped, false, List.of(message)));
                byQuery.put(f.queryId(), coverage.size() - 1);
            } else {
                Coverage c = coverage.get(at);
                coverage.set(
                        at,
                        new Coverage(c.queryId(), c.expected(), Math.max(0, c.present() - dropped), false, c.messages())
                                .withMessage(message));
            }
        }
    }

    static boolean plausible(Signal signal, double x) {
        if (!Double.isFinite(x) || x < 0) {
            return false;
        }
        return !nodePercent(signal) || x <= MAX_NODE_PERCENT;
    }

    private static boolean nodePercent(Signal signal) {
        return signal == Signal.CPU_UTILIZATION || signal == Signal.MEMORY_UTILIZATION;
    }

    private static String rule(Signal signal) {
        return switch (signal) {
            case CPU_UTILIZATION, MEMORY_UTILIZATION -> "from 0 to 100 % of the nodes' capacity, 200 % at most";
            default -> "finite and not negative";
        };
    }
}
