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
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.run.LoadRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateK6Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void generatedLinesShouldHaveTheShapeOfRealK6Output() throws IOException {
        Map<String, TreeSet<String>> real;
        try (InputStream in = GenerateK6Test.class.getResourceAsStream("/s1-head.ndjson")) {
            real = shapes(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GenerateK6(out, 1).write(200_000, Instant.parse("2026-11-26T05:02:27Z"), 85);
        Map<String, TreeSet<String>> generated = shapes(out.toString(StandardCharsets.UTF_8));

        // every Point metric of the real head, with the same field order, tag keys and value kinds (Metric
        // declarations carry the script's thresholds and are a handful of lines, so they are left out)
        real.keySet().removeIf(k -> !k.startsWith("Point:"));
        assertThat(real).hasSizeGreaterThan(10);
        for (Map.Entry<String, TreeSet<String>> e : real.entrySet()) {
            assertThat(generated).containsKey(e.getKey());
            assertThat(generated.get(e.getKey())).as(e.getKey()).isSubsetOf(e.getValue());
        }
    }

    @Test
    void generatedFileShouldReadBackWithTheRequestsWritten() throws IOException {
        Path file = dir.resolve("gen.json.gz");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long requests = new GenerateK6(out, 7).write(2_000_000, Instant.parse("2026-11-26T05:02:27Z"), 85);
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(out.toByteArray());
        }

        LoadRun run = K6Reader.create().read(file);

        assertThat(run.totals().requests()).isEqualTo(requests);
        assertThat(run.totals().vusMax()).isEqualTo(85);
        assertThat(run.ingest().warnings()).isEmpty();
    }

    @Test
    void numbersShouldBeFormattedLikeGo() {
        assertThat(GenerateK6.number(1)).isEqualTo("1");
        assertThat(GenerateK6.number(0)).isEqualTo("0");
        assertThat(GenerateK6.number(29.124031)).isEqualTo("29.124031");
        assertThat(GenerateK6.number(0.0265)).isEqualTo("0.0265");
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

    /** Field names in order with value kinds, recursively; tag values and numbers abstracted away. */
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
            return n.asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?\\+01:00")
                    ? "time"
                    : "string";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
