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
package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.BaselineHookTestAccess;
import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.align.AlignedSeries;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    @TempDir
    Path dir;

    private static String json(ReportDocument doc) throws IOException {
        StringWriter w = new StringWriter();
        JsonReport.write(doc, w);
        return w.toString();
    }

    @Test
    void everyFormatShouldLeaveTheCallersWriterOpen() throws IOException {
        Report report = LoadTestAnalysis.of(BaselineHookTestAccess.run()).analyze();
        for (ReportFormat format : EnumSet.allOf(ReportFormat.class)) {
            StringWriter target = new StringWriter();
            boolean[] closed = {false};
            try (FilterWriter w = new FilterWriter(target) {
                @Override
                public void close() throws IOException {
                    closed[0] = true;
                    super.close();
                }
            }) {
                report.write(format, w);
                assertThat(closed[0]).as(format + " closed the caller's writer").isFalse();
                w.write("<!-- after -->");
            }
            assertThat(target.toString())
                    .as(format.id())
                    .hasSizeGreaterThan(100)
                    .endsWith("<!-- after -->");
        }
    }

    @Test
    void aSavedReportShouldReadBackAndWriteTheSameJson() throws IOException {
        Report report = LoadTestAnalysis.of(BaselineHookTestAccess.run())
                .baseline(BaselineHookTestAccess.fixedBaseline(500))
                .gates("client_p95_change<10%", "scaling_lag<=150s", "client_p95<2s")
                .analyze();
        Path file = report.write(ReportFormat.JSON, dir.resolve("plimsoll-report.json"));
        String written = Files.readString(file, StandardCharsets.UTF_8);

        ReportDocument back = JsonReport.read(file);

        assertThat(json(back)).isEqualTo(written);
        assertThat(back.title()).isEqualTo(report.title());
        assertThat(back.verdict()).isEqualTo(report.verdict());
        assertThat(back.reasons()).isEqualTo(report.reasons());
        assertThat(back.gates()).isEqualTo(report.gates());
        assertThat(back.findings()).extracting(Finding::kind).contains(FindingKind.REGRESSION);
        Finding.Regression r = (Finding.Regression) back.findings().stream()
                .filter(f -> f.kind() == FindingKind.REGRESSION)
                .findFirst()
                .orElseThrow();
        assertThat(r.figure()).isEqualTo("client_p95");
        assertThat(r.baselineRunIds()).containsExactly("base-1");
        assertThat(back.baseline()).isEqualTo(report.baseline());
        assertThat(back.run().requests()).isEqualTo(100);
        assertThat(back.phases()).isNotEmpty();
        // the merged timeline: requests, errors, VUs and three latency percentiles per second
        assertThat(back.timeline())
                .extracting(AlignedSeries::key)
                .containsExactly(
                        "load:requests.rate",
                        "load:errors.rate",
                        "load:vus.last",
                        "load:latency.p50",
                        "load:latency.p95",
                        "load:latency.p99");
        assertThat(back.timeline()).isEqualTo(ReportDocument.of(report).timeline());
        assertThat(back.series("load", "requests", "rate").orElseThrow().values())
                .containsExactly(10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
    }

    @Test
    void malformedJsonShouldNameTheFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("r.json"), "{\n  \"schemaVersion\" : 1,\n  \"title\" : }\n");

        assertThatThrownBy(() -> JsonReport.read(file))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining(file + ":3:")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aReportOfANewerSchemaShouldBeRefusedNamingBothVersions() throws IOException {
        Path file = Files.writeString(dir.resolve("r.json"), "{\"schemaVersion\": 7, \"title\": \"x\"}");

        assertThatThrownBy(() -> JsonReport.read(file))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("schema version 7, newer than version " + JsonReport.SCHEMA_VERSION);
    }

    @Test
    void aFieldOfTheWrongTypeShouldBeNamed() throws IOException {
        Report report = LoadTestAnalysis.of(BaselineHookTestAccess.run()).analyze();
        Path file = report.write(ReportFormat.JSON, dir.resolve("r.json"));
        Files.writeString(file, Files.readString(file).replaceFirst("\"kind\" : \"steady\"", "\"kind\" : 7"));

        assertThatThrownBy(() -> JsonReport.read(file))
                .isInstanceOf(ReportException.class)
                .hasMessageMatching(".*r.json: not a Plimsoll JSON report: phases\\[\\d+]: 'kind' must be a string");
    }

    @Test
    void aMissingFileOrAFolderShouldBeNamed() {
        assertThatThrownBy(() -> JsonReport.read(dir.resolve("none.json")))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("none.json does not exist");
        assertThatThrownBy(() -> JsonReport.read(dir))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("is a folder");
    }
}
