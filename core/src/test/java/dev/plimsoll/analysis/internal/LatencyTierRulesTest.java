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
package dev.plimsoll.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.source.FetchedSeries;
import org.junit.jupiter.api.Test;

/**
 * The latency detector's rules, one at a time, on made-up runs: the client's p95 grows from ~55 ms in the first 30 s
 * to ~270 ms in the steady phase; what the cloud's series do decides the tier.
 */
class LatencyTierRulesTest {
    private static final int PERIODS = SyntheticRun.SECONDS / 15;

    /** A 15 s p95 series: {@code base} over the first two periods (the baseline), {@code peak} after. */
    private static FetchedSeries p95(String name, String signal, double base, double peak) {
        double[] v = new double[PERIODS];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 2 ? base : peak;
        }
        return Synthetic.cloud(name, signal, Statistic.P95, 15, 0, v);
    }

    private static AnalysisResult analyze(LoadRun run, FetchedSeries... cloud) {
        return Synthetic.analyze(Synthetic.aligned(run, cloud), AnalysisConfig.defaults());
    }

    private static LoadRun growingRun() {
        return SyntheticRun.create().duration(s -> s < 30 ? 50 : 250).build();
    }

    private static Finding.LatencyBottleneck bottleneck(AnalysisResult r) {
        return (Finding.LatencyBottleneck)
                r.findings(FindingKind.LATENCY_BOTTLENECK).get(0);
    }

    @Test
    void growthTheTargetSawToShouldBeTheBackends() {
        AnalysisResult r =
                analyze(growingRun(), p95("trt", "lb_latency", 45, 255), p95("apm", "backend_latency", 40, 250));

        assertThat(r.bottleneck()).isEqualTo(LatencyTier.BACKEND);
        Finding.LatencyBottleneck b = bottleneck(r);
        assertThat(b.shares().get(LatencyTier.BACKEND)).isGreaterThan(200);
        assertThat(b.shares().get(LatencyTier.LOAD_BALANCER)).isLessThan(20);
        assertThat(b.reason()).contains("in the backend");
    }

    @Test
    void growthBeforeTheTargetShouldBeTheLoadBalancersQueue() {
        AnalysisResult r =
                analyze(growingRun(), p95("trt", "lb_latency", 45, 45), p95("apm", "backend_latency", 40, 41));

        assertThat(r.bottleneck()).isEqualTo(LatencyTier.LOAD_BALANCER);
        assertThat(bottleneck(r).shares().get(LatencyTier.LOAD_BALANCER)).isGreaterThan(200);
        assertThat(bottleneck(r).reason()).contains("load balancer/ingress queue");
    }

    @Test
    void growthInConnectionSetupShouldBeTheNetworkEdge() {
        LoadRun run = SyntheticRun.create()
                .duration(s -> s < 30 ? 50 : 250)
                .blocked(s -> s < 30 ? 1 : 200)
                .build();

        AnalysisResult r = analyze(run, p95("trt", "lb_latency", 45, 45));

        assertThat(r.bottleneck()).isEqualTo(LatencyTier.NETWORK_EDGE);
        assertThat(bottleneck(r).shares().get(LatencyTier.NETWORK_EDGE)).isGreaterThan(150);
    }

    @Test
    void gatewayTimeoutsOfTheLoadBalancerShouldPlaceTheGapInTheBackend() {
        // TargetResponseTime leaves out the requests the ALB failed itself (504 waiting for targets): flat, yet the
        // client waited on the backend
        double[] elb = new double[PERIODS];
        for (int i = 2; i < elb.length; i++) {
            elb[i] = 100;
        }
        FetchedSeries elb5xx = Synthetic.cloud("elb_5xx", "lb_elb_5xx", Statistic.SUM, 15, 0, elb);

        AnalysisResult r = analyze(growingRun(), p95("trt", "lb_latency", 45, 45), elb5xx);

        assertThat(r.bottleneck()).isEqualTo(LatencyTier.BACKEND);
        assertThat(bottleneck(r).evidence())
                .anySatisfy(e -> assertThat(e.label()).contains("HTTPCode_ELB_5XX"));
    }

    @Test
    void aFewGatewayErrorsShouldNotMoveTheQueueIntoTheBackend() {
        double[] elb = new double[PERIODS];
        elb[3] = 2; // 2 of ~3 400 requests: under the 1 % rule
        FetchedSeries elb5xx = Synthetic.cloud("elb_5xx", "lb_elb_5xx", Statistic.SUM, 15, 0, elb);

        AnalysisResult r = analyze(growingRun(), p95("trt", "lb_latency", 45, 45), elb5xx);

        assertThat(r.bottleneck()).isEqualTo(LatencyTier.LOAD_BALANCER);
    }

    @Test
    void growthUnderTheMinimumShouldNameNoTier() {
        LoadRun flat = SyntheticRun.create().duration(s -> s < 30 ? 50 : 80).build();

        AnalysisResult r = analyze(flat, p95("trt", "lb_latency", 45, 70));

        assertThat(r.findings(FindingKind.LATENCY_BOTTLENECK)).isEmpty();
        assertThat(r.bottleneck()).isEqualTo(LatencyTier.NONE);
    }

    @Test
    void growthWithoutServerSeriesShouldBeStatedWithTheTierUnknown() {
        AnalysisResult r = analyze(growingRun());

        assertThat(r.bottleneck()).isEqualTo(LatencyTier.UNKNOWN);
        assertThat(bottleneck(r).reason()).contains("where it was added is unknown");
        assertThat(bottleneck(r).growthMillis()).isGreaterThan(200);
    }

    @Test
    void aSaturatedGeneratorShouldTakeTheGrowthAndNotBlameTheServer() {
        LoadRun run = SyntheticRun.create()
                .duration(s -> s < 30 ? 50 : 250)
                .dropped(s -> s < 30 ? 0 : 20)
                .build();

        AnalysisResult r = analyze(run, p95("trt", "lb_latency", 45, 47), p95("apm", "backend_latency", 40, 41));

        assertThat(r.bottleneck()).isEqualTo(LatencyTier.LOAD_GENERATOR);
        Finding generator = r.findings(FindingKind.LOAD_GENERATOR_SATURATION).get(0);
        assertThat(generator.severity()).isEqualTo(Severity.HIGH);
        assertThat(generator.reason()).contains("dropped 1800 iterations").contains("server side stayed flat");
        assertThat(bottleneck(r).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aGeneratorDroppingWhileTheServerSlowedShouldOnlyWarn() {
        // 1 dropped per second of 40 scheduled (< 5 %) while the server's own latency grew with the client's
        LoadRun run = SyntheticRun.create()
                .duration(s -> s < 30 ? 50 : 250)
                .dropped(s -> s < 30 ? 0 : 1)
                .build();

        AnalysisResult r = analyze(run, p95("trt", "lb_latency", 45, 255), p95("apm", "backend_latency", 40, 250));

        assertThat(r.findings(FindingKind.LOAD_GENERATOR_SATURATION))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(r.bottleneck()).isEqualTo(LatencyTier.BACKEND);
    }
}
