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
package dev.plimsoll.jmeter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.gate.GateResult;
import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.report.Report;
import dev.plimsoll.source.Coverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jmeter.JMeter;
import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.HashTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plan {@code examples/plimsoll-listener.jmx}, loaded as JMeter loads it and run against a local server. */
class ExampleJmxTest {
    private static final Path JMX = Path.of("examples/plimsoll-listener.jmx");

    @TempDir
    Path dir;

    @BeforeAll
    static void jmeter() throws IOException {
        LocalJMeter.init();
    }

    @Test
    void examplePlanShouldRecordItsSamplesAnalyseOverItsSourcesAndWriteItsReports() throws Exception {
        Path jtl = dir.resolve("results.jtl");
        Path reports = dir.resolve("plimsoll-report");
        Path recording = Path.of(
                ExampleJmxTest.class.getResource("/recordings/cloudwatch").toURI());
        try (LocalJMeter.Server server = new LocalJMeter.Server()) {
            // what -J<property> sets on JMeter's command line
            Map.of(
                            "port", Integer.toString(server.port()),
                            "threads", "4",
                            "rampUp", "1",
                            "loops", "5",
                            "thinkMin", "5",
                            "thinkRange", "10",
                            "plimsoll.runId", "jmx-example",
                            "plimsoll.sources", "cloudwatch",
                            "cloudwatch.replay", recording.toString(),
                            "plimsoll.ingestionDelay", "0s")
                    .forEach(JMeterUtils::setProperty);
            JMeterUtils.setProperty("plimsoll.reportDir", reports.toString());
            HashTree plan = SaveService.loadTree(JMX.toFile());
            JMeter.convertSubTree(plan, false);
            // what -l results.jtl adds
            plan.add(plan.getArray()[0], PlimsollBackendListenerTest.csvCollector(jtl));

            LocalJMeter.run(plan);
        }

        PlimsollBackendListener.Outcome outcome =
                PlimsollBackendListener.outcome("jmx-example").orElseThrow();
        PlimsollBackendListenerTest.assertSameRun(outcome.run(), LoadRuns.read(jtl));
        assertThat(outcome.run().totals().requests()).isEqualTo(4 * 5 * 4);
        assertThat(outcome.run().timeline().byName())
                .containsOnlyKeys("GET /api/products", "GET /api/products/{id}", "POST /api/cart", "POST /api/orders");
        assertThat(outcome.problem()).isEmpty();
        Report report = outcome.report().orElseThrow();
        // the CloudWatch source came from the cloudwatch.* parameters: its recording holds another day, so each of
        // its queries is reported as not covering this run
        assertThat(report.result().coverage())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.queryId()).isNotBlank())
                .extracting(Coverage::present)
                .containsOnly(0);
        assertThat(report.gates())
                .extracting(GateResult::expression)
                .containsExactly("client_p95<500ms", "error_rate<1%", "scaling_lag<=150s");
        assertThat(report.gates().get(0).passed()).isTrue();
        assertThat(report.gates().get(2).measured()).isEqualTo("n/a"); // no cloud data: not measured, failed
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "plimsoll-report.html", "plimsoll-report.json", "plimsoll-report.md", "plimsoll-junit.xml");
        assertThat(Files.readString(reports.resolve("plimsoll-report.md"))).contains("jmx-example");
    }
}
