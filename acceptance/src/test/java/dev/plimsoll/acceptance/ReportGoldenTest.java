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
import dev.plimsoll.Plimsoll;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.gate.Gate;
import dev.plimsoll.report.JsonReport;
import dev.plimsoll.report.MarkdownReport;
import dev.plimsoll.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON and Markdown reports of S1 against golden files, under two locales (a German locale writes 1,5 for 1.5 if a
 * writer forgets Locale.ROOT). Regenerate deliberately with {@code -Dplimsoll.regenerate=true}.
 */
class ReportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static Report report() {
        Scenario s = Scenario.load("S1_backend_scaling");
        var result = Plimsoll.analyze(
                s.run(),
                List.of(s.cloudwatch(), s.datadog()),
                AnalysisConfig.defaults().withMaxNodes(5));
        var gates = List.of("scaling_lag<=150s", "client_p95<300ms", "bottleneck!=backend", "findings.high==0").stream()
                .map(g -> Gate.parse(g).evaluate(result))
                .toList();
        return new Report("S1_backend_scaling", result, gates);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "de-DE"})
    void jsonShouldMatchTheGoldenFile(String locale) throws IOException {
        String json = withLocale(locale, () -> {
            StringWriter w = new StringWriter();
            JsonReport.write(report(), w);
            return w.toString();
        });

        String golden = golden("report-S1.json", json);
        assertThat(json).isEqualTo(golden);
        JsonNode n = new ObjectMapper().readTree(json);
        assertThat(n.path("schemaVersion").asInt()).isEqualTo(JsonReport.SCHEMA_VERSION);
        assertThat(n.path("verdict").asText()).isEqualTo("fail"); // bottleneck!=backend fails
        assertThat(n.path("findings").get(0).path("kind").asText()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "de-DE"})
    void markdownShouldMatchTheGoldenFile(String locale) throws IOException {
        String md = withLocale(locale, () -> {
            StringWriter w = new StringWriter();
            MarkdownReport.write(report(), w);
            return w.toString();
        });

        assertThat(md).isEqualTo(golden("report-S1.md", md));
        assertThat(md).contains("❌ 1 gate(s) failed").contains("| `bottleneck!=backend` | backend | ❌ fail |");
    }

    interface Io<T> {
        T get() throws IOException;
    }

    private static <T> T withLocale(String tag, Io<T> body) throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(tag.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(tag));
        try {
            return body.get();
        } finally {
            Locale.setDefault(before);
        }
    }

    private static String golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("plimsoll.regenerate") || !Files.exists(file)) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
