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
        if (!report.gates().isEmpty()) {
            out.write("| gate | measured | result |\n|---|---|---|\n");
            for (GateResult g : report.gates()) {
                out.write("| `" + code(g.expression()) + "` | " + escape(g.measured()) + " | "
                        + switch (g.outcome()) {
                            case PASSED -> "✅ pass";
                            case FAILED -> "❌ fail";
                            case INCONCLUSIVE -> "⚠️ inconclusive";
                        }
                        + " |\n");
            }
            out.write("\n");
        }
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
