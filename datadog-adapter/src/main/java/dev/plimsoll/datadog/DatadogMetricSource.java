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
import dev.plimsoll.source.Retry;
import jakarta.ws.rs.ProcessingException;
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
 * longer than {@value DatadogQueries#MAX_POINTS} points are split, not coarsened; a point sent twice counts once.
 *
 * <p>Faults, through {@link Retry}: HTTP 429 waits for {@code X-RateLimit-Reset}; 5xx, 408 and what the HTTP client
 * throws (connection refused or reset, a read past {@code datadog.read-timeout}, a body cut short or not JSON) back
 * off 1 s, 2 s, 4 s…; at most {@code datadog.max-attempts} attempts per request within {@code datadog.retry-budget} of
 * waiting. A request that still fails ends the fetch: when nothing came back at all, as a retryable
 * {@link MetricSourceException} (which the analysis names as a gap of every query); otherwise the points that did
 * come back are kept and the queries of the failed request, and of the requests not made after it, are incomplete in
 * the coverage with the failure as their message. 400/403 and {@code status: error} fail at once, not retryable,
 * quoting Datadog's {@code errors}. Keys never appear in messages, exceptions or recordings.
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
    private final List<MetricQuery> defaults;
    private final List<String> secrets;
    private final Retry retry;

    /** The two calls the source makes; the real client behind it, or a test double. */
    interface DatadogApi {
        MetricsQueryResponse queryMetrics(long fromSeconds, long toSeconds, String query) throws ApiException;

        TimeseriesFormulaQueryResponse queryTimeseries(TimeseriesFormulaQueryRequest request) throws ApiException;

        /** Releases the HTTP client's connections. */
        default void close() {}
    }

    private DatadogMetricSource(DatadogApi api, DatadogSourceConfig config, Retry.@Nullable Sleeper sleeper) {
        this.api = api;
        this.config = config;
        this.defaults = DatadogSignals.defaults(config);
        List<String> s = new ArrayList<>();
        if (config.apiKey() != null) {
            s.add(config.apiKey());
        }
        if (config.appKey() != null) {
            s.add(config.appKey());
        }
        this.secrets = List.copyOf(s);
        Retry.Builder r = Retry.builder("datadog")
                .maxAttempts(config.maxAttempts())
                .budget(config.retryBudget())
                .redactor(text -> redact(secrets, text));
        if (sleeper != null) {
            r.sleeper(sleeper);
        }
        this.retry = r.build();
    }

    /**
     * A builder for a source over {@code config}; the configuration is validated by {@link Builder#build()}.
     *
     * @param config the {@code datadog.*} keys, e.g. through {@link DatadogSourceConfig#withEnvironment}
     * @return a builder
     */
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

    /** Closes the HTTP client (its pooled connections). */
    @Override
    public void close() {
        api.close();
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
        Fetch f = new Fetch();
        Map<String, List<DatadogQueries.Raw>> raws = new LinkedHashMap<>();
        Map<String, String> sentById = new LinkedHashMap<>();
        List<String> messages = new ArrayList<>();
        List<MetricQuery> viaV2 = new ArrayList<>();
        for (MetricQuery q : queries) {
            sentById.put(q.id(), DatadogQueries.sent(q, q.expression(), step));
            if (window.duration().isZero()) {
                continue; // nothing to ask for
            }
            if (config.api().equals("v1") || isArithmetic(q.expression())) {
                raws.put(q.id(), v1(f, q, q.expression(), window, step));
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
                raws.putAll(v2(f, batch, interval, window));
            }
        });
        for (MetricQuery q : queries) {
            String fallback = q.hints().get("fallback");
            if (raws.getOrDefault(q.id(), List.of()).isEmpty()
                    && fallback != null
                    && !f.gaps.containsKey(q.id())
                    && !window.duration().isZero()) {
                raws.put(q.id(), v1(f, q, fallback, window, step));
                sentById.put(q.id(), DatadogQueries.sent(q, fallback, step));
                messages.add("query '" + q.id() + "' returned no series: used its fallback " + fallback);
            }
        }
        MetricSourceException failure = f.failure;
        if (failure != null && !f.answered) {
            throw failure; // nothing came back at all: the pipeline names the whole source as a gap
        }
        return new Exchange(assemble(queries, sentById, raws, window, stepMillis, messages, f.gaps), f.calls);
    }

    /**
     * One fetch's state: the calls made, the queries whose data may be incomplete and why, and the first failure
     * after retries — after which the fetch makes no more calls (the backend is down or throttling hard: each further
     * call would spend a whole retry budget to fail too) and names what it did not fetch.
     */
    private static final class Fetch {
        final List<Call> calls = new ArrayList<>();
        final Map<String, List<String>> gaps = new LinkedHashMap<>();

        @Nullable
        MetricSourceException failure;

        boolean answered;

        void gap(String queryId, String why) {
            List<String> g = gaps.computeIfAbsent(queryId, k -> new ArrayList<>());
            if (!g.contains(why)) {
                g.add(why);
            }
        }

        /** Null when calls may go on, else why the query was not fetched. */
        @Nullable
        String skipped(TimeWindow piece) {
            MetricSourceException e = failure;
            return e == null ? null : "not fetched for " + piece + ": an earlier request failed (" + text(e) + ")";
        }

        /** Records a failed call: a retryable failure stops the fetch; any other ends it. */
        String failed(MetricSourceException e, String what, TimeWindow piece) {
            if (!e.isRetryable()) {
                throw e; // a bad request or refused keys: every other call would fail the same way
            }
            failure = e;
            return what + " for " + piece + " failed: " + text(e);
        }

        private static String text(MetricSourceException e) {
            return String.valueOf(e.getMessage()).replaceFirst("^datadog: ", "");
        }
    }

    static FetchResult assemble(
            List<MetricQuery> queries,
            Map<String, String> sentById,
            Map<String, List<DatadogQueries.Raw>> raws,
            TimeWindow window,
            long stepMillis,
            List<String> messages) {
        return assemble(queries, sentById, raws, window, stepMillis, messages, Map.of());
    }

    /** Series and coverage of every query; {@code gaps} names, by query id, why its data may be incomplete. */
    static FetchResult assemble(
            List<MetricQuery> queries,
            Map<String, String> sentById,
            Map<String, List<DatadogQueries.Raw>> raws,
            TimeWindow window,
            long stepMillis,
            List<String> messages,
            Map<String, List<String>> gaps) {
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
            coverage.add(DatadogQueries.coverage(q, mine, window, stepMillis, gaps.getOrDefault(q.id(), List.of())));
        }
        return DatadogQueries.derive(new FetchResult(series, coverage, messages));
    }

    private static boolean isArithmetic(String expression) {
        return expression.split("[a-z0-9.]+:[A-Za-z0-9_.]+\\{", -1).length > 2;
    }

    private List<DatadogQueries.Raw> v1(Fetch f, MetricQuery q, String expression, TimeWindow window, Duration step) {
        long interval = DatadogQueries.interval(q, step);
        String sent = DatadogQueries.sent(q, expression, step);
        Map<String, DatadogQueries.Raw> merged = new LinkedHashMap<>();
        for (TimeWindow piece : DatadogQueries.split(window, interval)) {
            String skipped = f.skipped(piece);
            if (skipped != null) {
                f.gap(q.id(), skipped);
                continue;
            }
            long from = piece.start().getEpochSecond();
            long to = (piece.end().toEpochMilli() + 999) / 1000;
            String what = "GET /api/v1/query " + sent;
            MetricsQueryResponse r;
            try {
                r = retry.call(what, () -> api.queryMetrics(from, to, sent), this::classify);
            } catch (MetricSourceException e) {
                f.gap(q.id(), f.failed(e, "GET /api/v1/query", piece));
                continue;
            }
            f.answered = true;
            if ("error".equals(r.getStatus())) {
                throw new MetricSourceException(
                        "datadog", false, redact("query '" + q.id() + "' failed: " + r.getError()));
            }
            f.calls.add(new Call("v1", Map.of("from", from, "to", to, "query", sent), r));
            for (DatadogQueries.Raw raw : DatadogQueries.fromV1(r, sent)) {
                merged.merge(raw.key(), raw, DatadogMetricSource::mergePoints);
            }
        }
        return new ArrayList<>(merged.values());
    }

    /** Two pieces of one series: a point sent twice counts once, and a value beats a null at the same time. */
    private static DatadogQueries.Raw mergePoints(DatadogQueries.Raw a, DatadogQueries.Raw b) {
        b.points.forEach((t, v) -> a.points.merge(t, v, (x, y) -> Double.isNaN(y) ? x : y));
        return a;
    }

    private Map<String, List<DatadogQueries.Raw>> v2(
            Fetch f, List<MetricQuery> batch, long interval, TimeWindow window) {
        Map<String, Map<String, DatadogQueries.Raw>> merged = new LinkedHashMap<>();
        for (TimeWindow piece : DatadogQueries.split(window, interval)) {
            String skipped = f.skipped(piece);
            if (skipped != null) {
                batch.forEach(q -> f.gap(q.id(), skipped));
                continue;
            }
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
            TimeseriesFormulaQueryResponse r;
            try {
                r = retry.call("POST /api/v2/query/timeseries", () -> api.queryTimeseries(request), this::classify);
            } catch (MetricSourceException e) {
                String why = f.failed(e, "POST /api/v2/query/timeseries", piece);
                batch.forEach(q -> f.gap(q.id(), why));
                continue;
            }
            f.answered = true;
            if (r.getErrors() != null && !r.getErrors().isEmpty()) {
                throw new MetricSourceException("datadog", false, redact("timeseries query failed: " + r.getErrors()));
            }
            f.calls.add(new Call("v2", Map.of("request", request), r));
            for (int i = 0; i < batch.size(); i++) {
                for (DatadogQueries.Raw raw :
                        DatadogQueries.fromV2(r, i, batch.get(i).expression(), interval * 1000)) {
                    merged.computeIfAbsent(batch.get(i).id(), k -> new LinkedHashMap<>())
                            .merge(raw.key(), raw, DatadogMetricSource::mergePoints);
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

    /**
     * What a failed call means, by Datadog's rules: 429 waits for {@code X-RateLimit-Reset}; 5xx, 408 and anything
     * the HTTP client throws (connection refused or reset, a timeout, a body cut short or not JSON — Jersey's
     * {@link ProcessingException}) backs off; any other status (400, 403, 404) or an unexpected exception is permanent.
     */
    Retry.Failure classify(Exception e) {
        if (e instanceof ApiException ae) {
            int code = ae.getCode();
            String text = "HTTP " + code + " " + errors(ae);
            if (code == 429) {
                long reset = Math.max(1, header(ae, "x-ratelimit-reset", 1));
                return Retry.Failure.retryAfter(
                        Duration.ofSeconds(reset),
                        text + " (rate limited: limit " + header(ae, "x-ratelimit-limit", -1) + " per "
                                + header(ae, "x-ratelimit-period", -1) + " s)");
            }
            if (code >= 500 || code == 408) {
                return Retry.Failure.backOff(text + " (server error)");
            }
            if (code == 0) {
                return Retry.Failure.permanent("the client could not make the request: " + ae.getMessage());
            }
            return Retry.Failure.permanent(
                    text + (code == 403 ? " (check DD_API_KEY / DD_APP_KEY and the key's permissions)" : ""));
        }
        if (e instanceof ProcessingException) {
            return Retry.Failure.backOff("no usable response: " + rootCause(e));
        }
        return Retry.Failure.permanent("unexpected " + e.getClass().getName() + ": " + e.getMessage());
    }

    /** The innermost cause as {@code Type: message}: what actually went wrong on the wire. */
    private static String rootCause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
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

    /**
     * Datadog's {@code errors} array from an error body, else the body (at most 300 characters) or the exception's
     * message; redacted before it is cut, so that a cut cannot leave half a key.
     */
    String errors(ApiException e) {
        String body = e.getResponseBody();
        if (body != null && !body.isBlank()) {
            try {
                JsonNode n = JSON.readTree(body);
                if (n.path("errors").isArray()) {
                    List<String> out = new ArrayList<>();
                    n.path("errors").forEach(x -> out.add(x.isTextual() ? x.asText() : x.toString()));
                    return redact("errors " + out);
                }
            } catch (java.io.IOException ignored) {
                // not JSON: quote it as it is
            }
            String b = redact(body);
            return b.length() > 300 ? b.substring(0, 300) + "…" : b;
        }
        return redact(String.valueOf(e.getMessage()));
    }

    String redact(String text) {
        return redact(secrets, text);
    }

    private static String redact(List<String> secrets, String text) {
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
        private Retry.@Nullable Sleeper sleeper;

        private Builder(DatadogSourceConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        Builder api(DatadogApi api) {
            this.api = api;
            return this;
        }

        /**
         * What waits between retries; default {@link Thread#sleep}.
         *
         * @param sleeper receives each wait in milliseconds (rate-limit resets, backoffs), e.g. a test's recorder
         * @return this builder
         */
        public Builder sleeper(LongConsumer sleeper) {
            Objects.requireNonNull(sleeper, "sleeper");
            this.sleeper = d -> sleeper.accept(d.toMillis());
            return this;
        }

        /**
         * The source, with a datadog-api-client made from the configuration.
         *
         * @return a new source; close it to release the client's connections
         * @throws dev.plimsoll.source.ConfigurationException listing every configuration problem (e.g. a missing key)
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
            client.setConnectTimeout((int) config.connectTimeout().toMillis());
            client.setReadTimeout((int) config.readTimeout().toMillis());
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

                @Override
                public void close() {
                    client.getHttpClient().close();
                }
            };
        }
    }
}
