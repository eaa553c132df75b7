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
package dev.plimsoll.samples;

import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.Phase;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.run.RunTotals;
import dev.plimsoll.series.TimeSeries;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The README's library example: reads k6 output and prints the run's totals, p95 per phase and the busiest second.
 * Run with {@code java -cp … dev.plimsoll.samples.ReadK6Run results.json.gz [summary.json]}.
 */
public final class ReadK6Run {
    private ReadK6Run() {}

    public static void main(String[] args) {
        print(K6Reader.create().read(Arrays.stream(args).map(Path::of).toList()), System.out);
    }

    static void print(LoadRun run, PrintStream out) {
        RunTotals totals = run.totals();
        out.printf(Locale.ROOT, "%d requests, %.2f%% failed%n", totals.requests(), 100 * totals.errorRate());

        RunTimeline t = run.timeline();
        for (Phase phase : run.phases()) {
            Distribution d = t.http().distribution(LoadMetrics.REQUEST_DURATION, phase.window());
            out.printf(Locale.ROOT, "%-9s p95 %.1f ms%n", phase.kind().label(), d.percentile(95));
        }
        TimeSeries rps = t.rps();
        int busiest = 0;
        for (int i = 1; i < rps.size(); i++) {
            if (rps.valueAt(i) > rps.valueAt(busiest)) {
                busiest = i;
            }
        }
        TimeSeries p95 = t.percentile(LoadMetrics.REQUEST_DURATION, 95);
        out.printf(
                Locale.ROOT,
                "busiest second %s: %.0f requests/s, p95 %.1f ms%n",
                rps.timeAt(busiest),
                rps.valueAt(busiest),
                p95.valueAt(busiest));
    }
}
