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
package dev.plimsoll.ingest.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.ingest.LoadFormat;
import dev.plimsoll.ingest.LoadParseException;
import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against real Gatling runs (tools/loadtool-fixtures): 3.13.5 writes a binary log, 3.11.5 a text log. */
class GatlingLogReaderTest {
    static Path resource(String version, String name) {
        try {
            return Path.of(GatlingLogReaderTest.class
                    .getResource("/gatling/mixed-" + version + "/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The "All Requests" figure of Gatling's own js/stats.js (first occurrence), e.g. numberOfRequests.total. */
    static double figure(String version, String key, String which) throws IOException {
        String js = Files.readString(resource(version, "stats.js"));
        Matcher m = Pattern.compile("\"" + key
                        + "\": \\{\\s*\"total\": \"?(\\d+)\"?,\\s*\"ok\": \"?(\\d+)\"?,\\s*\"ko\": \"?(\\d+)\"?")
                .matcher(js);
        assertThat(m.find()).as(key).isTrue();
        return Double.parseDouble(m.group(which.equals("total") ? 1 : which.equals("ok") ? 2 : 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.13.5", "3.11.5"})
    void logWhenReadShouldCountAsGatlingsReport(String version) throws IOException {
        Path log = resource(version, "simulation.log");
        LoadRun run = GatlingLogReader.create().read(log);

        assertThat(LoadRuns.detect(log))
                .isEqualTo(version.startsWith("3.13") ? LoadFormat.GATLING_BINARY : LoadFormat.GATLING_TEXT);
        assertThat(run.tool()).isEqualTo("gatling");
        assertThat(run.totals().requests()).isEqualTo((long) figure(version, "numberOfRequests", "total"));
        assertThat(run.totals().failedRequests()).isEqualTo((long) figure(version, "numberOfRequests", "ko"));
        var d = run.timeline().http().distribution(LoadMetrics.REQUEST_DURATION);
        assertThat(d.min()).isEqualTo(figure(version, "minResponseTime", "total"));
        assertThat(d.max()).isEqualTo(figure(version, "maxResponseTime", "total"));
        // Gatling's percentiles come from a t-digest (compression 100) rounded to whole ms; Plimsoll interpolates
        // between ranks k6's way: stated tolerance 5 % or 3 ms
        double p50 = figure(version, "percentiles1", "total");
        double p99 = figure(version, "percentiles4", "total");
        assertThat(d.percentile(50)).isCloseTo(p50, within(Math.max(3, 0.05 * p50)));
        assertThat(d.percentile(99)).isCloseTo(p99, within(Math.max(3, 0.05 * p99)));
        assertThat(run.timeline().byName())
                .containsKeys("GET /api/items", "GET /api/search", "POST /api/orders", "GET refused");
        // Gatling logs OK/KO, not the status: statuses only where a KO message names one, 0 without a response
        assertThat(run.timeline().byErrorCode()).containsOnlyKeys("Request timeout", "j.n.ConnectException");
        assertThat(run.timeline().byStatus()).containsOnlyKeys("0", "404", "500", "503");
        assertThat(run.timeline().byStatus().get("0").totalRequests())
                .isEqualTo(run.timeline().byErrorCode().get("Request timeout").totalRequests()
                        + run.timeline()
                                .byErrorCode()
                                .get("j.n.ConnectException")
                                .totalRequests());
        long byHttpError = run.timeline().byStatus().entrySet().stream()
                .filter(e -> e.getKey().matches("[45]\\d\\d"))
                .mapToLong(e -> e.getValue().totalRequests())
                .sum();
        long byClass = run.timeline().byErrorCode().values().stream()
                .mapToLong(h -> h.totalRequests())
                .sum();
        assertThat(byHttpError + byClass).isEqualTo(run.totals().failedRequests()); // each failure counted once
        assertThat(run.timeline().metric(LoadMetrics.GROUP_DURATION)).isPresent();
        assertThat(run.totals().vusMax()).isPositive();
        assertThat(run.ingest().warnings()).isEmpty();
    }

    @Test
    void binaryLogCutShortShouldKeepCompleteRecordsWithAWarning(@TempDir Path dir) throws IOException {
        byte[] all = Files.readAllBytes(resource("3.13.5", "simulation.log"));
        Path cut = dir.resolve("simulation.log");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 7));
        LoadRun run = GatlingLogReader.create().read(cut);
        LoadRun full = GatlingLogReader.create().read(resource("3.13.5", "simulation.log"));
        assertThat(run.totals().requests())
                .isBetween(full.totals().requests() - 1, full.totals().requests());
        assertThat(run.ingest().warnings()).anyMatch(w -> w.contains("cut short"));
    }

    @Test
    void binaryLogOfAnUnknownVersionShouldNameTheRule(@TempDir Path dir) throws IOException {
        byte[] all = Files.readAllBytes(resource("3.13.5", "simulation.log"));
        // the run record starts with the version string: 0, length, "3.13.5", coder
        all[5 + 2] = '9';
        Path f = dir.resolve("simulation.log");
        Files.write(f, all);
        assertThatThrownBy(() -> GatlingLogReader.create().read(f))
                .isInstanceOf(LoadParseException.class)
                .hasMessageContaining("simulation.log:1")
                .hasMessageContaining("written by Gatling 3.93.5");
    }

    @Test
    void textLogOfAnUnknownVersionShouldNameTheRule(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("simulation.log");
        Files.writeString(f, "RUN\tSim\tsim\t1796085834579\t \t2.3.1\nUSER\tusers\tSTART\t1796085835201\n");
        assertThatThrownBy(() -> GatlingLogReader.create().read(f))
                .isInstanceOf(LoadParseException.class)
                .hasMessageContaining("simulation.log:1: written by Gatling 2.3.1");
    }
}
