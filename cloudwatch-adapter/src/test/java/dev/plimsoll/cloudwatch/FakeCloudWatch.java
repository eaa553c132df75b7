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
import dev.plimsoll.test.Fault;
import dev.plimsoll.test.LoopbackHttpServer;
import dev.plimsoll.test.LoopbackHttpServer.Request;
import dev.plimsoll.test.LoopbackHttpServer.Response;
import dev.plimsoll.test.Scenario;
import dev.plimsoll.test.ServedPoint;
import dev.plimsoll.test.ServedSeries;
import java.io.IOException;
import java.net.URI;
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
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A CloudWatch endpoint on 127.0.0.1 that speaks the wire protocol of AWS SDK 2.38: AWS Query (form-encoded
 * {@code POST /}, {@code Action=GetMetricData&Version=2010-08-01}) answered with {@code GetMetricDataResponse} XML,
 * errors as {@code ErrorResponse} XML. Anything else — e.g. the Smithy RPC v2 CBOR the SDK uses from 2.40.6 — is
 * recorded as a protocol violation and answered 400, so a silent protocol change fails the tests.
 *
 * <p>Serves a recording's data ({@code request.json} + {@code get-metric-data.json} beside it) or a compatibility-kit
 * {@link Scenario} by metric identity, filtered to the request's window, in the order given (reversed unless the
 * request asks for {@code TimestampAscending}), optionally split into pages with {@code NextToken}. Misbehaviours on
 * demand: a {@code NextToken} that repeats, empty pages, {@code PartialData} or {@code InternalError} statuses,
 * timestamps and values of different lengths; the compatibility kit's faults in CloudWatch's own error format.
 */
final class FakeCloudWatch implements LoopbackHttpServer.Handler, AutoCloseable {
    static final String NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    /** The namespace and metric of the compatibility kit's queries: one series per {@code Query} dimension. */
    static final String KIT_NAMESPACE = "Plimsoll/Kit";

    static final String KIT_METRIC = "kit_value";
    /** GetMetricData's limit on MetricDataQuery structures per call (API reference). */
    static final int MAX_QUERIES = 500;

    private static final Pattern CLOUDWATCH_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");
    private final LoopbackHttpServer server;
    /** Served series by metric identity ("Namespace|MetricName|sorted dims|Stat"), points in the order served. */
    private final Map<String, List<Pt>> data = new LinkedHashMap<>();

    /** A served point with its XML rendered once (answers to a week of minutes stay fast when the JVM is cold). */
    private record Pt(Instant time, String timeXml, String valueXml) {
        Pt(Instant time, double value) {
            this(time, "<member>" + time + "</member>", "<member>" + value + "</member>");
        }
    }

    final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    /** Canned replies consumed before normal answers: status + XML body. */
    final Deque<Object[]> canned = new ArrayDeque<>();

    volatile int pageSize = Integer.MAX_VALUE;
    volatile String partialId = null;
    /** PartialData on every page that has a NextToken, Complete on the last: how CloudWatch paginates. */
    volatile boolean partialWhilePaging;

    volatile String internalErrorId = null;
    /** One value fewer than timestamps for this id. */
    volatile String shortValuesId = null;
    /** Every page answers with the same NextToken (a server that loops). */
    volatile boolean repeatToken;
    /** Pages without datapoints served (each with a fresh NextToken) before the data. */
    volatile int emptyPagesFirst;

    final AtomicInteger calls = new AtomicInteger();

    /** A fake on its own loopback server (the adapter's own tests). */
    FakeCloudWatch() {
        this.server = LoopbackHttpServer.start(this);
    }

    private FakeCloudWatch(boolean unused) {
        this.server = null;
    }

    /** A fake without a server of its own: the compatibility kit runs it on one. */
    static FakeCloudWatch handler() {
        return new FakeCloudWatch(false);
    }

    URI endpoint() {
        return server().uri();
    }

    LoopbackHttpServer server() {
        return Objects.requireNonNull(server, "this fake runs on the kit's server");
    }

    /** The expression of the kit's query for a served series. */
    static String kitExpression(String id) {
        return KIT_NAMESPACE + " " + KIT_METRIC + "{Query=" + id + "} Average";
    }

