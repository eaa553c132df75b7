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
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.datadog.api.client.v1.model.MetricsQueryResponse;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryResponse;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DatadogQueriesTest {
    private static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");

    @Test
    void rollupShouldMatchTheStepAndTheKindOfQuery() {
        assertThat(DatadogQueries.withRollup("avg:kubernetes.cpu.usage.total{kube_cluster_name:x}", 15, null))
                .isEqualTo("avg:kubernetes.cpu.usage.total{kube_cluster_name:x}.rollup(avg, 15)");
        assertThat(DatadogQueries.withRollup("p95:trace.http.request{service:s}", 15, null))
                .isEqualTo("p95:trace.http.request{service:s}.rollup(15)");
        assertThat(DatadogQueries.withRollup("sum:trace.http.request.hits{service:s}.as_count()", 15, null))
                .isEqualTo("sum:trace.http.request.hits{service:s}.as_count().rollup(sum, 15)");
        assertThat(DatadogQueries.withRollup("max:x{*}.rollup(max, 60)", 15, null))
                .isEqualTo("max:x{*}.rollup(max, 60)");
        MetricQuery alb = new MetricQuery(
                "alb",
                Signal.LB_LATENCY,
                "avg:aws.applicationelb.target_response_time.average" + "{loadbalancer:app/a/b}",
                Map.of("min-interval", "60"));
        assertThat(DatadogQueries.sent(alb, alb.expression(), Duration.ofSeconds(15)))
                .endsWith(".rollup(avg, 60)"); // the AWS integration has nothing finer than 60 s
    }

    @Test
    void longWindowsShouldBeSplitNotCoarsened() throws Exception {
        DatadogMetricSource.DatadogApi api = mock(DatadogMetricSource.DatadogApi.class);
        when(api.queryMetrics(anyLong(), anyLong(), anyString())).thenReturn(new MetricsQueryResponse());
        DatadogMetricSource source = DatadogMetricSource.builder(
                        Map.of("datadog.api", "v1", "datadog.api-key", "k", "datadog.app-key", "a")::get)
                .api(api)
                .build();
        // 8 h at 15 s = 1920 points > 1500: two requests at the same 15 s rollup
        TimeWindow w = new TimeWindow(T0, T0.plus(Duration.ofHours(8)));

        source.fetch(
                List.of(MetricQuery.of("n", Signal.NODE_COUNT, "sum:kubernetes_state.node.count{*}")),
                w,
                Duration.ofSeconds(15));

        ArgumentCaptor<Long> from = ArgumentCaptor.forClass(Long.class);
        ArgumentCaptor<Long> to = ArgumentCaptor.forClass(Long.class);
        ArgumentCaptor<String> query = ArgumentCaptor.forClass(String.class);
        verify(api, times(2)).queryMetrics(from.capture(), to.capture(), query.capture());
        assertThat(query.getAllValues()).containsOnly("sum:kubernetes_state.node.count{*}.rollup(avg, 15)");
        assertThat(from.getAllValues()).containsExactly(T0.getEpochSecond(), T0.getEpochSecond() + 1500 * 15);
        assertThat(to.getAllValues().get(1)).isEqualTo(w.end().getEpochSecond());
        for (int i = 0; i < 2; i++) {
            assertThat((to.getAllValues().get(i) - from.getAllValues().get(i)) / 15)
                    .isLessThanOrEqualTo(1500);
        }
    }

    @Test
    void v2ShouldBatchQueriesOfTheSameIntervalAndSplitByInterval() throws Exception {
        DatadogMetricSource.DatadogApi api = mock(DatadogMetricSource.DatadogApi.class);
        when(api.queryTimeseries(org.mockito.ArgumentMatchers.any())).thenReturn(new TimeseriesFormulaQueryResponse());
        // empty answers: the APM percentiles then try their legacy fallbacks through v1
        when(api.queryMetrics(anyLong(), anyLong(), anyString())).thenReturn(new MetricsQueryResponse());
        DatadogMetricSource source = DatadogMetricSource.builder(Map.of(
                        "datadog.cluster",
                        "c",
                        "datadog.service",
                        "s",
                        "datadog.load-balancer",
                        "app/a/b",
                        "datadog.api-key",
                        "k",
                        "datadog.app-key",
                        "a")::get)
                .api(api)
                .build();
        List<MetricQuery> queries = new ArrayList<>(source.defaultQueries());

        source.fetch(queries, new TimeWindow(T0, T0.plus(Duration.ofMinutes(10))), Duration.ofSeconds(15));

        ArgumentCaptor<TimeseriesFormulaQueryRequest> sent =
                ArgumentCaptor.forClass(TimeseriesFormulaQueryRequest.class);
        verify(api, org.mockito.Mockito.atLeast(2)).queryTimeseries(sent.capture());
        assertThat(sent.getAllValues())
                .allSatisfy(r -> assertThat(r.getData().getAttributes().getQueries())
                        .hasSizeLessThanOrEqualTo(DatadogMetricSource.V2_QUERIES_PER_REQUEST));
        assertThat(sent.getAllValues())
                .extracting(r -> r.getData().getAttributes().getInterval())
                .contains(15_000L, 60_000L);
        int total = sent.getAllValues().stream()
                .mapToInt(r -> r.getData().getAttributes().getQueries().size())
                .sum();
        assertThat(total).isEqualTo(queries.size());
        verify(api, times(3)).queryMetrics(anyLong(), anyLong(), org.mockito.ArgumentMatchers.contains(".duration{"));
    }
}
