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

import com.sun.net.httpserver.HttpServer;
import dev.plimsoll.junit.LoadTest;
import dev.plimsoll.junit.LoadTestRecorder;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The extension run through JUnit's own engine, its events asserted (the classes below are run only from here). */
class LoadTestExtensionTest {
    static final String S1 = "src/test/resources/scenarios/S1_backend_scaling";

    private static Path k6() {
        return Path.of(S1, "k6", "results.csv.gz");
    }

    @LoadTest(
            sources = {"cloudwatch", "datadog"},
            properties = {
                "cloudwatch.replay=" + S1 + "/cloudwatch",
                "datadog.replay=classpath:scenarios/S1_backend_scaling/datadog"
            },
            maxNodes = 5,
            gates = {"scaling_lag<=150s", "bottleneck==backend"},
            reportDir = "target/plimsoll-it")
    static class PassingRun {
        @Test
        void stress(LoadTestRecorder recorder) {
            recorder.phase("steady").attach(k6());
        }
    }

    @LoadTest(
            sources = {"cloudwatch", "datadog"},
            properties = {"cloudwatch.replay=" + S1 + "/cloudwatch", "datadog.replay=" + S1 + "/datadog"},
            maxNodes = 5,
            gates = "scaling_lag<=90s",
            reportDir = "target/plimsoll-it")
    static class FailingGate {
        @Test
        void stress(LoadTestRecorder recorder) {
            recorder.attach(k6());
        }
    }

    @LoadTest(gates = "p95<1s")
    static class BadGate {
        @Test
        void stress(LoadTestRecorder recorder) {
            recorder.attach(k6());
        }
    }

    @LoadTest(sources = "prometheus")
    static class UnknownSource {
        @Test
        void stress(LoadTestRecorder recorder) {
            recorder.attach(k6());
        }
    }

