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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.test.Fault;
import dev.plimsoll.test.LoopbackHttpServer;
import dev.plimsoll.test.LoopbackHttpServer.Request;
import dev.plimsoll.test.LoopbackHttpServer.Response;
import dev.plimsoll.test.Scenario;
import dev.plimsoll.test.ServedPoint;
import dev.plimsoll.test.ServedSeries;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Datadog's metric query API on 127.0.0.1: {@code GET /api/v1/query} and {@code POST /api/v2/query/timeseries},
 * answering with recorded bodies (by query string) or a compatibility-kit {@link Scenario}, checking the
 * {@code DD-API-KEY} / {@code DD-APPLICATION-KEY} headers, and replaying canned errors (429 with rate-limit headers,
 * 403, 5xx) first when queued; the kit's faults in Datadog's own error format.
 */
final class FakeDatadog implements LoopbackHttpServer.Handler, AutoCloseable {
    static final String API_KEY = "0123456789abcdef0123456789abcdef";
    static final String APP_KEY = "fedcba9876543210fedcba9876543210fedcba98";
    /** The metric of the compatibility kit's queries: one series per {@code query} tag. */
    static final String KIT_METRIC = "plimsoll.kit.value";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROLLUP = Pattern.compile("\\.rollup\\((?:[a-z0-9]+, *)?(\\d+)\\)$");
    private final LoopbackHttpServer server;
    private final Map<String, String> v1 = new LinkedHashMap<>();
    private final List<Object[]> v2 = new ArrayList<>();
    /** The kit's served series by query expression (without rollup). */
    private final Map<String, List<ServedPoint>> kit = new LinkedHashMap<>();

    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final Deque<Object[]> canned = new ArrayDeque<>();

    /** A fake on its own loopback server (the adapter's own tests). */
    FakeDatadog() {
        this.server = LoopbackHttpServer.start(this);
    }

    private FakeDatadog(boolean unused) {
        this.server = null;
    }

    /** A fake without a server of its own: the compatibility kit runs it on one. */
    static FakeDatadog handler() {
        return new FakeDatadog(false);
    }

    URI baseUrl() {
        return server().uri();
    }

    LoopbackHttpServer server() {
        return Objects.requireNonNull(server, "this fake runs on the kit's server");
    }

    /** The kit's query for a served series. */
    static String kitExpression(String id) {
        return "avg:" + KIT_METRIC + "{query:" + id + "}";
    }

    /** Serves a compatibility-kit scenario: each series under {@link #kitExpression}, in the order given. */
    FakeDatadog serve(Scenario scenario) {
        for (ServedSeries s : scenario.series()) {
            kit.put(kitExpression(s.id()), s.points());
        }
        return this;
    }

