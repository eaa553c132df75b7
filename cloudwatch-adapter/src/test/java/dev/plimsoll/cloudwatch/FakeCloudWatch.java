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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A CloudWatch endpoint on 127.0.0.1 that speaks the wire protocol of AWS SDK 2.38: AWS Query (form-encoded
 * {@code POST /}, {@code Action=GetMetricData&Version=2010-08-01}) answered with {@code GetMetricDataResponse} XML,
 * errors as {@code ErrorResponse} XML. Anything else — e.g. the Smithy RPC v2 CBOR the SDK uses from 2.40.6 — is
 * recorded as a protocol violation and answered 400, so a silent protocol change fails the tests.
 *
 * <p>Serves a recording's data ({@code request.json} + {@code get-metric-data.json} beside it) by metric identity,
 * filtered to the request's window, optionally split into pages with {@code NextToken}.
 */
final class FakeCloudWatch implements AutoCloseable {
    static final String NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private static final Pattern CLOUDWATCH_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");
    private final HttpServer server;
    /** Recorded series by metric identity ("Namespace|MetricName|sorted dims|Stat"). */
    private final Map<String, List<Object[]>> data = new LinkedHashMap<>();

    final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    /** Canned replies consumed before normal answers: status + XML body. */
    final Deque<Object[]> canned = new ArrayDeque<>();

    volatile int pageSize = Integer.MAX_VALUE;
    volatile String partialId = null;
    final AtomicInteger calls = new AtomicInteger();

    FakeCloudWatch() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Loads a recording folder's data. */
    FakeCloudWatch serve(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode request = json.readTree(dir.resolve("request.json").toFile());
        JsonNode response = json.readTree(dir.resolve("get-metric-data.json").toFile());
        Map<String, String> keyById = new TreeMap<>();
        for (JsonNode q : request.path("MetricDataQueries")) {
            JsonNode ms = q.path("MetricStat");
            Map<String, String> dims = new TreeMap<>();
            ms.path("Metric")
                    .path("Dimensions")
                    .forEach(d ->
                            dims.put(d.path("Name").asText(), d.path("Value").asText()));
            keyById.put(
                    q.path("Id").asText(),
                    key(
                            ms.path("Metric").path("Namespace").asText(),
                            ms.path("Metric").path("MetricName").asText(),
                            dims,
                            ms.path("Stat").asText()));
        }
        for (JsonNode r : response.path("MetricDataResults")) {
            List<Object[]> points = new ArrayList<>();
            for (int i = 0; i < r.path("Timestamps").size(); i++) {
                points.add(new Object[] {
                    OffsetDateTime.parse(r.path("Timestamps").get(i).asText()).toInstant(),
                    r.path("Values").get(i).asDouble()
                });
            }
            data.put(keyById.get(r.path("Id").asText()), points);
        }
        return this;
    }

    static String key(String namespace, String metric, Map<String, String> dims, String stat) {
        return namespace + "|" + metric + "|" + new TreeMap<>(dims) + "|" + stat;
    }

    void reply(int status, String xml) {
        canned.add(new Object[] {status, xml});
    }

    static String error(String type, String code, String message) {
        return "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>req-err-1</RequestId></ErrorResponse>";
    }

