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

import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.baseline.FigureChange;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.RunTotals;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * A short Markdown summary for {@code $GITHUB_STEP_SUMMARY} or a PR comment: verdict, run figures, findings table
 * (info-level data notes counted, not listed), gate results. Table cells are escaped.
 *
 * @since 0.1
 */
final class MarkdownReport {
    private MarkdownReport() {}

    static void write(Report report, Writer out) throws IOException {
        var r = report.result();
        var run = r.aligned().run();
        RunTotals t = run.totals();
        var d = run.timeline().http().distribution(LoadMetrics.REQUEST_DURATION);
        long warnings = r.findingsAtLeast(Severity.WARNING).size();
        out.write("## Plimsoll: " + escape(report.title()) + "\n\n");
        Verdict verdict = report.verdict();
        String headline = switch (verdict) {
            case PASS -> report.gates().isEmpty() ? "✅ pass" : "✅ pass: all gates passed";
            case FAIL ->
                "❌ fail"
                        + (report.gates().stream().anyMatch(GateResult::failed)
                                ? ": "
                                        + report.gates().stream()
                                                .filter(GateResult::failed)
                                                .count() + " gate(s) failed"
                                : "");
            case INCONCLUSIVE -> "⚠️ inconclusive";
        };
        out.write(headline
                + " · bottleneck: **" + r.bottleneck().id() + "**"
                + (r.skew().isEstimated()
                        ? String.format(
                                Locale.ROOT, " · clock skew %+.1f s", r.skew().seconds())
                        : "")
                + (verdict == Verdict.PASS && warnings > 0 ? " · " + warnings + " finding(s) at warning or above" : "")
                + "\n\n");
        if (verdict != Verdict.PASS) {
            for (String reason : report.reasons()) {
                out.write("- " + escape(reason) + "\n");
            }
            out.write("\n");
        }
        out.write(String.format(
                Locale.ROOT,
                "%d requests, %.2f %% failed, p95 %.1f ms, p99 %.1f ms, %d VUs max, %s → %s" + "%n%n",
                t.requests(),
                100 * (Double.isNaN(t.errorRate()) ? 0 : t.errorRate()),
                d.percentile(95),
                d.percentile(99),
                t.vusMax(),
                run.window().start(),
                run.window().end()));
        long notes = r.findings().stream()
                .filter(f -> f.severity() == Severity.INFO && f.kind() == FindingKind.DATA_COVERAGE)
                .count();
        var listed = r.findings().stream()
                .filter(f -> !(f.severity() == Severity.INFO && f.kind() == FindingKind.DATA_COVERAGE))
                .toList();
        if (!listed.isEmpty()) {
            out.write("| severity | finding | when (UTC) | reason |\n|---|---|---|---|\n");
            for (Finding f : listed) {
                out.write("| " + f.severity().label() + " | " + f.kind().id() + " | "
                        + f.window().start() + " | " + escape(f.reason()) + " |\n");
            }
            out.write("\n");
        }
        if (notes > 0) {
            out.write(notes + " data-coverage note(s) in the HTML and JSON reports.\n\n");
        }
        if (report.baseline().isPresent()) {
            baseline(report.baseline().get(), out);
        }
        if (!report.gates().isEmpty()) {
            out.write("| gate | measured | result |\n|---|---|---|\n");
            for (GateResult g : report.gates()) {
                out.write("| `" + code(g.expression()) + "` | " + escape(g.measured()) + " | "
                        + switch (g.outcome()) {
                            case PASSED -> "✅ pass";
                            case FAILED -> "❌ fail";
                            case INCONCLUSIVE -> "⚠️ inconclusive";
                            case SKIPPED -> "⏭️ skipped: " + escape(g.note());
                        }
                        + " |\n");
            }
            out.write("\n");
        }
    }

    /** The comparison with the baseline runs: one row per compared figure, or why there was none. */
    private static void baseline(BaselineComparison b, Writer out) throws IOException {
        if (!b.available()) {
            out.write("Baseline `" + code(b.selector()) + "`: " + (b.first() ? "none yet" : "not compared") + " — "
                    + escape(b.problem()) + "\n\n");
            return;
        }
        out.write("Baseline `" + code(b.selector()) + "`: " + b.regressions().size() + " regression(s), "
                + b.improvements().size() + " improvement(s) against "
                + (b.baselineRunIds().size() == 1 ? "run " : b.baselineRunIds().size() + " runs ")
                + escape(String.join(", ", b.baselineRunIds())) + "\n\n");
        var rows = b.figures().stream()
                .filter(c -> c.outcome() != FigureChange.Outcome.NO_DATA)
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        out.write("| figure | baseline | this run | change | outcome | test |\n|---|---|---|---|---|---|\n");
        for (FigureChange c : rows) {
            String mark = switch (c.outcome()) {
                case REGRESSION -> "❌ regression";
                case IMPROVEMENT -> "✅ improvement";
                case CHANGE -> "↔ change";
                case UNCHANGED, NO_DATA -> "unchanged";
            };
            out.write("| " + c.figure() + " | " + value(c.baseline(), c.unit()) + " | " + value(c.current(), c.unit())
                    + " | " + change(c) + " | " + mark + " | " + c.test()
                    + (Double.isNaN(c.pValue()) ? "" : String.format(Locale.ROOT, " (p = %.2g)", c.pValue()))
                    + " |\n");
        }
        out.write("\n");
    }

    private static String value(double v, String unit) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return unit.equals("ratio") ? String.format(Locale.ROOT, "%.2f %%", v * 100) : num(v, "") + " " + unit;
    }

    /** A figure: one decimal from 100 up, two from 1, four below; trailing zeros dropped. */
    private static String num(double v, String sign) {
        double x = Math.abs(v) < 5e-5 ? 0 : v; // no "-0" for a change that rounds to nothing
        double a = Math.abs(x);
        String s = String.format(Locale.ROOT, "%" + sign + (a >= 100 ? ".1f" : a >= 1 ? ".2f" : ".4f"), x);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String change(FigureChange c) {
        if (Double.isNaN(c.change())) {
            return "–";
        }
        String abs =
                c.unit().equals("ratio") ? num(c.change() * 100, "+") + " pp" : num(c.change(), "+") + " " + c.unit();
        return Double.isNaN(c.relativeChange()) || c.unit().equals("ratio")
                ? abs
                : abs + String.format(Locale.ROOT, " (%+.1f %%)", c.relativeChange() * 100);
    }

    /** Text inside a code span: entities would show literally there, so only the cell and span delimiters go. */
    static String code(String s) {
        return s.replace("|", "\\|").replace("`", "'").replace("\n", " ");
    }

    /** Escapes what would break a table cell or inject markup. */
    static String escape(String s) {
        return s.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\n", " ")
                .replace("`", "\\`");
    }
}
