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

import com.datadog.api.client.JSON;
import com.datadog.api.client.v1.model.MetricsQueryResponse;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryResponse;
import com.datadog.api.client.v2.model.TimeseriesQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.internal.JsonErrors;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Recorded Datadog API responses: replayed as a {@link MetricSource} that gives the same series as the live API over
 * the same data, and written from a live fetch.
 *
 * <p>A recording folder holds any of: {@code requests.json} (a list of {@code {file, method, path, params}} for
 * {@code GET /api/v1/query} calls, each response body in {@code file}); pairs {@code NAME.request.json} +
 * {@code NAME.json} for {@code POST /api/v2/query/timeseries}; and cassettes as Datadog's own client tests record them
 * (a JSON list of {@code {httpRequest, httpResponse}}).
 *
 * @since 0.1
 */
public final class DatadogRecording implements MetricSource {
    private static final ObjectMapper MAPPER = new JSON()
            .getMapper()
            .copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    record V1(String query, long from, long to, MetricsQueryResponse response) {}

    record V2(List<String> queries, long intervalMillis, TimeseriesFormulaQueryResponse response) {}

    private final Path dir;
    private final List<V1> v1;
    private final List<V2> v2;

    private DatadogRecording(Path dir, List<V1> v1, List<V2> v2) {
        this.dir = dir;
        this.v1 = v1;
        this.v2 = v2;
    }

