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
package dev.plimsoll.gate;

import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.run.LoadMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A threshold over an analysis, parsed from {@code METRIC OP VALUE[UNIT]}.
 *
 * <p>Metrics: {@code scaling_lag} (s), {@code client_p50}/{@code client_p95}/{@code client_p99} (ms, k6
 * {@code http_req_duration} over the run), {@code error_rate} (0–1), {@code lb_latency_share},
 * {@code backend_latency_share}, {@code edge_latency_share} (share of the p95 growth placed in each tier, 0–1),
 * {@code skew} (s), {@code findings} (all), {@code findings.info|warning|high} (findings of exactly that severity),
 * {@code findings.<kind>} (e.g. {@code findings.scaling_ceiling}), and {@code bottleneck} (compared as text with
 * {@code ==}/{@code !=}). Operators: {@code < <= > >= == !=}. Units: {@code ms}, {@code s}, {@code m}, {@code %}
 * (divided by 100), or none.
 *
 * <pre>{@code
 * GateResult r = Gate.parse("scaling_lag<=150s").evaluate(result);
 * }</pre>
 *
 * @param expression the gate as written
 * @param metric the metric name
 * @param operator one of {@code < <= > >= == !=}
 * @param threshold the number in the metric's unit (NaN for text comparisons)
 * @param text the right-hand side as text (for {@code bottleneck})
 * @since 0.1
 */
public record Gate(String expression, String metric, String operator, double threshold, String text) {
    private static final List<String> OPERATORS = List.of("<=", ">=", "==", "!=", "<", ">");
    private static final List<String> METRICS = List.of(
            "scaling_lag",
            "client_p50",
            "client_p95",
            "client_p99",
            "error_rate",
            "lb_latency_share",
            "backend_latency_share",
            "edge_latency_share",
            "skew",
            "findings",
            "bottleneck");

    public Gate {
        Objects.requireNonNull(expression, "expression");
    }

    /**
     * Parses a gate.
     *
     * @throws GateParseException naming the expression, the position and what was expected
     */
    public static Gate parse(String expression) {
        String e = expression.strip();
        int i = 0;
        while (i < e.length() && (Character.isLetterOrDigit(e.charAt(i)) || e.charAt(i) == '_' || e.charAt(i) == '.')) {
            i++;
        }
        String metric = e.substring(0, i).toLowerCase(Locale.ROOT);
        if (metric.isEmpty()) {
            throw new GateParseException(e, 0, "expected a metric name, one of " + METRICS + " or findings.<kind>");
        }
        if (!METRICS.contains(metric) && !metric.startsWith("findings.")) {
            throw new GateParseException(
                    e,
                    0,
                    "unknown metric '" + metric + "', expected one of " + METRICS + " or findings.<severity|kind>");
        }
        if (metric.startsWith("findings.")) {
            String sub = metric.substring("findings.".length());
            boolean known = List.of("info", "warning", "high").contains(sub);
            for (FindingKind k : FindingKind.values()) {
                known |= k.id().equals(sub);
            }
            if (!known) {
                throw new GateParseException(e, "findings.".length(), "unknown finding severity or kind '" + sub + "'");
            }
        }
        int opStart = skipSpaces(e, i);
        String op = null;
        for (String o : OPERATORS) {
            if (e.startsWith(o, opStart)) {
                op = o;
                break;
            }
        }
        if (op == null) {
            throw new GateParseException(e, opStart, "expected an operator: < <= > >= == !=");
        }
        int valueStart = skipSpaces(e, opStart + op.length());
        String rhs = e.substring(valueStart).strip();
        if (rhs.isEmpty()) {
            throw new GateParseException(e, valueStart, "expected a value after '" + op + "'");
        }
        if (metric.equals("bottleneck")) {
            if (!op.equals("==") && !op.equals("!=")) {
                throw new GateParseException(e, opStart, "bottleneck compares with == or != only");
            }
            List<String> tiers = List.of("backend", "load_balancer", "network_edge", "load_generator", "none");
            if (!tiers.contains(rhs)) {
                throw new GateParseException(e, valueStart, "expected one of " + tiers);
            }
            return new Gate(e, metric, op, Double.NaN, rhs);
        }
        int j = 0;
        while (j < rhs.length() && (Character.isDigit(rhs.charAt(j)) || rhs.charAt(j) == '.' || rhs.charAt(j) == '-')) {
            j++;
        }
        double number;
        try {
            number = Double.parseDouble(rhs.substring(0, j));
        } catch (NumberFormatException ex) {
            throw new GateParseException(e, valueStart, "expected a number");
        }
        String unit = rhs.substring(j).strip().toLowerCase(Locale.ROOT);
        double value = switch (unit) {
            case "" -> number;
            case "%" -> number / 100;
            case "ms" -> timeUnit(e, valueStart + j, metric, number, 0.001);
            case "s" -> timeUnit(e, valueStart + j, metric, number, 1);
            case "m" -> timeUnit(e, valueStart + j, metric, number, 60);
            default ->
                throw new GateParseException(e, valueStart + j, "unknown unit '" + unit + "', expected ms, s, m or %");
        };
        return new Gate(e, metric, op, value, rhs);
    }

