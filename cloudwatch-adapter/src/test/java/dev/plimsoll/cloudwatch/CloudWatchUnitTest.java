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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSourceException;
import dev.plimsoll.source.MetricSources;
import dev.plimsoll.source.Signal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.Mockito;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

class CloudWatchUnitTest {
    static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");

    /** A mocked client whose paginator is the SDK's own, over getMetricData answers that echo each query. */
    private final List<GetMetricDataRequest> sent = Collections.synchronizedList(new ArrayList<>());

    private final CloudWatchClient client =
            mock(CloudWatchClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));

    CloudWatchUnitTest() {
        Mockito.doAnswer(inv -> {
                    GetMetricDataRequest r = inv.getArgument(0);
                    sent.add(r);
                    List<MetricDataResult> results = new ArrayList<>();
                    for (MetricDataQuery q : r.metricDataQueries()) {
                        int period = q.metricStat().period();
                        List<Instant> t = new ArrayList<>();
                        List<Double> v = new ArrayList<>();
                        // descending, as CloudWatch returns by default
                        for (Instant i = r.endTime().minusSeconds(period);
                                !i.isBefore(r.startTime());
                                i = i.minusSeconds(period)) {
                            t.add(i);
                            v.add((double) i.getEpochSecond());
                        }
                        results.add(MetricDataResult.builder()
                                .id(q.id())
                                .label(q.id())
                                .timestamps(t)
                                .values(v)
                                .statusCode("Complete")
                                .build());
                    }
                    return GetMetricDataResponse.builder()
                            .metricDataResults(results)
                            .build();
                })
                .when(client)
                .getMetricData(any(GetMetricDataRequest.class));
    }

    private CloudWatchMetricSource source() {
        return CloudWatchMetricSource.builder(k -> null)
                .client(client)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    private static List<MetricQuery> queries(int n) {
        List<MetricQuery> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(MetricQuery.of("m" + i, Signal.CUSTOM, "Custom/App latency{Shard=" + i + "} Average"));
        }
        return out;
    }

    @Test
    void moreThan500QueriesShouldBeSplitIntoRequestsOfAtMost500() {
        TimeWindow w = new TimeWindow(NOW.minusSeconds(3600), NOW);

        FetchResult r = source().fetch(queries(1201), w, Duration.ofSeconds(60));

        assertThat(sent).extracting(q -> q.metricDataQueries().size()).containsExactly(500, 500, 201);
        assertThat(r.series().size()).isEqualTo(1201);
        assertThat(r.coverage()).allSatisfy(c -> assertThat(c.present()).isEqualTo(60));
    }

    @Test
    void windowsShouldBeSplitToStayUnderTheDatapointLimit() {
        // 200 queries x 10 days at 5 min (data older than 3 h? no: younger than 15 d, so 60 s) = 2.88 M points
        TimeWindow w = new TimeWindow(NOW.minus(Duration.ofDays(10)), NOW);

        FetchResult r = source().fetch(queries(200), w, Duration.ofSeconds(60));

        for (GetMetricDataRequest q : sent) {
            long points = q.metricDataQueries().size()
                    * Duration.between(q.startTime(), q.endTime()).toSeconds()
                    / 60;
            assertThat(points).isLessThanOrEqualTo(CloudWatchMetricSource.MAX_DATAPOINTS_PER_REQUEST);
        }
        assertThat(sent).hasSizeGreaterThanOrEqualTo(29);
        assertThat(sent.get(0).startTime()).isEqualTo(w.start());
        assertThat(sent.get(sent.size() - 1).endTime()).isEqualTo(w.end());
        TimeSeries s = r.seriesSet().stream().findFirst().orElseThrow();
        assertThat(s.size()).isEqualTo(14_400);
        assertThat(s.presentCount()).isEqualTo(14_400);
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.epochMilliAt(i) - s.epochMilliAt(i - 1)).isEqualTo(60_000);
        }
    }

    @Test
    void descendingResultsShouldBecomeAscendingSeries() {
        TimeWindow w = new TimeWindow(NOW.minusSeconds(600), NOW);

        TimeSeries s = source().fetch(queries(1), w, Duration.ofSeconds(60)).seriesSet().stream()
                .findFirst()
                .orElseThrow();

        assertThat(s.values()).isSorted();
        assertThat(s.timeAt(0)).isEqualTo(w.start());
    }

    @ParameterizedTest(name = "step {0}s, {1} old, high-res {2} -> {3}s")
    @CsvSource({
        "60, PT1H, false, 60",
        "15, PT1H, false, 60",
        "15, PT1H, true, 30",
        "1, PT1H, true, 1",
        "7, PT2H, true, 10",
        "15, PT4H, true, 60",
        "90, PT1H, false, 120",
        "60, P20D, false, 300",
        "60, P70D, false, 3600",
        "7200, P70D, false, 7200"
    })
    void periodShouldFollowCloudWatchRetention(int step, String age, boolean highRes, int expected) {
        var c = CloudWatchQueries.choosePeriod(Duration.ofSeconds(step), NOW.minus(Duration.parse(age)), NOW, highRes);

        assertThat(c.seconds()).isEqualTo(expected);
        assertThat(c.note() == null).isEqualTo(expected == step);
    }

    @Test
    void aWindowOlderThanCloudWatchKeepsShouldSaySo() {
        assertThatThrownBy(() -> CloudWatchQueries.choosePeriod(
                        Duration.ofSeconds(60), NOW.minus(Duration.ofDays(500)), NOW, false))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("455 days");
    }

    @Test
    void aCoarserPeriodThanAskedShouldBeExplainedInTheMessages() {
        FetchResult r = source().fetch(queries(1), new TimeWindow(NOW.minusSeconds(600), NOW), Duration.ofSeconds(15));

        assertThat(r.messages()).anyMatch(m -> m.contains("asked for a 15 s step, using 60 s"));
        assertThat(sent.get(0).metricDataQueries().get(0).metricStat().period()).isEqualTo(60);
    }

    @Test
    void expressionsShouldParseAndFormatBothWays() {
        MetricQuery q = MetricQuery.of(
                "x",
                Signal.LB_LATENCY,
                "AWS/ApplicationELB TargetResponseTime{LoadBalancer=app/shop-alb/50dc,TargetGroup=\"a,b \\\"c\\\"\"} p99.9");

        CloudWatchQueries.Parsed p = CloudWatchQueries.parse(q);

        assertThat(p.namespace()).isEqualTo("AWS/ApplicationELB");
        assertThat(p.metricName()).isEqualTo("TargetResponseTime");
        assertThat(p.dimensions())
                .containsEntry("LoadBalancer", "app/shop-alb/50dc")
                .containsEntry("TargetGroup", "a,b \"c\"");
        assertThat(p.stat()).isEqualTo("p99.9");
        assertThat(CloudWatchQueries.parse(MetricQuery.of(
                                "y",
                                Signal.CUSTOM,
                                CloudWatchQueries.format(p.namespace(), p.metricName(), p.dimensions(), p.stat())))
                        .sameMetric(p))
                .isTrue();
        assertThat(CloudWatchQueries.parse(MetricQuery.of(
                                "z", Signal.CUSTOM, "=SEARCH('{ContainerInsights,NodeName}'," + " 'Average', 60)"))
                        .math())
                .startsWith("SEARCH(");
    }

    @Test
    void badExpressionsShouldNameTheQueryAndTheRule() {
        assertThatThrownBy(() -> CloudWatchQueries.parse(MetricQuery.of(
                        "cpu", Signal.CUSTOM, "ContainerInsights node_cpu_utilization{ClusterName=x} Mean")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query 'cpu'")
                .hasMessageContaining("statistic must be one of");
        assertThatThrownBy(() -> CloudWatchQueries.parse(MetricQuery.of("cpu", Signal.CUSTOM, "node_cpu_utilization")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Namespace MetricName");
    }

    @Test
    void providerShouldBeFoundByTypeAndReplayWhenAskedTo() {
        String dir = CloudWatchLiveTest.resource("S3_scaling_ceiling").toString();

        try (MetricSource s = MetricSources.require("cloudwatch", Map.of("cloudwatch.replay", dir)::get)) {
            FetchResult r = s.fetch(
                    s.defaultQueries(), ((CloudWatchRecording) s).window().orElseThrow(), Duration.ofSeconds(60));
            assertThat(r.seriesSet().named("cluster_node_count").get(0).max()).isEqualTo(4);
        }
        assertThat(MetricSources.known()).contains("cloudwatch");
        assertThatThrownBy(() -> MetricSources.require("prometheus", k -> null))
                .hasMessageContaining("Unable to resolve metric source 'prometheus'. Known: [cloudwatch");
    }

    @Test
    void invalidConfigurationShouldListEveryProblem() {
        assertThatThrownBy(() -> CloudWatchMetricSource.builder(Map.of(
                                "cloudwatch.max-attempts",
                                "0",
                                "cloudwatch.endpoint",
                                "localhost",
                                "cloudwatch.replay",
                                "/nope")::get)
                        .build())
                .hasMessageContaining("max-attempts must be ≥ 1")
                .hasMessageContaining("endpoint must be an absolute URL")
                .hasMessageContaining("replay must be a folder");
    }

    @Test
    void searchShouldGiveOneSeriesPerLabel() {
        CloudWatchClient search = mock(CloudWatchClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        Instant t0 = NOW.minusSeconds(120);
        Mockito.doAnswer(inv -> {
                    GetMetricDataRequest r = inv.getArgument(0);
                    sent.add(r);
                    String id = r.metricDataQueries().get(0).id();
                    return GetMetricDataResponse.builder()
                            .metricDataResults(
                                    MetricDataResult.builder()
                                            .id(id)
                                            .label("ip-10-0-1-5")
                                            .timestamps(t0)
                                            .values(81.0)
                                            .statusCode("Complete")
                                            .build(),
                                    MetricDataResult.builder()
                                            .id(id)
                                            .label("ip-10-0-2-9")
                                            .timestamps(t0)
                                            .values(12.0)
                                            .statusCode("Complete")
                                            .build())
                            .build();
                })
                .when(search)
                .getMetricData(any(GetMetricDataRequest.class));
        MetricQuery q = MetricQuery.of(
                "node_cpu_by_node",
                Signal.CPU_UTILIZATION,
                "=SEARCH('{ContainerInsights,"
                        + "ClusterName,NodeName} MetricName=\"node_cpu_utilization\" ClusterName=\"shop-eks\"', 'Average', 60)");

        FetchResult r = CloudWatchMetricSource.builder(k -> null)
                .client(search)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build()
                .fetch(List.of(q), new TimeWindow(NOW.minusSeconds(300), NOW), Duration.ofSeconds(60));

        assertThat(sent.get(0).metricDataQueries().get(0).expression()).startsWith("SEARCH(");
        assertThat(sent.get(0).metricDataQueries().get(0).period()).isEqualTo(60);
        assertThat(r.seriesSet().stream().map(s -> s.id().tags().get("label")))
                .containsExactly("ip-10-0-1-5", "ip-10-0-2-9");
        assertThat(r.seriesSet().stream().mapToDouble(TimeSeries::max)).containsExactly(81.0, 12.0);
    }
}