    /**
     * Reads a recording folder; every file is read and checked here, so a broken recording fails now, not on the
     * first fetch.
     *
     * @param dir the folder holding {@code requests.json} with its response files, {@code NAME.request.json} +
     *     {@code NAME.json} pairs, or cassettes
     * @return the recording; {@link #close()} does nothing
     * @throws MetricSourceException (not retryable) naming the file when the folder is missing or a file, holds no
     *     recorded Datadog metric query, or a file is not valid JSON of the expected shape
     */
    public static DatadogRecording open(Path dir) {
        List<V1> v1 = new ArrayList<>();
        List<V2> v2 = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new MetricSourceException(
                    "datadog",
                    false,
                    "the recording folder " + dir
                            + (Files.exists(dir) ? " is a file, not a folder" : " does not exist"));
        }
        Path index = dir.resolve("requests.json");
        java.util.Set<Path> listed = new java.util.HashSet<>();
        if (Files.exists(index)) {
            JsonNode entries = read(index);
            if (!entries.isArray() || entries.isEmpty()) {
                throw new MetricSourceException(
                        "datadog",
                        false,
                        index + " must list the recorded requests" + " ([{file, method, path, params}, …]), but is "
                                + (entries.isArray() ? "empty" : type(entries)));
            }
            for (int i = 0; i < entries.size(); i++) {
                JsonNode r = entries.get(i);
                String at = index + ": entry " + i;
                if (!r.isObject()) {
                    throw new MetricSourceException("datadog", false, at + " must be an object, but is " + type(r));
                }
                if (!"/api/v1/query".equals(r.path("path").asText())) {
                    continue;
                }
                JsonNode p = r.path("params");
                Path file = listedFile(dir, at, r.path("file"));
                listed.add(file);
                String query = text(at + ": params.query", p.path("query"));
                long from = seconds(at + ": params.from", p.path("from"));
                long to = seconds(at + ": params.to", p.path("to"));
                JsonNode response = read(file);
                v1.add(new V1(query, from, to, v1Response(file + " (entry " + i + " of requests.json)", response)));
            }
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new MetricSourceException("datadog", false, "cannot read the recording folder " + dir + ": " + e);
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".request.json")) {
                Path response = dir.resolve(name.replace(".request.json", ".json"));
                if (!Files.exists(response)) {
                    throw new MetricSourceException("datadog", false, f + " has no response " + response.getFileName());
                }
                v2.add(v2(f, read(f), response, read(response)));
            } else if (!name.equals("requests.json")
                    && !listed.contains(f)
                    && !Files.exists(dir.resolve(name.replace(".json", ".request.json")))) {
                JsonNode n = read(f);
                if (n.isArray() && n.size() > 0 && n.get(0).has("httpRequest")) {
                    cassette(f, n, v1, v2);
                } else if (n.isObject() && (n.has("series") || n.has("res_type"))) {
                    // a v1 response nothing refers to: its query is unknown, and dropping it silently would
                    // leave a signal uncovered without saying why
                    throw new MetricSourceException(
                            "datadog",
                            false,
                            f + " is a recorded /api/v1/query response, but "
                                    + index.getFileName() + (Files.exists(index) ? " does not list it" : " is missing")
                                    + ": the query it answered is unknown");
                }
            }
        }
        if (v1.isEmpty() && v2.isEmpty()) {
            throw new MetricSourceException(
                    "datadog",
                    false,
                    dir + " holds no recorded Datadog metric queries"
                            + " (requests.json, *.request.json + *.json, or cassettes)");
        }
        return new DatadogRecording(dir, v1, v2);
    }

    private static void cassette(Path f, JsonNode entries, List<V1> v1, List<V2> v2) {
        for (JsonNode e : entries) {
            JsonNode req = e.path("httpRequest");
            JsonNode res = e.path("httpResponse");
            if (res.path("statusCode").asInt(200) != 200) {
                continue;
            }
            String path = req.path("path").asText();
            JsonNode body = parse(
                    f,
                    res.path("body").isTextual()
                            ? res.path("body").asText()
                            : res.path("body").toString());
            if (path.equals("/api/v1/query")) {
                JsonNode q = req.path("queryStringParameters");
                v1.add(new V1(
                        q.path("query").path(0).asText(),
                        q.path("from").path(0).asLong(),
                        q.path("to").path(0).asLong(),
                        v1Response(f, body)));
            } else if (path.equals("/api/v2/query/timeseries")) {
                JsonNode rb = req.path("body").path("json");
                JsonNode request = parse(f, rb.isTextual() ? rb.asText() : rb.toString());
                v2.add(v2(f, request, f, body));
            }
        }
    }

    /** A v2 request and its response, both checked before they are believed. */
    private static V2 v2(Path requestFile, JsonNode request, Path responseFile, JsonNode response) {
        JsonNode queries = request.path("data").path("attributes").path("queries");
        if (!queries.isArray() || queries.isEmpty()) {
            throw new MetricSourceException(
                    "datadog",
                    false,
                    requestFile
                            + ": data.attributes.queries must be a non-empty list of queries, but is "
                            + (queries.isMissingNode() ? "missing" : type(queries)));
        }
        for (int i = 0; i < queries.size(); i++) {
            text(
                    requestFile + ": data.attributes.queries[" + i + "].query",
                    queries.get(i).path("query"));
        }
        JsonNode interval = request.path("data").path("attributes").path("interval");
        if (!interval.isMissingNode()
                && !interval.isNull()
                && (!interval.isIntegralNumber() || interval.asLong() < 1 || interval.asLong() > MAX_INTERVAL_MS)) {
            throw new MetricSourceException(
                    "datadog",
                    false,
                    requestFile + ": data.attributes.interval must be a" + " whole number of ms from 1 to "
                            + MAX_INTERVAL_MS + ", but is " + type(interval));
        }
        JsonNode attributes = response.path("data").path("attributes");
        JsonNode times = attributes.path("times");
        JsonNode values = attributes.path("values");
        if (!attributes.isMissingNode()) {
            if (!(times.isArray() || times.isMissingNode()) || !(values.isArray() || values.isMissingNode())) {
                throw new MetricSourceException(
                        "datadog", false, responseFile + ": data.attributes.times and .values must be lists");
            }
            for (int i = 0; i < values.size(); i++) {
                if (!values.get(i).isArray() || values.get(i).size() != times.size()) {
                    throw new MetricSourceException(
                            "datadog",
                            false,
                            responseFile + ": data.attributes.values[" + i
                                    + "] must hold one value per time (" + times.size() + "), but has "
                                    + (values.get(i).isArray() ? values.get(i).size() : type(values.get(i))));
                }
                for (int k = 0; k < values.get(i).size(); k++) {
                    JsonNode v = values.get(i).get(k);
                    if (!v.isNull() && (!v.isNumber() || !Double.isFinite(v.asDouble()))) {
                        throw new MetricSourceException(
                                "datadog",
                                false,
                                responseFile + ": data.attributes.values[" + i + "][" + k
                                        + "] must be a finite number or null, but is " + type(v));
                    }
                }
            }
            for (int k = 0; k < times.size(); k++) {
                if (!times.get(k).isIntegralNumber()) {
                    throw new MetricSourceException(
                            "datadog",
                            false,
                            responseFile + ": data.attributes.times[" + k + "] must be epoch milliseconds, but is "
                                    + type(times.get(k)));
                }
            }
        }
        return v2(
                convert(requestFile, request, TimeseriesFormulaQueryRequest.class),
                convert(responseFile, response, TimeseriesFormulaQueryResponse.class));
    }

    /** The longest rollup interval a recording may name: a day, in ms. */
    private static final long MAX_INTERVAL_MS = 86_400_000L;

    /** A v1 response, checked: a failed query is reported as the live source reports it, never dropped. */
    private static MetricsQueryResponse v1Response(Object file, JsonNode response) {
        if (!response.isObject()) {
            throw new MetricSourceException(
                    "datadog",
                    false,
                    file + " must be a /api/v1/query response (an object" + " with series), but is " + type(response));
        }
        if ("error".equals(response.path("status").asText())) {
            throw new MetricSourceException(
                    "datadog",
                    false,
                    file + ": the recorded query failed: "
                            + oneLine(response.path("error").asText("(no error message)")));
        }
        JsonNode series = response.path("series");
        if (!series.isArray()) {
            throw new MetricSourceException(
                    "datadog",
                    false,
                    file + ": series must be a list, but is " + (series.isMissingNode() ? "missing" : type(series)));
        }
        for (int i = 0; i < series.size(); i++) {
            JsonNode s = series.get(i);
            String at = file + ": series[" + i + "]";
            JsonNode interval = s.path("interval");
            if (!interval.isMissingNode()
                    && !interval.isNull()
                    && (!interval.isIntegralNumber()
                            || interval.asLong() < 1
                            || interval.asLong() > MAX_INTERVAL_MS / 1000)) {
                throw new MetricSourceException(
                        "datadog",
                        false,
                        at + ".interval must be a whole number of seconds" + " from 1 to " + MAX_INTERVAL_MS / 1000
                                + ", but is " + type(interval));
            }
            JsonNode points = s.path("pointlist");
            if (!points.isArray() && !points.isMissingNode() && !points.isNull()) {
                throw new MetricSourceException(
                        "datadog", false, at + ".pointlist must be a list, but is " + type(points));
            }
            for (int k = 0; k < points.size(); k++) {
                JsonNode p = points.get(k);
                if (p.isNull()) {
                    continue; // no point
                }
                if (!p.isArray()
                        || p.size() != 2
                        || !p.get(0).isNumber()
                        || !Double.isFinite(p.get(0).asDouble())
                        || !(p.get(1).isNull()
                                || (p.get(1).isNumber()
                                        && Double.isFinite(p.get(1).asDouble())))) {
                    throw new MetricSourceException(
                            "datadog",
                            false,
                            at + ".pointlist[" + k + "] must be [epoch ms, value or null], but is "
                                    + oneLine(p.toString()));
                }
            }
        }
        return convert(file, response, MetricsQueryResponse.class);
    }

    /** The file an entry of requests.json names: a file of the recording folder, nowhere else. */
    private static Path listedFile(Path dir, String at, JsonNode name) {
        String n = text(at + ": file", name);
        if (n.contains("/") || n.contains("\\") || n.equals(".") || n.equals("..") || n.indexOf('\0') >= 0) {
            throw new MetricSourceException(
                    "datadog",
                    false,
                    at + ": file must name a file of the recording" + " folder, but is '" + oneLine(n) + "'");
        }
        Path f = dir.resolve(n);
        if (!Files.isRegularFile(f)) {
            throw new MetricSourceException(
                    "datadog", false, at + ": file '" + oneLine(n) + "' is not a file of the recording folder");
        }
        return f;
    }

    private static String text(String field, JsonNode n) {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new MetricSourceException(
                    "datadog",
                    false,
                    field + " must be a non-blank text, but is " + (n.isMissingNode() ? "missing" : type(n)));
        }
        return n.asText();
    }

    private static long seconds(String field, JsonNode n) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new MetricSourceException(
                    "datadog",
                    false,
                    field + " must be epoch seconds, but is " + (n.isMissingNode() ? "missing" : type(n)));
        }
        return n.asLong();
    }

    /** A JSON value's type, with the value when it is short, for messages. */
    private static String type(JsonNode n) {
        if (n.isNull()) {
            return "null";
        }
        String t = n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        String text = n.toString();
        return n.isValueNode() && text.length() <= 40 ? t + " " + text : t;
    }

    /** A message as one short line, without Java class names. */
    static String oneLine(String message) {
        String m = message.replaceAll("\\s*\\R\\s*", " ")
                .replaceAll("\\b[a-z]+(\\.[a-z]+)+\\.([A-Z]\\w*)(Exception|Error):?", "")
                .strip();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    private static V2 v2(TimeseriesFormulaQueryRequest request, TimeseriesFormulaQueryResponse response) {
        List<String> queries = new ArrayList<>();
        var attributes = request.getData().getAttributes();
        for (TimeseriesQuery q : attributes.getQueries()) {
            Object i = q.getActualInstance();
            queries.add(i instanceof com.datadog.api.client.v2.model.MetricsTimeseriesQuery m ? m.getQuery() : "");
        }
        long interval = attributes.getInterval() == null ? 0 : attributes.getInterval();
        return new V2(queries, interval, response);
    }

    /** 15 s, the step the recorded queries were made at (their rollups name it). */
    @Override
    public Duration defaultStep() {
        return Duration.ofSeconds(15);
    }

    @Override
    public String type() {
        return "datadog";
    }

    /** Every recorded query, its signal and unit conversion inferred from the metric name. */
    @Override
    public List<MetricQuery> defaultQueries() {
        // keyed by the query without its rollup: a v2 recording of a query already recorded through v1 is the same
        Map<String, MetricQuery> out = new LinkedHashMap<>();
        for (V1 r : v1) {
            out.putIfAbsent(
                    normal(withoutRollup(r.query())), DatadogSignals.infer(unique(out, idOf(r.query())), r.query()));
        }
        for (V2 r : v2) {
            for (String q : r.queries()) {
                out.putIfAbsent(normal(withoutRollup(q)), DatadogSignals.infer(unique(out, idOf(q)), q));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static String unique(Map<String, MetricQuery> taken, String id) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        taken.values().forEach(q -> ids.add(q.id()));
        if (!ids.contains(id)) {
            return id;
        }
        for (int n = 2; ; n++) {
            if (!ids.contains(id + "_" + n)) {
                return id + "_" + n;
            }
        }
    }

    private static String idOf(String query) {
        String agg = query.trim().replaceFirst(":.*", "");
        return (DatadogQueries.metricOf(query) + "_" + agg).replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** Replays each query: its v1 recording (same query as sent), else a v2 recording that holds it. */
    @Override
    public FetchResult fetch(List<MetricQuery> queries, TimeWindow window, Duration step) {
        Map<String, List<DatadogQueries.Raw>> raws = new LinkedHashMap<>();
        Map<String, String> sent = new LinkedHashMap<>();
        List<String> messages = new ArrayList<>();
        for (MetricQuery q : queries) {
            List<DatadogQueries.Raw> found = find(q, q.expression(), step);
            sent.put(q.id(), DatadogQueries.sent(q, q.expression(), step));
            String fallback = q.hints().get("fallback");
            if (found == null && fallback != null) {
                found = find(q, fallback, step);
                sent.put(q.id(), DatadogQueries.sent(q, fallback, step));
            }
            if (found == null) {
                messages.add("query '" + q.id() + "' (" + q.expression() + ") is not in the recording " + dir);
                found = List.of();
            }
            raws.put(q.id(), found);
        }
        FetchResult r =
                DatadogMetricSource.assemble(queries, sent, raws, window, Math.max(1000, step.toMillis()), messages);
        return withRecordedRanges(r, raws);
    }

    /**
     * Says, for a query with nothing in the window, which time its recording does hold: the user asked about another
     * time (a wrong run, or recordings of another run).
     */
    private FetchResult withRecordedRanges(FetchResult r, Map<String, List<DatadogQueries.Raw>> raws) {
        List<Coverage> coverage = new ArrayList<>();
        for (Coverage c : r.coverage()) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (DatadogQueries.Raw raw : raws.getOrDefault(c.queryId(), List.of())) {
                if (!raw.points.isEmpty()) {
                    first = Math.min(first, raw.points.firstKey());
                    last = Math.max(last, raw.points.lastKey());
                }
            }
            coverage.add(
                    c.present() == 0 && first <= last
                            ? c.withMessage("the recording " + dir + " holds " + Instant.ofEpochMilli(first) + " → "
                                    + Instant.ofEpochMilli(last))
                            : c);
        }
        return new FetchResult(r.series(), coverage, r.messages());
    }

    private @org.jspecify.annotations.Nullable List<DatadogQueries.Raw> find(
            MetricQuery q, String expression, Duration step) {
        String sent = DatadogQueries.sent(q, expression, step);
        Map<String, DatadogQueries.Raw> merged = new LinkedHashMap<>();
        boolean any = false;
        for (V1 r : v1) {
            if (normal(r.query()).equals(normal(sent))) {
                any = true;
                for (DatadogQueries.Raw raw : DatadogQueries.fromV1(r.response(), sent)) {
                    merged.merge(raw.key(), raw, (a, b) -> {
                        a.points.putAll(b.points);
                        return a;
                    });
                }
            }
        }
        if (!any) {
            for (V2 r : v2) {
                int i = r.queries().stream()
                        .map(DatadogRecording::normal)
                        .toList()
                        .indexOf(normal(expression));
                if (i >= 0) {
                    any = true;
                    for (DatadogQueries.Raw raw :
                            DatadogQueries.fromV2(r.response(), i, expression, r.intervalMillis())) {
                        merged.merge(raw.key(), raw, (a, b) -> {
                            a.points.putAll(b.points);
                            return a;
                        });
                    }
                }
            }
        }
        return any ? new ArrayList<>(merged.values()) : null;
    }

    private static String withoutRollup(String q) {
        return q.replaceAll("\\.rollup\\([^)]*\\)", "");
    }

    private static String normal(String q) {
        return q.replaceAll("\\s+", "");
    }

    /**
     * Fetches live and writes what the API answered ({@code requests.json} + {@code v1_N.json} per v1 call,
     * {@code v2_N.request.json} + {@code v2_N.json} per v2 call) so that {@link #open} replays it. API keys are sent
     * as headers and never written.
     *
     * @param source the live source to fetch from
     * @param queries what to fetch, as for {@link MetricSource#fetch}
     * @param window the time range, half-open
     * @param step the resolution wanted, as for {@link MetricSource#fetch}
     * @param dir the folder to write into, created if missing; files of the same names are overwritten
     * @return what the live fetch returned, as {@code source.fetch(queries, window, step)} would
     * @throws MetricSourceException when no call of the live fetch was answered, or the API answered that a query
     *     failed; nothing is written then. Calls that failed after their retries, once another was answered, are
     *     left out of the recording and named in the result's coverage.
     * @throws UncheckedIOException when the folder cannot be created or a file cannot be written
     */
    public static FetchResult record(
            DatadogMetricSource source, List<MetricQuery> queries, TimeWindow window, Duration step, Path dir) {
        DatadogMetricSource.Exchange exchange = source.exchange(queries, window, step);
        try {
            Files.createDirectories(dir);
            ArrayNode index = MAPPER.createArrayNode();
            int n = 0;
            for (DatadogMetricSource.Call call : exchange.calls()) {
                n++;
                if (call.kind().equals("v1")) {
                    String file = "v1_" + n + ".json";
                    MAPPER.writeValue(dir.resolve(file).toFile(), call.response());
                    ObjectNode entry = index.addObject();
                    entry.put("file", file);
                    entry.put("method", "GET");
                    entry.put("path", "/api/v1/query");
                    entry.set("params", MAPPER.valueToTree(call.params()));
                } else {
                    MAPPER.writeValue(
                            dir.resolve("v2_" + n + ".request.json").toFile(),
                            call.params().get("request"));
                    MAPPER.writeValue(dir.resolve("v2_" + n + ".json").toFile(), call.response());
                }
            }
            if (!index.isEmpty()) {
                MAPPER.writeValue(dir.resolve("requests.json").toFile(), index);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording to " + dir, e);
        }
        return exchange.result();
    }

    private static JsonNode read(Path f) {
        if (Files.isDirectory(f)) {
            throw new MetricSourceException("datadog", false, f + " is a directory, not a recorded JSON file");
        }
        try {
            JsonNode n = MAPPER.readTree(f.toFile());
            if (n == null || n.isMissingNode()) {
                throw new MetricSourceException("datadog", false, f + " is empty: expected a recorded JSON response");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new MetricSourceException(
                    "datadog", false, f + JsonErrors.where(e) + " is not valid JSON: " + JsonErrors.problem(e));
        } catch (IOException e) {
            throw new MetricSourceException(
                    "datadog", false, f + " cannot be read: " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static JsonNode parse(Path f, String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new MetricSourceException("datadog", false, f + " holds an empty body");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new MetricSourceException(
                    "datadog", false, f + " holds a body that is not valid JSON: " + JsonErrors.problem(e));
        }
    }

    private static <T> T convert(Object f, JsonNode n, Class<T> type) {
        try {
            T t = MAPPER.treeToValue(n, type);
            if (t == null) {
                throw new MetricSourceException("datadog", false, f + " is not a " + type.getSimpleName());
            }
            return t;
        } catch (IOException | IllegalArgumentException e) {
            throw new MetricSourceException(
                    "datadog",
                    false,
                    f + " is not a " + type.getSimpleName() + ": "
                            + (e instanceof JsonProcessingException j
                                    ? JsonErrors.problem(j)
                                    : oneLine(String.valueOf(e.getMessage()))));
        }
    }
}