    /** A time in the metric's own unit: seconds for {@code scaling_lag}/{@code skew}, ms for client percentiles. */
    private static double timeUnit(String e, int pos, String metric, double number, double seconds) {
        if (metric.startsWith("client_p")) {
            return number * seconds * 1000;
        }
        if (metric.equals("scaling_lag") || metric.equals("skew")) {
            return number * seconds;
        }
        throw new GateParseException(e, pos, "'" + metric + "' is not a time: drop the unit");
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Evaluates the gate; a metric the analysis could not measure fails the gate. */
    public GateResult evaluate(AnalysisResult r) {
        if (metric.equals("bottleneck")) {
            boolean eq = r.bottleneck().equals(text);
            return new GateResult(expression, r.bottleneck(), op().equals("==") == eq);
        }
        double v = measure(r);
        if (Double.isNaN(v)) {
            return new GateResult(expression, "n/a", false);
        }
        boolean pass = switch (operator) {
            case "<" -> v < threshold;
            case "<=" -> v <= threshold;
            case ">" -> v > threshold;
            case ">=" -> v >= threshold;
            case "==" -> v == threshold;
            default -> v != threshold;
        };
        return new GateResult(expression, format(v), pass);
    }

    private String op() {
        return operator;
    }

    private String format(double v) {
        if (metric.startsWith("findings")) {
            return Long.toString(Math.round(v));
        }
        String unit =
                metric.startsWith("client_p") ? "ms" : metric.equals("scaling_lag") || metric.equals("skew") ? "s" : "";
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "") + unit;
    }

    private double measure(AnalysisResult r) {
        var http = r.aligned().run().timeline().http();
        return switch (metric) {
            case "scaling_lag" -> r.scalingLagSeconds();
            case "client_p50" -> http.distribution(LoadMetrics.REQUEST_DURATION).percentile(50);
            case "client_p95" -> http.distribution(LoadMetrics.REQUEST_DURATION).percentile(95);
            case "client_p99" -> http.distribution(LoadMetrics.REQUEST_DURATION).percentile(99);
            case "error_rate" -> http.errorRate();
            case "lb_latency_share" -> share(r, "load_balancer");
            case "backend_latency_share" -> share(r, "backend");
            case "edge_latency_share" -> share(r, "network_edge");
            case "skew" -> r.skew().isEstimated() ? r.skew().seconds() : Double.NaN;
            case "findings" -> r.findings().size();
            default -> findings(r, metric.substring("findings.".length()));
        };
    }

    private static double findings(AnalysisResult r, String sub) {
        for (Severity s : Severity.values()) {
            if (s.label().equals(sub)) {
                return r.findings().stream().filter(f -> f.severity() == s).count();
            }
        }
        return r.findings().stream().filter(f -> f.kind().id().equals(sub)).count();
    }

    /** Share of the p95 growth placed in a tier; 0 when latency did not grow enough to place. */
    private static double share(AnalysisResult r, String tier) {
        for (Finding f : r.findings(FindingKind.LATENCY_BOTTLENECK)) {
            Finding.LatencyBottleneck b = (Finding.LatencyBottleneck) f;
            double total = b.shares().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            return total <= 0 ? 0 : b.shares().getOrDefault(tier, 0.0) / total;
        }
        return 0;
    }
}
