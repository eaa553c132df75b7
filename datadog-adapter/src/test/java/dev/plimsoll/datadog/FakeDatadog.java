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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Datadog's metric query API on 127.0.0.1: {@code GET /api/v1/query} and {@code POST /api/v2/query/timeseries},
 * answering with recorded bodies (by query string), checking the {@code DD-API-KEY} / {@code DD-APPLICATION-KEY}
 * headers, and replaying canned errors (429 with rate-limit headers, 403, 5xx) first when queued.
 */
final class FakeDatadog implements AutoCloseable {
    static final String API_KEY = "0123456789abcdef0123456789abcdef";
    static final String APP_KEY = "fedcba9876543210fedcba9876543210fedcba98";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, String> v1 = new LinkedHashMap<>();
    private final List<Object[]> v2 = new ArrayList<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final Deque<Object[]> canned = new ArrayDeque<>();

    FakeDatadog() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
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

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] raw = ex.getRequestBody().readAllBytes();
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        String body = new String("gzip".equalsIgnoreCase(encoding) ? gunzip(raw) : raw, StandardCharsets.UTF_8);
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + (body.isEmpty() ? "" : " " + body));
        if (!API_KEY.equals(ex.getRequestHeaders().getFirst("DD-API-KEY"))
                || !APP_KEY.equals(ex.getRequestHeaders().getFirst("DD-APPLICATION-KEY"))) {
            send(ex, 403, "{\"errors\":[\"Forbidden\"]}", Map.of());
            return;
        }
        Object[] c = canned.poll();
        if (c != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> headers = (Map<String, String>) c[2];
            send(ex, (Integer) c[0], (String) c[1], headers);
            return;
        }
        if (path.equals("/api/v1/query") && ex.getRequestMethod().equals("GET")) {
            String query = param(ex.getRequestURI().getRawQuery(), "query");
            String answer = v1.get(query);
            send(
                    ex,
                    200,
                    answer != null
                            ? answer
                            : "{\"status\":\"ok\",\"res_type\":\"time_series\",\"series\":[]," + "\"query\":"
                                    + JSON.writeValueAsString(query) + ",\"message\":\"\",\"group_by\":[]}",
                    Map.of());
        } else if (path.equals("/api/v2/query/timeseries")
                && ex.getRequestMethod().equals("POST")) {
            List<String> queries = new ArrayList<>();
            JSON.readTree(body)
                    .path("data")
                    .path("attributes")
                    .path("queries")
                    .forEach(q -> queries.add(q.path("query").asText()));
            for (Object[] r : v2) {
                if (r[0].equals(queries)) {
                    send(ex, 200, (String) r[1], Map.of());
                    return;
                }
            }
            send(
                    ex,
                    200,
                    "{\"data\":{\"id\":\"0\",\"type\":\"timeseries_response\",\"attributes\":{\"series\":[],"
                            + "\"times\":[],\"values\":[]}}}",
                    Map.of());
        } else {
            send(ex, 404, "{\"errors\":[\"Not found\"]}", Map.of());
        }
    }

    private static String param(String rawQuery, String name) {
        for (String p : rawQuery.split("&")) {
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equals(name)) {
                return URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static byte[] gunzip(byte[] b) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
