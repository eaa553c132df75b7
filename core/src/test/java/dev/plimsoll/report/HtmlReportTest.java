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

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_795_665_600L;
    private static final String EVIL = "</script><img src=x onerror=alert(1)>&amp;\"'";

    private static Report report() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "k6");
        for (int s = 0; s < 120; s++) {
            b.record(K6Metrics.VUS, (T0 + s) * SECOND, 10, null, null, null);
            for (int i = 0; i < 5; i++) {
                long t = (T0 + s) * SECOND + i * 100_000_000L;
                String status = s >= 60 && s < 70 && i == 0 ? "503" : "200";
                b.record(K6Metrics.HTTP_REQS, t, 1, EVIL, status, null);
                b.record(K6Metrics.HTTP_REQ_DURATION, t, 20 + s, EVIL, status, null);
                b.record(K6Metrics.HTTP_REQ_FAILED, t, status.equals("503") ? 1 : 0, EVIL, status, null);
            }
        }
        LoadRun run = new LoadRun("k6", "unit", b.build(), Optional.empty(), IngestReport.empty());
        return LoadTestAnalysis.of(run).title("unit <b>").analyze();
    }

    private static String html(Report report, ReportOptions options) throws IOException {
        StringWriter w = new StringWriter();
        report.write(ReportFormat.HTML, w, options);
        return w.toString();
    }

    @Test
    void inputShouldStayTextInTheMarkupAndInTheChartData() throws IOException {
        String html = html(report(), ReportOptions.defaults());

        assertThat(html).doesNotContain(EVIL).doesNotContain("<b>\n").contains("unit &lt;b&gt;");
        assertThat(html).contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;&quot;&#39;");
        Matcher data = Pattern.compile(
                        "<script id=\"plimsoll-data\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(data.find()).isTrue();
        // nothing in the data can end its element or start markup; the name is there, escaped for JSON
        assertThat(data.group(1))
                .doesNotContain("<")
                .doesNotContain(">")
                .doesNotContain("&")
                .contains("\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e\\u0026amp;\\\"'");
    }

    @Test
    void theSameAnalysisShouldGiveTheSameBytes() throws IOException {
        Report report = report();

        assertThat(html(report, ReportOptions.defaults())).isEqualTo(html(report, ReportOptions.defaults()));
    }

    @Test
    void aRunWithoutCloudDataShouldSayWhatIsMissingInsteadOfDrawingEmptyCharts() throws IOException {
        String html = html(report(), ReportOptions.defaults());

        assertThat(html)
                .contains("class=\"verdict inconclusive\"")
                .contains("data-charts=\"4\"") // load, latency, errors, by name: no capacity chart without a cloud
                .doesNotContain("id=\"chart-capacity\"")
                .contains("no node count was fetched")
                .contains("no node CPU and node count covered the run")
                .contains("Times in <b>UTC</b>");
    }

    @Test
    void theZoneAskedForShouldBeUsedAndNamed() throws IOException {
        String html = html(report(), ReportOptions.defaults().withZone(ZoneId.of("America/New_York")));

        // T0 is 2026-11-26T04:00:00Z: 23:00 the evening before in New York
        assertThat(html)
                .contains("Times in <b>America/New_York (UTC-05:00)</b>")
                .contains("2026-11-25 23:00:00 → 23:02:00 America/New_York (UTC-05:00)")
                .contains("\"label\":\"America/New_York\"");
    }
}
