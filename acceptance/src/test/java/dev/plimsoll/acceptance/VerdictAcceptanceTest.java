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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.cli.PlimsollCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdict rests on evidence (issue #11): recordings of another time, or no cloud source at all, never give a
 * pass; the CLI exits 3 for inconclusive and says what is missing.
 */
class VerdictAcceptanceTest {
    private static final Path S1 = Scenario.resource("scenarios/S1_backend_scaling");
    private static final Path S3 = Scenario.resource("scenarios/S3_scaling_ceiling");

    @TempDir
    Path out;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int analyze(Path recordings, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "analyze", "--load", S1.resolve("k6/results.csv.gz").toString(), "--out", out.toString(), "-q"));
        if (recordings != null) {
            args.addAll(List.of(
                    "--cloudwatch-replay",
                    recordings.resolve("cloudwatch").toString(),
                    "--datadog-replay",
                    recordings.resolve("datadog").toString()));
        }
        args.addAll(List.of(more));
        return PlimsollCommand.run(
                args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.resolve("plimsoll-report.json").toFile());
    }

    @Test
    void recordingsOfAnotherTimeShouldBeInconclusiveNamingTheMissingSignals() throws IOException {
        // S1's k6 run with S3's recordings: a wrong cluster, region or ingestion delay looks the same
        int code = analyze(S3, "--gate", "bottleneck!=load_balancer", "--gate", "client_p95<500ms");

        assertThat(code).as(stderr.toString()).isEqualTo(3);
        assertThat(stdout.toString())
                .contains("verdict: inconclusive")
                .contains("bottleneck: unknown")
                .contains("gate bottleneck!=load_balancer is inconclusive")
                .contains("not covered: cpu_utilization: 0 % of the run covered")
                .contains("the run was 2026-11-26 05:02:")
                .contains("S3_scaling_ceiling/cloudwatch holds 2026-11-26T05:12:00Z")
                .contains("check the cluster")
                .contains("gate client_p95<500ms")
                .doesNotContain("all gates passed");
        JsonNode json = json();
        assertThat(json.path("verdict").asText()).isEqualTo("inconclusive");
        assertThat(json.path("evidence").get(0).path("covered").asBoolean()).isFalse();
        assertThat(json.path("gates").get(0).path("outcome").asText()).isEqualTo("inconclusive");
        assertThat(json.path("gates").get(1).path("outcome").asText()).isEqualTo("pass");
    }

    @Test
    void allowInconclusiveShouldExitZeroAndStillSayWhy() {
        int code = analyze(S3, "--gate", "bottleneck!=load_balancer", "--allow-inconclusive");

        assertThat(code).isZero();
        assertThat(stdout.toString()).contains("verdict: inconclusive").contains("inconclusive accepted");
    }

    @Test
    void withoutCloudSourcesTheServerSideShouldBeUnknownAndTheClientFactsStated() throws IOException {
        int code = analyze(null);

        assertThat(code).isEqualTo(3);
        assertThat(stdout.toString())
                .contains("verdict: inconclusive")
                .contains("bottleneck: unknown")
                .contains("client p95 grew 190 ms (66 → 256 ms)")
                .contains("no cloud source was given");
        assertThat(json().path("bottleneck").asText()).isEqualTo("unknown");
    }

    @Test
    void clientSideGatesShouldStillDecideWithoutCloudSources() {
        assertThat(analyze(null, "--gate", "client_p95<300ms", "--gate", "error_rate<1%"))
                .isZero();
        assertThat(analyze(null, "--gate", "client_p95<100ms")).isEqualTo(1);
        assertThat(analyze(null, "--gate", "client_p95<300ms", "--gate", "scaling_lag<=150s"))
                .isEqualTo(3);
    }

    @Test
    void theMatchingRecordingsShouldDecide() throws IOException {
        assertThat(analyze(S1, "--gate", "scaling_lag<=150s", "--gate", "coverage>=90%"))
                .isZero();
        assertThat(json().path("verdict").asText()).isEqualTo("pass");
        assertThat(analyze(S1, "--gate", "scaling_lag<=90s")).isEqualTo(1);
        assertThat(analyze(S1, "--fail-on", "warning")).isEqualTo(1);
    }
}
