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

import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.test.Limits;
import dev.plimsoll.test.LoopbackHttpServer;
import dev.plimsoll.test.MetricSourceCompatibilityKit;
import dev.plimsoll.test.ObservedRequest;
import dev.plimsoll.test.Scenario;
import dev.plimsoll.test.ServedSeries;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The compatibility kit over the real AWS SDK v2 client and {@link FakeCloudWatch} (AWS Query protocol on 127.0.0.1):
 * 3 attempts per request, a 500 ms read timeout, 5 ms backoffs, session credentials.
 */
class CloudWatchCompatibilityTest extends MetricSourceCompatibilityKit {
    static final String ACCESS_KEY = "ASIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQDkitTokenForTests"
            + "0123456789abcdefghijABCDEFGHIJklmnopqrstKLMNOPQRST";

    @Override
    protected LoopbackHttpServer.Handler backend(Scenario scenario) {
        return FakeCloudWatch.handler().serve(scenario);
    }

    @Override
    protected MetricSource source(URI endpoint, Scenario scenario) {
        return source(endpoint, scenario.now());
    }

    static CloudWatchMetricSource source(URI endpoint, Instant now) {
        CloudWatchSourceConfig config = Map.of(
                "cloudwatch.region", "eu-west-1",
                "cloudwatch.endpoint", endpoint.toString(),
                "cloudwatch.max-attempts", "3",
                "cloudwatch.attempt-timeout", "20s",
                "cloudwatch.read-timeout", "500ms")::get;
        return CloudWatchMetricSource.builder(config)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .credentials(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)))
                .backoff(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                .build();
    }

    @Override
    protected MetricQuery query(ServedSeries series) {
        return MetricQuery.of(series.id(), series.signal(), FakeCloudWatch.kitExpression(series.id()));
    }

    @Override
    protected Limits limits() {
        return new Limits(
                CloudWatchMetricSource.MAX_QUERIES_PER_REQUEST,
                CloudWatchMetricSource.MAX_DATAPOINTS_PER_REQUEST,
                Limits.UNLIMITED);
    }

    @Override
    protected @Nullable ObservedRequest observe(LoopbackHttpServer.Request request) {
        Map<String, String> form = LoopbackHttpServer.Request.formParameters(request.bodyText());
        if (!"GetMetricData".equals(form.get("Action"))) {
            return null;
        }
        int queries = 0;
        int period = 0;
        while (form.containsKey("MetricDataQueries.member." + (queries + 1) + ".Id")) {
            queries++;
            String p = form.getOrDefault("MetricDataQueries.member." + queries + ".MetricStat.Period", "60");
            period = Math.max(period, Integer.parseInt(p));
        }
        return new ObservedRequest(
                queries,
                new TimeWindow(Instant.parse(form.get("StartTime")), Instant.parse(form.get("EndTime"))),
                Duration.ofSeconds(period));
    }

    @Override
    protected int maxAttempts() {
        return 3;
    }

    @Override
    protected Duration clientTimeout() {
        return Duration.ofMillis(500);
    }

    @Override
    protected Collection<String> secrets() {
        return List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN);
    }

    @Override
    protected boolean records() {
        return true;
    }

    @Override
    protected void record(MetricSource source, List<MetricQuery> queries, TimeWindow window, Duration step, Path dir) {
        CloudWatchRecording.record((CloudWatchMetricSource) source, queries, window, step, dir);
    }
}
