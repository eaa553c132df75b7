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
package dev.plimsoll.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.Phase;
import dev.plimsoll.series.TimeSeries;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Makes the per-second extracts under {@code src/test/resources/scenarios/} from the shared scenario fixtures (real
 * k6 v0.49.0 runs and their CloudWatch recordings): run with {@code -Dplimsoll.regenerate=true} and
 * {@code -Dplimsoll.fixtures=/path/to/shared/fixtures}. Everything else reads the extracts.
 */
@EnabledIfSystemProperty(named = "plimsoll.regenerate", matches = "true")
class ScenarioExtractTest {
    private static final List<String> SCENARIOS = List.of(
            "S1_backend_scaling",
            "S2_lb_queue",
            "S3_scaling_ceiling",
            "S4_client_bound",
            "S5_healthy",
            "S6_clock_skew");

    @Test
    void extractWhenRegeneratingShouldWriteEveryScenario() throws IOException {
        Path fixtures = Path.of(System.getProperty("plimsoll.fixtures", "../../shared/fixtures"));
        Path out = Path.of("src/test/resources/scenarios");
        ObjectMapper json = new ObjectMapper();
        for (String name : SCENARIOS) {
            Path dir = fixtures.resolve("scenarios").resolve(name);
            Path target = out.resolve(name);
            Files.createDirectories(target);
            LoadRun run = K6Reader.create().read(dir.resolve("k6/results.json.gz"));
            TimeSeries rps = run.timeline().rps();
            TimeSeries failed = run.timeline().http().failed();
            TimeSeries vus = run.timeline().vus();
            TimeSeries p50 = run.timeline().percentile(K6Metrics.HTTP_REQ_DURATION, 50);
            TimeSeries p95 = run.timeline().percentile(K6Metrics.HTTP_REQ_DURATION, 95);
            TimeSeries p99 = run.timeline().percentile(K6Metrics.HTTP_REQ_DURATION, 99);
            try (Writer w = Files.newBufferedWriter(target.resolve("load.csv"), StandardCharsets.UTF_8)) {
                w.write("epoch_ms,requests,failed,vus,p50_ms,p95_ms,p99_ms\n");
                for (int i = 0; i < rps.size(); i++) {
                    w.write(String.format(
                            Locale.ROOT,
                            "%d,%s,%s,%s,%s,%s,%s%n",
                            rps.epochMilliAt(i),
                            n(rps.valueAt(i)),
                            n(at(failed, rps.epochMilliAt(i))),
                            n(at(vus, rps.epochMilliAt(i))),
                            n(at(p50, rps.epochMilliAt(i))),
                            n(at(p95, rps.epochMilliAt(i))),
                            n(at(p99, rps.epochMilliAt(i)))));
                }
            }
            try (Writer w = Files.newBufferedWriter(target.resolve("phases.csv"), StandardCharsets.UTF_8)) {
                w.write("kind,start_ms,end_ms\n");
                for (Phase p : run.phases()) {
                    w.write(p.kind().label() + "," + p.window().start().toEpochMilli() + ","
                            + p.window().end().toEpochMilli() + "\n");
                }
            }
            JsonNode cw =
                    json.readTree(dir.resolve("cloudwatch/get-metric-data.json").toFile());
            try (Writer w = Files.newBufferedWriter(target.resolve("cloudwatch.csv"), StandardCharsets.UTF_8)) {
                w.write("id,label,epoch_ms,value\n");
                for (JsonNode r : cw.get("MetricDataResults")) {
                    for (int i = 0; i < r.get("Timestamps").size(); i++) {
                        w.write(r.get("Id").asText() + "," + r.get("Label").asText() + ","
                                + Instant.parse(r.get("Timestamps").get(i).asText())
                                        .toEpochMilli() + ","
                                + n(r.get("Values").get(i).asDouble()) + "\n");
                    }
                }
            }
            Files.copy(
                    dir.resolve("truth.json"),
                    target.resolve("truth.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(target.resolve("load.csv")).isNotEmptyFile();
        }
    }

    private static double at(TimeSeries s, long t) {
        for (int i = 0; i < s.size(); i++) {
            if (s.epochMilliAt(i) == t) {
                return s.valueAt(i);
            }
        }
        return Double.NaN;
    }

    private static String n(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
