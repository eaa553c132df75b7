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

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.report.Report;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSourceException;
import dev.plimsoll.source.Signal;
import dev.plimsoll.test.Fault;
import dev.plimsoll.test.LoopbackHttpServer;
import dev.plimsoll.test.Scenario;
import dev.plimsoll.test.ServedPoint;
import dev.plimsoll.test.ServedSeries;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults as Datadog's API and its Jersey client produce them — connection refused, a read past the timeout, a 429
 * whose reset is past the budget, {@code status: error} and {@code errors} in a 200, an error body that quotes a key
 * — on the real datadog-api-client against {@link FakeDatadog}; and a source that cannot be reached, through the
 * whole pipeline. The faults both sources share are in the compatibility kit ({@link DatadogCompatibilityTest}).
 */
class DatadogFaultTest {
    static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");
    static final TimeWindow WINDOW = TimeWindow.of(T0, Duration.ofMinutes(20));

    final List<Long> waits = new CopyOnWriteArrayList<>();
    FakeDatadog fake;

    static ServedSeries served(String id) {
        List<ServedPoint> points = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            points.add(ServedPoint.of(T0.plusSeconds(60L * i), i + 0.5));
        }
        return new ServedSeries(id, Signal.CUSTOM, points);
    }

    DatadogMetricSource source(URI endpoint, String api, String... more) {
        Map<String, String> p = new HashMap<>(Map.of(
                "datadog.base-url", endpoint.toString(),
                "datadog.api", api,
                "datadog.retry-budget", "10s",
                "datadog.max-attempts", "3",
                "datadog.read-timeout", "500ms"));
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        Map<String, String> env = Map.of("DD_API_KEY", FakeDatadog.API_KEY, "DD_APP_KEY", FakeDatadog.APP_KEY);
        return DatadogMetricSource.builder(DatadogSourceConfig.withEnvironment(p::get, env::get))
                .sleeper(waits::add)
                .build();
    }

    DatadogMetricSource live(String api, String... more) {
        fake = new FakeDatadog()
                .serve(Scenario.of(WINDOW, Duration.ofSeconds(60), List.of(served("q0"), served("q1"))));
        return source(fake.baseUrl(), api, more);
    }

    static List<MetricQuery> queries() {
        return List.of(
                MetricQuery.of("q0", Signal.CUSTOM, FakeDatadog.kitExpression("q0")),
                MetricQuery.of("q1", Signal.CUSTOM, FakeDatadog.kitExpression("q1")));
    }

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
            assertThat(fake.server().handlerErrors()).isEmpty();
        }
    }

    @Test
    void connectionRefusedShouldBeRetriedThenARetryableMetricSourceException() {
        // before: a raw jakarta.ws.rs.ProcessingException after one attempt
        DatadogMetricSource refused = source(LoopbackHttpServer.refusingUri(), "v2");

        assertThatThrownBy(() -> refused.fetch(queries(), WINDOW, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(MetricSourceException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.type()).isEqualTo("datadog");
                })
                .hasMessageContaining("POST /api/v2/query/timeseries failed: no usable response")
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(waits).containsExactly(1_000L, 2_000L);
    }

    @Test
    void aReadPastTheTimeoutShouldBeRetriedAfterABackoff() {
        DatadogMetricSource live = live("v1");
        fake.server().slowDelay(Duration.ofMillis(1_500)).inject(Fault.SLOW);

        FetchResult r = live.fetch(queries(), WINDOW, Duration.ofSeconds(60));

        assertThat(waits).containsExactly(1_000L);
        assertThat(r.query("q0").orElseThrow().series().presentCount()).isEqualTo(20);
        assertThat(r.coverage()).allSatisfy(c -> assertThat(c.complete()).isTrue());
    }

    @Test
    void aRateLimitResetPastTheBudgetShouldGiveUpWithoutWaiting() {
        DatadogMetricSource live = live("v2", "datadog.retry-budget", "5s");
        fake.reply(
                429,
                "{\"errors\":[\"Too many requests\"]}",
                Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Period", "3600", "X-RateLimit-Reset", "1800"));

        assertThatThrownBy(() -> live.fetch(queries(), WINDOW, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(
                        MetricSourceException.class,
                        e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("limit 100 per 3600 s")
                .hasMessageContaining("waiting 1800 s more would exceed the 5 s retry budget");
        assertThat(waits).isEmpty();
    }

    @Test
    void aV1StatusErrorShouldFailWithoutRetryQuotingDatadog() {
        DatadogMetricSource live = live("v1");
        fake.reply(200, "{\"status\":\"error\",\"error\":\"Rule 'unknown' is not a valid function\"}", Map.of());

        assertThatThrownBy(() -> live.fetch(queries(), WINDOW, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(
                        MetricSourceException.class,
                        e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("query 'q0' failed: Rule 'unknown' is not a valid function");
        assertThat(waits).isEmpty();
    }

    @Test
    void v2ErrorsInASuccessfulAnswerShouldFailWithoutRetry() {
        DatadogMetricSource live = live("v2");
        fake.reply(200, "{\"errors\":\"query parse error: unexpected token\"}", Map.of());

        assertThatThrownBy(() -> live.fetch(queries(), WINDOW, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(
                        MetricSourceException.class,
                        e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("query parse error");
    }

    @Test
    void afterAFailedRequestTheFetchShouldStopAndNameWhatItDidNotFetch() {
        DatadogMetricSource live = live("v1");
        fake.server().inject(Fault.NONE, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);

        FetchResult r = live.fetch(queries(), WINDOW, Duration.ofSeconds(60));

        assertThat(fake.server().requests()).hasSize(4); // q0, then q1 three times; nothing after
        assertThat(r.query("q0").orElseThrow().series().presentCount()).isEqualTo(20);
        Coverage q1 = r.coverage().get(1);
        assertThat(q1.complete()).isFalse();
        assertThat(q1.messages())
                .singleElement()
                .asString()
                .contains("GET /api/v1/query for")
                .contains("HTTP 500 errors [Internal Server Error]");
    }

    @Test
    void anErrorBodyQuotingAKeyShouldNeverShowAnyPartOfIt() {
        DatadogMetricSource live = live("v1");
        // not JSON, and long: the key sits where a 300-character cut would split it
        fake.reply(403, "<html>" + "x".repeat(280) + FakeDatadog.API_KEY + "</html>", Map.of());

        assertThatThrownBy(() -> live.fetch(queries(), WINDOW, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(MetricSourceException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("HTTP 403");
                    for (int i = 0; i + 12 <= FakeDatadog.API_KEY.length(); i++) {
                        assertThat(e.getMessage()).doesNotContain(FakeDatadog.API_KEY.substring(i, i + 12));
                    }
                });
    }

    @Test
    void aSourceThatCannotBeReachedShouldBeAGapNamedInTheAnalysis() throws Exception {
        LoadRun run = K6Reader.create().read(DatadogLiveTest.resource("k6/killed.json.gz"));
        DatadogMetricSource unreachable = source(
                LoopbackHttpServer.refusingUri(),
                "v2",
                "datadog.cluster",
                "shop-eks",
                "datadog.service",
                "shop-backend");

        Report report = LoadTestAnalysis.of(run).sources(unreachable).analyze();

        assertThat(report.result().coverage())
                .extracting(Coverage::queryId)
                .containsAll(unreachable.defaultQueries().stream()
                        .map(MetricQuery::id)
                        .toList());
        assertThat(report.result().coverage()).allSatisfy(c -> {
            assertThat(c.complete()).isFalse();
            assertThat(c.messages())
                    .singleElement()
                    .asString()
                    .startsWith("datadog could not be read: datadog: POST /api/v2/query/timeseries failed")
                    .doesNotContain(FakeDatadog.API_KEY)
                    .doesNotContain(FakeDatadog.APP_KEY);
        });
    }
}
