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
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.GateResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report as JUnit XML (the Ant/Surefire schema CI test reporters read — GitHub, GitLab, Jenkins): one test
 * case per gate (failed when the gate failed) and one per finding above {@link Severity#INFO} (always a failure:
 * the finding is the message), in a suite named after the report.
 *
 * @since 0.1
 */
final class JUnitReport {
    private JUnitReport() {}

    static void write(Report report, Writer out) throws IOException {
        List<Finding> findings = report.result().findingsAtLeast(Severity.WARNING);
        long gateFailures = report.gates().stream().filter(GateResult::failed).count();
        long gateErrors = report.gates().stream()
                .filter(g -> g.outcome() == GateResult.Outcome.INCONCLUSIVE)
                .count();
        long gateSkips = report.gates().stream()
                .filter(g -> g.outcome() == GateResult.Outcome.SKIPPED)
                .count();
        int tests = report.gates().size() + findings.size();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuite name=\"plimsoll: " + x(report.title()) + "\" tests=\"" + tests + "\" failures=\""
                + (gateFailures + findings.size()) + "\" errors=\"" + gateErrors + "\" skipped=\"" + gateSkips
                + "\">\n");
        for (GateResult g : report.gates()) {
            out.write("  <testcase classname=\"plimsoll.gates\" name=\"" + x(g.expression()) + "\">");
            if (g.failed()) {
                out.write("<failure message=\"" + x("gate " + g.expression() + " failed: measured " + g.measured())
                        + "\" type=\"gate\"/>");
            } else if (g.outcome() == GateResult.Outcome.INCONCLUSIVE) {
                // an error, not a failure: the gate could not be evaluated on the data there was
                out.write("<error message=\"" + x("gate " + g.expression() + " is inconclusive: " + g.note())
                        + "\" type=\"inconclusive\"/>");
            } else if (g.outcome() == GateResult.Outcome.SKIPPED) {
                out.write("<skipped message=\"" + x("gate " + g.expression() + " skipped: " + g.note()) + "\"/>");
            }
            out.write("</testcase>\n");
        }
        for (Finding f : findings) {
            out.write("  <testcase classname=\"plimsoll.findings." + f.kind().id() + "\" name=\""
                    + x(f.kind().id()
                            + (f instanceof Finding.Regression r
                                    ? " of " + r.figure() // one per figure, all over the run's window
                                    : " at " + f.window().start()))
                    + "\"><failure message=\"" + x(f.reason())
                    + "\" type=\""
                    + f.severity().label() + "\">" + x(f.reason()) + "</failure></testcase>\n");
        }
        out.write("</testsuite>\n");
    }

    /** XML-escapes text and attribute values; drops characters XML 1.0 cannot hold. */
    static String x(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
