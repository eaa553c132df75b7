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
package dev.plimsoll.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.cloudwatch.CloudWatchRecording;
import dev.plimsoll.datadog.DatadogRecording;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.source.FetchResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void soakLinesShouldHaveTheShapeOfRealK6OutputInUtc() throws IOException {
        Map<String, TreeSet<String>> real;
        try (InputStream in = GenerateRunTest.class.getResourceAsStream("/s1-head.ndjson")) {
            real = shapes(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String text = generate(true, 140, 60_000_000_000L, Long.MAX_VALUE).toString(StandardCharsets.UTF_8);
        Map<String, TreeSet<String>> generated = shapes(text);

        real.keySet().removeIf(k -> !k.startsWith("Point:"));
        assertThat(real).hasSizeGreaterThan(10);
        for (Map.Entry<String, TreeSet<String>> e : real.entrySet()) {
            assertThat(generated).containsKey(e.getKey());
            assertThat(generated.get(e.getKey())).as(e.getKey()).isSubsetOf(e.getValue());
        }
        assertThat(text.lines().filter(l -> l.contains("\"time\":\"")))
                .allMatch(l -> l.matches(".*\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z\".*"));
    }

    @Test
    void burstShouldWriteFourteenLinesPerIterationAndReadBack() throws IOException {
        ByteArrayOutputStream out = generate(false, 2400, Long.MAX_VALUE, 5000);
        String text = out.toString(StandardCharsets.UTF_8);
        long points = text.lines().filter(l -> l.contains("\"type\":\"Point\"")).count();
        long gauges =
                text.lines().filter(l -> l.startsWith("{\"metric\":\"vus")).count();
        long iterations = text.lines()
                .filter(l -> l.startsWith("{\"metric\":\"iterations\""))
                .count();

        // every request: 9 http metrics and a check; every iteration (one request) 4 more: 14 lines; the run stops
        // at its 5 000th request with each of the 100 VUs' last iteration possibly unfinished
        assertThat(points - gauges).isEqualTo(10 * 5000 + 4 * iterations);
        assertThat(5000 - iterations).isBetween(0L, 100L);
        LoadRun run = K6Reader.create().read(new ByteArrayInputStream(out.toByteArray()), "burst.json");
        assertThat(run.totals().requests()).isEqualTo(5000);
        assertThat(run.timeline().byName()).hasSize(1);
        assertThat(run.ingest().warnings()).isEmpty();
    }

    @Test
    void replaysShouldOpenAndCoverTheRun() throws IOException {
        GenerateRun g = new GenerateRun(true, new ByteArrayOutputStream(), 5, 140, 600_000_000_000L, Long.MAX_VALUE);
        g.write();
        Replays.write(dir, g.counts());

        try (CloudWatchRecording cw = CloudWatchRecording.open(dir.resolve("cloudwatch"));
                DatadogRecording dd = DatadogRecording.open(dir.resolve("datadog"))) {
            var window = cw.window().orElseThrow();
            FetchResult c = cw.fetch(cw.defaultQueries(), window, Duration.ofSeconds(60));
            FetchResult d = dd.fetch(dd.defaultQueries(), window, Duration.ofSeconds(15));

            assertThat(c.series()).isNotEmpty();
            assertThat(d.series()).isNotEmpty();
            double albRequests = c.seriesSet().stream()
                    .filter(s -> s.id().name().equals("RequestCount"))
                    .findFirst()
                    .orElseThrow()
                    .stream()
                    .filter(v -> !Double.isNaN(v))
                    .sum();
            assertThat(albRequests).isEqualTo(g.requests);
        }
    }

    private static ByteArrayOutputStream generate(boolean soak, double rps, long durationNanos, long requests)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GenerateRun(soak, out, 11, rps, durationNanos, requests).write();
        return out;
    }

    private static Map<String, TreeSet<String>> shapes(String ndjson) throws IOException {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (String line : ndjson.split("\n")) {
            JsonNode n = JSON.readTree(line);
            String key = n.path("type").asText() + ":" + n.path("metric").asText();
            out.computeIfAbsent(key, k -> new TreeSet<>()).add(shape(n));
        }
        return out;
    }

    /** Field names in order with value kinds, recursively; tag values, times and numbers abstracted away. */
    private static String shape(JsonNode n) {
        if (n.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(e.getKey()).append(':').append(shape(e.getValue())).append(it.hasNext() ? "," : "");
            }
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            return n.isEmpty() ? "[]" : "[" + shape(n.get(0)) + "]";
        }
        if (n.isTextual()) {
            return n.asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?(Z|[+-]\\d\\d:\\d\\d)")
                    ? "time"
                    : "string";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
