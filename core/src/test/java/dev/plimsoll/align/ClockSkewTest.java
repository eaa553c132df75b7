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
package dev.plimsoll.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClockSkewTest {
    private static final long T0 = 1_795_669_200_000L;

    /** A ramp-hold-ramp load; the cloud counts the same requests per period on a clock {@code skew} s ahead. */
    @ParameterizedTest(name = "skew {0} s at {1} s")
    @CsvSource({"-11, 15", "7.4, 15", "0, 60", "-23.5, 60", "42, 60"})
    void estimateShouldRecoverTheSkewFinerThanThePeriod(double skew, int period) {
        Random random = new Random(12345);
        int seconds = 420;
        double[] rate = new double[seconds];
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        for (int s = 0; s < seconds; s++) {
            rate[s] = s < 60 ? 20 + s * 2 : s < 300 ? 140 + random.nextInt(20) : Math.max(0, 140 - (s - 300) * 2);
            for (int k = 0; k < rate[s]; k++) {
                b.record(
                        K6Metrics.HTTP_REQS,
                        (T0 + s * 1000L) * 1_000_000L + k * (1_000_000_000L / (long) rate[s]),
                        1,
                        null,
                        null,
                        null);
            }
        }
        LoadRun run = new LoadRun("k6", "t", b.build(), Optional.empty(), IngestReport.empty());
        // cloud bucket labelled t holds the requests of true times [t - skew, t - skew + period)
        int n = seconds / period + 4;
        double[] counts = new double[n];
        long first = T0 - 2L * period * 1000;
        for (int i = 0; i < n; i++) {
            double a = (first + i * period * 1000L - T0) / 1000.0 - skew;
            for (int s = 0; s < seconds; s++) {
                double overlap = Math.min(a + period, s + 1) - Math.max(a, s);
                if (overlap > 0) {
                    counts[i] += rate[s] * overlap;
                }
            }
        }
        FetchedSeries cloud = new FetchedSeries(
                "lb_requests",
                Signal.LB_REQUESTS,
                Duration.ofSeconds(period),
                TimeSeries.regular(
                        MetricId.of("RequestCount", "test", Statistic.SUM, "count"), first, period * 1000L, counts));

        ClockSkew estimate = ClockSkew.estimate(run.timeline(), cloud, 120);
        AlignedRun aligned =
                AlignedRun.of(run, List.of(new FetchResult(List.of(cloud), List.of(), List.of())), true, 120);

        assertThat(estimate.seconds()).isCloseTo(skew, within(1.0));
        assertThat(estimate.correlation()).isGreaterThan(0.99);
        assertThat(aligned.skew().seconds()).isEqualTo(estimate.seconds());
        assertThat(aligned.cloud().get(0).series().epochMilliAt(0))
                .isEqualTo(first - Math.round(estimate.seconds() * 1000));
    }

    @ParameterizedTest
    @CsvSource({"3"})
    void tooFewPointsShouldGiveNoEstimate(int points) {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        b.record(K6Metrics.HTTP_REQS, T0 * 1_000_000L, 1, null, null, null);
        FetchedSeries cloud = new FetchedSeries(
                "lb_requests",
                Signal.LB_REQUESTS,
                Duration.ofSeconds(60),
                TimeSeries.regular(
                        MetricId.of("RequestCount", "test", Statistic.SUM, "count"), T0, 60_000, new double[points]));

        assertThat(ClockSkew.estimate(b.build(), cloud, 120).isEstimated()).isFalse();
    }
}
