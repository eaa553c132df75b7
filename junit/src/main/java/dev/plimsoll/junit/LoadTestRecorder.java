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
package dev.plimsoll.junit;

import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.micrometer.LoadCaptureRegistry;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link LoadTest} records: the run's window and phases, k6 output files, and in-JVM load through a Micrometer
 * registry. Inject it as a test method parameter. Thread-safe for the in-JVM registry; call the other methods from the
 * test's thread.
 *
 * @since 0.1
 */
public final class LoadTestRecorder implements AutoCloseable {
    private final Clock clock;
    private final Instant started;
    private final List<Path> k6Files = new ArrayList<>();
    private final Map<String, Instant> phases = new LinkedHashMap<>();
    private volatile @Nullable LoadCaptureRegistry registry;
    private @Nullable Instant ended;

    LoadTestRecorder(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    /**
     * Adds output files of the run's load tool, the format told from the content: k6 ({@code --out json/csv},
     * summary), JMeter JTL (CSV or XML), Gatling {@code simulation.log}; several generators' files merge into one run.
     *
     * @param files files written by the load tool during the test; read after the test method returns
     * @return this recorder
     */
    public LoadTestRecorder attach(Path... files) {
        k6Files.addAll(Arrays.asList(files));
        return this;
    }

    /**
     * Adds k6 output files of the run.
     *
     * @param files k6 output files
     * @return this recorder
     * @deprecated use {@link #attach(Path...)}, which reads any supported load tool's output
     */
    @Deprecated
    public LoadTestRecorder attachK6(Path... files) {
        return attach(files);
    }

    /**
     * The registry to time in-JVM requests with: recordings of {@code http.client.requests} (tags {@code uri},
     * {@code status}) become the run's requests.
     *
     * @return the same registry on every call, made on first use; ignored when files are attached
     */
    public LoadCaptureRegistry registry() {
        LoadCaptureRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                if (registry == null) {
                    registry = LoadCaptureRegistry.create();
                }
                r = registry;
            }
        }
        return r;
    }

    /**
     * Marks the start of a named phase (e.g. {@code ramp-up}, {@code steady}) now.
     *
     * @param name the phase; marking a name again moves its start
     * @return this recorder
     */
    public LoadTestRecorder phase(String name) {
        phases.put(name, clock.instant());
        return this;
    }

    /**
     * The phases marked, with their start times.
     *
     * @return an unmodifiable copy, name → start
     */
    public Map<String, Instant> phases() {
        return Map.copyOf(phases);
    }

    /**
     * When the test started.
     *
     * @return the instant the recorder was made, just before the test method ran
     */
    public Instant started() {
        return started;
    }

    /** The run recorded: the attached files, else the in-JVM registry's timers, else an empty run. */
    LoadRun run(String id) {
        if (!k6Files.isEmpty()) {
            return LoadRuns.read(List.copyOf(k6Files));
        }
        LoadCaptureRegistry r = registry;
        return r != null
                ? r.toLoadRun(id)
                : new LoadRun(
                        "none",
                        id,
                        RunTimeline.builder(RunTimeline.DEFAULT_BUCKET, "none").build(),
                        Optional.empty(),
                        IngestReport.empty());
    }

    void end() {
        ended = clock.instant();
    }

    Instant ended() {
        Instant e = ended;
        return e == null ? clock.instant() : e;
    }

    @Override
    public void close() {
        LoadCaptureRegistry r = registry;
        if (r != null) {
            r.close();
        }
    }
}
