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
package dev.plimsoll.report;

import static dev.plimsoll.report.Html.h;

import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.analysis.SignalGroup;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.Gate;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunSummary;
import dev.plimsoll.run.RunTotals;
import dev.plimsoll.run.ThresholdResult;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.io.IOException;
import java.io.Writer;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The top of the report, readable without scrolling: the verdict and why, then the figures a performance engineer
 * looks for first — bottleneck tier with the growth per tier, scaling lag, client p95 baseline → peak, error rate,
 * node count during the run, gates and k6 thresholds — each the same figure the JSON report holds.
 */
final class Headline {
    private Headline() {}

    static void write(Writer out, Report report, ReportClock clock) throws IOException {
        AnalysisResult r = report.result();
        Verdict verdict = report.verdict();
        out.write("<section class=\"headline\" aria-labelledby=\"verdict\">\n");
        out.write("<p id=\"verdict\" class=\"verdict " + verdict.id() + "\"><span class=\"icon\" aria-hidden=\"true\">"
                + switch (verdict) {
                    case PASS -> "✓";
                    case FAIL -> "✗";
                    case INCONCLUSIVE -> "?";
                }
                + "</span> <b>" + verdict.id().toUpperCase(Locale.ROOT) + "</b> <span class=\"why\">"
                + h(summary(report, verdict)) + "</span></p>\n");
        out.write("<dl class=\"cards\">\n");
        bottleneck(out, r);
        scalingLag(out, report, clock);
        clientP95(out, r);
        errors(out, r.aligned().run());
        nodes(out, r);
        gates(out, report);
        out.write("</dl>\n");
        if (verdict != Verdict.PASS && !report.reasons().isEmpty()) {
            out.write("<ul class=\"reasons\">");
            for (String reason : report.reasons()) {
                out.write("<li>" + h(reason) + "</li>");
            }
            out.write("</ul>\n");
        }
        out.write("</section>\n");
    }

    private static String summary(Report report, Verdict verdict) {
        long failedGates = report.gates().stream().filter(GateResult::failed).count();
        return switch (verdict) {
            case PASS -> {
                long warnings =
                        report.result().findingsAtLeast(Severity.WARNING).size();
                long skipped = report.gates().stream()
                        .filter(g -> g.outcome() == GateResult.Outcome.SKIPPED)
                        .count();
                yield (report.gates().size() == skipped
                                ? "nothing failed, on data that covers the run"
                                : "every gate held, on data that covers the run")
                        + (skipped == 0
                                ? ""
                                : " — " + skipped + " baseline gate" + (skipped == 1 ? "" : "s")
                                        + " skipped: this is the first run to compare with")
                        + (warnings == 0
                                ? ""
                                : " — but " + warnings + " finding" + (warnings == 1 ? " is" : "s are")
                                        + " at warning or above");
            }
            case FAIL -> {
                int findings = report.reasons().size() - (int) failedGates;
                yield (failedGates > 0 ? failedGates + " gate" + (failedGates == 1 ? "" : "s") + " failed" : "")
                        + (failedGates > 0 && findings > 0 ? ", " : "")
                        + (findings > 0
                                ? findings + " finding" + (findings == 1 ? "" : "s") + " at or above "
                                        + report.failOn().map(Severity::label).orElse("")
                                : "");
            }
            case INCONCLUSIVE -> "nothing failed, but something could not be decided";
        };
    }

    private static void card(Writer out, String id, String term, String value, String sub, String extra)
            throws IOException {
        out.write("<div class=\"card\" id=\"card-" + id + "\"><dt>" + h(term) + "</dt><dd class=\"value\">" + value
                + "</dd><dd class=\"sub\">" + sub + "</dd>" + extra + "</div>\n");
    }

