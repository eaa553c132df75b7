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

import com.datadog.api.client.ApiClient;
import com.datadog.api.client.ApiException;
import com.datadog.api.client.v1.model.MetricsQueryResponse;
import com.datadog.api.client.v2.model.MetricsDataSource;
import com.datadog.api.client.v2.model.MetricsTimeseriesQuery;
import com.datadog.api.client.v2.model.QueryFormula;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryResponse;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequestAttributes;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequestType;
import com.datadog.api.client.v2.model.TimeseriesQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSourceException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Queries Datadog metrics live through datadog-api-client: v2 {@code POST /api/v2/query/timeseries} for up to
 * {@value #V2_QUERIES_PER_REQUEST} queries at once (default), or v1 {@code GET /api/v1/query} per query
 * ({@code datadog.api=v1}, and always for queries with arithmetic between metrics). Rollups match the step, windows
 * longer than {@value DatadogQueries#MAX_POINTS} points are split, HTTP 429 waits for {@code X-RateLimit-Reset} and 5xx
 * backs off, both within {@code datadog.retry-budget}; 400/403 fail at once quoting Datadog's {@code errors}.
 *
 * <pre>{@code
 * DatadogSourceConfig config = DatadogSourceConfig.withEnvironment(Map.of("datadog.cluster", "shop-eks",
 *         "datadog.service", "shop-backend")::get, System::getenv);
 * try (DatadogMetricSource dd = DatadogMetricSource.builder(config).build()) {
 *     FetchResult r = dd.fetch(dd.defaultQueries(), run.window(), Duration.ofSeconds(15));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class DatadogMetricSource implements MetricSource {
    /** Queries batched into one v2 request. */
    public static final int V2_QUERIES_PER_REQUEST = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatadogApi api;
    private final DatadogSourceConfig config;
    private final LongConsumer sleeper;
    private final List<MetricQuery> defaults;
    private final List<String> secrets;

    /** The two calls the source makes; the real client behind it, or a test double. */
    interface DatadogApi {
        MetricsQueryResponse queryMetrics(long fromSeconds, long toSeconds, String query) throws ApiException;

        TimeseriesFormulaQueryResponse queryTimeseries(TimeseriesFormulaQueryRequest request) throws ApiException;
    }

    private DatadogMetricSource(DatadogApi api, DatadogSourceConfig config, LongConsumer sleeper) {
        this.api = api;
        this.config = config;
        this.sleeper = sleeper;
        this.defaults = DatadogSignals.defaults(config);
        List<String> s = new ArrayList<>();
        if (config.apiKey() != null) {
            s.add(config.apiKey());
        }
        if (config.appKey() != null) {
            s.add(config.appKey());
        }
        this.secrets = List.copyOf(s);
    }

    public static Builder builder(DatadogSourceConfig config) {
        return new Builder(config);
    }

    /** 15 s: the Datadog agent's collection interval. */
    @Override
    public Duration defaultStep() {
        return Duration.ofSeconds(15);
    }

    @Override
    public String type() {
        return "datadog";
    }

    /** {@link DatadogSignals#defaults} of the configuration. */
    @Override
    public List<MetricQuery> defaultQueries() {
        return defaults;
    }

    @Override
    public FetchResult fetch(List<MetricQuery> queries, TimeWindow window, Duration step) {
        return exchange(queries, window, step).result();
    }

    /** One API call as sent and answered, for recordings. */
    record Call(String kind, Map<String, Object> params, Object response) {}

    record Exchange(FetchResult result, List<Call> calls) {}

    Exchange exchange(List<MetricQuery> queries, TimeWindow window, Duration step) {
        Objects.requireNonNull(window, "window");
        long stepMillis = Math.max(1000, step.toMillis());
        List<Call> calls = new ArrayList<>();
        Map<String, List<DatadogQueries.Raw>> raws = new LinkedHashMap<>();
        Map<String, String> sentById = new LinkedHashMap<>();
        List<MetricQuery> viaV2 = new ArrayList<>();
        for (MetricQuery q : queries) {
            sentById.put(q.id(), DatadogQueries.sent(q, q.expression(), step));
            if (config.api().equals("v1") || isArithmetic(q.expression())) {
                raws.put(q.id(), v1(q, q.expression(), window, step, calls));
            } else {
                viaV2.add(q);
            }
        }
        Map<Long, List<MetricQuery>> byInterval = new LinkedHashMap<>();
        for (MetricQuery q : viaV2) {
            byInterval
                    .computeIfAbsent(DatadogQueries.interval(q, step), k -> new ArrayList<>())
                    .add(q);
        }
        byInterval.forEach((interval, group) -> {
            for (List<MetricQuery> batch : DatadogQueries.partition(group, V2_QUERIES_PER_REQUEST)) {
                raws.putAll(v2(batch, interval, window, calls));
            }
        });
        List<String> messages = new ArrayList<>();
        for (MetricQuery q : queries) {
            String fallback = q.hints().get("fallback");
            if (raws.getOrDefault(q.id(), List.of()).isEmpty() && fallback != null) {
                raws.put(q.id(), v1(q, fallback, window, step, calls));
                sentById.put(q.id(), DatadogQueries.sent(q, fallback, step));
                messages.add("query '" + q.id() + "' returned no series: used its fallback " + fallback);
            }
        }
        return new Exchange(assemble(queries, sentById, raws, window, stepMillis, messages), calls);
    }

    static FetchResult assemble(
            List<MetricQuery> queries,
            Map<String, String> sentById,
            Map<String, List<DatadogQueries.Raw>> raws,
            TimeWindow window,
            long stepMillis,
            List<String> messages) {
        List<FetchedSeries> series = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        for (MetricQuery q : queries) {
            List<FetchedSeries> mine = DatadogQueries.series(
                    q,
                    sentById.getOrDefault(q.id(), q.expression()),
                    raws.getOrDefault(q.id(), List.of()),
                    window,
                    stepMillis);
            series.addAll(mine);
            coverage.add(DatadogQueries.coverage(q, mine, window, stepMillis, List.of()));
        }
        return DatadogQueries.derive(new FetchResult(series, coverage, messages));
    }

    private static boolean isArithmetic(String expression) {
        return expression.split("[a-z0-9.]+:[A-Za-z0-9_.]+\\{", -1).length > 2;
    }

    private List<DatadogQueries.Raw> v1(
            MetricQuery q, String expression, TimeWindow window, Duration step, List<Call> calls) {
        long interval = DatadogQueries.interval(q, step);
        String sent = DatadogQueries.sent(q, expression, step);
        Map<String, DatadogQueries.Raw> merged = new LinkedHashMap<>();
        for (TimeWindow piece : DatadogQueries.split(window, interval)) {
            long from = piece.start().getEpochSecond();
            long to = (piece.end().toEpochMilli() + 999) / 1000;
            MetricsQueryResponse r = call("GET /api/v1/query " + sent, () -> api.queryMetrics(from, to, sent));
            if ("error".equals(r.getStatus())) {
                throw new MetricSourceException(
                        "datadog", false, redact("query '" + q.id() + "' failed: " + r.getError()));
            }
            calls.add(new Call("v1", Map.of("from", from, "to", to, "query", sent), r));
            for (DatadogQueries.Raw raw : DatadogQueries.fromV1(r, sent)) {
                merged.merge(raw.key(), raw, (a, b) -> {
                    a.points.putAll(b.points);
                    return a;
                });
            }
        }
        return new ArrayList<>(merged.values());
    }

    private Map<String, List<DatadogQueries.Raw>> v2(
            List<MetricQuery> batch, long interval, TimeWindow window, List<Call> calls) {
        Map<String, Map<String, DatadogQueries.Raw>> merged = new LinkedHashMap<>();
        for (TimeWindow piece : DatadogQueries.split(window, interval)) {
            TimeseriesFormulaRequestAttributes attributes = new TimeseriesFormulaRequestAttributes()
                    .from(piece.start().toEpochMilli())
                    .to(piece.end().toEpochMilli())
                    .interval(interval * 1000);
            for (int i = 0; i < batch.size(); i++) {
                String name = "q" + i;
                attributes.addQueriesItem(new TimeseriesQuery(new MetricsTimeseriesQuery()
                        .dataSource(MetricsDataSource.METRICS)
                        .name(name)
                        .query(batch.get(i).expression().trim())));
                attributes.addFormulasItem(new QueryFormula().formula(name));
            }
            TimeseriesFormulaQueryRequest request = new TimeseriesFormulaQueryRequest()
                    .data(new TimeseriesFormulaRequest()
                            .type(TimeseriesFormulaRequestType.TIMESERIES_REQUEST)
                            .attributes(attributes));
            TimeseriesFormulaQueryResponse r =
                    call("POST /api/v2/query/timeseries", () -> api.queryTimeseries(request));
            if (r.getErrors() != null && !r.getErrors().isEmpty()) {
                throw new MetricSourceException("datadog", false, redact("timeseries query failed: " + r.getErrors()));
            }
            calls.add(new Call("v2", Map.of("request", request), r));
            for (int i = 0; i < batch.size(); i++) {
                for (DatadogQueries.Raw raw :
                        DatadogQueries.fromV2(r, i, batch.get(i).expression(), interval * 1000)) {
                    merged.computeIfAbsent(batch.get(i).id(), k -> new LinkedHashMap<>())
                            .merge(raw.key(), raw, (a, b) -> {
                                a.points.putAll(b.points);
                                return a;
                            });
                }
            }
        }
        Map<String, List<DatadogQueries.Raw>> out = new LinkedHashMap<>();
        for (MetricQuery q : batch) {
            out.put(
                    q.id(),
                    new ArrayList<>(merged.getOrDefault(q.id(), Map.of()).values()));
        }
        return out;
    }

    interface ApiCall<T> {
        T call() throws ApiException;
    }

    /** One API call with Datadog's retry rules: 429 waits for the reset, 5xx and network errors back off. */
    <T> T call(String what, ApiCall<T> c) {
        long budget = config.retryBudget().toMillis();
        long waited = 0;
        for (int attempt = 0; ; attempt++) {
            try {
                return c.call();
            } catch (ApiException e) {
                int code = e.getCode();
                long wait;
                if (code == 429) {
                    wait = 1000 * Math.max(1, header(e, "x-ratelimit-reset", 1));
                } else if (code >= 500 || code == 0) {
                    wait = Math.min(30_000, 1000L << Math.min(attempt, 5));
                } else {
                    throw new MetricSourceException(
                            "datadog",
                            false,
                            redact(what + " failed: HTTP " + code + " "
                                    + errors(e)
                                    + (code == 403
                                            ? " (check DD_API_KEY / DD_APP_KEY and the key's permissions)"
                                            : "")));
                }
                if (waited + wait > budget) {
                    throw new MetricSourceException(
                            "datadog",
                            true,
                            redact(what + " failed: HTTP " + code + " "
                                    + errors(e)
                                    + (code == 429
                                            ? " (rate limited: limit " + header(e, "x-ratelimit-limit", -1) + " per "
                                                    + header(e, "x-ratelimit-period", -1) + " s"
                                            : " (server error")
                                    + "; gave up after waiting " + waited / 1000 + " s of the " + budget / 1000
                                    + " s retry budget)"));
                }
                sleeper.accept(wait);
                waited += wait;
            }
        }
    }

    private static long header(ApiException e, String name, long otherwise) {
        if (e.getResponseHeaders() == null) {
            return otherwise;
        }
        for (Map.Entry<String, List<String>> h : e.getResponseHeaders().entrySet()) {
            if (h.getKey() != null
                    && h.getKey().equalsIgnoreCase(name)
                    && !h.getValue().isEmpty()) {
                try {
                    return Long.parseLong(h.getValue().get(0).trim());
                } catch (NumberFormatException ex) {
                    return otherwise;
                }
            }
        }
        return otherwise;
    }

    /** Datadog's {@code errors} array from an error body, else the body or the exception's message. */
    static String errors(ApiException e) {
        String body = e.getResponseBody();
        if (body != null && !body.isBlank()) {
            try {
                JsonNode n = JSON.readTree(body);
                if (n.path("errors").isArray()) {
                    List<String> out = new ArrayList<>();
                    n.path("errors").forEach(x -> out.add(x.isTextual() ? x.asText() : x.toString()));
                    return "errors " + out;
                }
            } catch (java.io.IOException ignored) {
                // not JSON: quote it as it is
            }
            return body.length() > 300 ? body.substring(0, 300) + "…" : body;
        }
        return String.valueOf(e.getMessage());
    }

    String redact(String text) {
        String t = text;
        for (String s : secrets) {
            t = t.replace(s, "****");
        }
        return t;
    }

    /** Builds a source; the API (for tests) and the sleeper (for rate-limit waits) can be injected. */
    public static final class Builder {
        private final DatadogSourceConfig config;
        private @Nullable DatadogApi api;
        private LongConsumer sleeper = millis -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MetricSourceException("datadog", true, "interrupted while waiting to retry");
            }
        };

        private Builder(DatadogSourceConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        Builder api(DatadogApi api) {
            this.api = api;
            return this;
        }

        /** What waits between retries (milliseconds); default {@link Thread#sleep}. */
        public Builder sleeper(LongConsumer sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @throws dev.plimsoll.source.ConfigurationException listing every configuration problem
         */
        public DatadogMetricSource build() {
            config.requireValid();
            DatadogApi a = api != null ? api : clientApi(config);
            return new DatadogMetricSource(a, config, sleeper);
        }

        private static DatadogApi clientApi(DatadogSourceConfig config) {
            ApiClient client = new ApiClient();
            client.configureApiKeys(Map.of(
                    "apiKeyAuth",
                    Objects.requireNonNull(config.apiKey()),
                    "appKeyAuth",
                    Objects.requireNonNull(config.appKey())));
            URI base = config.baseUrl();
            if (base != null) {
                // server 1 is "{protocol}://{name}": any host, e.g. a proxy or a test server
                client.setServerIndex(1);
                client.setServerVariables(Map.of(
                        "protocol",
                        base.getScheme(),
                        "name",
                        base.getAuthority()
                                + (base.getPath() == null ? "" : base.getPath().replaceFirst("/$", ""))));
            } else if (DatadogSourceConfig.KNOWN_SITES.contains(config.site())) {
                client.setServerVariables(Map.of("site", config.site()));
            } else {
                // server 2 accepts any Datadog deployment; server 0 rejects sites it does not list
                client.setServerIndex(2);
                client.setServerVariables(Map.of("site", config.site()));
            }
            client.setConnectTimeout(10_000);
            client.setReadTimeout(60_000);
            var v1 = new com.datadog.api.client.v1.api.MetricsApi(client);
            var v2 = new com.datadog.api.client.v2.api.MetricsApi(client);
            return new DatadogApi() {
                @Override
                public MetricsQueryResponse queryMetrics(long fromSeconds, long toSeconds, String query)
                        throws ApiException {
                    return v1.queryMetrics(fromSeconds, toSeconds, query);
                }

                @Override
                public TimeseriesFormulaQueryResponse queryTimeseries(TimeseriesFormulaQueryRequest request)
                        throws ApiException {
                    return v2.queryTimeseriesData(request);
                }
            };
        }
    }
}