    private void handle(HttpExchange ex) throws IOException {
        calls.incrementAndGet();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        Map<String, String> form = parseForm(body);
        if (!"POST".equals(ex.getRequestMethod())
                || contentType == null
                || !contentType.startsWith("application/x-www-form-urlencoded")
                || !"GetMetricData".equals(form.get("Action"))
                || !"2010-08-01".equals(form.get("Version"))) {
            violations.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " Content-Type=" + contentType
                    + " smithy-protocol=" + ex.getRequestHeaders().getFirst("smithy-protocol") + " body[0..80]="
                    + body.substring(0, Math.min(80, body.length())));
            send(ex, 400, error("Sender", "InvalidAction", "not an AWS Query GetMetricData request"));
            return;
        }
        requests.add(form);
        Object[] c = canned.poll();
        if (c != null) {
            send(ex, (Integer) c[0], (String) c[1]);
            return;
        }
        send(ex, 200, answer(form));
    }

    private String answer(Map<String, String> form) {
        Instant start = Instant.parse(form.get("StartTime"));
        Instant end = Instant.parse(form.get("EndTime"));
        int offset = form.containsKey("NextToken") ? Integer.parseInt(form.get("NextToken")) : 0;
        List<String> members = new ArrayList<>();
        for (int i = 1; form.containsKey("MetricDataQueries.member." + i + ".Id"); i++) {
            String p = "MetricDataQueries.member." + i + ".";
            String id = form.get(p + "Id");
            if (!CLOUDWATCH_ID.matcher(id).matches()) {
                return null;
            }
            Map<String, String> dims = new TreeMap<>();
            for (int d = 1; form.containsKey(p + "MetricStat.Metric.Dimensions.member." + d + ".Name"); d++) {
                dims.put(
                        form.get(p + "MetricStat.Metric.Dimensions.member." + d + ".Name"),
                        form.get(p + "MetricStat.Metric.Dimensions.member." + d + ".Value"));
            }
            String k = key(
                    form.get(p + "MetricStat.Metric.Namespace"),
                    form.get(p + "MetricStat.Metric.MetricName"),
                    dims,
                    form.get(p + "MetricStat.Stat"));
            List<Object[]> points = new ArrayList<>();
            for (Object[] pt : data.getOrDefault(k, List.of())) {
                Instant t = (Instant) pt[0];
                if (!t.isBefore(start) && t.isBefore(end)) {
                    points.add(pt);
                }
            }
            // CloudWatch's default order is TimestampDescending; honour ScanBy
            if (!"TimestampAscending".equals(form.get("ScanBy"))) {
                Collections.reverse(points);
            }
            List<Object[]> page =
                    points.subList(Math.min(offset, points.size()), Math.min(points.size(), offset + pageSize));
            StringBuilder m = new StringBuilder("<member><Id>")
                    .append(id)
                    .append("</Id><Label>")
                    .append(form.get(p + "MetricStat.Metric.MetricName"))
                    .append("</Label><Timestamps>");
            page.forEach(pt -> m.append("<member>").append(pt[0]).append("</member>"));
            m.append("</Timestamps><Values>");
            page.forEach(pt -> m.append("<member>").append(pt[1]).append("</member>"));
            boolean partial = id.equals(partialId);
            m.append("</Values><StatusCode>")
                    .append(partial ? "PartialData" : "Complete")
                    .append("</StatusCode>");
            if (partial) {
                m.append("<Messages><member><Code>MaxDatapointsExceeded</Code><Value>The maximum datapoints limit was"
                        + " exceeded</Value></member></Messages>");
            }
            members.add(m.append("</member>").toString());
        }
        int longest = data.values().stream().mapToInt(List::size).max().orElse(0);
        String next = offset + pageSize < longest ? "<NextToken>" + (offset + pageSize) + "</NextToken>" : "";
        return "<GetMetricDataResponse xmlns=\"" + NS + "\"><GetMetricDataResult><MetricDataResults>"
                + String.join("", members) + "</MetricDataResults>" + next + "<Messages/></GetMetricDataResult>"
                + "<ResponseMetadata><RequestId>req-" + calls.get() + "</RequestId></ResponseMetadata>"
                + "</GetMetricDataResponse>";
    }

    private static void send(HttpExchange ex, int status, String xml) throws IOException {
        if (xml == null) {
            status = 400;
            xml = error(
                    "Sender",
                    "InvalidParameterValue",
                    "The value for parameter MetricDataQueries.member.1.Id does"
                            + " not match the pattern [a-z][a-zA-Z0-9_]*");
        }
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/xml");
        ex.getResponseHeaders().add("x-amzn-RequestId", "req-" + status);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            Function<String, String> dec = s -> URLDecoder.decode(s, StandardCharsets.UTF_8);
            m.put(dec.apply(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : dec.apply(pair.substring(eq + 1)));
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