    private static void bottleneck(Writer out, AnalysisResult r) throws IOException {
        LatencyTier tier = r.bottleneck();
        Optional<Finding.LatencyBottleneck> b =
                first(r, FindingKind.LATENCY_BOTTLENECK, Finding.LatencyBottleneck.class);
        String sub = switch (tier) {
            case NONE -> "p95 did not grow enough under load to place";
            case UNKNOWN -> b.isPresent() ? "where p95 grew is unknown" : "no load-balancer or backend latency";
            default -> "";
        };
        String extra = "";
        if (b.isPresent() && !b.get().shares().isEmpty()) {
            Map<LatencyTier, Double> shares = b.get().shares();
            double total =
                    shares.values().stream().mapToDouble(v -> Math.max(0, v)).sum();
            StringBuilder bar = new StringBuilder("<dd class=\"tierbar\" aria-hidden=\"true\">");
            StringBuilder text = new StringBuilder();
            for (Map.Entry<LatencyTier, Double> e : shares.entrySet()) {
                double v = Math.max(0, e.getValue());
                if (total > 0 && v > 0) {
                    bar.append("<span class=\"tier-")
                            .append(e.getKey().id())
                            .append("\" style=\"width:")
                            .append(Html.fixed(100 * v / total, 1))
                            .append("%\"></span>");
                }
                text.append(text.length() == 0 ? "" : " · ")
                        .append(h(e.getKey().id().replace('_', ' ')))
                        .append(" +")
                        .append(Html.ms(e.getValue()))
                        .append(" ms");
            }
            bar.append("</dd>");
            sub = "p95 growth by tier: " + text;
            extra = total > 0 ? bar.toString() : "";
        }
        card(out, "bottleneck", "Bottleneck", h(tier.id().replace('_', ' ')), sub, extra);
    }

    private static void scalingLag(Writer out, Report report, ReportClock clock) throws IOException {
        AnalysisResult r = report.result();
        // in time order (findings come by severity first)
        List<Finding.ScalingLag> lags = r.findings(FindingKind.SCALING_LAG).stream()
                .filter(Finding.ScalingLag.class::isInstance)
                .map(Finding.ScalingLag.class::cast)
                .sorted(java.util.Comparator.comparing(Finding.ScalingLag::saturationStart))
                .toList();
        String gate = report.gates().stream()
                .filter(g -> metricOf(g) == Gate.Metric.SCALING_LAG)
                .map(g -> "; gate <code>" + h(g.expression()) + "</code>: "
                        + g.outcome().id())
                .findFirst()
                .orElse("");
        String value;
        String sub;
        if (!lags.isEmpty()) {
            // the longest episode (no new node counts as endless): the figure the scaling_lag gate holds
            Finding.ScalingLag lag = lags.stream()
                    .max(java.util.Comparator.comparingDouble(
                            l -> Double.isNaN(l.lagSeconds()) ? Double.POSITIVE_INFINITY : l.lagSeconds()))
                    .orElseThrow();
            String saturated = "saturated " + clock.time(lag.saturationStart().truncatedTo(ChronoUnit.SECONDS));
            if (lag.capacityReady().isPresent() && !Double.isNaN(lag.lagSeconds())) {
                value = Html.fixed(lag.lagSeconds(), 0) + " s";
                sub = saturated + " → first new node Ready "
                        + clock.time(lag.capacityReady().get().truncatedTo(ChronoUnit.SECONDS)) + "; "
                        + (lag.lagSeconds() > lag.budgetSeconds() ? "over" : "within") + " the budget of "
                        + Html.fixed(lag.budgetSeconds(), 0) + " s";
            } else {
                value = "no new node";
                sub = saturated + ", and no new node was Ready during the run";
            }
            if (lags.size() > 1) {
                sub += "; the longest of " + lags.size() + " episodes: "
                        + lags.stream()
                                .map(l -> Double.isNaN(l.lagSeconds())
                                        ? "no new node"
                                        : Html.fixed(l.lagSeconds(), 0) + " s")
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("");
            }
            sub = h(sub);
        } else if (!r.findings(FindingKind.NO_SCALE_UP).isEmpty()) {
            value = "no scale-up";
            sub = "saturated, and capacity did not grow";
        } else if (r.covered(SignalGroup.SCALING)) {
            value = "none";
            sub = "the nodes did not saturate";
        } else {
            value = "not measured";
            sub = "no node CPU and node count covered the run";
        }
        card(out, "lag", "Scaling lag", h(value), sub + gate, "");
    }

