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

import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlignedRunTest {
    private static final long T0 = 1_795_669_200_000L;

    /** A 180 s run, one request per second. */
    private static LoadRun run() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        for (int s = 0; s < 180; s++) {
            b.record(K6Metrics.HTTP_REQS, (T0 + s * 1000L) * 1_000_000L, 1, null, null, null);
        }
        return new LoadRun("k6", "t", b.build(), Optional.empty(), IngestReport.empty());
    }

    @Test
    void onGridWhenTheCloudPeriodIsCoarserShouldHoldEachValueOverItsOwnPeriodOnly() {
        // 60 s points at T0-60 s, T0, T0+60 s (missing) and T0+120 s: the first covers no bucket of the run
        FetchedSeries cpu = new FetchedSeries(
                "cpu",
                Signal.CPU_UTILIZATION,
                Duration.ofSeconds(60),
                TimeSeries.of(
                        MetricId.of("node_cpu_utilization", "test", Statistic.AVG, "percent"),
                        new long[] {T0 - 60_000, T0, T0 + 60_000, T0 + 120_000},
                        new double[] {10, 40, Double.NaN, 80}));
        AlignedRun aligned =
                AlignedRun.of(run(), List.of(new FetchResult(List.of(cpu), List.of(), List.of())), false, 0);

        double[] grid = aligned.onGrid(cpu).values();

        assertThat(grid).hasSize(180);
        assertThat(grid[0]).isEqualTo(40);
        assertThat(grid[59]).isEqualTo(40);
        assertThat(grid[60]).isNaN();
        assertThat(grid[119]).isNaN();
        assertThat(grid[120]).isEqualTo(80);
        assertThat(grid[179]).isEqualTo(80);
    }

    @Test
    void ofWhenACloudSeriesHoldsImpossibleValuesShouldDropThemAndSaySoInItsCoverage() {
        FetchedSeries cpu = new FetchedSeries(
                "node_cpu",
                Signal.CPU_UTILIZATION,
                Duration.ofSeconds(60),
                TimeSeries.of(
                        MetricId.of("node_cpu_utilization", "test", Statistic.AVG, "percent"),
                        new long[] {T0, T0 + 60_000, T0 + 120_000},
                        new double[] {-5, 40, 1e300}));
        FetchedSeries nodes = new FetchedSeries(
                "nodes",
                Signal.NODE_COUNT,
                Duration.ofSeconds(60),
                TimeSeries.of(
                        MetricId.of("cluster_node_count", "test", Statistic.AVG, "count"),
                        new long[] {T0, T0 + 60_000, T0 + 120_000},
                        new double[] {2, 3, 3}));
        FetchResult fetched = new FetchResult(
                List.of(cpu, nodes),
                List.of(new Coverage("node_cpu", 3, 3, true, List.of()), new Coverage("nodes", 3, 3, true, List.of())),
                List.of());

        AlignedRun aligned = AlignedRun.of(run(), List.of(fetched), false, 0);

        assertThat(aligned.signal(Signal.CPU_UTILIZATION).orElseThrow().series().values())
                .containsExactly(Double.NaN, 40, Double.NaN);
        assertThat(aligned.coverage().get(0)).satisfies(c -> {
            assertThat(c.present()).isEqualTo(1);
            assertThat(c.complete()).isFalse();
            assertThat(c.messages())
                    .containsExactly("2 points of node_cpu dropped: not a possible cpu_utilization value (from 0 to 100"
                            + " % of the nodes' capacity, 200 % at most, first -5.00000 at 2026-11-26T05:00:00Z)");
        });
        assertThat(aligned.coverage().get(1).present()).isEqualTo(3);
        assertThat(aligned.signal(Signal.NODE_COUNT).orElseThrow().series().values())
                .containsExactly(2, 3, 3);
    }

    @Test
    void ofWhenANodesCpuIsALittleAbove100ShouldReadItAsSaturatedNotDropIt() {
        FetchedSeries cpu = new FetchedSeries(
                "node_cpu",
                Signal.CPU_UTILIZATION,
                Duration.ofSeconds(15),
                TimeSeries.of(
                        MetricId.of("cpu", "test", Statistic.AVG, "percent"),
                        new long[] {T0, T0 + 15_000, T0 + 30_000},
                        new double[] {96, 101.5, 118}));
        FetchResult fetched =
                new FetchResult(List.of(cpu), List.of(new Coverage("node_cpu", 3, 3, true, List.of())), List.of());

        AlignedRun aligned = AlignedRun.of(run(), List.of(fetched), false, 0);

        assertThat(aligned.signal(Signal.CPU_UTILIZATION).orElseThrow().series().values())
                .containsExactly(96, 100, 100);
        assertThat(aligned.coverage().get(0)).satisfies(c -> {
            assertThat(c.present()).isEqualTo(3);
            assertThat(c.complete()).isTrue();
            assertThat(c.messages())
                    .containsExactly(
                            "2 points of node_cpu above 100 % of the nodes' capacity read as 100 % (saturated)");
        });
    }
}
