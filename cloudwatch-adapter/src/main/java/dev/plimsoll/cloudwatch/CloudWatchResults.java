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

import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.MetricQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * GetMetricData responses (live pages or replayed ones) into normalised series: points collected per query id and
 * label across pages and split windows, then put on each query's period grid with its coverage.
 */
final class CloudWatchResults {
    private CloudWatchResults() {}

    /**
     * Folds one page into the points by query id and label, settling each result's status at once: for a recording
     * file that holds one request's merged pages, use {@link #collect(GetMetricDataResponse, Map, List, Map,
     * UnaryOperator)} over all of them, then {@link #settle}.
     */
    static void collect(GetMetricDataResponse page, Map<String, Map<String, Points>> byId, List<String> messages) {
        Map<Points, StatusCode> status = new LinkedHashMap<>();
        collect(page, byId, messages, status, UnaryOperator.identity());
        settle(status);
    }

    /**
     * Folds one page into the points by query id and label; the status each result had on this page replaces the one
     * it had on earlier pages of the same request (CloudWatch says {@code PartialData} on every page but the last
     * when it paginates), to be {@link #settle settled} when the request's pages end.
     */
    static void collect(
            GetMetricDataResponse page,
            Map<String, Map<String, Points>> byId,
            List<String> messages,
            Map<Points, StatusCode> status,
            UnaryOperator<String> redact) {
        for (MessageData m : page.messages()) {
            String text = redact.apply(m.code() + ": " + m.value());
            if (!messages.contains(text)) {
                messages.add(text);
            }
        }
        for (MetricDataResult r : page.metricDataResults()) {
            String label = r.label() == null ? "" : r.label();
            Points pts =
                    byId.computeIfAbsent(r.id(), k -> new LinkedHashMap<>()).computeIfAbsent(label, Points::new);
            int n = Math.min(r.timestamps().size(), r.values().size());
            for (int i = 0; i < n; i++) {
                pts.times.add(r.timestamps().get(i));
                pts.values.add(r.values().get(i));
            }
            if (r.timestamps().size() != r.values().size()) {
                pts.partial = true;
                note(
                        pts,
                        "CloudWatch returned " + r.timestamps().size() + " timestamps but "
                                + r.values().size() + " values: the unmatched ones were dropped");
            }
            status.put(pts, r.statusCode());
            for (MessageData m : r.messages()) {
                note(pts, redact.apply(m.code() + ": " + m.value()));
            }
        }
    }

    /** Marks the results whose last status was not {@code Complete} as incomplete, saying why. */
    static void settle(Map<Points, StatusCode> status) {
        status.forEach((pts, code) -> {
            if (code == null || code == StatusCode.COMPLETE) {
                return;
            }
            pts.partial = true;
            note(
                    pts,
                    switch (code) {
                        case PARTIAL_DATA ->
                            "CloudWatch returned PartialData: more datapoints exist than were returned";
                        case INTERNAL_ERROR ->
                            "CloudWatch returned InternalError for this query: datapoints may be"
                                    + " missing; fetch again";
                        case FORBIDDEN ->
                            "CloudWatch returned Forbidden for this query: check the permissions on its"
                                    + " namespace (or the cross-account link)";
                        default -> "CloudWatch returned status " + code + " for this query";
                    });
        });
        status.clear();
    }

    private static void note(Points pts, String text) {
        if (!pts.messages.contains(text)) {
            pts.messages.add(text);
        }
    }

    /** Series and coverage of every planned query from the points collected (live or replayed). */
    static FetchResult assemble(
            List<CloudWatchMetricSource.Planned> planned,
            TimeWindow window,
            Map<String, Map<String, Points>> byId,
            List<String> messages) {
        return assemble(planned, window, byId, messages, Map.of());
    }

    /**
     * Series and coverage of every planned query; {@code gaps} names, by CloudWatch id, why a query's data may be
     * incomplete (a request that failed after its retries, paging stopped by the loop guard).
     */
    static FetchResult assemble(
            List<CloudWatchMetricSource.Planned> planned,
            TimeWindow window,
            Map<String, Map<String, Points>> byId,
            List<String> messages,
            Map<String, List<String>> gaps) {
        List<FetchedSeries> series = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        for (CloudWatchMetricSource.Planned p : planned) {
            Map<String, Points> labels = byId.getOrDefault(p.cwId(), Map.of());
            List<FetchedSeries> mine = new ArrayList<>();
            boolean multi = labels.size() > 1;
            for (Points pts : labels.values()) {
                mine.add(series(p.query(), p.parsed(), p.period(), window, pts, multi));
            }
            series.addAll(mine);
            coverage.add(coverage(
                    p.query(),
                    mine,
                    List.copyOf(labels.values()),
                    p.period(),
                    window,
                    gaps.getOrDefault(p.cwId(), List.of())));
        }
        return new FetchResult(series, coverage, messages);
    }

