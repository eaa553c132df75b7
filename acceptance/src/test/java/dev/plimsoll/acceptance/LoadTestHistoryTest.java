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

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.history.RunFilter;
import dev.plimsoll.history.RunHistory;
import dev.plimsoll.history.RunInfo;
import dev.plimsoll.junit.LoadTest;
import dev.plimsoll.junit.LoadTestRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code @LoadTest(history = …, baseline = …)} run through JUnit's own engine on the scenarios' real recordings. */
class LoadTestHistoryTest {
    static final String DIR = "target/plimsoll-history-it";
    static final String S1 = "src/test/resources/scenarios/S1_backend_scaling";
    static final String S5 = "src/test/resources/scenarios/S5_healthy";

    @LoadTest(
            sources = {"cloudwatch", "datadog"},
            properties = {"cloudwatch.replay=" + S1 + "/cloudwatch", "datadog.replay=" + S1 + "/datadog"},
            maxNodes = 5,
            history = DIR + "/twice.db",
            baseline = "last",
            labels = "env=ci",
            gates = "regressions==0",
            allowInconclusive = true,
            reportDir = DIR)
    static class Twice {
        @Test
        void stress(LoadTestRecorder recorder) {
            recorder.attach(Path.of(S1, "k6", "results.csv.gz"));
        }
    }

    @LoadTest(
            sources = {"cloudwatch", "datadog"},
            properties = {"cloudwatch.replay=" + S5 + "/cloudwatch", "datadog.replay=" + S5 + "/datadog"},
            maxNodes = 5,
            history = DIR + "/regress.db",
            allowInconclusive = true,
            reportDir = DIR)
    static class Healthy {
        @Test
        void stress(LoadTestRecorder recorder) {
            recorder.attach(Path.of(S5, "k6", "results.csv.gz"));
        }
    }

    @LoadTest(
            sources = {"cloudwatch", "datadog"},
            properties = {"cloudwatch.replay=" + S1 + "/cloudwatch", "datadog.replay=" + S1 + "/datadog"},
            maxNodes = 5,
            history = DIR + "/regress.db",
            baseline = "label:test=Healthy.stress",
            failOn = "warning",
            reportDir = DIR)
    static class FailOnWarning {
        @Test
        void stress(LoadTestRecorder recorder) {
            recorder.attach(Path.of(S1, "k6", "results.csv.gz"));
        }
    }

    @LoadTest(
            sources = {"cloudwatch", "datadog"},
            properties = {"cloudwatch.replay=" + S1 + "/cloudwatch", "datadog.replay=" + S1 + "/datadog"},
            maxNodes = 5,
            history = DIR + "/regress.db",
            baseline = "label:test=Healthy.stress",
            failOn = "none",
            gates = "client_p95_change<10%",
            reportDir = DIR)
    static class ChangeGate {
        @Test
        void stress(LoadTestRecorder recorder) {
            recorder.attach(Path.of(S1, "k6", "results.csv.gz"));
        }
    }

    @LoadTest(baseline = "label:", labels = "no-value", reportDir = DIR)
    static class BadSettings {
        @Test
        void stress(LoadTestRecorder recorder) {
            throw new AssertionError("must not run: the settings are wrong");
        }
    }

    @BeforeAll
    static void clean() throws IOException {
        Path dir = Path.of(DIR);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static EngineTestKit.Builder engine(Class<?> test) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(test));
    }

    @Test
    void theSecondRunShouldBeComparedWithTheFirstOfTheSameTest() throws IOException {
        engine(Twice.class)
                .execute()
                .testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
        engine(Twice.class)
                .execute()
                .testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));

        List<RunInfo> runs;
        try (RunHistory h = RunHistory.open(DIR + "/twice.db")) {
            runs = h.list(RunFilter.all().withLabel("test", "Twice.stress").withLabel("env", "ci"), 10);
        }
        assertThat(runs).hasSize(2);
        JsonNode json = new ObjectMapper()
                .readTree(Path.of(DIR, Twice.class.getName(), "stress.json").toFile());
        JsonNode baseline = json.path("baseline");
        assertThat(baseline.path("available").asBoolean()).isTrue();
        assertThat(baseline.path("selector").asText()).isEqualTo("last,test=Twice.stress");
        assertThat(baseline.path("baselineRuns").size()).isEqualTo(1);
        assertThat(runs)
                .extracting(RunInfo::id)
                .contains(baseline.path("baselineRuns").get(0).asText());
        assertThat(json.path("gates").get(0).path("outcome").asText()).isEqualTo("pass");
    }

    @Test
    void regressionsShouldFailTheTestPerFailOnAndThroughTheirGates() {
        engine(Healthy.class)
                .execute()
                .testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));

        engine(FailOnWarning.class)
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("stress"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class),
                                        message(m -> m.contains("warning regression: client latency p95 under load"
                                                        + " regressed")
                                                && m.contains("warning regression: scaling lag regressed")))));
        engine(ChangeGate.class)
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("stress"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class),
                                        message(m -> m.contains("gate client_p95_change<10% failed (measured +")))));
    }

    @Test
    void malformedHistorySettingsShouldFailBeforeTheLoadRuns() {
        engine(BadSettings.class)
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("stress"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> m.contains("@LoadTest baseline: a label selector needs at least"
                                                        + " one k=v")
                                                && m.contains("@LoadTest labels: a label must be key=value")))));
    }
}
