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
package dev.plimsoll.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSourceException;
import dev.plimsoll.source.Signal;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** The real SDK client against a local endpoint that speaks CloudWatch's wire protocol. */
class CloudWatchLiveTest {
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final TimeWindow S1_WINDOW =
            new TimeWindow(Instant.parse("2026-11-26T05:01:00Z"), Instant.parse("2026-11-26T05:09:00Z"));
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    FakeCloudWatch fake;
    CloudWatchMetricSource source;
    CloudWatchRecording recording;

    static Path resource(String name) {
        try {
            return Path.of(
                    CloudWatchLiveTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void start() throws IOException {
        fake = new FakeCloudWatch().serve(resource("S1_backend_scaling"));
        CloudWatchSourceConfig config = Map.of(
                "cloudwatch.region",
                "eu-west-1",
                "cloudwatch.endpoint",
                fake.endpoint().toString(),
                "cloudwatch.max-attempts",
                "3")::get;
        source = CloudWatchMetricSource.builder(config)
                .clock(NOW)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .backoff(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                .build();
        recording = CloudWatchRecording.open(resource("S1_backend_scaling"));
    }

    @AfterEach
    void stop() {
        source.close();
        fake.close();
        assertThat(fake.violations)
                .as("requests that were not AWS Query GetMetricData (SDK protocol changed?)")
                .isEmpty();
    }

    @Test
    void liveFetchShouldEqualTheReplayOfTheSameData() {
        List<MetricQuery> queries = recording.defaultQueries();

        FetchResult live = source.fetch(queries, S1_WINDOW, Duration.ofSeconds(60));
        FetchResult replay = recording.fetch(queries, S1_WINDOW, Duration.ofSeconds(60));

        assertThat(queries).hasSize(12);
        assertThat(live.series()).isEqualTo(replay.series());
        assertThat(live.coverage()).isEqualTo(replay.coverage());
        assertThat(fake.requests).hasSize(1);
        assertThat(fake.requests.get(0)).containsEntry("ScanBy", "TimestampAscending");
        assertThat(fake.authorizations.get(0)).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY);
    }

    @Test
    void seriesShouldBeAscendingOnThePeriodGridWithGapsAsNaNAndSecondsAsMillis() {
        FetchResult r = source.fetch(recording.defaultQueries(), S1_WINDOW, Duration.ofSeconds(60));

        TimeSeries cpu = r.seriesSet().named("node_cpu_utilization").get(0);
        assertThat(cpu.size()).isEqualTo(8); // 05:01 … 05:08
        assertThat(cpu.timeAt(0)).isEqualTo(Instant.parse("2026-11-26T05:01:00Z"));
        assertThat(cpu.valueAt(0)).isNaN(); // no datapoint at 05:01
        assertThat(cpu.valueAt(1)).isEqualTo(11.162875); // 05:02, the last of the descending recording
        assertThat(cpu.valueAt(6)).isEqualTo(54.04172500000001);
        assertThat(cpu.id().unit()).isEqualTo("percent");
        assertThat(cpu.id().tags()).containsEntry("ClusterName", "shop-eks").doesNotContainKeys("signal", "period");
        FetchedSeries cpuMeta = r.query("node_cpu").orElseThrow();
        assertThat(cpuMeta.signal()).isEqualTo(Signal.CPU_UTILIZATION);
        assertThat(cpuMeta.period()).isEqualTo(Duration.ofSeconds(60));
        TimeSeries p95 = r.query("trt_p95").orElseThrow().series();
        assertThat(p95.id().unit()).isEqualTo("ms");
        Coverage cov = r.coverage().stream()
                .filter(c -> c.queryId().equals("node_cpu"))
                .findFirst()
                .orElseThrow();
        assertThat(cov.expected()).isEqualTo(8);
        assertThat(cov.present()).isEqualTo(6);
        assertThat(cov.complete()).isTrue();
    }

    @Test
    void pagesShouldBeMergedByQueryId() {
        fake.pageSize = 2;

        FetchResult paged = source.fetch(recording.defaultQueries(), S1_WINDOW, Duration.ofSeconds(60));

        assertThat(fake.requests).hasSize(3);
        assertThat(fake.requests.get(1)).containsEntry("NextToken", "2");
        assertThat(paged.series())
                .isEqualTo(recording
                        .fetch(recording.defaultQueries(), S1_WINDOW, Duration.ofSeconds(60))
                        .series());
    }

    @Test
    void throttlingShouldBeRetriedThenSucceed() {
        fake.reply(400, FakeCloudWatch.error("Sender", "Throttling", "Rate exceeded"));

        FetchResult r = source.fetch(recording.defaultQueries(), S1_WINDOW, Duration.ofSeconds(60));

        assertThat(fake.calls.get()).isEqualTo(2);
        assertThat(r.series())
                .isEqualTo(recording
                        .fetch(recording.defaultQueries(), S1_WINDOW, Duration.ofSeconds(60))
                        .series());
    }

    @Test
    void persistentServerErrorsShouldEndInARetryableException() {
        for (int i = 0; i < 3; i++) {
            fake.reply(500, FakeCloudWatch.error("Receiver", "InternalServiceError", "Internal failure"));
        }

        assertThatThrownBy(() -> source.fetch(recording.defaultQueries(), S1_WINDOW, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(MetricSourceException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.type()).isEqualTo("cloudwatch");
                })
                .hasMessageContaining("HTTP 500 InternalServiceError: Internal failure");
        assertThat(fake.calls.get()).isEqualTo(3);
    }

    @Test
    void accessDeniedShouldNotBeRetriedAndShouldNeverShowCredentials() {
        // a server that echoes the signed request back, as some proxies and signature errors do
        fake.reply(
                403,
                FakeCloudWatch.error(
                        "Sender",
                        "AccessDenied",
                        "User with key " + ACCESS_KEY + " is not authorized to perform cloudwatch:GetMetricData"));

        assertThatThrownBy(() -> source.fetch(recording.defaultQueries(), S1_WINDOW, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(MetricSourceException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage())
                            .contains("cloudwatch:GetMetricData")
                            .doesNotContain(ACCESS_KEY)
                            .doesNotContain(SECRET_KEY);
                    StringBuilder all = new StringBuilder();
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        all.append(t).append('\n');
                    }
                    assertThat(all.toString()).doesNotContain(ACCESS_KEY).doesNotContain(SECRET_KEY);
                });
        assertThat(fake.calls.get()).isEqualTo(1);
    }

    @Test
    void partialDataShouldBeReportedInTheCoverage() {
        fake.partialId = "node_cpu";

        FetchResult r = source.fetch(recording.defaultQueries(), S1_WINDOW, Duration.ofSeconds(60));

        Coverage cov = r.coverage().stream()
                .filter(c -> c.queryId().equals("node_cpu"))
                .findFirst()
                .orElseThrow();
        assertThat(cov.complete()).isFalse();
        assertThat(cov.messages())
                .anyMatch(m -> m.contains("MaxDatapointsExceeded"))
                .anyMatch(m -> m.contains("PartialData"));
    }

    @Test
    void anEmptyResultShouldGiveAnEmptyCoverageNotAnError() {
        TimeWindow before =
                new TimeWindow(Instant.parse("2026-11-26T04:00:00Z"), Instant.parse("2026-11-26T04:10:00Z"));

        FetchResult r = source.fetch(recording.defaultQueries(), before, Duration.ofSeconds(60));

        assertThat(r.coverage()).allSatisfy(c -> assertThat(c.present()).isZero());
        // nothing present is not complete data (a wrong name or time looks like that), except for counts of events
        assertThat(r.coverage().stream().filter(c -> c.queryId().equals("node_cpu")))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.complete()).isFalse();
                    assertThat(c.messages()).contains("no datapoint in the window");
                });
        // the recording says which time it holds instead
        FetchResult replayed = recording.fetch(recording.defaultQueries(), before, Duration.ofSeconds(60));
        assertThat(replayed.coverage().stream().filter(c -> c.queryId().equals("node_cpu")))
                .singleElement()
                .satisfies(c ->
                        assertThat(c.messages()).anySatisfy(m -> assertThat(m).contains("holds 2026-11-26T05:0")));
        assertThat(r.seriesSet()).allSatisfy(s -> assertThat(s.presentCount()).isZero());
    }

    @Test
    void queryIdsCloudWatchRejectsShouldBeSentAsValidOnesAndKeptInTheSeries() {
        MetricQuery q = MetricQuery.of(
                "Node-CPU.1",
                Signal.CPU_UTILIZATION,
                "ContainerInsights node_cpu_utilization{ClusterName=shop-eks} Average");

        FetchResult r = source.fetch(List.of(q), S1_WINDOW, Duration.ofSeconds(60));

        assertThat(fake.requests.get(0).get("MetricDataQueries.member.1.Id")).isEqualTo("q0_Node_CPU_1");
        assertThat(r.series().get(0).queryId()).isEqualTo("Node-CPU.1");
        assertThat(r.seriesSet().stream().findFirst().orElseThrow().presentCount())
                .isEqualTo(6);
    }

    @Test
    void recordShouldWriteWhatReplayReadsBack() throws IOException {
        Path out = dir.resolve("rec");

        FetchResult live =
                CloudWatchRecording.record(source, recording.defaultQueries(), S1_WINDOW, Duration.ofSeconds(60), out);
        CloudWatchRecording again = CloudWatchRecording.open(out);

        assertThat(Files.list(out).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("get-metric-data.json", "metric-data-queries.json", "request.json");
        assertThat(again.fetch(again.defaultQueries(), S1_WINDOW, Duration.ofSeconds(60))
                        .series())
                .isEqualTo(live.series());
        assertThat(again.window()).contains(S1_WINDOW);
        String all =
                Files.readString(out.resolve("request.json")) + Files.readString(out.resolve("get-metric-data.json"));
        assertThat(all).doesNotContain(ACCESS_KEY).doesNotContain(SECRET_KEY);
    }

    @Test
    void defaultSignalsShouldMatchTheRecordedQueries() {
        CloudWatchSourceConfig config = Map.of(
                "cloudwatch.cluster",
                "shop-eks",
                "cloudwatch.load-balancer",
                "app/shop-alb/50dc6c495c0c9188",
                "cloudwatch.namespace",
                "shop",
                "cloudwatch.service",
                "shop-backend",
                "cloudwatch.signal.running_pods",
                "off")::get;

        FetchResult r = recording.fetch(CloudWatchSignals.defaults(config), S1_WINDOW, Duration.ofSeconds(60));

        // every default but pod_mem and the two connection counters was recorded
        assertThat(r.coverage())
                .filteredOn(c -> c.present() > 0)
                .extracting(Coverage::queryId)
                .contains(
                        "node_cpu",
                        "node_mem",
                        "node_count",
                        "pod_cpu",
                        "trt_avg",
                        "trt_p95",
                        "trt_p99",
                        "req_count",
                        "active_conn");
        assertThat(r.messages()).anyMatch(m -> m.contains("'pod_mem'") && m.contains("not in the recording"));
        assertThat(CloudWatchSignals.defaults(config))
                .extracting(MetricQuery::id)
                .doesNotContain("running_pods");
    }
}
