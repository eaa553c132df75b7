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
package dev.plimsoll.ingest.k6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.HttpTimeline;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.MetricKind;
import dev.plimsoll.run.RunSummary;
import dev.plimsoll.run.RunTotals;
import dev.plimsoll.run.ThresholdResult;
import dev.plimsoll.series.TimeSeries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class K6ReaderTest {
    /** Relative error allowed between a histogram percentile and k6's exact one (see Distribution). */
    private static final double PRECISION = 0.0005;

    private final K6Reader reader = K6Reader.create();
    private final RunSummary summary = reader.readSummary(Fixtures.SMOKE_SUMMARY_EXPORT);

    @Test
    void ndjsonTotalsShouldEqualK6SummaryExactly() {
        LoadRun run = reader.read(Fixtures.SMOKE_JSON);
        RunTotals t = run.totals();

        assertThat(t.requests()).isEqualTo(958).isEqualTo(summaryLong("http_reqs", "count"));
        assertThat(t.iterations()).isEqualTo(477).isEqualTo(summaryLong("iterations", "count"));
        assertThat(t.checksPassed()).isEqualTo(787).isEqualTo(summaryLong("checks", "passes"));
        assertThat(t.checksFailed()).isEqualTo(42).isEqualTo(summaryLong("checks", "fails"));
        assertThat(t.dataSentBytes()).isEqualTo(104051).isEqualTo(summaryLong("data_sent", "count"));
        assertThat(t.dataReceivedBytes()).isEqualTo(128831).isEqualTo(summaryLong("data_received", "count"));
        assertThat(t.failedRequests()).isEqualTo(46).isEqualTo(summaryLong("http_req_failed", "passes"));
        assertThat(run.timeline().http().errorRate())
                .isEqualTo(summary.value("http_req_failed", "value").getAsDouble());
        assertThat(t.vusMax()).isEqualTo(summaryLong("vus", "max"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http_req_duration",
                "http_req_waiting",
                "http_req_blocked",
                "http_req_connecting",
                "iteration_duration",
                "group_duration",
                "cart_latency"
            })
    void ndjsonPercentilesShouldAgreeWithK6WithinHistogramPrecision(String trend) {
        LoadRun run = reader.read(Fixtures.SMOKE_JSON);
        Distribution d = run.timeline().metric(trend).orElseThrow().distribution();

        assertClose(d.percentile(90), summary.value(trend, "p(90)").getAsDouble());
        assertClose(d.percentile(95), summary.value(trend, "p(95)").getAsDouble());
        assertClose(d.median(), summary.value(trend, "med").getAsDouble());
        assertThat(d.max()).isEqualTo(summary.value(trend, "max").getAsDouble());
        assertThat(d.min()).isEqualTo(summary.value(trend, "min").getAsDouble());
        assertThat(d.mean()).isCloseTo(summary.value(trend, "avg").getAsDouble(), within(1e-9));
    }

    @Test
    void subMetricByNameShouldAgreeWithK6() {
        LoadRun run = reader.read(Fixtures.SMOKE_JSON);
        Distribution orders = run.timeline().byName().get("POST /api/orders").distribution(K6Metrics.HTTP_REQ_DURATION);
        String sub = "http_req_duration{name:POST /api/orders}";

        assertClose(orders.percentile(95), summary.value(sub, "p(95)").getAsDouble());
        assertClose(orders.percentile(90), summary.value(sub, "p(90)").getAsDouble());
        assertThat(orders.max()).isEqualTo(summary.value(sub, "max").getAsDouble());
    }

    @Test
    void everyRequestShouldBeInExactlyOneNameAndOneStatus() {
        LoadRun run = reader.read(Fixtures.SMOKE_JSON);
        long byName = run.timeline().byName().values().stream()
                .mapToLong(HttpTimeline::totalRequests)
                .sum();
        long byStatus = run.timeline().byStatus().values().stream()
                .mapToLong(HttpTimeline::totalRequests)
                .sum();
        double perBucket = run.timeline().http().requests().stream().sum();

        assertThat(byName).isEqualTo(958);
        assertThat(byStatus).isEqualTo(958);
        assertThat(perBucket).isEqualTo(958);
        assertThat(run.timeline().byStatus()).containsKeys("0", "200", "201", "404", "500");
        assertThat(run.timeline().byErrorCode().get("1212").totalRequests()).isPositive();
    }

    @Test
    void ndjsonShouldRecordMetricKindsFromDeclarations() {
        LoadRun run = reader.read(Fixtures.SMOKE_JSON);

        assertThat(run.timeline().metric("orders_placed").orElseThrow().kind()).isEqualTo(MetricKind.COUNTER);
        assertThat(run.timeline().metric("orders_placed").orElseThrow().sum()).isEqualTo(119);
        assertThat(run.timeline().metric("basket_size").orElseThrow().kind()).isEqualTo(MetricKind.GAUGE);
        assertThat(run.timeline().metric("basket_size").orElseThrow().last())
                .isEqualTo(summary.value("basket_size", "value").getAsDouble());
        assertThat(run.timeline().metric("order_success").orElseThrow().nonZero())
                .isEqualTo(119);
        assertThat(run.timeline().metric("cart_latency").orElseThrow().unit()).isEqualTo("ms");
    }

    @Test
    void timesShouldHonourTheGeneratorsUtcOffset() {
        LoadRun rome = reader.read(Fixtures.SMOKE_JSON);

        // first point: 2026-11-26T04:54:52.104720988+01:00 = 03:54:52 UTC
        assertThat(rome.timeline().start()).isEqualTo(Instant.parse("2026-11-26T03:54:52Z"));
        LoadRun newYork = reader.read(Fixtures.KILLED);
        // first point written at 2026-11-25T22:55:2x-05:00 = 03:55:2x UTC
        assertThat(newYork.timeline().start())
                .isBetween(Instant.parse("2026-11-26T03:55:00Z"), Instant.parse("2026-11-26T03:56:00Z"));
    }

    @Test
    void csvAndNdjsonOfTheSameRunShouldAgree() {
        LoadRun json = reader.read(Fixtures.SMOKE_JSON);
        LoadRun csv = reader.read(Fixtures.SMOKE_CSV);

        assertThat(csv.totals()).isEqualTo(json.totals());
        // CSV times are whole seconds: floor(time) is the same 1 s bucket
        assertThat(csv.timeline().rps()).isEqualTo(json.timeline().rps());
        assertThat(csv.timeline().errorRate()).isEqualTo(json.timeline().errorRate());
        assertThat(csv.timeline().vus()).isEqualTo(json.timeline().vus());
        for (double p : new double[] {50, 90, 95, 99}) {
            TimeSeries a = json.timeline().percentile(K6Metrics.HTTP_REQ_DURATION, p);
            TimeSeries b = csv.timeline().percentile(K6Metrics.HTTP_REQ_DURATION, p);
            for (int i = 0; i < a.size(); i++) {
                if (Double.isNaN(a.valueAt(i))) {
                    assertThat(b.valueAt(i)).isNaN();
                } else {
                    // CSV rounds values to 6 decimals (1 ns): agreement to histogram precision
                    assertThat(b.valueAt(i)).isCloseTo(a.valueAt(i), within(a.valueAt(i) * PRECISION * 2 + 1e-5));
                }
            }
        }
    }

    @Test
    void summaryExportAndHandleSummaryShouldAgree() {
        RunSummary export = reader.readSummary(Fixtures.SMOKE_SUMMARY_EXPORT);
        RunSummary handle = reader.readSummary(Fixtures.SMOKE_HANDLE_SUMMARY);

        assertThat(export.format()).isEqualTo("k6-summary-export");
        assertThat(handle.format()).isEqualTo("k6-handle-summary");
        assertThat(handle.thresholds()).isEqualTo(export.thresholds());
        assertThat(handle.totals())
                .usingRecursiveComparison()
                .ignoringFields("duration")
                .isEqualTo(export.totals());
        assertThat(handle.duration()).contains(Duration.ofNanos(30_383_112_716L));
        assertThat(export.metrics().get("http_req_duration"))
                .isEqualTo(handle.metrics().get("http_req_duration"));
    }

    @Test
    void summaryExportThresholdTrueShouldMeanFailed() {
        // summary-export: "checks": {"thresholds": {"rate>0.95": true}} with value 0.949 -> crossed, failed
        assertThat(summary.thresholds())
                .contains(
                        new ThresholdResult("checks", "rate>0.95", false),
                        new ThresholdResult("http_req_failed", "rate<0.05", true),
                        new ThresholdResult("http_req_duration", "p(95)<500", true));
        assertThat(summary.failedThresholds())
                .extracting(ThresholdResult::metric)
                .containsExactly("checks");
    }

    @Test
    void summaryAndTimelineShouldAgree() {
        LoadRun run = reader.read(Fixtures.SMOKE_JSON, Fixtures.SMOKE_SUMMARY_EXPORT);

        assertThat(run.summary()).isPresent();
        assertThat(run.totals())
                .usingRecursiveComparison()
                .ignoringFields("duration")
                .isEqualTo(run.summary().orElseThrow().totals());
        LoadRun onlySummary = reader.read(Fixtures.SMOKE_HANDLE_SUMMARY);
        assertThat(onlySummary.timeline().isEmpty()).isTrue();
        assertThat(onlySummary.totals().requests()).isEqualTo(958);
    }

    @Test
    void formatShouldBeDetectedFromContent() {
        assertThat(K6Reader.detect(Fixtures.SMOKE_JSON)).isEqualTo(K6Format.NDJSON);
        assertThat(K6Reader.detect(Fixtures.SMOKE_CSV)).isEqualTo(K6Format.CSV);
        assertThat(K6Reader.detect(Fixtures.SMOKE_SUMMARY_EXPORT)).isEqualTo(K6Format.SUMMARY_EXPORT);
        assertThat(K6Reader.detect(Fixtures.SMOKE_HANDLE_SUMMARY)).isEqualTo(K6Format.HANDLE_SUMMARY);
    }

    @Test
    void parallelAndSequentialReadingShouldGiveTheSameTimeline() {
        LoadRun one = K6Reader.builder().parallelism(1).build().read(Fixtures.SMOKE_JSON);
        LoadRun many =
                K6Reader.builder().parallelism(3).chunkBytes(64 * 1024).build().read(Fixtures.SMOKE_JSON);

        assertThat(many.totals()).isEqualTo(one.totals());
        assertThat(many.ingest().lines()).isEqualTo(one.ingest().lines()).isEqualTo(12411);
        assertThat(many.ingest().samples()).isEqualTo(one.ingest().samples());
        assertThat(many.timeline().rps()).isEqualTo(one.timeline().rps());
        assertThat(many.timeline().vus()).isEqualTo(one.timeline().vus());
        assertThat(many.timeline().percentile(K6Metrics.HTTP_REQ_DURATION, 95))
                .isEqualTo(one.timeline().percentile(K6Metrics.HTTP_REQ_DURATION, 95));
    }

    @Test
    void aStreamShouldReadLikeTheFileItCameFrom() throws java.io.IOException {
        LoadRun file = reader.read(Fixtures.SMOKE_JSON);
        LoadRun stream;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(Fixtures.SMOKE_JSON)) {
            stream = reader.read(in, "k6.json.gz");
        }

        assertThat(stream.totals()).isEqualTo(file.totals());
        assertThat(stream.id()).isEqualTo("k6");
        assertThat(stream.timeline().percentile(K6Metrics.HTTP_REQ_DURATION, 95))
                .isEqualTo(file.timeline().percentile(K6Metrics.HTTP_REQ_DURATION, 95));
    }

    @Test
    void aSummaryShouldReadFromAStreamToo() throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(Fixtures.SMOKE_HANDLE_SUMMARY)) {
            LoadRun run = reader.read(in, "summary.json");

            assertThat(run.summary()).isPresent();
            assertThat(run.summary().orElseThrow().thresholds()).isEqualTo(summary.thresholds());
        }
    }

    @Test
    void dashShouldReadStandardInput() throws java.io.IOException {
        java.io.InputStream saved = System.in;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(Fixtures.SMOKE_JSON)) {
            System.setIn(in);
            LoadRun run = reader.read(java.nio.file.Path.of("-"));

            assertThat(run.totals()).isEqualTo(reader.read(Fixtures.SMOKE_JSON).totals());
            assertThat(run.ingest().files()).containsExactly("<stdin>");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aStreamThatIsNotK6ShouldFailNamingIt() {
        java.io.InputStream in = new java.io.ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> reader.read(in, "<stdin>"))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("<stdin>:1: not k6 output");
    }

    @Test
    void filesOfSeveralGeneratorsShouldMergeWithVusSummed() {
        LoadRun single = reader.read(Fixtures.SMOKE_JSON);
        LoadRun both = reader.read(Fixtures.SMOKE_JSON, Fixtures.SMOKE_CSV);

        assertThat(both.totals().requests()).isEqualTo(2 * single.totals().requests());
        assertThat(both.totals().vusMax()).isEqualTo(2 * single.totals().vusMax());
        assertThat(both.ingest().files()).hasSize(2);
        TimeSeries vus = both.timeline().vus();
        TimeSeries one = single.timeline().vus();
        assertThat(vus.values())
                .containsExactly(
                        java.util.Arrays.stream(one.values()).map(v -> 2 * v).toArray());
    }

    @Test
    void bucketLengthShouldBeConfigurable() {
        LoadRun run = K6Reader.builder().bucket(Duration.ofSeconds(5)).build().read(Fixtures.SMOKE_JSON);

        assertThat(run.timeline().bucket()).isEqualTo(Duration.ofSeconds(5));
        assertThat(run.timeline().start().getEpochSecond() % 5).isZero();
        assertThat(run.timeline().http().requests().stream().sum()).isEqualTo(958);
        assertThat(run.timeline().rps().valueAt(1))
                .isEqualTo(run.timeline().http().requests().valueAt(1) / 5);
    }

    @Test
    void phasesShouldCoverTheRun() {
        LoadRun run = reader.read(Fixtures.SMOKE_JSON);
        var phases = run.phases();

        assertThat(phases).isNotEmpty();
        assertThat(phases.get(0).window().start()).isEqualTo(run.window().start());
        assertThat(phases.get(phases.size() - 1).window().end())
                .isEqualTo(run.window().end());
        assertThat(phases).extracting(p -> p.kind().label()).contains("steady");
    }

    private long summaryLong(String metric, String figure) {
        return Math.round(summary.value(metric, figure).getAsDouble());
    }

    private static void assertClose(double actual, double k6) {
        assertThat(actual).isCloseTo(k6, within(Math.abs(k6) * PRECISION + 1e-6));
    }
}
