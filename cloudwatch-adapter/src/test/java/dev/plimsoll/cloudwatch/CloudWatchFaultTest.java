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

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.report.Report;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.TimeSeries;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Faults only CloudWatch has — {@code NextToken} pagination that loops or runs empty, {@code PartialData} and
 * {@code InternalError} statuses, timestamps and values of different lengths, a page failing after others arrived —
 * on the real SDK client against {@link FakeCloudWatch}; and a source that cannot be reached, through the whole
 * pipeline. The faults both sources share are in the compatibility kit ({@link CloudWatchCompatibilityTest}).
 */
class CloudWatchFaultTest {
    static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");
    static final TimeWindow WINDOW = TimeWindow.of(T0, Duration.ofMinutes(20));

    final Scenario scenario = Scenario.of(WINDOW, Duration.ofSeconds(60), List.of(served("q0", 1), served("q1", 2)));
    FakeCloudWatch fake;
    CloudWatchMetricSource source;

    static ServedSeries served(String id, double base) {
        List<ServedPoint> points = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            points.add(ServedPoint.of(T0.plusSeconds(60L * i), base * 100 + i + 0.5));
        }
        return new ServedSeries(id, Signal.CUSTOM, points);
    }

    static List<MetricQuery> queries() {
        return List.of(
                MetricQuery.of("q0", Signal.CUSTOM, FakeCloudWatch.kitExpression("q0")),
                MetricQuery.of("q1", Signal.CUSTOM, FakeCloudWatch.kitExpression("q1")));
    }

    @BeforeEach
    void start() {
        fake = new FakeCloudWatch().serve(scenario);
        source = CloudWatchCompatibilityTest.source(fake.endpoint(), scenario.now());
    }

    @AfterEach
    void stop() {
        source.close();
        fake.close();
        assertThat(fake.violations).as("requests CloudWatch would refuse").isEmpty();
        assertThat(fake.server().handlerErrors()).isEmpty();
    }

    FetchResult fetch() {
        return source.fetch(queries(), WINDOW, Duration.ofSeconds(60));
    }

    static Coverage coverage(FetchResult r, String id) {
        return r.coverage().stream()
                .filter(c -> c.queryId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** The first {@code n} points of a query came back with their values, the rest are NaN. */
    static void assertFirstPoints(FetchResult r, String id, int n, double base) {
        TimeSeries s = r.query(id).orElseThrow().series();
        assertThat(s.size()).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            if (i < n) {
                assertThat(s.valueAt(i)).as("%s at %s", id, s.timeAt(i)).isEqualTo(base * 100 + i + 0.5);
            } else {
                assertThat(s.valueAt(i)).as("%s at %s", id, s.timeAt(i)).isNaN();
            }
        }
    }

    @Test
    void aNextTokenThatRepeatsShouldStopPagingKeepThePointsAndNameTheGap() {
        fake.pageSize = 5;
        fake.repeatToken = true;

        FetchResult r = fetch();

        assertThat(fake.requests).hasSize(2); // the second page came back with the same token: no third request
        assertFirstPoints(r, "q0", 5, 1);
        assertFirstPoints(r, "q1", 5, 2);
        assertThat(coverage(r, "q0").complete()).isFalse();
        assertThat(coverage(r, "q0").messages()).anyMatch(m -> m.contains("repeated a NextToken on page 2"));
    }

    @Test
    void emptyPagesBeforeTheDataShouldBeFollowedToIt() {
        fake.emptyPagesFirst = 3;

        FetchResult r = fetch();

        assertThat(fake.requests).hasSize(4);
        assertFirstPoints(r, "q0", 20, 1);
        assertThat(coverage(r, "q0").complete()).isTrue();
    }

    @Test
    void pagesThatStayEmptyShouldStopAtTheGuardAndNameTheGap() {
        fake.emptyPagesFirst = 10_000;

        FetchResult r = fetch();

        assertThat(fake.requests).hasSize(CloudWatchMetricSource.MAX_EMPTY_PAGES);
        assertThat(r.query("q0").orElseThrow().series().presentCount()).isZero();
        assertThat(coverage(r, "q1").complete()).isFalse();
        assertThat(coverage(r, "q1").messages()).anyMatch(m -> m.contains("20 pages in a row without datapoints"));
    }

    @Test
    void partialDataOnPagesWithANextTokenShouldBeCompleteOnceThePagesEnd() {
        fake.pageSize = 6;
        fake.partialWhilePaging = true;

        FetchResult r = fetch();

        assertThat(fake.requests).hasSize(4);
        assertFirstPoints(r, "q1", 20, 2);
        assertThat(r.coverage()).allSatisfy(c -> {
            assertThat(c.complete()).isTrue();
            assertThat(c.messages()).isEmpty();
        });
    }

    @Test
    void partialDataOnTheLastPageShouldBeAGapNamedInTheCoverage() {
        fake.partialId = "q1";

        FetchResult r = fetch();

        assertThat(coverage(r, "q0").complete()).isTrue();
        assertThat(coverage(r, "q1").complete()).isFalse();
        assertThat(coverage(r, "q1").messages())
                .anyMatch(m -> m.contains("PartialData"))
                .anyMatch(m -> m.contains("MaxDatapointsExceeded"));
        assertFirstPoints(r, "q1", 20, 2);
    }

    @Test
    void anInternalErrorStatusShouldBeAGapNamedInTheCoverage() {
        fake.internalErrorId = "q0";

        FetchResult r = fetch();

        assertThat(coverage(r, "q0").complete()).isFalse();
        assertThat(coverage(r, "q0").messages()).anyMatch(m -> m.contains("InternalError"));
        assertThat(coverage(r, "q1").complete()).isTrue();
    }

    @Test
    void timestampsAndValuesOfDifferentLengthsShouldKeepThePairsAndSaySo() {
        fake.shortValuesId = "q0";

        FetchResult r = fetch();

        assertFirstPoints(r, "q0", 19, 1); // the 20th timestamp came without a value
        assertThat(coverage(r, "q0").complete()).isFalse();
        assertThat(coverage(r, "q0").messages()).anyMatch(m -> m.contains("20 timestamps but 19 values"));
    }

    @Test
    void aPageFailingAfterTheRetriesShouldKeepTheEarlierPagesAndNameTheGap() {
        fake.pageSize = 5;
        fake.server().inject(Fault.NONE, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);

        FetchResult r = fetch();

        assertThat(fake.server().requests()).hasSize(4);
        assertFirstPoints(r, "q0", 5, 1);
        assertThat(coverage(r, "q0").complete()).isFalse();
        assertThat(coverage(r, "q0").messages())
                .anyMatch(m -> m.contains("failed after 1 page(s)") && m.contains("HTTP 500 InternalFailure"));
    }

    @Test
    void throttlingPastTheAttemptsShouldBeARetryableExceptionThatSaysThrottled() {
        fake.server().inject(Fault.THROTTLED, Fault.THROTTLED, Fault.THROTTLED);

        assertThatThrownBy(this::fetch)
                .isInstanceOfSatisfying(
                        MetricSourceException.class,
                        e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("HTTP 400 Throttling: Rate exceeded")
                .hasMessageContaining("throttled after the SDK's retries");
        assertThat(fake.server().requests()).hasSize(3);
    }

    @Test
    void connectionRefusedShouldBeRetriedByTheSdkThenARetryableException() {
        try (CloudWatchMetricSource refused =
                CloudWatchCompatibilityTest.source(LoopbackHttpServer.refusingUri(), scenario.now())) {
            assertThatThrownBy(() -> refused.fetch(queries(), WINDOW, Duration.ofSeconds(60)))
                    .isInstanceOfSatisfying(
                            MetricSourceException.class,
                            e -> assertThat(e.isRetryable()).isTrue())
                    .hasMessageContaining("SDK Attempt Count: 3");
        }
    }

    @Test
    void aSourceThatCannotBeReachedShouldBeAGapNamedInTheAnalysis() throws Exception {
        LoadRun run = K6Reader.create().read(CloudWatchLiveTest.resource("k6/killed.json.gz"));
        CloudWatchSourceConfig config = Map.of(
                "cloudwatch.region", "eu-west-1",
                "cloudwatch.endpoint", LoopbackHttpServer.refusingUri().toString(),
                "cloudwatch.cluster", "shop-eks",
                "cloudwatch.max-attempts", "2")::get;
        try (CloudWatchMetricSource unreachable = CloudWatchMetricSource.builder(config)
                .clock(Clock.fixed(run.window().end().plus(Duration.ofHours(1)), ZoneOffset.UTC))
                .credentials(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        CloudWatchCompatibilityTest.ACCESS_KEY,
                        CloudWatchCompatibilityTest.SECRET_KEY,
                        CloudWatchCompatibilityTest.SESSION_TOKEN)))
                .backoff(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                .build()) {
            Report report = LoadTestAnalysis.of(run).sources(unreachable).analyze();

            assertThat(report.result().coverage())
                    .extracting(Coverage::queryId)
                    .containsAll(unreachable.defaultQueries().stream()
                            .map(MetricQuery::id)
                            .toList());
            assertThat(report.result().coverage()).allSatisfy(c -> {
                assertThat(c.complete()).isFalse();
                assertThat(c.present()).isZero();
                assertThat(c.messages())
                        .singleElement()
                        .asString()
                        .startsWith("cloudwatch could not be read: cloudwatch: GetMetricData failed")
                        .doesNotContain(CloudWatchCompatibilityTest.SECRET_KEY)
                        .doesNotContain(CloudWatchCompatibilityTest.SESSION_TOKEN);
            });
        }
    }
}
