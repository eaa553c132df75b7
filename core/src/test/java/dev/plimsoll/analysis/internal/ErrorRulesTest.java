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
import dev.plimsoll.finding.Severity;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.source.FetchedSeries;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error bursts: the rate rule, merging of windows, classification by origin (429, gateways, ELB vs target 5xx). */
class ErrorRulesTest {
    private static List<Finding> bursts(LoadRun run, FetchedSeries... cloud) {
        AnalysisResult r = Synthetic.analyze(Synthetic.aligned(run, cloud), AnalysisConfig.defaults());
        return r.findings(FindingKind.ERROR_BURST);
    }

    private static LoadRun failing(int from, int to, int perSecond, String status) {
        return failing(new int[][] {{from, to}}, perSecond, status);
    }

    private static LoadRun failing(int[][] spans, int perSecond, String status) {
        return SyntheticRun.create()
                .failures(
                        s -> {
                            for (int[] span : spans) {
                                if (s >= span[0] && s < span[1]) {
                                    return perSecond;
                                }
                            }
                            return 0;
                        },
                        s -> status)
                .build();
    }

    @ParameterizedTest
    @CsvSource({
        "429, 429 rate limited",
        "502, 502 gateway",
        "503, 503 gateway",
        "504, 504 gateway",
        "500, 500 server error",
        "404, 404 client error",
        "0, no response (timeout or connection error)"
    })
    void statusesShouldBeClassifiedByOrigin(String status, String expected) {
        assertThat(ErrorDetector.classOf(status)).isEqualTo(expected);
    }

    @Test
    void windowsOneWindowApartShouldMergeIntoOneBurst() {
        List<Finding> merged = bursts(failing(new int[][] {{40, 50}, {60, 70}}, 8, "503"));
        List<Finding> apart = bursts(failing(new int[][] {{40, 50}, {80, 90}}, 8, "503"));

        assertThat(merged).singleElement().satisfies(f -> {
            assertThat(f.window().duration().toSeconds()).isEqualTo(30);
            assertThat(((Finding.ErrorBurst) f).failedRequests()).isEqualTo(160);
        });
        assertThat(apart).hasSize(2);
    }

    @Test
    void aRateUnderTheThresholdShouldBeNoBurst() {
        // 1 of 400 requests a window: 0.25 %, under the 1 % default
        LoadRun run = SyntheticRun.create()
                .failures(s -> s % 10 == 0 ? 1 : 0, s -> "500")
                .build();

        assertThat(bursts(run)).isEmpty();
    }

    @Test
    void mostly429ShouldBeCalledARateLimiterNotCapacity() {
        Finding.ErrorBurst b =
                (Finding.ErrorBurst) bursts(failing(40, 60, 10, "429")).get(0);

        assertThat(b.byClass()).containsEntry("429 rate limited", 200L);
        assertThat(b.reason()).contains("rate limiter the test did not bypass");
    }

    @Test
    void highRatesShouldBeHighAndLowOnesWarnings() {
        assertThat(bursts(failing(40, 60, 10, "503")).get(0).severity()).isEqualTo(Severity.HIGH); // 25 %
        assertThat(bursts(failing(40, 60, 1, "503")).get(0).severity()).isEqualTo(Severity.WARNING); // 2.5 %
    }

    @Test
    void theLoadBalancersOwn5xxShouldBeToldFromTheTargets() {
        double[] elb = new double[8];
        double[] target = new double[8];
        elb[3] = 30;
        target[3] = 170;
        FetchedSeries elb5xx = Synthetic.cloud("elb_5xx", "lb_elb_5xx", Statistic.SUM, 15, 0, elb);
        FetchedSeries target5xx = Synthetic.cloud("target_5xx", "lb_target_5xx", Statistic.SUM, 15, 0, target);

        Finding.ErrorBurst b = (Finding.ErrorBurst)
                bursts(failing(40, 60, 10, "503"), elb5xx, target5xx).get(0);

        assertThat(b.byClass())
                .containsEntry("ALB 5xx (load balancer itself)", 30L)
                .containsEntry("ALB target 5xx (backend)", 170L)
                .containsEntry("503 gateway", 200L);
        // the same failures seen from both sides: said apart, never as one list of 400
        assertThat(b.reason())
                .contains(": 200 503 gateway; the load balancer counted 170 target 5xx (backend), 30 5xx (load"
                        + " balancer itself)");
        assertThat(b.evidence())
                .filteredOn(e -> e.label().startsWith("ALB"))
                .extracting(e -> e.series())
                .containsExactlyInAnyOrder("elb_5xx", "target_5xx");
    }
}