    @LoadTest(
            gates = {"client_p95<5s", "error_rate<1%"},
            reportDir = "target/plimsoll-it")
    static class InJvmLoad {
        @Test
        void localServer(LoadTestRecorder recorder) throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/ping", ex -> {
                byte[] b = "pong".getBytes();
                ex.sendResponseHeaders(200, b.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(b);
                }
            });
            server.start();
            try {
                HttpClient client = HttpClient.newHttpClient();
                URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ping");
                recorder.registry().vus(1);
                for (int i = 0; i < 50; i++) {
                    Timer.Sample s = Timer.start(recorder.registry());
                    HttpResponse<String> r =
                            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                    s.stop(recorder.registry()
                            .timer("http.client.requests", "uri", "/ping", "status", String.valueOf(r.statusCode())));
                }
            } finally {
                server.stop(0);
            }
        }
    }

    @LoadTest(
            sources = "cloudwatch",
            properties = {"cloudwatch.replay=" + S1 + "/cloudwatch", "cloudwatch.regoin=eu-west-1"})
    static class MisspeltProperty {
        @Test
        void stress(LoadTestRecorder recorder) {
            throw new AssertionError("must not run: the settings are wrong");
        }
    }

    @LoadTest(sources = "datadog", properties = "datadog.replay=" + S1 + "/no-such-folder")
    static class MissingReplayFolder {
        @Test
        void stress(LoadTestRecorder recorder) {
            throw new AssertionError("must not run: the replay folder does not exist");
        }
    }

    @LoadTest(
            sources = {"cloudwatch", "datadog"},
            properties = {"cloudwatch.replay=" + S1 + "/cloudwatch", "datadog.replay=" + S1 + "/datadog"},
            maxNodes = 5,
            gates = "scaling_lag<=150s",
            reportDir = "target/plimsoll-it")
    static class Repeated {
        @RepeatedTest(2)
        void stress(LoadTestRecorder recorder) {
            recorder.attach(k6());
        }
    }

    @LoadTest(
            sources = {"cloudwatch", "datadog"},
            properties = {"cloudwatch.replay=" + S1 + "/cloudwatch", "datadog.replay=" + S1 + "/datadog"},
            maxNodes = 5,
            reportDir = "target/plimsoll-it")
    static class BodyThrows {
        @Test
        void stress(LoadTestRecorder recorder) {
            recorder.attach(k6());
            throw new IllegalStateException("k6 exited with 99: thresholds crossed");
        }
    }

    @LoadTest(
            sources = {"cloudwatch", "datadog"},
            properties = {
                "cloudwatch.replay=src/test/resources/scenarios/S3_scaling_ceiling/cloudwatch",
                "datadog.replay=src/test/resources/scenarios/S3_scaling_ceiling/datadog"
            },
            gates = "scaling_lag<=150s",
            reportDir = "target/plimsoll-it")
    static class RecordingsOfAnotherTime {
        @Test
        void stress(LoadTestRecorder recorder) {
            recorder.attach(k6());
        }
    }

    @LoadTest(
            sources = {"cloudwatch", "datadog"},
            properties = {
                "cloudwatch.replay=src/test/resources/scenarios/S3_scaling_ceiling/cloudwatch",
                "datadog.replay=src/test/resources/scenarios/S3_scaling_ceiling/datadog"
            },
            gates = "scaling_lag<=150s",
            allowInconclusive = true,
            reportDir = "target/plimsoll-it")
    static class InconclusiveAccepted {
        @Test
        void stress(LoadTestRecorder recorder) {
            recorder.attach(k6());
        }
    }

    @LoadTest(reportDir = "target/plimsoll-it")
    static class NothingRecorded {
        @Test
        void idle(LoadTestRecorder recorder) {
            // no load at all
        }
    }

    @BeforeAll
    static void cleanReports() throws IOException {
        Path dir = Path.of("target/plimsoll-it");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aPassingRunShouldWriteItsReports() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PassingRun.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1).failed(0));

        Path dir = Path.of("target/plimsoll-it", PassingRun.class.getName());
        assertThat(dir.resolve("stress.html")).exists();
        assertThat(dir.resolve("stress.md"))
                .content()
                .contains("scaling_lag<=150s")
                .contains("✅ pass");
        assertThat(dir.resolve("stress.json")).content().contains("\"bottleneck\" : \"backend\"");
    }

    @Test
    void aFailedGateShouldFailTheTestListingGatesAndTheReport() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FailingGate.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("stress"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class),
                                        message(m -> m.contains("gate scaling_lag<=90s failed (measured 123.147s)")
                                                && m.contains("report: ")
                                                && m.contains("stress.html")))));
    }

    @Test
    void misuseShouldNameTheAttribute() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BadGate.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("stress"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> m.startsWith("@LoadTest gates: gate 'p95<1s' at position 0")))));
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(UnknownSource.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("stress"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> m.contains("unknown source 'prometheus'")
                                                && m.contains("cloudwatch")))));
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(NothingRecorded.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("idle"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> m.contains("recorded no load")))));
    }

    @Test
    void settingsShouldBeCheckedBeforeTheLoadRuns() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(MisspeltProperty.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("stress"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> m.contains("unknown key 'cloudwatch.regoin'")
                                                && m.contains("did you mean 'cloudwatch.region'")))));
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(MissingReplayFolder.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("stress"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> m.contains("@LoadTest source 'datadog'")
                                                && m.contains("no-such-folder' is not a folder")))));
    }

    @Test
    void anInconclusiveVerdictShouldFailTheTestUnlessAccepted() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RecordingsOfAnotherTime.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("stress"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class),
                                        message(m -> m.contains("is inconclusive")
                                                && m.contains("gate scaling_lag<=150s is inconclusive")
                                                && m.contains("not covered: cpu_utilization")))));
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(InconclusiveAccepted.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void eachRepetitionShouldGetItsOwnReport() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Repeated.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));

        Path dir = Path.of("target/plimsoll-it", Repeated.class.getName());
        assertThat(dir.resolve("stress-1.html")).exists();
        assertThat(dir.resolve("stress-2.json")).content().contains("Repeated.stress[2]");
    }

    @Test
    void aThrowingBodyShouldKeepItsFailureAndStillReport() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BodyThrows.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("stress"),
                                finishedWithFailure(
                                        instanceOf(IllegalStateException.class),
                                        message(m -> m.contains("k6 exited with 99")))));

        assertThat(Path.of("target/plimsoll-it", BodyThrows.class.getName(), "stress.json"))
                .content()
                .contains("(the test body threw)")
                .contains("\"bottleneck\" : \"backend\"");
    }

    @Test
    void anInJvmLoadShouldBeAnalysedWithoutK6() throws Exception {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(InJvmLoad.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));

        String json = Files.readString(Path.of("target/plimsoll-it", InJvmLoad.class.getName(), "localServer.json"));
        assertThat(json).contains("\"tool\" : \"micrometer\"").contains("\"requests\" : 50");
    }

    @Test
    void testsShouldRunInParallelWithTheirOwnRecorders() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .selectors(selectClass(PassingRun.class), selectClass(InJvmLoad.class), selectClass(FailingGate.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(3).succeeded(2).failed(1));
    }
}
