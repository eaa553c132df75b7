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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.test.Limits;
import dev.plimsoll.test.LoopbackHttpServer;
import dev.plimsoll.test.MetricSourceCompatibilityKit;
import dev.plimsoll.test.ObservedRequest;
import dev.plimsoll.test.Scenario;
import dev.plimsoll.test.ServedSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The compatibility kit over the real datadog-api-client (Jersey on Apache HttpClient) and {@link FakeDatadog}: 3
 * attempts per request within a 10 s retry budget (waits recorded, not slept: a 429 asks for 1 s), 500 ms connect
 * and read timeouts, keys from {@code DD_API_KEY} / {@code DD_APP_KEY}. The v2 API (the default); {@link DatadogV1CompatibilityTest}
 * runs the same kit over the v1 API.
 */
class DatadogCompatibilityTest extends MetricSourceCompatibilityKit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROLLUP = Pattern.compile("\\.rollup\\((?:[a-z0-9]+, *)?(\\d+)\\)$");

    /** The waits the source asked for (milliseconds): recorded, not slept. */
    final List<Long> waits = new CopyOnWriteArrayList<>();

    String api() {
        return "v2";
    }

    @Override
    protected LoopbackHttpServer.Handler backend(Scenario scenario) {
        return FakeDatadog.handler().serve(scenario);
    }

    @Override
    protected MetricSource source(URI endpoint, Scenario scenario) {
        Map<String, String> properties = Map.of(
                "datadog.base-url", endpoint.toString(),
                "datadog.api", api(),
                "datadog.retry-budget", "10s",
                "datadog.max-attempts", "3",
                "datadog.connect-timeout", "500ms",
                "datadog.read-timeout", "500ms");
        Map<String, String> env = Map.of("DD_API_KEY", FakeDatadog.API_KEY, "DD_APP_KEY", FakeDatadog.APP_KEY);
        return DatadogMetricSource.builder(DatadogSourceConfig.withEnvironment(properties::get, env::get))
                .sleeper(waits::add)
                .build();
    }

    @Override
    protected MetricQuery query(ServedSeries series) {
        return MetricQuery.of(series.id(), series.signal(), FakeDatadog.kitExpression(series.id()));
    }

    @Override
    protected Limits limits() {
        return api().equals("v1")
                ? new Limits(1, Limits.UNLIMITED, DatadogQueries.MAX_POINTS)
                : new Limits(DatadogMetricSource.V2_QUERIES_PER_REQUEST, Limits.UNLIMITED, DatadogQueries.MAX_POINTS);
    }

    @Override
    protected @Nullable ObservedRequest observe(LoopbackHttpServer.Request request) {
        if (request.path().equals("/api/v1/query")) {
            String query = String.valueOf(request.queryParameter("query"));
            Matcher m = ROLLUP.matcher(query);
            long interval = m.find() ? Long.parseLong(m.group(1)) : 60;
            return new ObservedRequest(
                    1,
                    TimeWindow.ofEpochMillis(
                            1000 * Long.parseLong(String.valueOf(request.queryParameter("from"))),
                            1000 * Long.parseLong(String.valueOf(request.queryParameter("to")))),
                    Duration.ofSeconds(interval));
        }
        if (request.path().equals("/api/v2/query/timeseries")) {
            try {
                JsonNode a = JSON.readTree(request.bodyText()).path("data").path("attributes");
                return new ObservedRequest(
                        a.path("queries").size(),
                        TimeWindow.ofEpochMillis(
                                a.path("from").asLong(), a.path("to").asLong()),
                        Duration.ofMillis(a.path("interval").asLong()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
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
        return List.of(FakeDatadog.API_KEY, FakeDatadog.APP_KEY);
    }

    @Override
    protected boolean records() {
        return true;
    }

    @Override
    protected void record(MetricSource source, List<MetricQuery> queries, TimeWindow window, Duration step, Path dir) {
        DatadogRecording.record((DatadogMetricSource) source, queries, window, step, dir);
    }
}
