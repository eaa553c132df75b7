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
package dev.plimsoll.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportFormat;
import dev.plimsoll.source.FetchResult;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark's generated run is what it says: its length, its saturation episode, five charts in the report. */
class HtmlReportBenchTest {
    @Test
    void aGeneratedRunShouldSaturateScaleAndFillEveryChart() throws IOException {
        HtmlReportBench.Generated g = HtmlReportBench.generate(Duration.ofMinutes(20), 7);

        Report report = LoadTestAnalysis.of(g.run())
                .fetched(g.cloud().toArray(FetchResult[]::new))
                .config(AnalysisConfig.defaults().toBuilder().maxNodes(5).build())
                .analyze();
        StringWriter html = new StringWriter();
        report.write(ReportFormat.HTML, html);

        assertThat(g.run().timeline().size()).isEqualTo(1200);
        assertThat(g.run().timeline().byName()).hasSize(4);
        assertThat(report.result().findings(FindingKind.SCALING_LAG)).hasSize(1);
        assertThat(report.result().findings(FindingKind.ERROR_BURST)).isNotEmpty();
        assertThat(html.toString()).contains("data-charts=\"5\"").contains("Nodes during the run");
    }
}
