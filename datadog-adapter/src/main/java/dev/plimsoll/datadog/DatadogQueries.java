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

import com.datadog.api.client.v1.model.MetricsQueryMetadata;
import com.datadog.api.client.v1.model.MetricsQueryResponse;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryResponse;
import com.datadog.api.client.v2.model.TimeseriesResponseAttributes;
import com.datadog.api.client.v2.model.TimeseriesResponseSeries;
import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Datadog query strings and responses: the rollup that matches a step, window splitting under the point cap, and
 * v1/v2 responses as series.
 *
 * <p>Expressions are Datadog metric queries ({@code avg:kubernetes.cpu.usage.total{kube_cluster_name:shop-eks}},
 * {@code p95:trace.http.request{service:shop-backend}}, {@code sum:…hits{…}.as_count()}, {@code … by {kube_node}}).
 * Without a {@code .rollup(…)} of their own, they get one: {@code .rollup(N)} for percentiles,
 * {@code .rollup(sum, N)} after {@code .as_count()}, else {@code .rollup(avg, N)} (a {@code rollup} hint names
 * another aggregator, or {@code none} to send the query as written and let Datadog choose). Hints: {@code min-interval} (seconds; e.g. 60 for the AWS integration's ALB metrics),
 * {@code fallback} (a query to try when this one returns no series, e.g. the legacy {@code trace.*.duration}).
 */
final class DatadogQueries {
    /** Datadog returns at most about 1500 points per series; a longer window is split, never coarsened. */
    static final int MAX_POINTS = 1500;

    private static final Pattern ROLLUP = Pattern.compile("\\.rollup\\(");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*p(\\d+(?:\\.\\d+)?):");
    private static final Pattern AGGREGATOR = Pattern.compile("^\\s*(avg|sum|min|max|p\\d+(?:\\.\\d+)?):");
    private static final Pattern METRIC = Pattern.compile("^\\s*[a-z0-9.]+:([A-Za-z0-9_.]+)");

    private DatadogQueries() {}

    /** The rollup interval for a query: the step, at least its {@code min-interval} hint, in whole seconds ≥ 1. */
    static long interval(MetricQuery q, Duration step) {
        long s = Math.max(1, (step.toMillis() + 999) / 1000);
        String min = q.hints().get("min-interval");
        return min == null ? s : Math.max(s, Long.parseLong(min));
    }

    /** The query as sent: with a rollup of {@code interval} seconds unless it has its own. */
    static String withRollup(String query, long interval, @Nullable String aggregator) {
        if (ROLLUP.matcher(query).find()) {
            return query;
        }
        if (PERCENTILE.matcher(query).find()) {
            return query + ".rollup(" + interval + ")";
        }
        String agg = aggregator != null ? aggregator : query.contains(".as_count()") ? "sum" : "avg";
        return query + ".rollup(" + agg + ", " + interval + ")";
    }

    /** The rolled-up query of a MetricQuery (or of its fallback); hint {@code rollup=none} sends it as written. */
    static String sent(MetricQuery q, String expression, Duration step) {
        if ("none".equals(q.hints().get("rollup"))) {
            return expression.trim();
        }
        return withRollup(expression.trim(), interval(q, step), q.hints().get("rollup"));
    }

    /** Splits a window so that no piece holds more than {@link #MAX_POINTS} points of {@code interval} seconds. */
    static List<TimeWindow> split(TimeWindow w, long interval) {
        long span = MAX_POINTS * interval * 1000;
        List<TimeWindow> out = new ArrayList<>();
        for (long s = w.start().toEpochMilli(); s < w.end().toEpochMilli(); s += span) {
            out.add(TimeWindow.ofEpochMillis(s, Math.min(w.end().toEpochMilli(), s + span)));
        }
        return out.isEmpty() ? List.of(w) : out;
    }

    /** One returned series, before it is put on a grid. */
    static final class Raw {
        final String metric;
        final Map<String, String> groupTags;
        final long intervalMillis;
        final TreeMap<Long, Double> points = new TreeMap<>();

        Raw(String metric, Map<String, String> groupTags, long intervalMillis) {
            this.metric = metric;
            this.groupTags = groupTags;
            this.intervalMillis = intervalMillis;
        }

        String key() {
            return metric + groupTags;
        }
    }

    /** The series of a v1 response. {@code interval} is in seconds in real responses (the docs say ms). */
    static List<Raw> fromV1(MetricsQueryResponse r, String sentQuery) {
        List<Raw> out = new ArrayList<>();
        if (r.getSeries() == null) {
            return out;
        }
        for (MetricsQueryMetadata s : r.getSeries()) {
            long intervalMillis = s.getInterval() == null ? 0 : s.getInterval() * 1000;
            Raw raw = new Raw(
                    s.getMetric() != null ? s.getMetric() : metricOf(sentQuery), tags(s.getTagSet()), intervalMillis);
            if (s.getPointlist() != null) {
                for (List<Double> p : s.getPointlist()) {
                    if (p == null || p.isEmpty() || p.get(0) == null) {
                        continue;
                    }
                    Double v = p.size() > 1 ? p.get(1) : null;
                    put(raw, Math.round(p.get(0)), v); // timestamps may be floats
                }
            }
            out.add(raw);
        }
        return out;
    }

    /** The series of one query ({@code index}) of a v2 response; {@code times} may be sparse. */
    static List<Raw> fromV2(TimeseriesFormulaQueryResponse r, int index, String query, long intervalMillis) {
        List<Raw> out = new ArrayList<>();
        TimeseriesResponseAttributes a =
                r.getData() == null ? null : r.getData().getAttributes();
        if (a == null || a.getSeries() == null) {
            return out;
        }
        List<Long> times = a.getTimes() == null ? List.of() : a.getTimes();
        for (int i = 0; i < a.getSeries().size(); i++) {
            TimeseriesResponseSeries s = a.getSeries().get(i);
            if (s.getQueryIndex() == null || s.getQueryIndex() != index) {
                continue;
            }
            Raw raw = new Raw(metricOf(query), tags(s.getGroupTags()), intervalMillis);
            List<Double> values = a.getValues() != null && i < a.getValues().size()
                    ? a.getValues().get(i)
                    : List.of();
            for (int k = 0; k < Math.min(times.size(), values.size()); k++) {
                put(raw, times.get(k), values.get(k));
            }
            out.add(raw);
        }
        return out;
    }

    /** A point; one sent twice counts once, and a value beats a null at the same time. */
    private static void put(Raw raw, @Nullable Long time, @Nullable Double value) {
        if (time == null) {
            return;
        }
        raw.points.merge(time, value == null ? Double.NaN : value, (a, b) -> Double.isNaN(b) ? a : b);
    }

    static String metricOf(String query) {
        Matcher m = METRIC.matcher(query);
        return m.find() ? m.group(1) : query;
    }

    private static Map<String, String> tags(@Nullable List<String> tagSet) {
        Map<String, String> out = new TreeMap<>();
        if (tagSet != null) {
            for (String t : tagSet) {
                int c = t.indexOf(':');
                out.put(c < 0 ? t : t.substring(0, c), c < 0 ? "" : t.substring(c + 1));
            }
        }
        return out;
    }

    static Statistic statistic(String query) {
        Matcher m = AGGREGATOR.matcher(query);
        if (!m.find()) {
            return Statistic.AVG;
        }
        String a = m.group(1);
        return switch (a) {
            case "sum" -> Statistic.SUM;
            case "min" -> Statistic.MIN;
            case "max" -> Statistic.MAX;
            case "avg" -> Statistic.AVG;
            default -> {
                try {
                    yield Statistic.ofPercentile(Double.parseDouble(a.substring(1)));
                } catch (IllegalArgumentException e) {
                    yield Statistic.MAX; // a percentile Plimsoll has no constant for: labelled by the query tag
                }
            }
        };
    }

    /**
     * The series of one query: on its own spacing (the response's interval, else the step) over the window, NaN where
     * Datadog had no value, scaled by the query's {@code scale} hint; several series for grouped queries.
     */
    static List<FetchedSeries> series(
            MetricQuery q, String sentQuery, List<Raw> raws, TimeWindow window, long stepMillis) {
        List<FetchedSeries> out = new ArrayList<>();
        double scale = q.scale();
        for (Raw raw : raws) {
            Map<String, String> tags = new TreeMap<>(raw.groupTags);
            long interval = raw.intervalMillis > 0 ? raw.intervalMillis : stepMillis;
            Duration period = Duration.ofMillis(interval);
            MetricId id = new MetricId(
                    raw.metric, "datadog", statistic(sentQuery), q.unit().isEmpty() ? "none" : q.unit(), tags);
            TreeMap<Long, Double> in = new TreeMap<>(raw.points.subMap(
                    window.start().toEpochMilli(), window.end().toEpochMilli()));
            long first = Math.floorDiv(window.start().toEpochMilli() + interval - 1, interval) * interval;
            long end = window.end().toEpochMilli();
            boolean onGrid = in.keySet().stream().allMatch(t -> (t - first) % interval == 0 && t >= first);
            if (!onGrid) {
                out.add(new FetchedSeries(
                        q.id(),
                        q.signal(),
                        period,
                        TimeSeries.of(
                                id,
                                in.keySet().stream().mapToLong(Long::longValue).toArray(),
                                in.values().stream().mapToDouble(v -> v * scale).toArray())));
                continue;
            }
            int n = (int) Math.max(0, (end - first + interval - 1) / interval);
            double[] v = new double[n];
            Arrays.fill(v, Double.NaN);
            in.forEach((t, x) -> v[(int) ((t - first) / interval)] = x * scale);
            out.add(new FetchedSeries(q.id(), q.signal(), period, TimeSeries.regular(id, first, interval, v)));
        }
        return out;
    }

    /**
     * The coverage of one query; {@code gaps} says why its data may be incomplete (a request that failed after its
     * retries, or was not made after an earlier one failed).
     */
    static Coverage coverage(
            MetricQuery q, List<FetchedSeries> series, TimeWindow window, long stepMillis, List<String> gaps) {
        long interval = stepMillis;
        for (FetchedSeries s : series) {
            interval = s.periodMillis();
        }
        int expected = (int) Math.max(0, (window.duration().toMillis() + interval - 1) / interval);
        int present =
                series.stream().mapToInt(s -> s.series().presentCount()).max().orElse(0);
        List<String> m = new ArrayList<>(gaps);
        // a count of events that did not happen has no points: that is zero, not missing data
        boolean events = q.signal().isEventCount();
        boolean nothing = present == 0 && expected > 0 && !events;
        if (series.isEmpty() && gaps.isEmpty() && expected > 0 && !events) {
            m.add("no data: Datadog returned no series for this query");
        } else if (nothing && gaps.isEmpty()) {
            m.add("no point in the window");
        }
        return new Coverage(q.id(), expected, present, gaps.isEmpty() && !nothing, m);
    }

    /**
     * Adds {@link Signal#CPU_UTILIZATION} (and memory) series derived from cores used ÷ capacity when a fetch holds
     * both on the same grid: the agent reports usage in nanocores and capacity in cores, not a percentage.
     */
    static FetchResult derive(FetchResult r) {
        List<FetchedSeries> all = new ArrayList<>(r.series());
        List<Coverage> coverage = new ArrayList<>(r.coverage());
        derive(
                all,
                coverage,
                Signal.CPU_CORES_USED,
                Signal.CPU_CORES_CAPACITY,
                Signal.CPU_UTILIZATION,
                "cpu_utilization");
        derive(
                all,
                coverage,
                Signal.MEMORY_BYTES_USED,
                Signal.MEMORY_BYTES_CAPACITY,
                Signal.MEMORY_UTILIZATION,
                "memory_utilization");
        return new FetchResult(all, coverage, r.messages());
    }

    private static void derive(
            List<FetchedSeries> all,
            List<Coverage> coverage,
            Signal used,
            Signal capacity,
            Signal result,
            String name) {
        FetchedSeries uf = only(all, used);
        FetchedSeries cf = only(all, capacity);
        if (uf == null
                || cf == null
                || !Arrays.equals(uf.series().epochMillis(), cf.series().epochMillis())) {
            return;
        }
        TimeSeries u = uf.series();
        TimeSeries c = cf.series();
        double[] v = new double[u.size()];
        for (int i = 0; i < v.length; i++) {
            double cap = c.valueAt(i);
            v[i] = cap > 0 ? 100 * u.valueAt(i) / cap : Double.NaN;
        }
        Map<String, String> tags = new TreeMap<>(u.id().tags());
        tags.put("derived", uf.queryId() + "/" + cf.queryId());
        TimeSeries s = TimeSeries.of(new MetricId(name, "datadog", Statistic.AVG, "percent", tags), u.epochMillis(), v);
        all.add(new FetchedSeries(name, result, uf.period(), s));
        coverage.add(new Coverage(
                name,
                u.size(),
                s.presentCount(),
                true,
                List.of("derived: 100 × " + u.id().name() + " ÷ " + c.id().name())));
    }

    private static @Nullable FetchedSeries only(List<FetchedSeries> all, Signal s) {
        List<FetchedSeries> m = all.stream().filter(t -> t.signal() == s).toList();
        return m.size() == 1 ? m.get(0) : null;
    }

    /** Groups queries into v2 batches of at most {@code size}. */
    static <T> List<List<T>> partition(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }
}
