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
import dev.plimsoll.analysis.SignalCoverage;
import dev.plimsoll.analysis.SignalGroup;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.baseline.FigureChange;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.run.LoadMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A threshold over an analysis, in the spirit of k6 thresholds, parsed from {@code METRIC OP VALUE[UNIT]}. The only
 * way to make one is {@link #parse}, so every gate is valid.
 *
 * <p>Metrics ({@link Metric}): {@code scaling_lag} (s), {@code client_p50}/{@code client_p95}/{@code client_p99} (ms,
 * the load run's request duration over the run), {@code error_rate} (0–1), {@code lb_latency_share},
 * {@code backend_latency_share}, {@code edge_latency_share} (share of the p95 growth placed in each tier, 0–1),
 * {@code skew} (s), {@code findings} (all), {@code findings.info|warning|high} (findings of exactly that severity),
 * {@code findings.<kind>} (e.g. {@code findings.scaling_ceiling}), {@code bottleneck} (a {@link LatencyTier} id,
 * compared with {@code ==}/{@code !=}) and {@code coverage} (the lowest covered share of the run over the signal
 * groups the sources were asked for, 0–1). A gate whose figure rests on cloud signals that do not cover the run is
 * inconclusive, not passed ({@link #needs()}). Operators ({@link Operator}): {@code < <= > >= == !=}. Units: {@code ms},
 * {@code s}, {@code m}, {@code %} (divided by 100), or none.
 *
 * <p>Against a baseline ({@code LoadTestAnalysis.baseline(...)}): {@code client_p50_change}, {@code client_p95_change},
 * {@code client_p99_change} (relative change of the figure from the baselines' median, e.g. {@code <10%}),
 * {@code error_rate_change} (change of the error rate in percentage points, e.g. {@code <1%}),
 * {@code scaling_lag_change} (s; no saturation counts as no lag, no new node at all as an endless lag) and
 * {@code regressions} (figures that regressed). Without a baseline, or when the figure was not compared, these gates
 * are inconclusive ({@link #needsBaseline()}).
 *
 * <pre>{@code
 * GateResult r = Gate.parse("scaling_lag<=150s").evaluate(result);
 * }</pre>
 *
 * @since 0.1
 */
public final class Gate {
    /** What a gate measures, with its unit. */
    public enum Metric {
        /** The longest scaling lag over the run's saturation episodes, seconds. */
        SCALING_LAG("scaling_lag", "s"),
        /** Client p50 over the run, ms. */
        CLIENT_P50("client_p50", "ms"),
        /** Client p95 over the run, ms. */
        CLIENT_P95("client_p95", "ms"),
        /** Client p99 over the run, ms. */
        CLIENT_P99("client_p99", "ms"),
        /** Failed requests ÷ requests, 0–1. */
        ERROR_RATE("error_rate", ""),
        /** Share of the p95 growth placed in the load balancer, 0–1. */
        LB_LATENCY_SHARE("lb_latency_share", ""),
        /** Share of the p95 growth placed in the backend, 0–1. */
        BACKEND_LATENCY_SHARE("backend_latency_share", ""),
        /** Share of the p95 growth placed at the network edge, 0–1. */
        EDGE_LATENCY_SHARE("edge_latency_share", ""),
        /** Estimated generator/cloud clock skew, seconds. */
        SKEW("skew", "s"),
        /** Number of findings (of a severity or kind with {@code findings.<x>}). */
        FINDINGS("findings", ""),
        /** The bottleneck tier, compared as text. */
        BOTTLENECK("bottleneck", ""),
        /**
         * The lowest share of the run the cloud series cover over the signal groups the sources were asked for
         * (0–1); e.g. {@code coverage>=90%}.
         */
        COVERAGE("coverage", ""),
        /** Relative change of client p50 from the baseline (0.1 = +10 %). */
        CLIENT_P50_CHANGE("client_p50_change", "%"),
        /** Relative change of client p95 from the baseline (0.1 = +10 %). */
        CLIENT_P95_CHANGE("client_p95_change", "%"),
        /** Relative change of client p99 from the baseline (0.1 = +10 %). */
        CLIENT_P99_CHANGE("client_p99_change", "%"),
        /** Change of the error rate from the baseline, in percentage points as a ratio (0.01 = +1 point). */
        ERROR_RATE_CHANGE("error_rate_change", "%"),
        /** Change of the scaling lag from the baseline, seconds. */
        SCALING_LAG_CHANGE("scaling_lag_change", "s"),
        /** Number of key figures that regressed against the baseline. */
        REGRESSIONS("regressions", "");

        private final String id;
        private final String unit;

        Metric(String id, String unit) {
            this.id = id;
            this.unit = unit;
        }

        /**
         * The metric's name in gate expressions and reports.
         *
         * @return the lower-case id, e.g. {@code client_p95}; {@code findings} for every {@code findings.<x>} gate
         */
        public String id() {
            return id;
        }

        /**
         * The unit thresholds and measurements are in.
         *
         * @return {@code s}, {@code ms}, {@code %} (a change held as a ratio, written and shown in percent) or empty
         *     (a count, a share from 0 to 1, or the {@code bottleneck} tier)
         */
        public String unit() {
            return unit;
        }

        /**
         * Whether the metric compares the run with a baseline ({@code *_change} and {@code regressions}).
         *
         * @return true when a gate on it is inconclusive without a baseline
         */
        public boolean needsBaseline() {
            return switch (this) {
                case CLIENT_P50_CHANGE,
                        CLIENT_P95_CHANGE,
                        CLIENT_P99_CHANGE,
                        ERROR_RATE_CHANGE,
                        SCALING_LAG_CHANGE,
                        REGRESSIONS -> true;
                default -> false;
            };
        }

        /** The key figure a {@code *_change} metric compares, e.g. {@code client_p95}; empty for the others. */
        String figure() {
            return id.endsWith("_change") ? id.substring(0, id.length() - "_change".length()) : "";
        }

        static @Nullable Metric ofId(String id) {
            for (Metric m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** How a gate compares its measured figure with its threshold. */
    public enum Operator {
        /** {@code <=}: passes when the figure is at most the threshold. */
        LE("<="),
        /** {@code >=}: passes when the figure is at least the threshold. */
        GE(">="),
        /** {@code ==}: passes when the figure equals the threshold (or, for {@code bottleneck}, is that tier). */
        EQ("=="),
        /** {@code !=}: passes when the figure differs from the threshold (or, for {@code bottleneck}, that tier). */
        NE("!="),
        /** {@code <}: passes when the figure is below the threshold. */
        LT("<"),
        /** {@code >}: passes when the figure is above the threshold. */
        GT(">");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /**
         * The operator as written in gate expressions.
         *
         * @return one of {@code < <= > >= == !=}
         */
        public String symbol() {
            return symbol;
        }

        /**
         * Whether {@code measured OP threshold} holds, as Java compares doubles: a NaN on either side fails every
         * operator but {@code !=}.
         *
         * @param measured the figure, in the metric's {@link Metric#unit() unit}
         * @param threshold the gate's threshold, in the same unit
         * @return true when the comparison holds
         */
        public boolean test(double measured, double threshold) {
            return switch (this) {
                case LT -> measured < threshold;
                case LE -> measured <= threshold;
                case GT -> measured > threshold;
                case GE -> measured >= threshold;
                case EQ -> measured == threshold;
                case NE -> measured != threshold;
            };
        }
    }

    private final String expression;
    private final Metric metric;
    private final Operator operator;
    private final double threshold;
    private final @Nullable LatencyTier tier;
    private final @Nullable Severity severity;
    private final @Nullable FindingKind kind;

    private Gate(
            String expression,
            Metric metric,
            Operator operator,
            double threshold,
            @Nullable LatencyTier tier,
            @Nullable Severity severity,
            @Nullable FindingKind kind) {
        this.expression = expression;
        this.metric = metric;
        this.operator = operator;
        this.threshold = threshold;
        this.tier = tier;
        this.severity = severity;
        this.kind = kind;
    }

    /**
     * Parses a gate from {@code METRIC OP VALUE[UNIT]}, e.g. {@code client_p95<800ms}, {@code error_rate<=1%},
     * {@code findings.high==0}, {@code bottleneck!=backend}. Metric and unit names are case-insensitive; spaces may
     * surround the operator. A time is converted to the metric's unit ({@code scaling_lag<2m} is 120 s), {@code %}
     * divides by 100.
     *
     * @param expression the gate as written; leading and trailing white space is dropped
     * @return the gate, its {@link #expression()} the trimmed text
     * @throws GateParseException naming the expression, the position and what was expected: an unknown metric,
     *     severity, kind, operator, tier or unit, a missing or non-finite value, a time unit on a metric that is no
     *     time, or an operator other than {@code ==}/{@code !=} for {@code bottleneck}
     * @throws NullPointerException when {@code expression} is null
     */
    public static Gate parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        String e = expression.strip();
        int i = 0;
        while (i < e.length() && (Character.isLetterOrDigit(e.charAt(i)) || e.charAt(i) == '_' || e.charAt(i) == '.')) {
            i++;
        }
        String name = e.substring(0, i).toLowerCase(Locale.ROOT);
        String known = Arrays.stream(Metric.values()).map(Metric::id).toList() + " or findings.<severity|kind>";
        if (name.isEmpty()) {
            throw new GateParseException(e, 0, "expected a metric name, one of " + known);
        }
        Severity severity = null;
        FindingKind kind = null;
        Metric metric;
        if (name.startsWith("findings.")) {
            metric = Metric.FINDINGS;
            String sub = name.substring("findings.".length());
            severity = Arrays.stream(Severity.values())
                    .filter(s -> s.label().equals(sub))
                    .findFirst()
                    .orElse(null);
            kind = Arrays.stream(FindingKind.values())
                    .filter(k -> k.id().equals(sub))
                    .findFirst()
                    .orElse(null);
            if (severity == null && kind == null) {
                throw new GateParseException(
                        e,
                        "findings.".length(),
                        "unknown finding severity or kind '" + cut(sub)
                                + "', expected one of "
                                + Arrays.stream(Severity.values())
                                        .map(Severity::label)
                                        .toList()
                                + " or "
                                + Arrays.stream(FindingKind.values())
                                        .map(FindingKind::id)
                                        .toList());
            }
        } else {
            metric = Metric.ofId(name);
            if (metric == null) {
                throw new GateParseException(e, 0, "unknown metric '" + cut(name) + "', expected one of " + known);
            }
        }
        int opStart = skipSpaces(e, i);
        Operator op = null;
        for (Operator o : Operator.values()) { // two-character operators first: <= before <
            if (e.startsWith(o.symbol(), opStart)) {
                op = o;
                break;
            }
        }
        if (op == null) {
            throw new GateParseException(e, opStart, "expected an operator: < <= > >= == !=");
        }
        int valueStart = skipSpaces(e, opStart + op.symbol().length());
        String rhs = e.substring(valueStart).strip();
        if (rhs.isEmpty()) {
            throw new GateParseException(e, valueStart, "expected a value after '" + op.symbol() + "'");
        }
        if (metric == Metric.BOTTLENECK) {
            if (op != Operator.EQ && op != Operator.NE) {
                throw new GateParseException(e, opStart, "bottleneck compares with == or != only");
            }
            try {
                return new Gate(e, metric, op, Double.NaN, LatencyTier.ofId(rhs), null, null);
            } catch (IllegalArgumentException ex) {
                throw new GateParseException(
                        e,
                        valueStart,
                        "expected one of "
                                + Arrays.stream(LatencyTier.values())
                                        .map(LatencyTier::id)
                                        .toList());
            }
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
        boolean share = RATIOS.contains(metric);
        double value = switch (unit) {
            case "" -> {
                if (metric.unit().equals("%") && Math.abs(number) > 1) {
                    throw new GateParseException(
                            e,
                            valueStart,
                            "'" + metric.id() + "' is a "
                                    + (metric == Metric.ERROR_RATE_CHANGE
                                            ? "change in percentage points"
                                            : "relative change")
                                    + ": write " + cut(rhs) + "% or a fraction such as 0.1");
                }
                if (share && Math.abs(number) > 1) {
                    throw new GateParseException(
                            e,
                            valueStart,
                            "'" + metric.id() + "' is a share from 0 to 1: write " + cut(rhs) + "% or a fraction such"
                                    + " as 0.9");
                }
                yield number;
            }
            case "%" -> {
                if (!share && !metric.unit().equals("%")) {
                    throw new GateParseException(
                            e,
                            valueStart + j,
                            "'" + metric.id() + "' is "
                                    + (metric.unit().isEmpty()
                                            ? "a count: drop the %"
                                            : "a time: write it in ms, s or m, e.g. "
                                                    + (metric.unit().equals("ms") ? "500ms" : "150s")));
                }
                yield number / 100;
            }
            case "ms" -> timeUnit(e, valueStart + j, metric, number, 0.001);
            case "s" -> timeUnit(e, valueStart + j, metric, number, 1);
            case "m" -> timeUnit(e, valueStart + j, metric, number, 60);
            default ->
                throw new GateParseException(
                        e, valueStart + j, "unknown unit '" + cut(unit) + "', expected ms, s, m or %");
        };
        if (!Double.isFinite(value)) {
            throw new GateParseException(e, valueStart, "the value must be a finite number, but is " + cut(rhs));
        }
        return new Gate(e, metric, op, value, null, severity, kind);
    }

    /** Metrics held as a share from 0 to 1: written as a fraction or a percentage. */
    private static final Set<Metric> RATIOS = EnumSet.of(
            Metric.ERROR_RATE,
            Metric.LB_LATENCY_SHARE,
            Metric.BACKEND_LATENCY_SHARE,
            Metric.EDGE_LATENCY_SHARE,
            Metric.COVERAGE);

    /** A piece of the expression for a message: at most 40 characters. */
    private static String cut(String s) {
        return GateParseException.quote(s, 40);
    }

    /** A time in the metric's own unit: seconds for {@code scaling_lag}/{@code skew}, ms for client percentiles. */
    private static double timeUnit(String e, int pos, Metric metric, double number, double seconds) {
        return switch (metric.unit()) {
            case "ms" -> number * seconds * 1000;
            case "s" -> number * seconds;
            case "%" ->
                throw new GateParseException(
                        e,
                        pos,
                        "'" + metric.id() + "' is a "
                                + (metric == Metric.ERROR_RATE_CHANGE
                                        ? "change in percentage points"
                                        : "relative change")
                                + ": write a percentage, e.g. 10%");
            default -> throw new GateParseException(e, pos, "'" + metric.id() + "' is not a time: drop the unit");
        };
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * The gate as written, the key of {@link #equals(Object)}.
     *
     * @return the expression given to {@link #parse}, trimmed
     */
    public String expression() {
        return expression;
    }

    /**
     * What the gate measures.
     *
     * @return the metric; {@link Metric#FINDINGS} for {@code findings} and every {@code findings.<x>}
     */
    public Metric metric() {
        return metric;
    }

    /**
     * How the measured figure is compared with the threshold.
     *
     * @return the operator
     */
    public Operator operator() {
        return operator;
    }

    /**
     * The threshold, converted to the metric's {@link Metric#unit()}: {@code client_p95<1s} holds 1000 (ms),
     * {@code error_rate<2%} holds 0.02.
     *
     * @return a finite number; NaN for {@code bottleneck}, which compares with {@link #tier()}
     */
    public double threshold() {
        return threshold;
    }

    /**
     * The tier a {@code bottleneck} gate compares with.
     *
     * @return the tier; empty for every other metric
     */
    public Optional<LatencyTier> tier() {
        return Optional.ofNullable(tier);
    }

    /**
     * The groups of cloud signals this gate's figure rests on: scaling gates on node CPU and the node count, the
     * bottleneck and tier shares on the server side's latency, skew on a request count, findings counts on whatever
     * the counted kinds need (all of them for {@code findings} and {@code findings.<severity>}).
     *
     * @return the groups whose coverage decides whether the gate can pass or fail; empty for the client-side
     *     figures, {@code coverage} and the baseline figures other than {@code scaling_lag_change}
     */
    public Set<SignalGroup> needs() {
        return switch (metric) {
            case SCALING_LAG -> EnumSet.of(SignalGroup.SCALING);
            case LB_LATENCY_SHARE, BACKEND_LATENCY_SHARE, EDGE_LATENCY_SHARE, BOTTLENECK ->
                EnumSet.of(SignalGroup.SERVER_LATENCY);
            case SKEW -> EnumSet.of(SignalGroup.REQUEST_COUNT);
            case FINDINGS -> kind == null ? EnumSet.of(SignalGroup.SCALING, SignalGroup.SERVER_LATENCY) : needs(kind);
            case SCALING_LAG_CHANGE -> EnumSet.of(SignalGroup.SCALING);
            case CLIENT_P50,
                    CLIENT_P95,
                    CLIENT_P99,
                    ERROR_RATE,
                    COVERAGE,
                    CLIENT_P50_CHANGE,
                    CLIENT_P95_CHANGE,
                    CLIENT_P99_CHANGE,
                    ERROR_RATE_CHANGE,
                    REGRESSIONS -> EnumSet.noneOf(SignalGroup.class);
        };
    }

    /**
     * Whether the gate compares the run with a baseline.
     *
     * @return true for the {@code *_change} and {@code regressions} gates, which are inconclusive without one
     */
    public boolean needsBaseline() {
        return metric.needsBaseline();
    }

    private static Set<SignalGroup> needs(FindingKind kind) {
        return switch (kind) {
            case SCALING_LAG, SCALING_CEILING, NO_SCALE_UP, SCALING_FLAPPING -> EnumSet.of(SignalGroup.SCALING);
            case LATENCY_BOTTLENECK -> EnumSet.of(SignalGroup.SERVER_LATENCY);
            default -> EnumSet.noneOf(SignalGroup.class);
        };
    }

    /**
     * Evaluates the gate without a baseline: a gate that {@link #needsBaseline() needs one} is inconclusive. It is
     * inconclusive, never passed, when its figure cannot be measured or rests on signals the sources did not cover over
     * the run.
     *
     * @param r the analysis of the run
     * @return the outcome, with the measured figure as text in the metric's unit ({@code n/a} when not measured)
     *     and, when inconclusive, why
     */
    public GateResult evaluate(AnalysisResult r) {
        return evaluate(r, Optional.empty());
    }

    /**
     * Evaluates the gate, against the baseline comparison for the gates that {@link #needsBaseline() need one}. It is
     * inconclusive, never passed, when its figure cannot be measured, rests on signals the sources did not cover over
     * the run, or needs a baseline that is absent or lacks the figure; skipped when it needs a baseline and this run is
     * the {@link BaselineComparison#first() first} its selector can choose.
     *
     * @param r the analysis of the run
     * @param baseline the run compared with its baselines; empty when there is none, which only the gates that
     *     {@link #needsBaseline() need one} notice
     * @return the outcome, with the measured figure as text in the metric's unit ({@code n/a} when not measured)
     *     and, when inconclusive, why
     */
    public GateResult evaluate(AnalysisResult r, Optional<BaselineComparison> baseline) {
        List<String> missing = new ArrayList<>();
        for (SignalGroup g : needs()) {
            SignalCoverage c = r.evidence(g);
            if (!c.covered()) {
                missing.add(
                        c.asked()
                                ? String.format(
                                        Locale.ROOT,
                                        "%s, which the sources covered for %.0f %% of the run",
                                        g.label(),
                                        c.ratio() * 100)
                                : g.label() + ", which no cloud source was asked for");
            }
        }
        String note = missing.isEmpty() ? "" : "needs " + String.join(", and ", missing);
        if (metric == Metric.BOTTLENECK) {
            LatencyTier measured = r.bottleneck();
            if (!missing.isEmpty() || measured == LatencyTier.UNKNOWN) {
                return new GateResult(expression, measured.id(), GateResult.Outcome.INCONCLUSIVE, note);
            }
            boolean eq = measured == tier;
            return new GateResult(expression, measured.id(), outcome((operator == Operator.EQ) == eq), "");
        }
        if (metric.needsBaseline()) {
            if (baseline.isPresent() && baseline.get().first()) {
                return new GateResult(
                        expression,
                        "n/a",
                        GateResult.Outcome.SKIPPED,
                        "no baseline yet: " + baseline.get().problem());
            }
            String problem = baseline.isEmpty()
                    ? "needs a baseline, and none was given"
                    : baseline.get().available()
                            ? ""
                            : "needs a baseline: " + baseline.get().problem();
            if (!problem.isEmpty()) {
                return new GateResult(
                        expression,
                        "n/a",
                        GateResult.Outcome.INCONCLUSIVE,
                        note.isEmpty() ? problem : problem + "; and " + note);
            }
        }
        double v = metric.needsBaseline() ? measure(r, baseline.orElseThrow()) : measure(r);
        if (Double.isNaN(v)) {
            String why = "the analysis could not measure " + metric.id();
            if (metric.needsBaseline() && metric != Metric.REGRESSIONS) {
                why = baseline.orElseThrow()
                        .figure(metric.figure())
                        .map(c -> metric.figure() + " was not compared: " + c.reason())
                        .orElse("neither this run nor the baseline has " + metric.figure());
            }
            return new GateResult(expression, "n/a", GateResult.Outcome.INCONCLUSIVE, note.isEmpty() ? why : note);
        }
        if (!missing.isEmpty()) {
            return new GateResult(expression, format(v), GateResult.Outcome.INCONCLUSIVE, note);
        }
        return new GateResult(expression, format(v), outcome(operator.test(v, threshold)), "");
    }

    private static GateResult.Outcome outcome(boolean passed) {
        return passed ? GateResult.Outcome.PASSED : GateResult.Outcome.FAILED;
    }

    private String format(double v) {
        if (metric == Metric.FINDINGS || metric == Metric.REGRESSIONS) {
            return Long.toString(Math.round(v));
        }
        if (metric == Metric.SCALING_LAG_CHANGE && Double.isInfinite(v)) {
            return "no new node";
        }
        if (metric.unit().equals("%")) {
            return String.format(Locale.ROOT, "%+.3f", v * 100).replaceAll("\\.?0+$", "") + "%";
        }
        if (Double.isInfinite(v)) {
            return metric == Metric.SCALING_LAG ? "no new node" : "∞";
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "") + metric.unit();
    }

    private double measure(AnalysisResult r) {
        var http = r.aligned().run().timeline().http();
        return switch (metric) {
            case SCALING_LAG -> scalingLag(r);
            case CLIENT_P50 -> http.distribution(LoadMetrics.REQUEST_DURATION).percentile(50);
            case CLIENT_P95 -> http.distribution(LoadMetrics.REQUEST_DURATION).percentile(95);
            case CLIENT_P99 -> http.distribution(LoadMetrics.REQUEST_DURATION).percentile(99);
            case ERROR_RATE -> http.errorRate();
            case LB_LATENCY_SHARE -> share(r, LatencyTier.LOAD_BALANCER);
            case BACKEND_LATENCY_SHARE -> share(r, LatencyTier.BACKEND);
            case EDGE_LATENCY_SHARE -> share(r, LatencyTier.NETWORK_EDGE);
            case SKEW -> r.skew().isEstimated() ? r.skew().seconds() : Double.NaN;
            case FINDINGS ->
                r.findings().stream()
                        .filter(f ->
                                (severity == null || f.severity() == severity) && (kind == null || f.kind() == kind))
                        .count();
            case COVERAGE ->
                r.evidence().stream()
                        .filter(SignalCoverage::asked)
                        .mapToDouble(SignalCoverage::ratio)
                        .min()
                        .orElse(Double.NaN);
            case BOTTLENECK -> throw new IllegalStateException("bottleneck is compared as text");
            case CLIENT_P50_CHANGE,
                    CLIENT_P95_CHANGE,
                    CLIENT_P99_CHANGE,
                    ERROR_RATE_CHANGE,
                    SCALING_LAG_CHANGE,
                    REGRESSIONS -> throw new IllegalStateException(metric.id() + " needs a baseline");
        };
    }

    /** A figure against the baseline: a relative change, a change in points or seconds, or a count; NaN if unknown. */
    private double measure(AnalysisResult r, BaselineComparison b) {
        if (metric == Metric.REGRESSIONS) {
            return b.regressions().size();
        }
        Optional<FigureChange> c = b.figure(metric.figure());
        if (metric == Metric.SCALING_LAG_CHANGE) {
            if (!r.findings(FindingKind.NO_SCALE_UP).isEmpty()) {
                return Double.POSITIVE_INFINITY;
            }
            if (c.isEmpty()) {
                // neither this run nor a baseline saturated: no lag on either side
                return r.covered(SignalGroup.SCALING) && Double.isNaN(r.scalingLagSeconds()) ? 0 : Double.NaN;
            }
            return c.get().change();
        }
        if (c.isEmpty() || c.get().outcome() == FigureChange.Outcome.NO_DATA) {
            return Double.NaN;
        }
        return metric == Metric.ERROR_RATE_CHANGE ? c.get().change() : c.get().relativeChange();
    }

    /**
     * The longest scaling lag of the run, over every saturation episode: infinite when an episode saw no new node
     * (no-scale-up, or a lag finding without capacity); 0 when node CPU never saturated (nothing had to scale, which a
     * covered run shows); NaN when the scaling signals were not covered.
     */
    private static double scalingLag(AnalysisResult r) {
        if (!r.findings(FindingKind.NO_SCALE_UP).isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double longest = Double.NaN;
        for (Finding f : r.findings(FindingKind.SCALING_LAG)) {
            double lag = ((Finding.ScalingLag) f).lagSeconds();
            double v = Double.isNaN(lag) ? Double.POSITIVE_INFINITY : lag;
            longest = Double.isNaN(longest) ? v : Math.max(longest, v);
        }
        if (!Double.isNaN(longest)) {
            return longest;
        }
        return r.covered(SignalGroup.SCALING) ? 0 : Double.NaN;
    }

    /** Share of the p95 growth placed in a tier; 0 when latency did not grow enough to place. */
    private static double share(AnalysisResult r, LatencyTier tier) {
        for (Finding f : r.findings(FindingKind.LATENCY_BOTTLENECK)) {
            Finding.LatencyBottleneck b = (Finding.LatencyBottleneck) f;
            double total = b.shares().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            return total <= 0 ? 0 : b.shares().getOrDefault(tier, 0.0) / total;
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gate g && g.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
