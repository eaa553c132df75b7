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

import dev.plimsoll.series.TimeWindow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One load test run: its per-bucket {@link RunTimeline}, the tool's own end-of-test summary where there was
 * one, and an account of what was read.
 *
 * <pre>{@code
 * LoadRun run = K6Reader.create().read(Path.of("results.json.gz"));
 * RunTotals totals = run.totals();
 * System.out.println(totals.requests() + " requests, " + totals.failedRequests() + " failed");
 * }</pre>
 *
 * @param tool the load tool, e.g. {@code k6}
 * @param id a name for the run (the first file's name by default)
 * @param timeline samples per bucket; empty when only a summary was read
 * @param summary the tool's end-of-test summary, if one was read
 * @param ingest what was read: files, lines, points, warnings
 * @since 0.1
 */
public record LoadRun(String tool, String id, RunTimeline timeline, Optional<RunSummary> summary, IngestReport ingest) {

    /**
     * Checks the components; the readers in {@code dev.plimsoll.ingest} are the usual way to get a run.
     *
     * @param tool the load tool
     * @param id the run's name
     * @param timeline samples per bucket, possibly empty
     * @param summary the tool's summary, or empty
     * @param ingest what was read
     * @throws NullPointerException if a component is null
     */
    public LoadRun {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(ingest, "ingest");
    }

    /**
     * The run's window: the timeline's, from its first bucket to the end of its last.
     *
     * @return the window; zero-length for a run without samples
     */
    public TimeWindow window() {
        return timeline.window();
    }

    /**
     * Totals from the timeline; from the tool's summary when no timeline was read.
     *
     * @return the totals, all zero for a run with neither
     */
    public RunTotals totals() {
        if (timeline.isEmpty() && summary.isPresent()) {
            return summary.get().totals();
        }
        return timeline.totals();
    }

    /**
     * Phases of the run (ramp-up, steady, ramp-down), inferred from its load level.
     *
     * @return in time order; one steady phase for a flat run, none for an empty one
     */
    public List<Phase> phases() {
        return timeline.phases();
    }
}
