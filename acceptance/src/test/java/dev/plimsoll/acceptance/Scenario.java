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
import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.cloudwatch.CloudWatchRecording;
import dev.plimsoll.datadog.DatadogRecording;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.report.Report;
import dev.plimsoll.run.LoadRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** One scenario of shared/fixtures: k6 output, CloudWatch and Datadog recordings, and the truth. */
record Scenario(String name, LoadRun run, CloudWatchRecording cloudwatch, DatadogRecording datadog, JsonNode truth) {
    private static final ConcurrentHashMap<String, Scenario> CACHE = new ConcurrentHashMap<>();

    static Scenario load(String name) {
        return CACHE.computeIfAbsent(name, Scenario::read);
    }

    private static Scenario read(String name) {
        Path dir = resource("scenarios/" + name);
        // S6 is S1's run with skewed cloud clocks: its k6 output is S1's, shipped once
        Path k6 = name.equals("S6_clock_skew") ? resource("scenarios/S1_backend_scaling/k6") : dir.resolve("k6");
        LoadRun run = K6Reader.create().read(k6.resolve("results.csv.gz"), k6.resolve("summary-export.json"));
        try {
            return new Scenario(
                    name,
                    run,
                    CloudWatchRecording.open(dir.resolve("cloudwatch")),
                    DatadogRecording.open(dir.resolve("datadog")),
                    new ObjectMapper().readTree(dir.resolve("truth.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pipeline over both recordings (or CloudWatch's alone), the run titled by the scenario's name. */
    Report report(boolean withDatadog, AnalysisConfig config, String... gates) {
        LoadTestAnalysis a =
                LoadTestAnalysis.of(run).title(name).config(config).gates(gates).sources(cloudwatch);
        if (withDatadog) {
            a.sources(datadog);
        }
        return a.analyze();
    }

    AnalysisResult analyze(boolean withDatadog, AnalysisConfig config) {
        return report(withDatadog, config).result();
    }

    /** The node group's maximum from the truth's cluster parameters: a fact users know, not a tuned threshold. */
    int maxNodes() {
        return truth.path("parameters").path("cluster").path("max_nodes").asInt(0);
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