    private static void clientP95(Writer out, AnalysisResult r) throws IOException {
        LoadRun run = r.aligned().run();
        Distribution d = run.timeline().http().distribution(LoadMetrics.REQUEST_DURATION);
        Optional<Finding.LatencyBottleneck> b =
                first(r, FindingKind.LATENCY_BOTTLENECK, Finding.LatencyBottleneck.class);
        double base = Double.NaN;
        double peak = Double.NaN;
        if (b.isPresent()) {
            for (Evidence e : b.get().evidence()) {
                if (e.label().startsWith("client p95") && e.label().endsWith("baseline")) {
                    base = e.value();
                } else if (e.label().startsWith("client p95") && e.label().endsWith("peak window")) {
                    peak = e.value();
                }
            }
        }
        String whole = "whole run p95 " + Html.ms(d.percentile(95)) + " ms, p99 " + Html.ms(d.percentile(99)) + " ms";
        if (!Double.isNaN(base) && !Double.isNaN(peak)) {
            card(
                    out,
                    "p95",
                    "Client p95",
                    Html.roundMs(base) + " → " + Html.roundMs(peak) + " ms",
                    "baseline → peak window; " + whole,
                    "");
        } else {
            card(
                    out,
                    "p95",
                    "Client p95",
                    Html.ms(d.percentile(95)) + " ms",
                    "whole run; p99 " + Html.ms(d.percentile(99)) + " ms",
                    "");
        }
    }

    private static void errors(Writer out, LoadRun run) throws IOException {
        RunTotals t = run.totals();
        String dropped =
                t.droppedIterations() > 0 ? "; " + Html.count(t.droppedIterations()) + " dropped iterations" : "";
        card(
                out,
                "errors",
                "Error rate",
                h(Html.percent(Double.isNaN(t.errorRate()) ? 0 : t.errorRate())),
                Html.count(t.failedRequests()) + " of " + Html.count(t.requests()) + " requests failed" + dropped,
                "");
    }

    private static void nodes(Writer out, AnalysisResult r) throws IOException {
        var ar = r.aligned();
        Optional<FetchedSeries> f = ar.signal(Signal.NODE_COUNT).or(() -> ar.signal(Signal.ASG_IN_SERVICE));
        Optional<Finding.ScalingCeiling> ceiling = first(r, FindingKind.SCALING_CEILING, Finding.ScalingCeiling.class);
        String max = ceiling.map(c -> "; the node group's maximum, " + c.maxNodes() + ", was reached")
                .orElse("");
        if (f.isEmpty()) {
            card(out, "nodes", "Nodes", "n/a", "no node count was fetched", "");
            return;
        }
        TimeSeries s = f.get().series().slice(ar.run().window());
        double first = Double.NaN;
        double top = Double.NaN;
        for (int i = 0; i < s.size(); i++) {
            double v = s.valueAt(i);
            if (!Double.isNaN(v)) {
                first = Double.isNaN(first) ? v : first;
                top = Double.isNaN(top) ? v : Math.max(top, v);
            }
        }
        if (Double.isNaN(first)) {
            card(out, "nodes", "Nodes", "n/a", "the node count had no value during the run", "");
            return;
        }
        String value = first == top ? Html.num(first) : Html.num(first) + " → " + Html.num(top);
        card(out, "nodes", "Nodes during the run", h(value), h("start → peak, " + SeriesLabels.of(f.get()) + max), "");
    }

    private static void gates(Writer out, Report report) throws IOException {
        List<GateResult> gates = report.gates();
        long passed = gates.stream().filter(GateResult::passed).count();
        StringBuilder sub = new StringBuilder();
        for (GateResult g : gates) {
            if (!g.passed()) {
                sub.append(sub.length() == 0 ? "" : "; ")
                        .append(g.outcome().id())
                        .append(": <code>")
                        .append(h(g.expression()))
                        .append("</code>");
            }
        }
        String thresholds = report.result()
                .aligned()
                .run()
                .summary()
                .map(Headline::thresholds)
                .orElse("");
        String value = gates.isEmpty() ? "none given" : passed + " of " + gates.size() + " passed";
        String s = sub.length() == 0 ? (gates.isEmpty() ? "" : "all held") : sub.toString();
        card(out, "gates", "Gates", h(value), s + (s.isEmpty() || thresholds.isEmpty() ? "" : "; ") + thresholds, "");
    }

    private static String thresholds(RunSummary s) {
        List<ThresholdResult> all = s.thresholds();
        if (all.isEmpty()) {
            return "";
        }
        long ok = all.stream().filter(ThresholdResult::passed).count();
        return "k6 thresholds: " + ok + " of " + all.size() + " passed";
    }

    private static Gate.@Nullable Metric metricOf(GateResult g) {
        try {
            return Gate.parse(g.expression()).metric();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T extends Finding> Optional<T> first(AnalysisResult r, FindingKind kind, Class<T> type) {
        return r.findings(kind).stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }
}
