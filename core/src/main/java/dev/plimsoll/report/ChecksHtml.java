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

import dev.plimsoll.gate.GateResult;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.MetricTimeline;
import dev.plimsoll.run.RunSummary;
import dev.plimsoll.run.ThresholdResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gates, then k6's own thresholds and checks as k6's summary shows them (✓/✗ with the measured figure). */
final class ChecksHtml {
    private static final Pattern THRESHOLD = Pattern.compile("\\s*([a-z]+(?:\\([0-9.]+\\))?)\\s*(?:[<>=!]=?=?).*");

    private ChecksHtml() {}

    static void gates(Writer out, List<GateResult> gates) throws IOException {
        if (gates.isEmpty()) {
            return;
        }
        out.write("<section id=\"gates\" aria-labelledby=\"gates-h\"><h2 id=\"gates-h\">Gates</h2>\n<table>"
                + "<tr><th scope=\"col\">gate</th><th scope=\"col\">measured</th><th scope=\"col\">result</th></tr>");
        for (GateResult g : gates) {
            out.write("<tr class=\"" + g.outcome().id() + "\"><td><code>" + h(g.expression()) + "</code></td><td>"
                    + h(g.measured()) + "</td><td>" + icon(g.outcome()) + " "
                    + g.outcome().id()
                    + (g.note().isEmpty() ? "" : " — " + h(g.note())) + "</td></tr>");
        }
        out.write("</table>\n</section>\n");
    }

    static void thresholds(Writer out, LoadRun run) throws IOException {
        Optional<RunSummary> summary = run.summary();
        List<ThresholdResult> thresholds = summary.map(RunSummary::thresholds).orElse(List.of());
        String checks = checks(run);
        if (thresholds.isEmpty() && checks.isEmpty()) {
            return;
        }
        out.write("<section id=\"thresholds\" aria-labelledby=\"thresholds-h\"><h2 id=\"thresholds-h\">"
                + h(SeriesLabels.source(run.tool())) + " thresholds and checks</h2>\n");
        if (!thresholds.isEmpty()) {
            out.write("<table class=\"thresholds\"><tr><th scope=\"col\">metric</th><th scope=\"col\">threshold</th>"
                    + "<th scope=\"col\">measured</th><th scope=\"col\">result</th></tr>");
            for (ThresholdResult t : thresholds) {
                out.write("<tr class=\"" + (t.passed() ? "pass" : "fail") + "\"><td><code>" + h(t.metric())
                        + "</code></td><td><code>" + h("'" + t.expression() + "'") + "</code></td><td>"
                        + h(measured(summary.get(), t)) + "</td><td>" + (t.passed() ? "✓ pass" : "✗ fail")
                        + "</td></tr>");
            }
            out.write("</table>\n");
        }
        if (!checks.isEmpty()) {
            out.write("<p class=\"checks\">" + checks + "</p>\n");
        }
        out.write("</section>\n");
    }

    /** {@code p(95)=250.32ms}, as k6 writes a threshold's figure; empty when the summary lacks it. */
    static String measured(RunSummary s, ThresholdResult t) {
        Matcher m = THRESHOLD.matcher(t.expression());
        if (!m.matches()) {
            return "";
        }
        String agg = m.group(1);
        OptionalDouble v = s.value(t.metric(), agg);
        if (v.isEmpty() && agg.equals("rate")) {
            v = s.value(t.metric(), "value"); // --summary-export writes a rate's figure as value
        }
        if (v.isEmpty()) {
            return "";
        }
        double x = v.getAsDouble();
        if (agg.equals("rate")) {
            return agg + "=" + Html.fixed(100 * x, 2) + "%";
        }
        String base =
                t.metric().contains("{") ? t.metric().substring(0, t.metric().indexOf('{')) : t.metric();
        boolean time = !agg.equals("count")
                && ((base.startsWith("http_req_") && !base.equals("http_req_failed"))
                        || base.equals("iteration_duration")
                        || base.equals("group_duration"));
        return agg + "=" + Html.num(Math.round(x * 100) / 100.0) + (time ? "ms" : "");
    }

    /** {@code checks 100.00 % ✓ 33 813 ✗ 0}, from the summary or else the run's samples. */
    private static String checks(LoadRun run) {
        long passes;
        long fails;
        Optional<RunSummary> s = run.summary();
        if (s.isPresent() && s.get().value("checks", "passes").isPresent()) {
            passes = Math.round(s.get().value("checks", "passes").getAsDouble());
            fails = Math.round(s.get().value("checks", "fails").orElse(0));
        } else {
            Optional<MetricTimeline> c = run.timeline().metric(LoadMetrics.CHECKS);
            if (c.isEmpty() || c.get().count() == 0) {
                return "";
            }
            passes = c.get().nonZero();
            fails = c.get().count() - passes;
        }
        long all = passes + fails;
        return "<span class=\"" + (fails == 0 ? "pass" : "fail") + "\">checks "
                + (all == 0 ? "n/a" : Html.fixed(100.0 * passes / all, 2) + " %") + " ✓ " + Html.count(passes) + " ✗ "
                + Html.count(fails) + "</span>";
    }

    private static String icon(GateResult.Outcome o) {
        return switch (o) {
            case PASSED -> "✓";
            case FAILED -> "✗";
            case INCONCLUSIVE -> "?";
            case SKIPPED -> "–";
        };
    }
}