    /** One returned time series of a query: its label and raw points (any order). */
    static final class Points {
        final String label;
        final List<Instant> times = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        boolean partial;
        final List<String> messages = new ArrayList<>();

        Points(String label) {
            this.label = label;
        }
    }

    /**
     * The series of one query on its period's grid over the window: ascending, NaN where CloudWatch returned no
     * datapoint, values scaled by the query's {@code scale} hint. Points off the grid keep their own times.
     */
    static FetchedSeries series(
            MetricQuery q, CloudWatchQueries.Parsed p, int period, TimeWindow window, Points pts, boolean multi) {
        Map<String, String> tags = new TreeMap<>(p.dimensions());
        if (multi) {
            tags.put("label", pts.label);
        }
        // a metric-stat query always has a stat and a metric name; only math expressions lack them
        Statistic st =
                p.isMath() ? Statistic.AVG : CloudWatchQueries.statistic(Objects.requireNonNull(p.stat(), "stat"));
        String name = p.isMath() ? q.id() : Objects.requireNonNull(p.metricName(), "metricName");
        MetricId id = new MetricId(name, "cloudwatch", st, q.unit().isEmpty() ? "none" : q.unit(), tags);
        double scale = q.scale();
        long periodMillis = period * 1000L;
        long first = Math.floorDiv(window.start().toEpochMilli() + periodMillis - 1, periodMillis) * periodMillis;
        long end = window.end().toEpochMilli();
        TreeMap<Long, Double> byTime = new TreeMap<>();
        for (int i = 0; i < pts.times.size(); i++) {
            // a point sent twice (overlapping pages or windows) counts once; a value beats a NaN at the same time
            byTime.merge(pts.times.get(i).toEpochMilli(), pts.values.get(i) * scale, (a, b) -> Double.isNaN(b) ? a : b);
        }
        boolean onGrid =
                byTime.keySet().stream().allMatch(t -> t >= first && t < end && (t - first) % periodMillis == 0);
        if (!onGrid) {
            long[] t = byTime.keySet().stream().mapToLong(Long::longValue).toArray();
            double[] v =
                    byTime.values().stream().mapToDouble(Double::doubleValue).toArray();
            return new FetchedSeries(q.id(), q.signal(), Duration.ofSeconds(period), TimeSeries.of(id, t, v));
        }
        int n = (int) Math.max(0, (end - first + periodMillis - 1) / periodMillis);
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        byTime.forEach((t, x) -> v[(int) ((t - first) / periodMillis)] = x);
        return new FetchedSeries(
                q.id(), q.signal(), Duration.ofSeconds(period), TimeSeries.regular(id, first, periodMillis, v));
    }

    static Coverage coverage(
            MetricQuery q,
            List<FetchedSeries> series,
            List<Points> pts,
            int period,
            TimeWindow window,
            List<String> gaps) {
        long periodMillis = period * 1000L;
        int expected = (int) Math.max(
                0, (window.end().toEpochMilli() - window.start().toEpochMilli() + periodMillis - 1) / periodMillis);
        int present = 0;
        for (FetchedSeries s : series) {
            present = Math.max(present, s.series().presentCount());
        }
        // nothing in the window is not complete data (a wrong name, region or time looks like that), except for a
        // count of events that did not happen: CloudWatch writes no datapoint for a minute without 5xx
        boolean nothing = present == 0 && expected > 0 && !q.signal().isEventCount();
        boolean complete = pts.stream().noneMatch(x -> x.partial)
                && gaps.isEmpty()
                && (!series.isEmpty() || expected == 0 || q.signal().isEventCount())
                && !nothing;
        List<String> messages = new ArrayList<>(gaps);
        for (Points x : pts) {
            for (String m : x.messages) {
                if (!messages.contains(m)) {
                    messages.add(m);
                }
            }
        }
        if (series.isEmpty() && gaps.isEmpty() && expected > 0 && !q.signal().isEventCount()) {
            messages.add("no data: CloudWatch returned no series for this query");
        } else if (nothing && gaps.isEmpty()) {
            messages.add("no datapoint in the window");
        }
        return new Coverage(q.id(), expected, present, complete, messages);
    }
}
