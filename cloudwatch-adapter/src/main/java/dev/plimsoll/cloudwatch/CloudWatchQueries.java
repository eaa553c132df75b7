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

import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSourceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * Translates {@link MetricQuery} expressions to CloudWatch {@code MetricDataQuery}s and CloudWatch results back to
 * series, and chooses periods by CloudWatch's rules.
 *
 * <p><b>Expression syntax</b> — a metric with a statistic:
 * <pre>{@code
 * AWS/ApplicationELB TargetResponseTime{LoadBalancer=app/shop-alb/50dc6c495c0c9188} p95
 * ContainerInsights pod_cpu_utilization{ClusterName=shop-eks,Namespace=shop,Service="shop backend"} Average
 * }</pre>
 * (namespace, metric name, dimensions in braces — quote a value holding {@code , } or {@code "} with {@code "} and
 * {@code \"} — and one of {@code Average Sum Minimum Maximum SampleCount p50 p75 p90 p95 p99 p99.9}); or a metric
 * math / Metrics Insights expression after {@code =}:
 * <pre>{@code
 * =SEARCH('{ContainerInsights,ClusterName,NodeName} MetricName="node_cpu_utilization" ClusterName="shop-eks"', 'Average', 60)
 * }</pre>
 * A {@code period} hint (seconds) pins the period of one query.
 */
final class CloudWatchQueries {
    /** CloudWatch's rule for query ids (GetMetricData API reference, MetricDataQuery.Id). */
    static final Pattern CLOUDWATCH_ID = Pattern.compile("[a-z][a-zA-Z0-9_]{0,254}");
    /** Periods CloudWatch accepts below one minute, for high-resolution metrics only. */
    static final int[] HIGH_RESOLUTION_PERIODS = {1, 5, 10, 30};

    static final Duration HIGH_RESOLUTION_RETENTION = Duration.ofHours(3);
    static final Duration MINUTE_RETENTION = Duration.ofDays(15);
    static final Duration FIVE_MINUTE_RETENTION = Duration.ofDays(63);
    static final Duration MAX_RETENTION = Duration.ofDays(455);

    private CloudWatchQueries() {}

    /** A parsed expression: a metric with a statistic, or a math/Insights expression. */
    record Parsed(
            @Nullable String namespace,
            @Nullable String metricName,
            Map<String, String> dimensions,
            @Nullable String stat,
            @Nullable String math) {
        boolean isMath() {
            return math != null;
        }

        /** The same metric, ignoring dimension order. */
        boolean sameMetric(Parsed o) {
            return Objects.equals(namespace, o.namespace)
                    && Objects.equals(metricName, o.metricName)
                    && new TreeMap<>(dimensions).equals(new TreeMap<>(o.dimensions))
                    && Objects.equals(stat, o.stat)
                    && Objects.equals(math, o.math);
        }
    }

    /**
     * Parses a query's expression.
     *
     * @throws IllegalArgumentException naming the query and what is wrong
     */
    static Parsed parse(MetricQuery q) {
        String e = q.expression().trim();
        if (e.startsWith("=")) {
            return new Parsed(null, null, Map.of(), null, e.substring(1).trim());
        }
        try {
            int sp = e.indexOf(' ');
            if (sp < 0) {
                throw new IllegalArgumentException("expected 'Namespace MetricName{Dim=Value,…} Stat'");
            }
            String namespace = e.substring(0, sp);
            String rest = e.substring(sp + 1).trim();
            int brace = rest.indexOf('{');
            int space = rest.lastIndexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("missing the statistic after the metric");
            }
            String stat = rest.substring(space + 1).trim();
            String metricPart = rest.substring(0, space).trim();
            Map<String, String> dims = new LinkedHashMap<>();
            String metric;
            if (brace >= 0 && brace < space) {
                if (!metricPart.endsWith("}")) {
                    throw new IllegalArgumentException("dimensions must end with '}'");
                }
                metric = metricPart.substring(0, brace).trim();
                parseDimensions(metricPart.substring(brace + 1, metricPart.length() - 1), dims);
            } else {
                metric = metricPart;
            }
            if (metric.isEmpty()) {
                throw new IllegalArgumentException("metric name is empty");
            }
            statistic(stat); // validates
            return new Parsed(namespace, metric, dims, stat, null);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("query '" + q.id() + "': " + ex.getMessage() + ", in '" + e + "'");
        }
    }

    private static void parseDimensions(String s, Map<String, String> out) {
        int i = 0;
        while (i < s.length()) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("dimension must be Name=Value at '" + s.substring(i) + "'");
            }
            String name = s.substring(i, eq).trim();
            StringBuilder v = new StringBuilder();
            int j = eq + 1;
            while (j < s.length() && s.charAt(j) == ' ') {
                j++;
            }
            if (j < s.length() && s.charAt(j) == '"') {
                j++;
                while (j < s.length() && s.charAt(j) != '"') {
                    if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                        j++;
                    }
                    v.append(s.charAt(j++));
                }
                if (j >= s.length()) {
                    throw new IllegalArgumentException("quoted value of dimension " + name + " is not closed");
                }
                j++;
                while (j < s.length() && s.charAt(j) == ' ') {
                    j++;
                }
            } else {
                while (j < s.length() && s.charAt(j) != ',') {
                    v.append(s.charAt(j++));
                }
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("dimension name is empty");
            }
            out.put(name, v.toString().trim());
            if (j < s.length() && s.charAt(j) != ',') {
                throw new IllegalArgumentException("expected ',' after dimension " + name);
            }
            i = j + 1;
        }
    }

    /** The expression of a metric-stat, the inverse of {@link #parse}. */
    static String format(String namespace, String metric, Map<String, String> dimensions, String stat) {
        StringBuilder sb = new StringBuilder(namespace).append(' ').append(metric);
        if (!dimensions.isEmpty()) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, String> d : dimensions.entrySet()) {
                String v = d.getValue();
                boolean quote =
                        v.contains(",") || v.contains("\"") || v.contains("}") || v.startsWith(" ") || v.endsWith(" ");
                sb.append(first ? "" : ",")
                        .append(d.getKey())
                        .append('=')
                        .append(quote ? "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : v);
                first = false;
            }
            sb.append('}');
        }
        return sb.append(' ').append(stat).toString();
    }

    /** Plimsoll's statistic for a CloudWatch one. */
    static Statistic statistic(String stat) {
        return switch (stat) {
            case "Average" -> Statistic.AVG;
            case "Sum" -> Statistic.SUM;
            case "Minimum" -> Statistic.MIN;
            case "Maximum" -> Statistic.MAX;
            case "SampleCount" -> Statistic.COUNT;
            default -> {
                if (stat.matches("p\\d+(\\.\\d+)?")) {
                    try {
                        yield Statistic.ofPercentile(Double.parseDouble(stat.substring(1)));
                    } catch (IllegalArgumentException e) {
                        // fall through to the error below
                    }
                }
                throw new IllegalArgumentException("statistic must be one of Average, Sum, Minimum, Maximum, "
                        + "SampleCount, p50, p75, p90, p95, p99, p99.9, but was '" + stat + "'");
            }
        };
    }

    /** A valid CloudWatch Id for the {@code index}-th query: its own id when CloudWatch accepts it. */
    static String cloudWatchId(int index, String queryId) {
        if (CLOUDWATCH_ID.matcher(queryId).matches()) {
            return queryId;
        }
        String clean = queryId.replaceAll("[^a-zA-Z0-9_]", "_");
        String id = "q" + index + "_" + clean;
        return id.length() > 255 ? id.substring(0, 255) : id;
    }

    /** The SDK's query for a parsed expression. */
    static MetricDataQuery toSdk(String cwId, MetricQuery q, Parsed p, int period) {
        MetricDataQuery.Builder b = MetricDataQuery.builder().id(cwId).returnData(true);
        if (p.isMath()) {
            return b.expression(p.math()).period(period).build();
        }
        List<Dimension> dims = new ArrayList<>();
        p.dimensions()
                .forEach((k, v) -> dims.add(Dimension.builder().name(k).value(v).build()));
        return b.metricStat(MetricStat.builder()
                        .metric(Metric.builder()
                                .namespace(p.namespace())
                                .metricName(p.metricName())
                                .dimensions(dims)
                                .build())
                        .period(period)
                        .stat(p.stat())
                        .build())
                .build();
    }

    /** The period for a fetch, and why it differs from the step asked for (null when it does not). */
    record PeriodChoice(int seconds, @Nullable String note) {}

    /**
     * Chooses a period by CloudWatch's retention rules: data younger than 3 h has 1/5/10/30 s periods for
     * high-resolution metrics only; standard periods are multiples of 60 s; data older than 15 days exists only
     * at 5 min, older than 63 days at 1 h, older than 455 days not at all.
     *
     * @param step what the caller asked for
     * @param oldest the oldest instant of the window
     * @param now the current time
     * @param highResolution whether the metric is published at high resolution
     * @throws MetricSourceException (not retryable) when the window is older than CloudWatch keeps data
     */
    static PeriodChoice choosePeriod(Duration step, Instant oldest, Instant now, boolean highResolution) {
        Duration age = Duration.between(oldest, now);
        if (age.compareTo(MAX_RETENTION) > 0) {
            throw new MetricSourceException(
                    "cloudwatch",
                    false,
                    "the window starts " + age.toDays() + " days ago, but CloudWatch keeps metrics for 455 days");
        }
        long requested = Math.max(1, (step.toMillis() + 999) / 1000);
        int period;
        String why = null;
        if (requested < 60 && highResolution && age.compareTo(HIGH_RESOLUTION_RETENTION) <= 0) {
            period = 60;
            for (int p : HIGH_RESOLUTION_PERIODS) {
                if (p >= requested) {
                    period = p;
                    break;
                }
            }
        } else {
            int multiple;
            if (age.compareTo(FIVE_MINUTE_RETENTION) > 0) {
                multiple = 3600;
                why = "data older than 63 days exists only at 1 h";
            } else if (age.compareTo(MINUTE_RETENTION) > 0) {
                multiple = 300;
                why = "data older than 15 days exists only at 5 min";
            } else {
                multiple = 60;
                why = requested >= 60
                        ? "standard-resolution periods are multiples of 60 s"
                        : highResolution
                                ? "sub-minute periods exist only for the last 3 h"
                                : "the metric is standard resolution (sub-minute periods need high-resolution metrics)";
            }
            period = (int) Math.min(Integer.MAX_VALUE, ((requested + multiple - 1) / multiple) * multiple);
        }
        String note = period == requested
                ? null
                : String.format(
                        Locale.ROOT,
                        "asked for a %d s step, using %d s: %s",
                        requested,
                        period,
                        why == null ? "nearest allowed period" : why);
        return new PeriodChoice(period, note);
    }

    /** Splits a window into pieces holding at most {@code maxPoints} periods each. */
    static List<TimeWindow> split(TimeWindow w, int period, long maxPoints) {
        long periodMillis = period * 1000L;
        long span = Math.max(periodMillis, maxPoints * periodMillis);
        List<TimeWindow> out = new ArrayList<>();
        long start = w.start().toEpochMilli();
        long end = w.end().toEpochMilli();
        for (long s = start; s < end; s += span) {
            out.add(TimeWindow.ofEpochMillis(s, Math.min(end, s + span)));
        }
        if (out.isEmpty()) {
            out.add(w);
        }
        return out;
    }
}
