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
package dev.plimsoll.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.Plimsoll;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.cloudwatch.CloudWatchRecording;
import dev.plimsoll.datadog.DatadogRecording;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** One scenario of shared/fixtures: k6 output, CloudWatch and Datadog recordings, and the truth. */
record Scenario(String name, LoadRun run, FetchResult cloudwatch, FetchResult datadog, JsonNode truth) {
    private static final ConcurrentHashMap<String, Scenario> CACHE = new ConcurrentHashMap<>();

    static Scenario load(String name) {
        return CACHE.computeIfAbsent(name, Scenario::read);
    }

    private static Scenario read(String name) {
        Path dir = resource("scenarios/" + name);
        // S6 is S1's run with skewed cloud clocks: its k6 output is S1's, shipped once
        Path k6 = name.equals("S6_clock_skew") ? resource("scenarios/S1_backend_scaling/k6") : dir.resolve("k6");
        LoadRun run = K6Reader.create().read(k6.resolve("results.csv.gz"), k6.resolve("summary-export.json"));
        TimeWindow window = new TimeWindow(
                run.window().start().minusSeconds(120), run.window().end().plusSeconds(300));
        CloudWatchRecording cw = CloudWatchRecording.open(dir.resolve("cloudwatch"));
        DatadogRecording dd = DatadogRecording.open(dir.resolve("datadog"));
        try {
            return new Scenario(
                    name,
                    run,
                    cw.fetch(cw.defaultQueries(), window, Duration.ofSeconds(60)),
                    dd.fetch(dd.defaultQueries(), window, Duration.ofSeconds(15)),
                    new ObjectMapper().readTree(dir.resolve("truth.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AnalysisResult analyze() {
        return Plimsoll.analyze(run, List.of(cloudwatch, datadog), AnalysisConfig.defaults());
    }

    AnalysisResult analyzeCloudWatchOnly() {
        return Plimsoll.analyze(run, List.of(cloudwatch), AnalysisConfig.defaults());
    }

    Instant truthTime(String event) {
        return Instant.parse(truth.path("events").path(event).path("utc").asText());
    }

    static Path resource(String name) {
        try {
            return Path.of(Scenario.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
