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
package dev.plimsoll.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSourceException;
import dev.plimsoll.source.Retry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A reference adapter for the kit's own tests, over a small JSON protocol ({@link AcmeBackend}): {@code GET
 * /series?ids=a,b&from=…&to=…&step=…} with an {@code X-Acme-Key} header, at most {@value #MAX_QUERIES} queries and
 * {@value #MAX_POINTS} points per series per request; 429 with {@code retry_after_ms}, 5xx, 403. It keeps the
 * contract unless told to break one rule ({@link Defect}), which is how the kit's self-test shows that each check can
 * fail.
 */
final class AcmeMetricSource implements MetricSource {
    static final int MAX_QUERIES = 5;
    static final int MAX_POINTS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One rule the source breaks. */
    enum Defect {
        /** Only the points with a value, not the window's grid with NaN gaps. */
        NO_GRID,
        /** Counts the backend's null values as present. */
        NULLS_PRESENT,
        /** Quotes the key it sent in its error messages. */
        LEAKS_KEY,
        /** One attempt per request. */
        NO_RETRY,
        /** Lets the HTTP client's IOException out as an UncheckedIOException. */
        RAW_EXCEPTION,
        /** Throws on a failed request even after others returned points. */
        DROPS_ON_FAILURE,
        /** One request for the whole window and every query. */
        NO_SPLIT,
        /** {@code type()} in upper case. */
        UPPER_CASE_TYPE
    }

    private final URI endpoint;
    private final String key;
    private final Duration timeout;
    private final Set<Defect> defects;
    private final Retry retry;
    private final HttpClient http;

    AcmeMetricSource(URI endpoint, String key, int maxAttempts, Duration timeout, Set<Defect> defects) {
        this.endpoint = endpoint;
        this.key = key;
        this.timeout = timeout;
        this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
        this.retry = Retry.builder(type())
                .maxAttempts(this.defects.contains(Defect.NO_RETRY) ? 1 : maxAttempts)
                .backoff(Duration.ofMillis(2), Duration.ofMillis(10))
                .redactor(t -> this.defects.contains(Defect.LEAKS_KEY) ? t : t.replace(key, "****"))
                .build();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String type() {
        return defects != null && defects.contains(Defect.UPPER_CASE_TYPE) ? "Acme" : "acme";
    }

    @Override
    public FetchResult fetch(List<MetricQuery> queries, TimeWindow window, Duration step) {
        long p = step.toMillis();
        long first = Math.floorDiv(window.start().toEpochMilli() + p - 1, p) * p;
        long end = window.end().toEpochMilli();
        Map<String, TreeMap<Long, Double>> points = new LinkedHashMap<>();
        Map<String, List<String>> gaps = new LinkedHashMap<>();
        queries.forEach(q -> points.put(q.id(), new TreeMap<>()));
        boolean split = !defects.contains(Defect.NO_SPLIT);
        MetricSourceException failure = null;
        boolean answered = false;
        for (int i = 0; i < queries.size(); i += split ? MAX_QUERIES : queries.size()) {
            List<MetricQuery> batch =
                    queries.subList(i, Math.min(queries.size(), i + (split ? MAX_QUERIES : queries.size())));
            for (long from = first; from < end; from += split ? MAX_POINTS * p : end - first) {
                long to = split ? Math.min(end, from + MAX_POINTS * p) : end;
                if (failure != null) {
                    String why = "not fetched: an earlier request failed";
                    batch.forEach(q ->
                            gaps.computeIfAbsent(q.id(), k -> new ArrayList<>()).add(why));
                    continue;
                }
                try {
                    JsonNode body = get(batch, from, to, p);
                    answered = true;
                    for (MetricQuery q : batch) {
                        for (JsonNode pt : body.path("series").path(q.expression())) {
                            double v =
                                    pt.get(1).isNull() ? Double.NaN : pt.get(1).asDouble();
                            points.get(q.id()).merge(pt.get(0).asLong(), v, (a, b) -> Double.isNaN(b) ? a : b);
                        }
                    }
                } catch (MetricSourceException e) {
                    if (!e.isRetryable() || defects.contains(Defect.DROPS_ON_FAILURE)) {
                        throw e;
                    }
                    failure = e;
                    batch.forEach(q ->
                            gaps.computeIfAbsent(q.id(), k -> new ArrayList<>()).add(e.getMessage()));
                }
            }
        }
        if (failure != null && !answered) {
            throw failure;
        }
        List<FetchedSeries> series = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        int n = (int) Math.max(0, (end - first + p - 1) / p);
        for (MetricQuery q : queries) {
            TreeMap<Long, Double> in = new TreeMap<>(points.get(q.id()).subMap(first, end));
            MetricId id =
                    MetricId.of(q.expression(), type(), Statistic.AVG, q.unit().isEmpty() ? "none" : q.unit());
            TimeSeries s;
            if (defects.contains(Defect.NO_GRID)) {
                in.values().removeIf(v -> Double.isNaN(v));
                s = TimeSeries.of(
                        id,
                        in.keySet().stream().mapToLong(Long::longValue).toArray(),
                        in.values().stream().mapToDouble(Double::doubleValue).toArray());
            } else {
                double[] v = new double[n];
                Arrays.fill(v, Double.NaN);
                in.forEach((t, x) -> v[(int) ((t - first) / p)] = x);
                s = TimeSeries.regular(id, first, p, v);
            }
            series.add(new FetchedSeries(q.id(), q.signal(), step, s));
            int present = defects.contains(Defect.NULLS_PRESENT) ? in.size() : s.presentCount();
            List<String> why = gaps.getOrDefault(q.id(), List.of());
            coverage.add(new Coverage(q.id(), n, present, why.isEmpty(), why));
        }
        return new FetchResult(series, coverage, List.of());
    }

    private JsonNode get(List<MetricQuery> batch, long from, long to, long step) {
        String ids =
                String.join(",", batch.stream().map(MetricQuery::expression).toList());
        HttpRequest request = HttpRequest.newBuilder(
                        endpoint.resolve("/series?ids=" + ids + "&from=" + from + "&to=" + to + "&step=" + step))
                .header("X-Acme-Key", key)
                .timeout(timeout)
                .build();
        String what = "GET /series" + (defects.contains(Defect.LEAKS_KEY) ? " with key " + key : "");
        return retry.call(
                what,
                () -> {
                    HttpResponse<String> r;
                    try {
                        r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        if (defects.contains(Defect.RAW_EXCEPTION)) {
                            throw new UncheckedIOException(e);
                        }
                        throw e;
                    }
                    if (r.statusCode() != 200) {
                        throw new StatusException(r.statusCode(), r.body());
                    }
                    return JSON.readTree(r.body());
                },
                e -> {
                    if (e instanceof StatusException s) {
                        return s.status == 429
                                ? Retry.Failure.retryAfter(Duration.ofMillis(5), "HTTP 429 " + s.body)
                                : s.status >= 500
                                        ? Retry.Failure.backOff("HTTP " + s.status + " " + s.body)
                                        : Retry.Failure.permanent("HTTP " + s.status + " " + s.body);
                    }
                    if (e instanceof UncheckedIOException u) {
                        throw u;
                    }
                    return e instanceof IOException
                            ? Retry.Failure.backOff(e.getClass().getSimpleName() + ": " + e.getMessage())
                            : Retry.Failure.permanent(e.toString());
                });
    }

    private static final class StatusException extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String body;

        StatusException(int status, String body) {
            super("HTTP " + status);
            this.status = status;
            this.body = body;
        }
    }
}
