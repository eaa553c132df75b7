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
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.report.JsonReport;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every report format of S1 against golden files, under two locales (a German locale writes 1,5 for 1.5 if a writer
 * forgets Locale.ROOT). HTML is compared by structure: its markup and text, without the inlined stylesheet, uPlot and
 * the chart data (the charts are checked in a real browser by the CLI's browser test). A missing golden file fails the
 * test; regenerate deliberately with {@code -Dplimsoll.regenerate=true}.
 */
class ReportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Pattern SCRIPT_OR_STYLE =
            Pattern.compile("(<(script|style)[^>]*>).*?(</\\2>)", Pattern.DOTALL);

    private static Report report() {
        Scenario s = Scenario.load("S1_backend_scaling");
        return s.report(
                true,
                AnalysisConfig.defaults().toBuilder().maxNodes(5).build(),
                "scaling_lag<=150s",
                "client_p95<300ms",
                "bottleneck!=backend",
                "findings.high==0");
    }

    private static String write(ReportFormat format, String locale) throws IOException {
        return withLocale(locale, () -> {
            StringWriter w = new StringWriter();
            report().write(format, w);
            return w.toString();
        });
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatShouldMatchItsGoldenFileUnderTwoLocales(ReportFormat format) throws IOException {
        String root = structure(format, write(format, ""));
        String german = structure(format, write(format, "de-DE"));

        assertThat(root)
                .isEqualTo(golden("report-S1." + format.id() + (format == ReportFormat.HTML ? ".txt" : ""), root));
        assertThat(german).isEqualTo(root);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "de-DE"})
    void jsonShouldCarryTheSchemaVersionAndVerdict(String locale) throws IOException {
        JsonNode n = new ObjectMapper().readTree(write(ReportFormat.JSON, locale));

        assertThat(n.path("schemaVersion").asInt()).isEqualTo(JsonReport.SCHEMA_VERSION);
        assertThat(n.path("verdict").asText()).isEqualTo("fail"); // bottleneck!=backend fails
        assertThat(n.path("findings").get(0).path("kind").asText()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "de-DE"})
    void markdownShouldNameTheFailedGate(String locale) throws IOException {
        assertThat(write(ReportFormat.MARKDOWN, locale))
                .contains("❌ fail: 1 gate(s) failed")
                .contains("| `bottleneck!=backend` | backend | ❌ fail |");
    }

    /** The HTML's markup and text without the contents of script and style elements; other formats as written. */
    private static String structure(ReportFormat format, String text) {
        if (format != ReportFormat.HTML) {
            return text;
        }
        return SCRIPT_OR_STYLE.matcher(text).replaceAll("$1…$3").replace("><", ">\n<");
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

    /** The golden file's text; written only with -Dplimsoll.regenerate=true, a missing one fails. */
    private static String golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("plimsoll.regenerate")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file)
                .as("golden file %s is missing: run once with -Dplimsoll.regenerate=true and review it", file)
                .exists();
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