    /** Serves a compatibility-kit scenario: each series under {@link #kitExpression}, in the order given. */
    FakeCloudWatch serve(Scenario scenario) {
        for (ServedSeries s : scenario.series()) {
            List<Pt> points = new ArrayList<>();
            for (ServedPoint p : s.points()) {
                points.add(new Pt(p.time(), p.value()));
            }
            data.put(key(KIT_NAMESPACE, KIT_METRIC, Map.of("Query", s.id()), "Average"), points);
        }
        pageSize = scenario.pageSize();
        return this;
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
            List<Pt> points = new ArrayList<>();
            for (int i = 0; i < r.path("Timestamps").size(); i++) {
                points.add(new Pt(
                        OffsetDateTime.parse(r.path("Timestamps").get(i).asText())
                                .toInstant(),
                        r.path("Values").get(i).asDouble()));
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

    @Override
    public Response handle(Request r) {
        calls.incrementAndGet();
        String body = r.bodyText();
        String contentType = r.header("content-type");
        authorizations.add(String.valueOf(r.header("authorization")));
        Map<String, String> form = Request.formParameters(body);
        if (!"POST".equals(r.method())
                || contentType == null
                || !contentType.startsWith("application/x-www-form-urlencoded")
                || !"GetMetricData".equals(form.get("Action"))
                || !"2010-08-01".equals(form.get("Version"))) {
            violations.add(r.method() + " " + r.target() + " Content-Type=" + contentType + " smithy-protocol="
                    + r.header("smithy-protocol") + " body[0..80]=" + body.substring(0, Math.min(80, body.length())));
            return xml(400, error("Sender", "InvalidAction", "not an AWS Query GetMetricData request"));
        }
        requests.add(form);
        Object[] c = canned.poll();
        if (c != null) {
            return xml((Integer) c[0], (String) c[1]);
        }
        return answer(form);
    }

    /** The compatibility kit's protocol-level faults, as CloudWatch answers them. */
    @Override
    public Response fault(Fault fault, Request r) {
        calls.incrementAndGet();
        return switch (fault) {
            case THROTTLED -> xml(400, error("Sender", "Throttling", "Rate exceeded"));
            case SERVER_ERROR ->
                xml(
                        500,
                        error(
                                "Receiver",
                                "InternalFailure",
                                "The request processing has failed because of an unknown error, exception or failure."));
            // what AWS answers a signature it cannot verify: the canonical request, security token included
            case FORBIDDEN ->
                xml(
                        403,
                        error(
                                "Sender",
                                "SignatureDoesNotMatch",
                                "The request signature we calculated does not match the signature you provided. The"
                                        + " Canonical String for this request should have been 'POST\n/\n\ncontent-type:"
                                        + r.header("content-type") + "\nhost:" + r.header("host") + "\nx-amz-date:"
                                        + r.header("x-amz-date") + "\nx-amz-security-token:"
                                        + r.header("x-amz-security-token") + "\n' (Authorization: "
                                        + r.header("authorization") + ")"));
            default -> throw new IllegalArgumentException("not a protocol-level fault: " + fault);
        };
    }

    private Response answer(Map<String, String> form) {
        Instant start = Instant.parse(form.get("StartTime"));
        Instant end = Instant.parse(form.get("EndTime"));
        String token = form.get("NextToken");
        int members = 0;
        while (form.containsKey("MetricDataQueries.member." + (members + 1) + ".Id")) {
            members++;
        }
        if (members > MAX_QUERIES) {
            violations.add("GetMetricData with " + members + " queries");
            return xml(
                    400,
                    error(
                            "Sender",
                            "InvalidParameterValue",
                            "The collection MetricDataQueries must not have a size greater than 500."));
        }
        if (token != null && token.startsWith("empty-")) {
            int n = Integer.parseInt(token.substring("empty-".length()));
            return xml(200, page(form, members, start, end, 0, 0, n + 1 < emptyPagesFirst ? "empty-" + (n + 1) : "0"));
        }
        if (token == null && emptyPagesFirst > 0) {
            return xml(200, page(form, members, start, end, 0, 0, emptyPagesFirst > 1 ? "empty-1" : "0"));
        }
        int offset = token == null || token.equals("loop") ? 0 : Integer.parseInt(token);
        return xml(200, page(form, members, start, end, offset, pageSize, null));
    }

    /** One page: for each query, its points in [start, end) from {@code offset}, at most {@code size}. */
    private String page(
            Map<String, String> form, int members, Instant start, Instant end, int offset, int size, String next) {
        List<String> out = new ArrayList<>();
        int longest = 0;
        for (int i = 1; i <= members; i++) {
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
            List<Pt> points = new ArrayList<>();
            for (Pt pt : data.getOrDefault(k, List.of())) {
                if (!pt.time().isBefore(start) && pt.time().isBefore(end)) {
                    points.add(pt);
                }
            }
            // CloudWatch's default order is TimestampDescending; honour ScanBy
            if (!"TimestampAscending".equals(form.get("ScanBy"))) {
                Collections.reverse(points);
            }
            longest = Math.max(longest, points.size());
            List<Pt> page = points.subList(Math.min(offset, points.size()), Math.min(points.size(), offset + size));
            StringBuilder m = new StringBuilder("<member><Id>")
                    .append(id)
                    .append("</Id><Label>")
                    .append(form.get(p + "MetricStat.Metric.MetricName"))
                    .append("</Label><Timestamps>");
            page.forEach(pt -> m.append(pt.timeXml()));
            m.append("</Timestamps><Values>");
            List<Pt> values = id.equals(shortValuesId) && !page.isEmpty() ? page.subList(0, page.size() - 1) : page;
            values.forEach(pt -> m.append(pt.valueXml()));
            out.add(m.append("</Values>").toString());
        }
        String nextToken = next != null
                ? next
                : repeatToken ? "loop" : offset + size < longest ? Integer.toString(offset + size) : null;
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            String id = form.get("MetricDataQueries.member." + (i + 1) + ".Id");
            boolean partial = id.equals(partialId) || (partialWhilePaging && nextToken != null);
            boolean internal = id.equals(internalErrorId) && nextToken == null;
            results.append(out.get(i))
                    .append("<StatusCode>")
                    .append(internal ? "InternalError" : partial ? "PartialData" : "Complete")
                    .append("</StatusCode>");
            if (id.equals(partialId)) {
                results.append("<Messages><member><Code>MaxDatapointsExceeded</Code><Value>The maximum datapoints"
                        + " limit was exceeded</Value></member></Messages>");
            }
            results.append("</member>");
        }
        return "<GetMetricDataResponse xmlns=\"" + NS + "\"><GetMetricDataResult><MetricDataResults>" + results
                + "</MetricDataResults>" + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
                + "<Messages/></GetMetricDataResult><ResponseMetadata><RequestId>req-" + calls.get()
                + "</RequestId></ResponseMetadata></GetMetricDataResponse>";
    }

    private static Response xml(int status, String xml) {
        if (xml == null) {
            status = 400;
            xml = error(
                    "Sender",
                    "InvalidParameterValue",
                    "The value for parameter MetricDataQueries.member.1.Id does"
                            + " not match the pattern [a-z][a-zA-Z0-9_]*");
        }
        return Response.of(status, "text/xml", xml).withHeader("x-amzn-RequestId", "req-" + status);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