    /** Serves a scenario folder: requests.json (v1) and NAME.request.json + NAME.json (v2). */
    FakeDatadog serve(Path dir) throws IOException {
        Path index = dir.resolve("requests.json");
        if (Files.exists(index)) {
            for (JsonNode r : JSON.readTree(index.toFile())) {
                v1.put(
                        r.path("params").path("query").asText(),
                        Files.readString(dir.resolve(r.path("file").asText())));
            }
        }
        try (var files = Files.list(dir)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".request.json")).toList()) {
                JsonNode request = JSON.readTree(f.toFile());
                List<String> queries = new ArrayList<>();
                request.path("data")
                        .path("attributes")
                        .path("queries")
                        .forEach(q -> queries.add(q.path("query").asText()));
                v2.add(new Object[] {
                    queries,
                    Files.readString(dir.resolve(f.getFileName().toString().replace(".request.json", ".json")))
                });
            }
        }
        return this;
    }

    /** Serves the 200 answers of a cassette (Datadog's own recorded client traffic). */
    FakeDatadog serveCassette(Path cassette) throws IOException {
        for (JsonNode e : JSON.readTree(cassette.toFile())) {
            JsonNode req = e.path("httpRequest");
            if (req.path("path").asText().equals("/api/v1/query")
                    && e.path("httpResponse").path("statusCode").asInt(200) == 200) {
                v1.put(
                        req.path("queryStringParameters").path("query").path(0).asText(),
                        e.path("httpResponse").path("body").asText());
            } else if (req.path("path").asText().equals("/api/v2/query/timeseries")) {
                JsonNode request = JSON.readTree(req.path("body").path("json").asText());
                List<String> queries = new ArrayList<>();
                request.path("data")
                        .path("attributes")
                        .path("queries")
                        .forEach(q -> queries.add(q.path("query").asText()));
                v2.add(new Object[] {
                    queries, e.path("httpResponse").path("body").asText()
                });
            }
        }
        return this;
    }

    void reply(int status, String body, Map<String, String> headers) {
        canned.add(new Object[] {status, body, headers});
    }

    @Override
    public Response handle(Request ex) throws IOException {
        String path = ex.path();
        String body = ex.bodyText();
        requests.add(ex.method() + " " + ex.target() + (body.isEmpty() ? "" : " " + body));
        if (!API_KEY.equals(ex.header("DD-API-KEY")) || !APP_KEY.equals(ex.header("DD-APPLICATION-KEY"))) {
            return json(403, "{\"errors\":[\"Forbidden\"]}");
        }
        Object[] c = canned.poll();
        if (c != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> headers = (Map<String, String>) c[2];
            Response r = json((Integer) c[0], (String) c[1]);
            for (Map.Entry<String, String> h : headers.entrySet()) {
                r = r.withHeader(h.getKey(), h.getValue());
            }
            return r;
        }
        if (path.equals("/api/v1/query") && ex.method().equals("GET")) {
            String query = Objects.requireNonNullElse(ex.queryParameter("query"), "");
            long from = Long.parseLong(Objects.requireNonNullElse(ex.queryParameter("from"), "0"));
            long to = Long.parseLong(Objects.requireNonNullElse(ex.queryParameter("to"), "0"));
            String answer = v1.get(query);
            if (answer == null) {
                answer = kitV1(query, from, to);
            }
            return json(200, answer);
        } else if (path.equals("/api/v2/query/timeseries") && ex.method().equals("POST")) {
            JsonNode attributes = JSON.readTree(body).path("data").path("attributes");
            List<String> queries = new ArrayList<>();
            attributes.path("queries").forEach(q -> queries.add(q.path("query").asText()));
            for (Object[] r : v2) {
                if (r[0].equals(queries)) {
                    return json(200, (String) r[1]);
                }
            }
            return json(
                    200,
                    kitV2(
                            queries,
                            attributes.path("from").asLong(),
                            attributes.path("to").asLong(),
                            attributes.path("interval").asLong(60_000)));
        }
        return json(404, "{\"errors\":[\"Not found\"]}");
    }

    /** The compatibility kit's protocol-level faults, as Datadog answers them. */
    @Override
    public Response fault(Fault fault, Request r) {
        requests.add(r.method() + " " + r.target() + " -> " + fault);
        return switch (fault) {
            case THROTTLED ->
                json(429, "{\"errors\":[\"Too many requests\"]}")
                        .withHeader("X-RateLimit-Limit", "100")
                        .withHeader("X-RateLimit-Period", "60")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", "1");
            case SERVER_ERROR -> json(500, "{\"errors\":[\"Internal Server Error\"]}");
            // a proxy that quotes the request it refused, keys included
            case FORBIDDEN ->
                json(
                        403,
                        "{\"errors\":[\"Forbidden: API key " + r.header("DD-API-KEY") + " with application key "
                                + r.header("DD-APPLICATION-KEY") + " may not query metrics\"]}");
            default -> throw new IllegalArgumentException("not a protocol-level fault: " + fault);
        };
    }

    /** A v1 answer from the kit's series: the points in [from, to] seconds, nulls for NaN. */
    private String kitV1(String sent, long from, long to) throws IOException {
        Matcher m = ROLLUP.matcher(sent);
        String expression = m.find() ? sent.substring(0, m.start()) : sent;
        long interval = m.find(0) ? Long.parseLong(m.group(1)) : 60;
        ObjectNode root = JSON.createObjectNode()
                .put("status", "ok")
                .put("res_type", "time_series")
                .put("resp_version", 1)
                .put("query", sent)
                .put("from_date", from * 1000)
                .put("to_date", to * 1000)
                .put("message", "");
        root.putArray("group_by");
        ArrayNode series = root.putArray("series");
        List<ServedPoint> points = inRange(kit.getOrDefault(expression, List.of()), from * 1000, to * 1000 + 1);
        if (!points.isEmpty()) {
            ObjectNode s = series.addObject()
                    .put("metric", KIT_METRIC)
                    .put("display_name", KIT_METRIC)
                    .put("aggr", "avg")
                    .put("scope", expression.replaceAll(".*\\{(.*)}", "$1"))
                    .put("expression", sent)
                    .put("interval", interval)
                    .put("length", points.size())
                    .put("query_index", 0)
                    .put("start", points.get(0).time().toEpochMilli())
                    .put("end", points.get(points.size() - 1).time().toEpochMilli());
            s.putNull("unit");
            s.putArray("tag_set");
            s.putObject("attributes");
            ArrayNode list = s.putArray("pointlist");
            for (ServedPoint p : points) {
                ArrayNode pair = list.addArray().add((double) p.time().toEpochMilli());
                if (p.hasValue()) {
                    pair.add(p.value());
                } else {
                    pair.addNull();
                }
            }
        }
        return JSON.writeValueAsString(root);
    }

    /** A v2 answer from the kit's series: one shared list of times (in the order served), values aligned to it. */
    private String kitV2(List<String> queries, long from, long to, long intervalMillis) throws IOException {
        List<Long> times = new ArrayList<>();
        Map<Long, Integer> inTimes = new HashMap<>();
        List<Map<Long, Double>> byQuery = new ArrayList<>();
        for (String q : queries) {
            Map<Long, Double> values = new HashMap<>();
            Map<Long, Integer> seen = new HashMap<>();
            for (ServedPoint p : inRange(kit.getOrDefault(q.trim(), List.of()), from, to)) {
                long t = p.time().toEpochMilli();
                int n = seen.merge(t, 1, Integer::sum);
                if (n > inTimes.getOrDefault(t, 0)) {
                    times.add(t); // in the order served; a point served twice puts its time in twice
                    inTimes.put(t, n);
                }
                values.merge(t, p.value(), (a, b) -> Double.isNaN(a) ? b : a);
            }
            byQuery.add(values);
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("data").put("id", "0").put("type", "timeseries_response");
        ObjectNode attributes = data.putObject("attributes");
        ArrayNode series = attributes.putArray("series");
        ArrayNode values = attributes.putArray("values");
        for (int i = 0; i < queries.size(); i++) {
            if (byQuery.get(i).isEmpty()) {
                continue; // Datadog leaves out a query without data
            }
            ObjectNode s = series.addObject().put("query_index", i);
            s.putArray("group_tags");
            s.putArray("unit").addNull().addNull();
            ArrayNode v = values.addArray();
            for (long t : times) {
                Double x = byQuery.get(i).get(t);
                if (x == null || x.isNaN()) {
                    v.addNull();
                } else {
                    v.add(x);
                }
            }
        }
        ArrayNode t = attributes.putArray("times");
        times.forEach(t::add);
        attributes.put("interval", intervalMillis);
        return JSON.writeValueAsString(root);
    }

    private static List<ServedPoint> inRange(List<ServedPoint> points, long fromMillis, long toMillis) {
        List<ServedPoint> out = new ArrayList<>();
        for (ServedPoint p : points) {
            long t = p.time().toEpochMilli();
            if (t >= fromMillis && t < toMillis) {
                out.add(p);
            }
        }
        return out;
    }

    private static Response json(int status, String body) {
        return Response.of(status, "application/json", body);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
