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
package dev.plimsoll.ingest.jmeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.ingest.LoadParseException;
import dev.plimsoll.run.HttpTimeline;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real JMeter 5.6.3 run (tools/loadtool-fixtures): totals equal JMeter's HTML dashboard
 * (statistics.json) for CSV and JMeter's Aggregate Report for XML.
 */
class JtlReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path resource(String name) {
        try {
            return Path.of(
                    JtlReaderTest.class.getResource("/jmeter/mixed/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** label → {samples, errors, p90, p95, p99} of JMeter's Aggregate Report. */
    static Map<String, double[]> aggregateReport(String name) throws IOException {
        Map<String, double[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(resource(name));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t");
            rows.put(f[0].replace("\\n", "\n"), new double[] {
                Double.parseDouble(f[1]),
                Double.parseDouble(f[2]),
                Double.parseDouble(f[7]),
                Double.parseDouble(f[8]),
                Double.parseDouble(f[9])
            });
        }
        return rows;
    }

    @Test
    void csvWhenReadShouldCountAsJMeterDashboardTotal() throws IOException {
        LoadRun run = JtlReader.create().read(resource("results.csv"));
        JsonNode stats = JSON.readTree(resource("statistics.json").toFile());
        JsonNode total = stats.get("Total");

        assertThat(run.tool()).isEqualTo("jmeter");
        assertThat(run.totals().requests()).isEqualTo(total.get("sampleCount").asLong());
        assertThat(run.totals().failedRequests())
                .isEqualTo(total.get("errorCount").asLong());
        assertThat(run.timeline()
                        .http()
                        .distribution(LoadMetrics.REQUEST_DURATION)
                        .max())
                .isEqualTo(
                        total.get("maxResResTime") == null
                                ? total.get("maxResTime").asDouble()
                                : 0);
        // every label that is no transaction controller: count and errors as the dashboard's row
        Map<String, HttpTimeline> byName = run.timeline().byName();
        stats.fields().forEachRemaining(e -> {
            if (e.getKey().equals("Total")
                    || e.getKey().equals("checkout")
                    || e.getKey().equals("browse")) {
                return;
            }
            HttpTimeline h = byName.get(e.getKey());
            assertThat(h).as(e.getKey()).isNotNull();
            assertThat(h.totalRequests())
                    .as(e.getKey())
                    .isEqualTo(e.getValue().get("sampleCount").asLong());
            assertThat(h.totalFailed())
                    .as(e.getKey())
                    .isEqualTo(e.getValue().get("errorCount").asLong());
        });
        // a label with a comma and quotes, and one with a line break, come through whole
        assertThat(byName).containsKeys("GET /api/items, \"page\" 2", "GET /api/missing\nsecond line");
        // transaction controllers are group durations, as many as their rows
        long transactions = stats.get("checkout").get("sampleCount").asLong();
        assertThat(run.timeline()
                        .metric(LoadMetrics.GROUP_DURATION)
                        .orElseThrow()
                        .count())
                .isBetween(
                        transactions,
                        transactions + stats.get("browse").get("sampleCount").asLong());
        assertThat(run.totals().vusMax()).isEqualTo(12);
        assertThat(run.timeline().byStatus()).containsKeys("200", "404", "500", "0");
        assertThat(run.timeline().byErrorCode())
                .containsKeys("org.apache.http.conn.HttpHostConnectException", "java.net.SocketTimeoutException")
                .doesNotContainKeys("HTTP 404", "HTTP 500"); // the status says why
        assertThat(failedByHttpErrorOrClass(run)).isEqualTo(run.totals().failedRequests());
        assertThat(run.ingest().warnings()).isEmpty();
    }

    @Test
    void csvPercentilesShouldAgreeWithJMeterWithinOneMillisecond() throws IOException {
        // JMeter's dashboard interpolates (Commons Math's default estimation, p × (n + 1)), its Aggregate Report
        // takes the sample at rank round(p × n); Plimsoll interpolates k6's way (p × (n − 1)). On integer
        // milliseconds the three differ by at most the gap between two neighbouring samples: for this run's
        // labels at most a few ms; the stated tolerance is 5 % or 3 ms, whichever is larger.
        LoadRun run = JtlReader.create().read(resource("results.csv"));
        JsonNode stats = JSON.readTree(resource("statistics.json").toFile());
        for (String label : List.of("GET /api/items", "GET /api/search", "POST /api/orders", "GET /api/slow")) {
            var d = run.timeline().byName().get(label).distribution(LoadMetrics.REQUEST_DURATION);
            JsonNode row = stats.get(label);
            assertThat(d.percentile(50))
                    .as(label + " p50")
                    .isCloseTo(
                            row.get("medianResTime").asDouble(),
                            tol(row.get("medianResTime").asDouble()));
            assertThat(d.percentile(90))
                    .as(label + " p90")
                    .isCloseTo(
                            row.get("pct1ResTime").asDouble(),
                            tol(row.get("pct1ResTime").asDouble()));
            assertThat(d.percentile(95))
                    .as(label + " p95")
                    .isCloseTo(
                            row.get("pct2ResTime").asDouble(),
                            tol(row.get("pct2ResTime").asDouble()));
        }
    }

    private static org.assertj.core.data.Offset<Double> tol(double v) {
        return within(Math.max(3, 0.05 * v));
    }

    @Test
    void csvVariantsWhenReadShouldGiveTheSameRun() {
        LoadRun plain = JtlReader.create().read(resource("results.csv"));
        LoadRun dates = JtlReader.builder()
                .zone(ZoneId.systemDefault())
                .build()
                .read(resource("results-semicolon-dates.csv.gz"));
        LoadRun noHeader = JtlReader.create().read(resource("results-noheader.csv.gz"));

        for (LoadRun r : List.of(dates, noHeader)) {
            assertThat(r.totals().requests()).isEqualTo(plain.totals().requests());
            assertThat(r.totals().failedRequests()).isEqualTo(plain.totals().failedRequests());
            assertThat(r.timeline().byName().keySet())
                    .isEqualTo(plain.timeline().byName().keySet());
            assertThat(r.window()).isEqualTo(plain.window());
        }
    }

    @Test
    void xmlWhenReadShouldCountTopLevelSamplesAsTheAggregateReport() throws IOException {
        LoadRun run = JtlReader.create().read(resource("results.xml.gz"));
        Map<String, double[]> agg = aggregateReport("aggregate-report-xml.csv");

        // top-level samples that are no transaction count once, their nested sub-results (redirects) not again
        for (String label : List.of("GET /api/items", "GET /api/old (redirected)", "GET /api/slow", "GET refused")) {
            assertThat(run.timeline().byName().get(label).totalRequests())
                    .as(label)
                    .isEqualTo((long) agg.get(label)[0]);
            assertThat(run.timeline().byName().get(label).totalFailed())
                    .as(label)
                    .isEqualTo((long) agg.get(label)[1]);
        }
        assertThat(run.timeline().byName()).doesNotContainKey("GET /api/old (redirected)-0");
        // the transaction with a parent sample: its children are the requests
        LoadRun csv = JtlReader.create().read(resource("results.csv"));
        assertThat(run.timeline().byName().get("GET /api/items (browse)").totalRequests())
                .isEqualTo(
                        csv.timeline().byName().get("GET /api/items (browse)").totalRequests());
        long topLevelTransactions = (long) (agg.get("checkout")[0] + agg.get("browse")[0]);
        long expected = (long) agg.get("TOTAL")[0]
                - topLevelTransactions
                + csv.timeline().byName().get("GET /api/items (browse)").totalRequests()
                + csv.timeline().byName().get("GET /api/search (browse)").totalRequests();
        assertThat(run.totals().requests()).isBetween(expected - 2, expected);
    }

    @Test
    void csvWhenLastLineIsCutShouldKeepTheRestWithAWarning(@TempDir Path dir) throws IOException {
        String all = Files.readString(resource("results.csv"));
        Path cut = dir.resolve("cut.jtl");
        Files.writeString(cut, all.substring(0, all.length() - 40));
        LoadRun full = JtlReader.create().read(resource("results.csv"));
        LoadRun run = JtlReader.create().read(cut);

        assertThat(run.totals().requests()).isEqualTo(full.totals().requests() - 1);
        assertThat(run.ingest().warnings()).singleElement().asString().contains("cut short");
    }

    @Test
    void csvWithColumnsMissingShouldNameTheRule(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("missing.csv");
        Files.writeString(f, "timeStamp,label,responseCode,success\n1796085583834,GET /,200,true\n");
        assertThatThrownBy(() -> JtlReader.create().read(f))
                .isInstanceOf(LoadParseException.class)
                .hasMessageContaining("missing.csv:1")
                .hasMessageContaining("lack elapsed");
    }

    @Test
    void headerlessCsvWithReorderedColumnsShouldNameLineAndField(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("reordered.csv");
        Files.writeString(
                f,
                "1796085583834,64,GET /api/items,200,OK,users 1-1,text,true,,125,127,1,1,http://x/,59,0,29\n"
                        + "1796085583949,GET /api/search,27,200,OK,users 1-1,text,true,,118,128,1,1,http://x/,27,0,0\n");
        assertThatThrownBy(() -> JtlReader.create().read(f))
                .isInstanceOf(LoadParseException.class)
                .hasMessageContaining("reordered.csv:2")
                .hasMessageContaining("field 2 (elapsed) must be an integer, but was 'GET /api/search'");
        LoadRun lenient = JtlReader.builder().lenient(true).build().read(f);
        assertThat(lenient.totals().requests()).isEqualTo(1);
        assertThat(lenient.ingest().skippedLines()).isEqualTo(1);
    }

    @Test
    void xmlWithAnUnclosedElementShouldFailNamingTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("unclosed.xml");
        Files.writeString(
                f,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n"
                        + "<httpSample t=\"64\" lt=\"59\" ts=\"1796085583834\" s=\"true\" lb=\"a\" rc=\"200\" rm=\"OK\">\n"
                        + "<httpSample t=\"27\" lt=\"27\" ts=\"1796085583949\" s=\"true\" lb=\"b\" rc=\"200\" rm=\"OK\"/>\n"
                        + "</testResults>\n");
        assertThatThrownBy(() -> JtlReader.create().read(f))
                .isInstanceOf(LoadParseException.class)
                .hasMessageContaining("unclosed.xml:5")
                .hasMessageContaining("malformed XML");
    }

    @Test
    void xmlCutShortShouldKeepCompleteSamplesWithAWarning(@TempDir Path dir) throws IOException {
        String xml;
        try (var in = new GZIPInputStream(Files.newInputStream(resource("results.xml.gz")))) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path f = dir.resolve("killed.xml");
        Files.writeString(f, xml.substring(0, xml.length() / 2));
        LoadRun run = JtlReader.create().read(f);
        assertThat(run.totals().requests()).isPositive();
        assertThat(run.ingest().warnings()).singleElement().asString().contains("ends inside <testResults>");
    }

    /**
     * Failed requests as the error classification counts them: by HTTP error status, or by error class where the
     * status does not say why. Each failed request is in exactly one of the two.
     */
    static long failedByHttpErrorOrClass(LoadRun run) {
        long byStatus = run.timeline().byStatus().entrySet().stream()
                .filter(e -> e.getKey().matches("[45]\\d\\d"))
                .mapToLong(e -> e.getValue().totalRequests())
                .sum();
        long byClass = run.timeline().byErrorCode().values().stream()
                .mapToLong(h -> h.totalRequests())
                .sum();
        return byStatus + byClass;
    }
}
