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

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Recordings of {@code aws cloudwatch get-metric-data --output json}: replayed as a {@link MetricSource} that gives
 * the same series as the live API over the same data, and written from a live fetch so that any run can be replayed
 * offline (CI, bug reports).
 *
 * <p>A recording is a folder holding, per request, the response {@code get-metric-data[SUFFIX].json} (one page, or
 * several: the AWS CLI's merged output, or a JSON array of pages) beside the request that produced it:
 * {@code request[SUFFIX].json} ({@code StartTime}, {@code EndTime}, {@code MetricDataQueries}) or
 * {@code metric-data-queries[SUFFIX].json} (the {@code --metric-data-queries} array).
 *
 * <pre>{@code
 * try (CloudWatchRecording cw = CloudWatchRecording.open(Path.of("recordings/cloudwatch"))) {
 *     FetchResult r = cw.fetch(cw.defaultQueries(), run.window(), Duration.ofMinutes(1));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class CloudWatchRecording implements MetricSource {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter AWS_CLI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final Path dir;
    private final List<MetricDataQuery> recorded;
    private final Map<String, Map<String, CloudWatchResults.Points>> byId;
    private final List<String> messages;
    private final @Nullable TimeWindow window;

    private CloudWatchRecording(
            Path dir,
            List<MetricDataQuery> recorded,
            Map<String, Map<String, CloudWatchResults.Points>> byId,
            List<String> messages,
            @Nullable TimeWindow window) {
        this.dir = dir;
        this.recorded = recorded;
        this.byId = byId;
        this.messages = messages;
        this.window = window;
    }

    /**
     * Reads a recording folder; every file is read and checked here, so a broken recording fails now, not on the
     * first fetch.
     *
     * @param dir the folder holding {@code get-metric-data*.json} and, beside each, its {@code request*.json} or
     *     {@code metric-data-queries*.json}
     * @return the recording, replaying the queries it holds; {@link #close()} does nothing
     * @throws MetricSourceException (not retryable) naming the file and field when the folder cannot be listed,
     *     holds no {@code get-metric-data*.json}, a response lacks its request, or a file is not valid JSON of the
     *     expected shape
     */
    public static CloudWatchRecording open(Path dir) {
        List<Path> responses;
        try (Stream<Path> files = Files.list(dir)) {
            responses = files.filter(f -> f.getFileName().toString().matches("get-metric-data.*\\.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MetricSourceException("cloudwatch", false, "cannot read the recording folder " + dir + ": " + e);
        }
        if (responses.isEmpty()) {
            throw new MetricSourceException(
                    "cloudwatch", false, dir + " holds no get-metric-data*.json: not a CloudWatch recording");
        }
        Map<String, MetricDataQuery> queries = new LinkedHashMap<>();
        Map<String, Map<String, CloudWatchResults.Points>> byId = new LinkedHashMap<>();
        List<String> messages = new ArrayList<>();
        TimeWindow window = null;
        for (Path response : responses) {
            String suffix = response.getFileName()
                    .toString()
                    .replaceFirst("^get-metric-data", "")
                    .replaceFirst("\\.json$", "");
            Path request = dir.resolve("request" + suffix + ".json");
            Path bare = dir.resolve("metric-data-queries" + suffix + ".json");
            JsonNode queryArray;
            Path queryFile;
            if (Files.exists(request)) {
                queryFile = request;
                JsonNode r = read(request);
                if (!r.isObject()) {
                    throw new MetricSourceException(
                            "cloudwatch",
                            false,
                            request + ": must be a JSON object with"
                                    + " StartTime, EndTime and MetricDataQueries, but is " + type(r));
                }
                queryArray = r.path("MetricDataQueries");
                Instant start = time(request, "StartTime", r.path("StartTime"));
                Instant end = time(request, "EndTime", r.path("EndTime"));
                if (end.isBefore(start)) {
                    throw new MetricSourceException(
                            "cloudwatch", false, request + ": EndTime " + end + " lies before StartTime " + start);
                }
                TimeWindow w = new TimeWindow(start, end);
                window = window == null ? w : window.span(w);
            } else if (Files.exists(bare)) {
                queryFile = bare;
                queryArray = read(bare);
            } else {
                throw new MetricSourceException(
                        "cloudwatch",
                        false,
                        response + " has no request beside it: expected " + request.getFileName() + " or "
                                + bare.getFileName());
            }
            if (!queryArray.isArray()) {
                throw new MetricSourceException(
                        "cloudwatch", false, queryFile + ": MetricDataQueries must be an array");
            }
            for (int i = 0; i < queryArray.size(); i++) {
                MetricDataQuery mdq = query(queryFile, "MetricDataQueries[" + i + "]", queryArray.get(i));
                queries.putIfAbsent(mdq.id(), mdq);
            }
            JsonNode body = read(response);
            List<JsonNode> pages = new ArrayList<>();
            if (body.isArray()) {
                body.forEach(pages::add);
            } else if (body.isObject()) {
                pages.add(body);
            } else {
                throw new MetricSourceException(
                        "cloudwatch",
                        false,
                        response + ": must be a get-metric-data response"
                                + " (a JSON object with MetricDataResults) or a list of them, but is " + type(body));
            }
            // one file is one request's pages, merged (the AWS CLI's output) or as a list: the last status counts
            Map<CloudWatchResults.Points, StatusCode> status = new LinkedHashMap<>();
            for (JsonNode page : pages) {
                CloudWatchResults.collect(page(response, page), byId, messages, status, UnaryOperator.identity());
            }
            CloudWatchResults.settle(status);
        }
        return new CloudWatchRecording(dir, List.copyOf(queries.values()), byId, messages, window);
    }

    /**
     * The window the recording's requests covered.
     *
     * @return the span from the earliest {@code StartTime} to the latest {@code EndTime} of the
     *     {@code request*.json} files; empty when the recording holds only {@code metric-data-queries*.json}
     */
    public Optional<TimeWindow> window() {
        return Optional.ofNullable(window);
    }

    /** 60 s, the resolution of the recordings made by {@link #record}. */
    @Override
    public Duration defaultStep() {
        return Duration.ofSeconds(60);
    }

    @Override
    public String type() {
        return "cloudwatch";
    }

    /** Every query of the recording, its signal inferred from the metric name and its period pinned. */
    @Override
    public List<MetricQuery> defaultQueries() {
        List<MetricQuery> out = new ArrayList<>();
        for (MetricDataQuery q : recorded) {
            if (Boolean.FALSE.equals(q.returnData())) {
                continue;
            }
            MetricQuery mq;
            if (q.metricStat() != null) {
                var m = q.metricStat().metric();
                Map<String, String> dims = new LinkedHashMap<>();
                for (Dimension d : m.dimensions()) {
                    dims.put(d.name(), d.value());
                }
                mq = CloudWatchSignals.infer(
                                q.id(),
                                m.namespace(),
                                m.metricName(),
                                dims,
                                q.metricStat().stat())
                        .orElseThrow();
                mq = mq.withHint("period", Integer.toString(q.metricStat().period()));
            } else {
                mq = new MetricQuery(
                        q.id(),
                        dev.plimsoll.source.Signal.CUSTOM,
                        "=" + q.expression(),
                        q.period() == null ? Map.of() : Map.of("period", Integer.toString(q.period())));
            }
            out.add(mq);
        }
        return out;
    }

    /**
     * Replays the recorded data of each query that matches a recorded one (same namespace, metric, dimensions and
     * statistic, or the same expression); a query the recording lacks gets a coverage that says so.
     */
    @Override
    public FetchResult fetch(List<MetricQuery> queries, TimeWindow window, Duration step) {
        List<CloudWatchMetricSource.Planned> planned = new ArrayList<>();
        List<String> notes = new ArrayList<>(messages);
        for (MetricQuery q : queries) {
            CloudWatchQueries.Parsed p = CloudWatchQueries.parse(q);
            MetricDataQuery match = null;
            for (MetricDataQuery r : recorded) {
                if (parsed(r).sameMetric(p)) {
                    match = r;
                    break;
                }
            }
            if (match == null) {
                notes.add("query '" + q.id() + "' (" + q.expression() + ") is not in the recording " + dir);
                planned.add(new CloudWatchMetricSource.Planned(q, p, "\u0000missing", 60, null));
                continue;
            }
            int period = match.metricStat() != null
                    ? match.metricStat().period()
                    : match.period() == null ? 60 : match.period();
            planned.add(new CloudWatchMetricSource.Planned(q, p, match.id(), period, match));
        }
        Map<String, Map<String, CloudWatchResults.Points>> inWindow = new LinkedHashMap<>();
        byId.forEach((id, labels) -> labels.forEach((label, pts) -> {
            CloudWatchResults.Points kept = new CloudWatchResults.Points(label);
            kept.partial = pts.partial;
            kept.messages.addAll(pts.messages);
            for (int i = 0; i < pts.times.size(); i++) {
                if (window.contains(pts.times.get(i))) {
                    kept.times.add(pts.times.get(i));
                    kept.values.add(pts.values.get(i));
                }
            }
            inWindow.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(label, kept);
        }));
        return withRecordedRanges(CloudWatchResults.assemble(planned, window, inWindow, notes), planned);
    }

    /**
     * Says, for a query with nothing in the window, which time its recording does hold: the user asked about another
     * time (a wrong run, or recordings of another run).
     */
    private FetchResult withRecordedRanges(FetchResult r, List<CloudWatchMetricSource.Planned> planned) {
        List<Coverage> coverage = new ArrayList<>();
        for (Coverage c : r.coverage()) {
            Instant first = null;
            Instant last = null;
            for (CloudWatchMetricSource.Planned p : planned) {
                if (!p.query().id().equals(c.queryId())) {
                    continue;
                }
                for (CloudWatchResults.Points pts :
                        byId.getOrDefault(p.cwId(), Map.of()).values()) {
                    for (Instant t : pts.times) {
                        first = first == null || t.isBefore(first) ? t : first;
                        last = last == null || t.isAfter(last) ? t : last;
                    }
                }
            }
            coverage.add(
                    c.present() == 0 && first != null && last != null
                            ? c.withMessage("the recording " + dir + " holds " + first + " → " + last)
                            : c);
        }
        return new FetchResult(r.series(), coverage, r.messages());
    }

    private static CloudWatchQueries.Parsed parsed(MetricDataQuery r) {
        if (r.metricStat() == null) {
            return new CloudWatchQueries.Parsed(null, null, Map.of(), null, r.expression());
        }
        Map<String, String> dims = new LinkedHashMap<>();
        r.metricStat().metric().dimensions().forEach(d -> dims.put(d.name(), d.value()));
        return new CloudWatchQueries.Parsed(
                r.metricStat().metric().namespace(),
                r.metricStat().metric().metricName(),
                dims,
                r.metricStat().stat(),
                null);
    }

    /**
     * Fetches live and writes the exchange as a recording ({@code request[-N].json},
     * {@code metric-data-queries[-N].json}, {@code get-metric-data[-N].json} per request) that {@link #open} replays.
     * What the server said in words (labels, messages) goes through the source's redaction, so an echoed credential is not
     * written.
     *
     * @param source the live source to fetch from
     * @param queries what to fetch, as for {@link MetricSource#fetch}
     * @param window the time range, half-open
     * @param step the resolution wanted, as for {@link MetricSource#fetch}
     * @param dir the folder to write into, created if missing; files of the same names are overwritten
     * @return what the live fetch returned, as {@code source.fetch(queries, window, step)} would
     * @throws MetricSourceException when the live fetch is refused outright (a bad request, refused credentials);
     *     nothing is written then. A request that failed after its retries is written as far as it came, and named
     *     in the result's coverage.
     * @throws UncheckedIOException when the folder cannot be created or a file cannot be written
     */
    public static FetchResult record(
            CloudWatchMetricSource source, List<MetricQuery> queries, TimeWindow window, Duration step, Path dir) {
        CloudWatchMetricSource.Exchange exchange = source.exchange(queries, window, step);
        try {
            Files.createDirectories(dir);
            int n = 0;
            for (CloudWatchMetricSource.Call call : exchange.calls()) {
                String suffix = n++ == 0 ? "" : "-" + n;
                ArrayNode queryArray = JSON.createArrayNode();
                call.request().metricDataQueries().forEach(q -> queryArray.add(toJson(q)));
                ObjectNode request = JSON.createObjectNode();
                request.put(
                        "cli",
                        "aws cloudwatch get-metric-data --metric-data-queries file://metric-data-queries"
                                + suffix + ".json --start-time "
                                + awsTime(call.request().startTime()) + " --end-time "
                                + awsTime(call.request().endTime()) + " --scan-by TimestampAscending --output json");
                request.put("StartTime", call.request().startTime().toString());
                request.put("EndTime", call.request().endTime().toString());
                request.put("ScanBy", "TimestampAscending");
                request.set("MetricDataQueries", queryArray);
                JSON.writeValue(dir.resolve("request" + suffix + ".json").toFile(), request);
                JSON.writeValue(
                        dir.resolve("metric-data-queries" + suffix + ".json").toFile(), queryArray);
                ObjectNode response = JSON.createObjectNode();
                ArrayNode results = response.putArray("MetricDataResults");
                ArrayNode messages = response.putArray("Messages");
                for (GetMetricDataResponse page : call.pages()) {
                    // what the server said goes through the source's redaction: an echoed credential is not kept
                    page.metricDataResults().forEach(r -> results.add(toJson(r, source::redact)));
                    page.messages().forEach(m -> messages.add(toJson(m, source::redact)));
                }
                JSON.writeValue(
                        dir.resolve("get-metric-data" + suffix + ".json").toFile(), response);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording to " + dir, e);
        }
        return exchange.result();
    }

    private static String awsTime(Instant t) {
        return AWS_CLI_TIME.format(OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    private static ObjectNode toJson(MetricDataQuery q) {
        ObjectNode o = JSON.createObjectNode();
        o.put("Id", q.id());
        if (q.metricStat() != null) {
            ObjectNode ms = o.putObject("MetricStat");
            ObjectNode m = ms.putObject("Metric");
            m.put("Namespace", q.metricStat().metric().namespace());
            m.put("MetricName", q.metricStat().metric().metricName());
            ArrayNode dims = m.putArray("Dimensions");
            q.metricStat()
                    .metric()
                    .dimensions()
                    .forEach(d -> dims.addObject().put("Name", d.name()).put("Value", d.value()));
            ms.put("Period", q.metricStat().period());
            ms.put("Stat", q.metricStat().stat());
        } else {
            o.put("Expression", q.expression());
            if (q.period() != null) {
                o.put("Period", q.period());
            }
        }
        o.put("ReturnData", q.returnData() == null || q.returnData());
        return o;
    }

    private static ObjectNode toJson(MetricDataResult r, UnaryOperator<String> redact) {
        ObjectNode o = JSON.createObjectNode();
        o.put("Id", r.id());
        o.put("Label", r.label() == null ? null : redact.apply(r.label()));
        ArrayNode ts = o.putArray("Timestamps");
        r.timestamps().forEach(t -> ts.add(awsTime(t)));
        ArrayNode vs = o.putArray("Values");
        r.values().forEach(vs::add);
        o.put("StatusCode", r.statusCodeAsString());
        if (!r.messages().isEmpty()) {
            ArrayNode ms = o.putArray("Messages");
            r.messages().forEach(m -> ms.add(toJson(m, redact)));
        }
        return o;
    }

    private static ObjectNode toJson(MessageData m, UnaryOperator<String> redact) {
        ObjectNode o = JSON.createObjectNode();
        o.put("Code", m.code());
        o.put("Value", m.value() == null ? null : redact.apply(m.value()));
        return o;
    }

    private static JsonNode read(Path file) {
        if (Files.isDirectory(file)) {
            throw new MetricSourceException("cloudwatch", false, file + " is a directory, not a recorded JSON file");
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || n.isMissingNode()) {
                throw new MetricSourceException("cloudwatch", false, file + " is empty: expected JSON");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new MetricSourceException(
                    "cloudwatch", false, file + JsonErrors.where(e) + " is not valid JSON: " + JsonErrors.problem(e));
        } catch (IOException e) {
            throw new MetricSourceException(
                    "cloudwatch", false, file + " cannot be read: " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    /** A parser's message as one short line, without Java class names. */
    static String oneLine(String message) {
        String m = message.replaceAll("\\s*\\R\\s*", " ")
                .replaceAll("\\b[a-z]+(\\.[a-z]+)+\\.([A-Z]\\w*)(Exception|Error):?", "")
                .strip();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    /** A JSON value's type, with the value when it is short, for messages. */
    static String type(JsonNode n) {
        if (n.isNull()) {
            return "null";
        }
        String t = n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        String text = n.toString();
        return n.isValueNode() && text.length() <= 40 ? t + " " + text : t;
    }

    private static Instant time(Path file, String field, JsonNode n) {
        if (!n.isTextual()) {
            throw new MetricSourceException("cloudwatch", false, file + ": " + field + " must be an ISO-8601 time");
        }
        try {
            return OffsetDateTime.parse(n.asText().replace("Z", "+00:00")).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(n.asText());
            } catch (DateTimeParseException e2) {
                String v = n.asText();
                throw new MetricSourceException(
                        "cloudwatch",
                        false,
                        file + ": " + field + " must be an ISO-8601 time, but was '"
                                + (v.length() > 60 ? v.substring(0, 60) + "…" : v) + "'");
            }
        }
    }

    private static MetricDataQuery query(Path file, String where, JsonNode q) {
        if (!q.isObject()) {
            throw new MetricSourceException(
                    "cloudwatch", false, file + ": " + where + " must be an object, but is " + type(q));
        }
        String id = text(file, where + ".Id", q.path("Id"));
        where = "query " + id;
        MetricDataQuery.Builder b = MetricDataQuery.builder().id(id);
        if (q.has("ReturnData")) {
            if (!q.path("ReturnData").isBoolean()) {
                throw new MetricSourceException(
                        "cloudwatch",
                        false,
                        file + ": " + where + ": ReturnData must be true or false, but is "
                                + type(q.path("ReturnData")));
            }
            b.returnData(q.path("ReturnData").asBoolean());
        }
        if (q.has("Expression")) {
            b.expression(text(file, where + ": Expression", q.path("Expression")));
            if (q.has("Period")) {
                b.period(period(file, where, q.path("Period")));
            }
            return b.build();
        }
        JsonNode ms = q.path("MetricStat");
        JsonNode m = ms.path("Metric");
        if (!m.path("MetricName").isTextual()
                || !ms.path("Stat").isTextual()
                || ms.path("Period").isMissingNode()) {
            throw new MetricSourceException(
                    "cloudwatch",
                    false,
                    file + ": " + where
                            + " needs MetricStat.Metric.MetricName, MetricStat.Stat and MetricStat.Period, or an Expression");
        }
        String namespace = text(file, where + ": MetricStat.Metric.Namespace", m.path("Namespace"));
        String metricName = text(file, where + ": MetricStat.Metric.MetricName", m.path("MetricName"));
        String stat = text(file, where + ": MetricStat.Stat", ms.path("Stat"));
        int period = period(file, where, ms.path("Period"));
        JsonNode dimensions = m.path("Dimensions");
        if (!dimensions.isMissingNode() && !dimensions.isArray()) {
            throw new MetricSourceException(
                    "cloudwatch",
                    false,
                    file + ": " + where + ": MetricStat.Metric.Dimensions must be a list, but is " + type(dimensions));
        }
        List<Dimension> dims = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            JsonNode d = dimensions.get(i);
            String at = where + ": MetricStat.Metric.Dimensions[" + i + "]";
            dims.add(Dimension.builder()
                    .name(text(file, at + ".Name", d.path("Name")))
                    .value(text(file, at + ".Value", d.path("Value")))
                    .build());
        }
        return b.metricStat(s -> s.metric(x ->
                                x.namespace(namespace).metricName(metricName).dimensions(dims))
                        .period(period)
                        .stat(stat))
                .build();
    }

    /** A non-blank text field. */
    private static String text(Path file, String field, JsonNode n) {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new MetricSourceException(
                    "cloudwatch",
                    false,
                    file + ": " + field + " must be a non-blank text," + " but is "
                            + (n.isMissingNode() ? "missing" : type(n)));
        }
        return n.asText();
    }

    /** The longest period a query may have: a year, in seconds (CloudWatch's are 1, 5, 10, 30 or multiples of 60). */
    private static final int MAX_PERIOD = 31_536_000;

    private static int period(Path file, String where, JsonNode n) {
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1 || n.asInt() > MAX_PERIOD) {
            throw new MetricSourceException(
                    "cloudwatch",
                    false,
                    file + ": " + where
                            + ": Period must be a whole number of seconds from 1 to " + MAX_PERIOD + ", but is "
                            + (n.isMissingNode() ? "missing" : type(n)));
        }
        return n.asInt();
    }

    private static GetMetricDataResponse page(Path file, JsonNode page) {
        if (!page.isObject()) {
            throw new MetricSourceException(
                    "cloudwatch", false, file + ": a page must be an object, but is " + type(page));
        }
        JsonNode results = page.path("MetricDataResults");
        if (!results.isArray()) {
            throw new MetricSourceException("cloudwatch", false, file + ": MetricDataResults must be an array");
        }
        List<MetricDataResult> out = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            JsonNode r = results.get(k);
            if (!r.isObject()) {
                throw new MetricSourceException(
                        "cloudwatch",
                        false,
                        file + ": MetricDataResults[" + k + "] must be an object, but is " + type(r));
            }
            String id = text(file, "MetricDataResults[" + k + "].Id", r.path("Id"));
            String where = "MetricDataResults[" + id + "]";
            JsonNode ts = r.path("Timestamps");
            JsonNode vs = r.path("Values");
            if (!(ts.isArray() || ts.isMissingNode()) || !(vs.isArray() || vs.isMissingNode())) {
                throw new MetricSourceException(
                        "cloudwatch",
                        false,
                        file + ": " + where + ": Timestamps and Values must be lists, but are " + type(ts) + " and "
                                + type(vs));
            }
            if (ts.size() != vs.size()) {
                throw new MetricSourceException(
                        "cloudwatch",
                        false,
                        file + ": " + where + " has " + ts.size() + " Timestamps but " + vs.size() + " Values");
            }
            List<Instant> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < ts.size(); i++) {
                times.add(time(file, where + ".Timestamps[" + i + "]", ts.get(i)));
                JsonNode v = vs.get(i);
                // a value of another type is damage, never a 0 (a scaling finding would vanish)
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw new MetricSourceException(
                            "cloudwatch",
                            false,
                            file + ": " + where + ".Values[" + i + "] must be a finite number, but is " + type(v));
                }
                values.add(v.asDouble());
            }
            out.add(MetricDataResult.builder()
                    .id(id)
                    .label(optionalText(file, where + ".Label", r.path("Label"), ""))
                    .timestamps(times)
                    .values(values)
                    .statusCode(optionalText(file, where + ".StatusCode", r.path("StatusCode"), "Complete"))
                    .messages(messages(file, where + ".Messages", r.path("Messages")))
                    .build());
        }
        return GetMetricDataResponse.builder()
                .metricDataResults(out)
                .messages(messages(file, "Messages", page.path("Messages")))
                .build();
    }

    private static String optionalText(Path file, String field, JsonNode n, String otherwise) {
        if (n.isMissingNode() || n.isNull()) {
            return otherwise;
        }
        if (!n.isTextual()) {
            throw new MetricSourceException(
                    "cloudwatch", false, file + ": " + field + " must be a text, but is " + type(n));
        }
        return n.asText();
    }

    private static List<MessageData> messages(Path file, String field, JsonNode n) {
        List<MessageData> out = new ArrayList<>();
        if (n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new MetricSourceException(
                    "cloudwatch", false, file + ": " + field + " must be a list, but is " + type(n));
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode m = n.get(i);
            out.add(MessageData.builder()
                    .code(optionalText(file, field + "[" + i + "].Code", m.path("Code"), ""))
                    .value(optionalText(file, field + "[" + i + "].Value", m.path("Value"), ""))
                    .build());
        }
        return out;
    }
}
