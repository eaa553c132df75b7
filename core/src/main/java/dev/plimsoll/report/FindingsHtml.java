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

import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.series.TimeWindow;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The findings, numbered as the charts' marks are, each with its evidence and a button that zooms every chart to its
 * span (keyboard-reachable: a real {@code button}).
 */
final class FindingsHtml {
    private FindingsHtml() {}

    static void write(Writer out, List<Finding> findings, ReportClock clock) throws IOException {
        out.write("<section id=\"findings\" aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">Findings</h2>\n");
        if (findings.isEmpty()) {
            out.write("<p>Nothing to report.</p>\n</section>\n");
            return;
        }
        out.write("<ol class=\"findings\">\n");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            int n = i + 1;
            TimeWindow w = f.window();
            out.write("<li class=\"finding " + f.severity().label() + "\" id=\"finding-" + n + "\">");
            out.write("<div class=\"fhead\"><span class=\"num\" aria-hidden=\"true\">" + n
                    + "</span> <span class=\"sev\">"
                    + f.severity().label() + "</span> <code>" + h(f.kind().id()) + "</code> "
                    + "<button type=\"button\" class=\"zoom\" data-from=\""
                    + Html.seconds(w.start().toEpochMilli())
                    + "\" data-to=\"" + Html.seconds(w.end().toEpochMilli()) + "\" aria-label=\"Show finding " + n
                    + " on the charts, " + h(clock.span(w)) + " " + h(clock.shortLabel()) + "\">"
                    + h(clock.span(w)) + "</button></div>");
            out.write("<p class=\"reason\">" + h(f.reason()) + "</p>");
            if (!f.evidence().isEmpty()) {
                out.write("<table class=\"evidence\"><tr><th scope=\"col\">evidence</th><th scope=\"col\">time ("
                        + h(clock.shortLabel()) + ")</th><th scope=\"col\" class=\"n\">value</th>"
                        + "<th scope=\"col\">series</th></tr>");
                for (Evidence e : f.evidence()) {
                    out.write("<tr><td>" + h(e.label()) + "</td><td>"
                            + (e.time() == null ? "" : h(clock.time(e.time())))
                            + "</td><td class=\"n\">" + h(Html.num(e.value()) + " " + e.unit()) + "</td><td><code>"
                            + h(e.series()) + "</code></td></tr>");
                }
                out.write("</table>");
            }
            if (f instanceof Finding.LatencyBottleneck b && !b.shares().isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (Map.Entry<LatencyTier, Double> e : b.shares().entrySet()) {
                    sb.append(sb.length() == 0 ? "" : " · ")
                            .append(e.getKey().id().replace('_', ' '))
                            .append(" +")
                            .append(Html.ms(e.getValue()))
                            .append(" ms");
                }
                out.write("<p class=\"tiers\">p95 growth by tier: " + h(sb.toString()) + "</p>");
            }
            out.write("</li>\n");
        }
        out.write("</ol>\n</section>\n");
    }
}
