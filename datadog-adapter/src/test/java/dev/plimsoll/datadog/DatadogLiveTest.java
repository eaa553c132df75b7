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
package dev.plimsoll.datadog;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real datadog-api-client against a local server serving recorded Datadog responses. */
class DatadogLiveTest {
    static final TimeWindow S1 = TimeWindow.ofEpochMillis(1_795_669_320_000L, 1_795_669_680_000L);

    @TempDir
    Path dir;

    final List<Long> waits = new ArrayList<>();
    FakeDatadog fake;

    static Path resource(String name) {
        try {
            return Path.of(
                    DatadogLiveTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    DatadogMetricSource source(String api, String... more) throws IOException {
        if (fake == null) {
            fake = new FakeDatadog().serve(resource("S1_backend_scaling"));
        }
        Map<String, String> p = new HashMap<>(Map.of(
                "datadog.base-url", fake.baseUrl().toString(), "datadog.api", api, "datadog.retry-budget", "30s"));
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        Map<String, String> env = Map.of("DD_API_KEY", FakeDatadog.API_KEY, "DD_APPLICATION_KEY", FakeDatadog.APP_KEY);
        return DatadogMetricSource.builder(DatadogSourceConfig.withEnvironment(p::get, env::get))
                .sleeper(waits::add)
                .build();
    }

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void v1LiveFetchShouldEqualTheReplayOfTheSameResponses() throws IOException {
        DatadogRecording recording = DatadogRecording.open(resource("S1_backend_scaling"));
        List<MetricQuery> queries = recording.defaultQueries();
        DatadogMetricSource live = source("v1");

        FetchResult fetched = live.fetch(queries, S1, Duration.ofSeconds(15));
        FetchResult replayed = recording.fetch(queries, S1, Duration.ofSeconds(15));

        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        assertThat(fetched.series()).isEqualTo(replayed.series());
        assertThat(fetched.coverage()).isEqualTo(replayed.coverage());
        assertThat(fake.requests).allMatch(r -> r.startsWith("GET /api/v1/query?"));
    }

    @Test
    void v2LiveFetchShouldBatchQueriesAndEqualTheReplay() throws IOException {
        DatadogRecording recording = DatadogRecording.open(resource("S1_backend_scaling"));
        List<MetricQuery> queries = List.of(
                new MetricQuery(
                        "cpu",
                        Signal.CUSTOM,
                        "avg:kubernetes.cpu.usage.total{kube_cluster_name:shop-eks}",
                        Map.of("scale", "1e-9", "unit", "cores")),
                new MetricQuery(
                        "apm_p95",
                        Signal.BACKEND_LATENCY,
                        "p95:trace.http.request.duration{service:shop-backend}",
                        Map.of("scale", "1000", "unit", "ms")));

        FetchResult fetched = source("v2").fetch(queries, S1, Duration.ofSeconds(15));

        assertThat(fake.requests)
                .singleElement()
                .asString()
                .startsWith("POST /api/v2/query/timeseries")
                .contains("\"interval\":15000");
        assertThat(fetched.series())
                .isEqualTo(recording.fetch(queries, S1, Duration.ofSeconds(15)).series());
        TimeSeries p95 =
                fetched.seriesSet().named("trace.http.request.duration").get(0);
        assertThat(p95.valueAt(0)).isNaN(); // 05:02:00, before the first time in the response
        assertThat(p95.valueAt(1)).isNaN(); // null in the response
        assertThat(p95.valueAt(2)).isEqualTo(0.059771 * 1000);
        assertThat(p95.epochMilliAt(1) - p95.epochMilliAt(0)).isEqualTo(15_000);
    }

    @Test
    void cpuUtilisationShouldBeDerivedFromCoresUsedAndCapacity() throws IOException {
        FetchResult r = source("v1", "datadog.cluster", "shop-eks")
                .fetch(
                        source("v1", "datadog.cluster", "shop-eks").defaultQueries().stream()
                                .filter(q -> q.id().startsWith("dd_cpu") || q.id().equals("dd_node_count"))
                                .toList(),
                        S1,
                        Duration.ofSeconds(15));

        TimeSeries cpu = r.series(Signal.CPU_UTILIZATION).get(0).series();
        TimeSeries nodes = r.seriesSet().named("kubernetes_state.node.count").get(0);
        assertThat(cpu.id().unit()).isEqualTo("percent");
        // 3.7 cores busy of 4 (2 × t3.medium) at the plateau: the saturation the truth file describes
        assertThat(cpu.max()).isBetween(85.0, 100.0);
        assertThat(nodes.max()).isEqualTo(4);
        assertThat(r.coverage()).extracting(Coverage::queryId).contains("cpu_utilization");
    }

    @Test
    void rateLimitShouldWaitForTheResetThenSucceed() throws IOException {
        DatadogMetricSource live = source("v1");
        fake.reply(
                429,
                "{\"errors\":[\"Too many requests\"]}",
                Map.of(
                        "X-RateLimit-Limit",
                        "100",
                        "X-RateLimit-Period",
                        "60",
                        "X-RateLimit-Remaining",
                        "0",
                        "X-RateLimit-Reset",
                        "7"));
        MetricQuery q = MetricQuery.of(
                "nodes", Signal.NODE_COUNT, "sum:kubernetes_state.node.count{kube_cluster_name:shop-eks}");

        FetchResult r = live.fetch(List.of(q), S1, Duration.ofSeconds(15));

        assertThat(waits).containsExactly(7_000L);
        assertThat(r.seriesSet().stream().findFirst().orElseThrow().max()).isEqualTo(4);
    }

    @Test
    void rateLimitBeyondTheBudgetShouldBeARetryableError() throws IOException {
        DatadogMetricSource live = source("v1", "datadog.retry-budget", "10s");
        for (int i = 0; i < 3; i++) {
            fake.reply(
                    429,
                    "{\"errors\":[\"Too many requests\"]}",
                    Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Period", "60", "X-RateLimit-Reset", "6"));
        }

        assertThatThrownBy(() -> live.fetch(
                        List.of(MetricQuery.of(
                                "n", Signal.NODE_COUNT, "sum:kubernetes_state.node.count{kube_cluster_name:shop-eks}")),
                        S1,
                        Duration.ofSeconds(15)))
                .isInstanceOfSatisfying(
                        MetricSourceException.class,
                        e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("HTTP 429")
                .hasMessageContaining("limit 100 per 60 s")
                .hasMessageContaining("Too many requests");
        assertThat(waits).containsExactly(6_000L);
    }

    @Test
    void serverErrorsShouldBackOffThenSucceed() throws IOException {
        DatadogMetricSource live = source("v1");
        fake.reply(503, "{\"errors\":[\"Service unavailable\"]}", Map.of());
        fake.reply(500, "{\"errors\":[\"Internal error\"]}", Map.of());

        FetchResult r = live.fetch(
                List.of(MetricQuery.of(
                        "n", Signal.NODE_COUNT, "sum:kubernetes_state.node.count{kube_cluster_name:shop-eks}")),
                S1,
                Duration.ofSeconds(15));

        assertThat(waits).containsExactly(1_000L, 2_000L);
        assertThat(r.series().size()).isEqualTo(1);
    }

    @Test
    void forbiddenShouldQuoteDatadogsErrorsAndNeverShowTheKeys() throws IOException {
        DatadogMetricSource live = source("v1");
        fake.reply(
                403,
                "{\"status\":\"error\",\"code\":403,\"errors\":[\"Forbidden\"],\"statuspage\":"
                        + "\"http://status.datadoghq.com\"}",
                Map.of());

        assertThatThrownBy(() -> live.fetch(
                        List.of(MetricQuery.of("n", Signal.NODE_COUNT, "sum:x{*}")), S1, Duration.ofSeconds(15)))
                .isInstanceOfSatisfying(MetricSourceException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage())
                            .contains("HTTP 403")
                            .contains("errors [Forbidden]")
                            .doesNotContain(FakeDatadog.API_KEY)
                            .doesNotContain(FakeDatadog.APP_KEY);
                });
        assertThat(waits).isEmpty();
    }

    @Test
    void anEmptySeriesListShouldGiveACoverageThatSaysSo() throws IOException {
        FetchResult r = source("v1")
                .fetch(
                        List.of(MetricQuery.of("none", Signal.CUSTOM, "avg:no.such.metric{*}")),
                        S1,
                        Duration.ofSeconds(15));

        assertThat(r.series().isEmpty()).isTrue();
        assertThat(r.coverage()).singleElement().satisfies(c -> {
            assertThat(c.complete()).isFalse();
            assertThat(c.messages()).anyMatch(m -> m.contains("no series"));
        });
    }

    @Test
    void legacyDurationMetricShouldBeTheFallbackOfTheDistribution() throws IOException {
        DatadogMetricSource live = source("v1", "datadog.service", "shop-backend");
        MetricQuery p95 = live.defaultQueries().stream()
                .filter(q -> q.id().equals("apm_p95"))
                .findFirst()
                .orElseThrow();

        FetchResult r = live.fetch(List.of(p95), S1, Duration.ofSeconds(15));

        // the distribution p95:trace.http.request is recorded, so no fallback is needed
        assertThat(r.messages()).noneMatch(m -> m.contains("fallback"));
        assertThat(r.seriesSet().stream().findFirst().orElseThrow().max()).isGreaterThan(200); // ms
        MetricQuery missing = new MetricQuery(
                "apm_p95",
                Signal.BACKEND_LATENCY,
                "p95:trace.grpc.request{service:x}",
                Map.of("scale", "1000", "fallback", "p95:trace.http.request.duration{service:shop-backend}"));
        FetchResult fb = live.fetch(List.of(missing), S1, Duration.ofSeconds(15));
        assertThat(fb.messages()).anyMatch(m -> m.contains("used its fallback"));
        assertThat(fb.series().size()).isEqualTo(1);
    }

    @Test
    void groupedQueriesFloatTimesAndNullsFromRealCassettesShouldBeRead() throws IOException {
        fake = new FakeDatadog()
                .serveCassette(resource("cassettes/MetricsApiTest.metricsTests.json"))
                .serveCassette(resource("cassettes/Query_timeseries_points_returns_OK_response.json"));
        DatadogMetricSource live = source("v1");
        MetricQuery grouped = new MetricQuery(
                "g",
                Signal.CUSTOM,
                "avg:java_metricsTests_local_1596011502{bar:baz}by{host}",
                Map.of("rollup", "none"));
        TimeWindow w = TimeWindow.ofEpochMillis(1_596_011_402_000L, 1_596_011_602_000L);

        FetchResult r = live.fetch(List.of(grouped), w, Duration.ofSeconds(1));

        assertThat(r.series().size()).isGreaterThanOrEqualTo(1);
        assertThat(r.seriesSet().stream().findFirst().orElseThrow().id().tags()).containsKey("host");
        MetricQuery idle = new MetricQuery("idle", Signal.CUSTOM, "system.cpu.idle{*}", Map.of("rollup", "none"));
        FetchResult day = live.fetch(
                List.of(idle),
                TimeWindow.ofEpochMillis(1_641_343_852_000L, 1_641_430_252_000L),
                Duration.ofSeconds(300));
        TimeSeries s = day.series().get(0).series();
        // interval is seconds in real v1 responses
        assertThat(day.series().get(0).period()).isEqualTo(Duration.ofSeconds(300));
        assertThat(s.presentCount()).isEqualTo(288); // the cassette's 288 points at interval 300
    }

    @Test
    void v2CrossProductCassetteShouldGiveSparseTimesOnTheirGrid() throws IOException {
        fake = new FakeDatadog()
                .serveCassette(resource("cassettes/Timeseries_cross_product_query_returns_OK_response.json"));
        MetricQuery q = MetricQuery.of("a", Signal.CUSTOM, "avg:datadog.estimated_usage.metrics.custom{*}");
        TimeWindow w = TimeWindow.ofEpochMillis(1_711_977_601_000L, 1_711_981_201_000L);

        FetchResult r = source("v2").fetch(List.of(q), w, Duration.ofSeconds(5));

        TimeSeries s = r.seriesSet().stream().findFirst().orElseThrow();
        assertThat(s.presentCount()).isEqualTo(3);
        assertThat(s.max()).isEqualTo(87);
    }

    @Test
    void recordShouldWriteWhatReplayReadsBackWithoutKeys() throws IOException {
        DatadogMetricSource live = source("v2", "datadog.cluster", "shop-eks", "datadog.service", "shop-backend");
        List<MetricQuery> queries = List.of(
                MetricQuery.of(
                        "nodes",
                        Signal.NODE_COUNT,
                        "sum:kubernetes_state.node.count{kube_cluster_name:shop-eks}" + ".rollup(avg, 15)"),
                new MetricQuery(
                        "cpu",
                        Signal.CUSTOM,
                        "avg:kubernetes.cpu.usage.total{kube_cluster_name:shop-eks}",
                        Map.of("scale", "1e-9")));
        Path out = dir.resolve("rec");

        FetchResult fetched = DatadogRecording.record(live, queries, S1, Duration.ofSeconds(15), out);
        DatadogRecording replay = DatadogRecording.open(out);

        assertThat(replay.fetch(queries, S1, Duration.ofSeconds(15)).series()).isEqualTo(fetched.series());
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                all.append(Files.readString(f));
            }
        }
        assertThat(all.toString()).doesNotContain(FakeDatadog.API_KEY).doesNotContain(FakeDatadog.APP_KEY);
    }

    @Test
    void missingKeysShouldBeAConfigurationErrorNamingTheVariables() {
        assertThatThrownBy(() -> DatadogMetricSource.builder(DatadogSourceConfig.withEnvironment(k -> null, k -> null))
                        .build())
                .hasMessageContaining("DD_API_KEY")
                .hasMessageContaining("DD_APP_KEY");
    }

    @Test
    void sitesShouldAcceptAliases() {
        assertThat(((DatadogSourceConfig) Map.of("datadog.site", "eu")::get).site())
                .isEqualTo("datadoghq.eu");
        assertThat(((DatadogSourceConfig) Map.of("datadog.site", "us3")::get).site())
                .isEqualTo("us3.datadoghq.com");
        assertThat(((DatadogSourceConfig) Map.of("datadog.site", "https://app.datadoghq.eu/")::get).site())
                .isEqualTo("datadoghq.eu");
        assertThat(((DatadogSourceConfig) k -> null).site()).isEqualTo("datadoghq.com");
        assertThat(Instant.ofEpochMilli(S1.start().toEpochMilli())).isEqualTo(S1.start());
    }

    @Test
    void providerShouldReplayTheSharedScenarioRecording() {
        try (var s = dev.plimsoll.source.MetricSources.require(
                "datadog",
                Map.of("datadog.replay", resource("S1_backend_scaling").toString())::get)) {
            FetchResult r = s.fetch(s.defaultQueries(), S1, Duration.ofSeconds(15));
            TimeSeries nodes =
                    r.seriesSet().named("kubernetes_state.node.count").get(0);
            FetchedSeries nodesMeta = r.series(Signal.NODE_COUNT).get(0);
            assertThat(nodesMeta.series()).isEqualTo(nodes);
            assertThat(nodesMeta.period()).isEqualTo(Duration.ofSeconds(15));
            assertThat(nodes.stream().filter(v -> !Double.isNaN(v)).min().orElseThrow())
                    .isEqualTo(2);
            assertThat(nodes.max()).isEqualTo(4);
            FetchedSeries albMeta = r.series(Signal.LB_LATENCY).get(0);
            TimeSeries alb = albMeta.series();
            assertThat(alb.id().name()).isEqualTo("aws.applicationelb.target_response_time.average");
            assertThat(albMeta.period()).isEqualTo(Duration.ofSeconds(60));
            assertThat(alb.id().unit()).isEqualTo("ms");
        }
    }
}
