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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.series.MetricId;
import dev.plimsoll.series.Statistic;
import dev.plimsoll.series.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResampleTest {
    private static TimeSeries series(Statistic st, double... v) {
        return TimeSeries.regular(MetricId.of("m", "test", st, "x"), 0, 15_000, v);
    }

    @ParameterizedTest
    @CsvSource({
        "SUM, 10, 26",
        "COUNT, 10, 26",
        "AVG, 2.5, 6.5",
        "MIN, 1, 5",
        "MAX, 4, 8",
        "LAST, 4, 8",
        "RATE, 2.5, 6.5"
    })
    void downsampleShouldRespectTheStatistic(Statistic st, double first, double second) {
        TimeSeries s = Resample.downsample(series(st, 1, 2, 3, 4, 5, 6, 7, 8), 0, 60_000, 2);

        assertThat(s.values()).containsExactly(first, second);
    }

    @Test
    void downsampleShouldSkipGapsAndLeaveEmptyBucketsAsGaps() {
        TimeSeries s = Resample.downsample(series(Statistic.AVG, Double.NaN, 2, 4, Double.NaN), 0, 30_000, 3);

        assertThat(s.values()).containsExactly(2, 4, Double.NaN);
    }

    @Test
    void percentilesShouldNeverBeAveraged() {
        assertThatThrownBy(() -> Resample.downsample(series(Statistic.P95, 1, 2, 3, 4), 0, 60_000, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percentiles cannot be averaged");
    }

    @Test
    void stepsShouldHoldEachValueOverItsPeriodOnly() {
        TimeSeries minute = TimeSeries.regular(
                MetricId.of("cpu", "test", Statistic.AVG, "percent"), 60_000, 60_000, new double[] {50, 90});

        TimeSeries s = Resample.steps(minute, 60_000, 0, 30_000, 7);

        assertThat(s.values()).containsExactly(Double.NaN, Double.NaN, 50, 50, 90, 90, Double.NaN);
    }
}
