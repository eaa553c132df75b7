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
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DisplayGridTest {
    private static final long SECOND = 1_000_000_000L;
    /** An instant on a whole hour: every round step is aligned to it. */
    private static final long T0 = 1_795_665_600L;

    private static RunTimeline run(int seconds) {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "k6");
        for (int s = 0; s < seconds; s++) {
            b.record(K6Metrics.HTTP_REQS, (T0 + s) * SECOND, 1, null, null, null);
        }
        return b.build();
    }

    @Test
    void aShortRunShouldBeDrawnAtItsOwnBuckets() {
        DisplayGrid g = DisplayGrid.of(run(300), DisplayGrid.MAX_POINTS);

        assertThat(g.coarse()).isFalse();
        assertThat(g.step).isEqualTo(1000);
        assertThat(g.size).isEqualTo(300);
        assertThat(g.start).isEqualTo(T0 * 1000);
    }

    @Test
    void aLongRunShouldTakeTheSmallestRoundStepThatKeepsItUnderTheLimit() {
        assertThat(DisplayGrid.of(run(3600), 2000).step).isEqualTo(2000);
        assertThat(DisplayGrid.of(run(3600), 2000).size).isEqualTo(1800);
        assertThat(DisplayGrid.of(run(3600), 100).step).isEqualTo(60_000);
    }

    @Test
    void aCoarseGridShouldStartOnAStepBoundaryOfTheEpoch() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "k6");
        for (int s = 7; s < 3607; s++) {
            b.record(K6Metrics.HTTP_REQS, (T0 + s) * SECOND, 1, null, null, null);
        }

        DisplayGrid g = DisplayGrid.of(b.build(), 100);

        assertThat(g.step).isEqualTo(60_000);
        assertThat(g.start % g.step).isZero();
        assertThat(g.start).isEqualTo(T0 * 1000);
        assertThat(g.size).isEqualTo(61); // 00:00:07 … 01:00:06 spans 61 minutes
    }

    @Test
    void aMeanOverAStepShouldKeepTheExtremesAsItsEnvelope() {
        RunTimeline t = run(20);
        DisplayGrid g = DisplayGrid.of(t, 2); // 10 s steps
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }

        DisplayGrid.Envelope e =
                g.mean(TimeSeries.regular(MetricId.of("x", "k6", Statistic.AVG, ""), T0 * 1000, 1000, v));

        assertThat(g.step).isEqualTo(10_000);
        assertThat(e.value()).containsExactly(4.5, 14.5);
        assertThat(e.lo()).containsExactly(0.0, 10.0);
        assertThat(e.hi()).containsExactly(9.0, 19.0);
    }

    @Test
    void aPercentileOverAStepShouldComeFromTheMergedSamplesNotFromAveragedPercentiles() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "k6");
        b.record(K6Metrics.HTTP_REQ_DURATION, T0 * SECOND, 1000, null, null, null); // second 0: one slow request
        for (int i = 0; i < 99; i++) { // second 1: 99 fast ones
            b.record(K6Metrics.HTTP_REQ_DURATION, (T0 + 1) * SECOND + i, 10, null, null, null);
        }
        RunTimeline t = b.build();
        DisplayGrid g = DisplayGrid.of(t, 1); // one step over both seconds

        DisplayGrid.Envelope p50 = g.percentiles(t.http().metric(LoadMetrics.REQUEST_DURATION), 50)[0];

        assertThat(g.size).isEqualTo(1);
        assertThat(p50.value()[0]).isCloseTo(10, within(0.01)); // the mean of the per-second medians would be 505
        assertThat(p50.lo()[0]).isCloseTo(10, within(0.01));
        assertThat(p50.hi()[0]).isCloseTo(1000, within(1.0));
    }

    @Test
    void aCoarseCloudValueShouldHoldOverItsOwnPeriodOnly() {
        DisplayGrid g = DisplayGrid.of(run(180), DisplayGrid.MAX_POINTS);
        FetchedSeries trt = new FetchedSeries(
                "trt_p95",
                Signal.LB_LATENCY,
                Duration.ofMinutes(1),
                TimeSeries.of(
                        MetricId.of("TargetResponseTime", "cloudwatch", Statistic.P95, "ms"),
                        new long[] {T0 * 1000, (T0 + 60) * 1000, (T0 + 120) * 1000},
                        new double[] {50, Double.NaN, 200}));

        double[] v = g.cloud(trt, false).value();

        assertThat(v[0]).isEqualTo(50);
        assertThat(v[59]).isEqualTo(50);
        assertThat(v[60]).isNaN(); // the source had no value for that minute: nothing is invented
        assertThat(v[119]).isNaN();
        assertThat(v[120]).isEqualTo(200);
        assertThat(v[179]).isEqualTo(200);
    }

    @Test
    void anEventCountShouldBeARatePerSecondAndZeroWhereTheSourceWroteNothing() {
        DisplayGrid g = DisplayGrid.of(run(120), DisplayGrid.MAX_POINTS);
        FetchedSeries errors = new FetchedSeries(
                "target_5xx",
                Signal.LB_TARGET_5XX,
                Duration.ofMinutes(1),
                TimeSeries.of(
                        MetricId.of("HTTPCode_Target_5XX_Count", "cloudwatch", Statistic.SUM, "count"),
                        new long[] {T0 * 1000, (T0 + 60) * 1000},
                        new double[] {120, Double.NaN}));

        double[] v =
                g.cloud(errors, SeriesLabels.perSecond(Signal.LB_TARGET_5XX)).value();

        assertThat(v[0]).isEqualTo(2.0);
        assertThat(v[60]).isZero();
    }

    @Test
    void aFineCloudSeriesOnACoarseGridShouldBeTheMeanOverEachStepWithItsRange() {
        DisplayGrid g = DisplayGrid.of(run(120), 2); // 60 s steps
        FetchedSeries cpu = new FetchedSeries(
                "cpu",
                Signal.CPU_UTILIZATION,
                Duration.ofSeconds(15),
                TimeSeries.regular(
                        MetricId.of("cpu_utilization", "datadog", Statistic.AVG, "percent"),
                        T0 * 1000,
                        15_000,
                        new double[] {10, 20, 30, 40, 50, 50, 50, 90}));

        DisplayGrid.Envelope e = g.cloud(cpu, false);

        assertThat(e.value()).containsExactly(25.0, 60.0);
        assertThat(e.lo()).containsExactly(10.0, 50.0);
        assertThat(e.hi()).containsExactly(40.0, 90.0);
    }

    @Test
    void theClientsFigureOverACloudSeriesWindowsShouldUseTheSameWindows() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "k6");
        for (int s = 0; s < 120; s++) {
            b.record(K6Metrics.HTTP_REQ_DURATION, (T0 + s) * SECOND, s < 60 ? 10 : 100, null, null, null);
        }
        RunTimeline t = b.build();
        DisplayGrid g = DisplayGrid.of(t, DisplayGrid.MAX_POINTS);
        FetchedSeries trt = new FetchedSeries(
                "trt_p95",
                Signal.LB_LATENCY,
                Duration.ofMinutes(1),
                TimeSeries.of(
                        MetricId.of("TargetResponseTime", "cloudwatch", Statistic.P95, "ms"),
                        new long[] {T0 * 1000, (T0 + 60) * 1000},
                        new double[] {9, 99}));

        double[] v = g.overWindowsOf(trt, t.http().metric(LoadMetrics.REQUEST_DURATION), 95);

        assertThat(v[0]).isCloseTo(10, within(0.01));
        assertThat(v[59]).isCloseTo(10, within(0.01));
        assertThat(v[60]).isCloseTo(100, within(0.1));
    }
}
