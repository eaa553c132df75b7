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
package dev.plimsoll.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.history.HistoryBaseline;
import dev.plimsoll.history.RunHistory;
import dev.plimsoll.history.RunRecords;
import dev.plimsoll.micrometer.PlimsollMeterBinder;
import dev.plimsoll.report.Report;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeterBinderTest {
    private static Report report(String scenario, String... gates) {
        Scenario s = Scenario.load(scenario);
        return s.report(
                true,
                AnalysisConfig.defaults().toBuilder().maxNodes(s.maxNodes()).build(),
                gates);
    }

    @Test
    void findingsAndFiguresShouldBecomeGauges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicReference<Report> latest =
                new AtomicReference<>(report("S3_scaling_ceiling", "scaling_lag<=160s", "findings.high==0"));

        PlimsollMeterBinder.of(latest::get, "s3").bindTo(registry);

        assertThat(registry.get("plimsoll.scaling.lag")
                        .tags("run", "s3", "episode", "1")
                        .gauge()
                        .value())
                .isBetween(108.0, 168.0);
        // episodes in time order: S3's second scale-up (3 → 4 nodes) took longer than its first
        assertThat(registry.get("plimsoll.scaling.lag")
                        .tags("run", "s3", "episode", "2")
                        .gauge()
                        .value())
                .isGreaterThan(registry.get("plimsoll.scaling.lag")
                        .tags("run", "s3", "episode", "1")
                        .gauge()
                        .value());
        assertThat(registry.get("plimsoll.findings")
                        .tags("kind", "scaling_ceiling", "severity", "high")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(registry.get("plimsoll.findings")
                        .tags("kind", "error_burst")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(registry.get("plimsoll.gate")
                        .tags("gate", "scaling_lag<=160s")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(registry.get("plimsoll.gate")
                        .tags("gate", "findings.high==0")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.get("plimsoll.latency.share")
                        .tags("tier", "backend")
                        .gauge()
                        .value())
                .isGreaterThan(0.5);
        assertThat(registry.get("plimsoll.clock.skew").gauge().value()).isBetween(-3.0, 3.0);
    }

    @Test
    void refreshShouldReplaceTheMetersOfTheLastRun() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicReference<Report> latest = new AtomicReference<>(report("S3_scaling_ceiling"));
        PlimsollMeterBinder binder = PlimsollMeterBinder.of(latest::get, "svc");
        binder.bindTo(registry);

        latest.set(report("S5_healthy"));
        binder.refresh();

        assertThat(registry.find("plimsoll.findings")
                        .tags("kind", "scaling_ceiling")
                        .gauge())
                .isNull();
        assertThat(registry.find("plimsoll.scaling.lag").gauges()).isEmpty();
    }

    @Test
    void aFailingSupplierShouldNotThrowIntoTheCaller() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PlimsollMeterBinder binder = PlimsollMeterBinder.of(
                () -> {
                    throw new IllegalStateException("analysis store unavailable");
                },
                "svc");

        binder.bindTo(registry);
        binder.refresh();

        assertThat(registry.find("plimsoll.findings").gauges()).isEmpty();
    }

    @Test
    void prometheusShouldScrapeTheMeters() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        PlimsollMeterBinder.of(() -> report("S1_backend_scaling", "client_p95<300ms"), "s1")
                .bindTo(prometheus);
        String scrape = prometheus.scrape();

        assertThat(scrape)
                .contains("plimsoll_scaling_lag_seconds{episode=\"1\",run=\"s1\"}")
                .contains("plimsoll_gate{gate=\"client_p95<300ms\",run=\"s1\"} 1.0")
                .contains("plimsoll_findings{kind=\"latency_bottleneck\",run=\"s1\",severity=\"warning\"} 1.0");
    }

    @Test
    void anUndecidedGateShouldBeNaNNotAFailure() {
        Report k6Only = LoadTestAnalysis.of(Scenario.load("S1_backend_scaling").run())
                .gates("scaling_lag<=150s", "client_p95<100ms")
                .analyze();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        PlimsollMeterBinder.of(() -> k6Only, "k6-only").bindTo(registry);

        // no cloud source: the scaling lag cannot be measured, which is no failure; the client's p95 did fail
        assertThat(registry.get("plimsoll.gate")
                        .tags("run", "k6-only", "gate", "scaling_lag<=150s")
                        .gauge()
                        .value())
                .isNaN();
        assertThat(registry.get("plimsoll.gate")
                        .tags("run", "k6-only", "gate", "client_p95<100ms")
                        .gauge()
                        .value())
                .isZero();
    }

    @Test
    void latencySharesWithoutACloudSourceShouldBeNaNNotZero() {
        Report k6Only =
                LoadTestAnalysis.of(Scenario.load("S1_backend_scaling").run()).analyze();
        assertThat(k6Only.result().findings(dev.plimsoll.finding.FindingKind.LATENCY_BOTTLENECK))
                .as("the client p95 grew, but where is unknown without a server-side series")
                .singleElement()
                .extracting(f -> ((dev.plimsoll.finding.Finding.LatencyBottleneck) f).tier())
                .isEqualTo(dev.plimsoll.finding.LatencyTier.UNKNOWN);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        PlimsollMeterBinder.of(() -> k6Only, "k6-only").bindTo(registry);

        for (String tier : new String[] {"backend", "load_balancer", "network_edge"}) {
            assertThat(registry.get("plimsoll.latency.share")
                            .tags("run", "k6-only", "tier", tier)
                            .gauge()
                            .value())
                    .as(tier)
                    .isNaN();
        }
    }

    @Test
    void regressionsAgainstTheBaselineShouldBecomeGauges(@TempDir Path dir) {
        Report s1;
        try (RunHistory history = RunHistory.open(dir.resolve("history.db").toString())) {
            history.save(RunRecords.of(report("S5_healthy"), "s5"), Map.of());
            Scenario s = Scenario.load("S1_backend_scaling");
            s1 = LoadTestAnalysis.of(s.run())
                    .config(AnalysisConfig.defaults().toBuilder()
                            .maxNodes(s.maxNodes())
                            .build())
                    .sources(s.cloudwatch(), s.datadog())
                    .baseline(HistoryBaseline.of(history, "s5"))
                    .analyze();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        PlimsollMeterBinder.of(() -> s1, "s1").bindTo(registry);

        double regressions =
                registry.get("plimsoll.regressions").tags("run", "s1").gauge().value();
        assertThat(regressions)
                .isEqualTo(s1.baseline().orElseThrow().regressions().size())
                .isGreaterThanOrEqualTo(2);
        assertThat(registry.get("plimsoll.baseline.change")
                        .tags("figure", "client_p95", "outcome", "regression", "unit", "ms")
                        .gauge()
                        .value())
                .isBetween(150.0, 220.0); // 250 ms against S5's 61 ms
        assertThat(registry.get("plimsoll.baseline.relative.change")
                        .tags("figure", "client_p95")
                        .gauge()
                        .value())
                .isGreaterThan(2);
        assertThat(registry.get("plimsoll.baseline.change")
                        .tags("figure", "scaling_lag", "unit", "s")
                        .gauge()
                        .value())
                .isBetween(108.0, 138.0);
    }
}
