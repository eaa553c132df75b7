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

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.run.LoadRun;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Error bursts of the real JMeter and Gatling runs (core's fixtures), classified in the tool's own terms. */
class ErrorDetectorTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(
                ErrorDetectorTest.class.getClassLoader().getResource(name).toURI());
    }

    private static List<Finding.ErrorBurst> bursts(LoadRun run) {
        return LoadTestAnalysis.of(run)
                .config(AnalysisConfig.defaults())
                .analyze()
                .result()
                .findings(FindingKind.ERROR_BURST)
                .stream()
                .map(Finding.ErrorBurst.class::cast)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gatling/mixed-3.13.5/simulation.log",
                "gatling/mixed-3.11.5/simulation.log",
                "jmeter/mixed/results.csv"
            })
    void burstOfAJMeterOrGatlingRunShouldCountEachFailureOnceByStatusOrErrorClass(String file) throws Exception {
        LoadRun run = LoadRuns.read(resource(file));

        List<Finding.ErrorBurst> bursts = bursts(run);

        assertThat(bursts).isNotEmpty();
        for (Finding.ErrorBurst b : bursts) {
            Map<String, Long> byClass = b.byClass();
            // Gatling's OK/KO is an outcome, not a status: neither is an error class
            assertThat(byClass.keySet())
                    .noneMatch(k -> k.startsWith("OK") || k.startsWith("KO"))
                    .noneMatch(k -> k.contains("k6"))
                    .anyMatch(k -> k.equals("404 client error"));
            assertThat(byClass.values().stream().mapToLong(Long::longValue).sum())
                    .as("every failed request counted once: %s", byClass)
                    .isEqualTo(b.failedRequests());
            assertThat(b.evidence()).extracting(Evidence::series).allMatch(s -> s.startsWith(run.tool() + ":"));
        }
        assertThat(bursts.stream().flatMap(b -> b.byClass().keySet().stream()))
                .contains(run.tool().equals("gatling") ? "Request timeout" : "java.net.SocketTimeoutException");
    }
}
