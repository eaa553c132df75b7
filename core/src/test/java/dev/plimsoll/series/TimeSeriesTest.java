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
package dev.plimsoll.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {
    private static final MetricId ID = MetricId.of("rps", "k6", Statistic.SUM, "1/s");

    @Test
    void ofShouldCopyItsArrays() {
        long[] t = {1000, 2000};
        double[] v = {1, 2};
        TimeSeries s = TimeSeries.of(ID, t, v);
        t[0] = 5;
        v[0] = 7;
        s.values()[1] = 9;

        assertThat(s.epochMilliAt(0)).isEqualTo(1000);
        assertThat(s.valueAt(0)).isEqualTo(1);
        assertThat(s.valueAt(1)).isEqualTo(2);
    }

    @Test
    void ofWhenTimesAreNotAscendingShouldSayWhere() {
        assertThatThrownBy(() -> TimeSeries.of(ID, new long[] {1000, 1000}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly ascending")
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> TimeSeries.of(ID, new long[] {1000}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same length");
    }

    @Test
    void gapsShouldBeNaNAndIgnoredByMax() {
        TimeSeries s = TimeSeries.regular(ID, 0, 1000, new double[] {Double.NaN, 3, Double.NaN, 2});

        assertThat(s.presentCount()).isEqualTo(2);
        assertThat(s.max()).isEqualTo(3);
        assertThat(TimeSeries.regular(ID, 0, 1000, new double[] {Double.NaN}).max())
                .isNaN();
    }

    @Test
    void sliceShouldKeepPointsInsideTheHalfOpenWindow() {
        TimeSeries s = TimeSeries.regular(ID, 0, 1000, new double[] {0, 1, 2, 3, 4});
        TimeSeries slice = s.slice(new TimeWindow(Instant.ofEpochMilli(1000), Instant.ofEpochMilli(3000)));

        assertThat(slice.values()).containsExactly(1, 2);
        assertThat(slice.epochMillis()).containsExactly(1000, 2000);
    }

    @Test
    void seriesSetShouldRejectDuplicateIds() {
        TimeSeries a = TimeSeries.empty(ID);

        assertThatThrownBy(() -> SeriesSet.of(a, a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unique");
        assertThat(SeriesSet.of(a).named("rps")).containsExactly(a);
    }

    @Test
    void statisticShouldKnowItsPercentiles() {
        assertThat(Statistic.ofPercentile(99.9)).isEqualTo(Statistic.P999);
        assertThat(Statistic.P999.label()).isEqualTo("p99.9");
        assertThat(Statistic.AVG.isPercentile()).isFalse();
        assertThatThrownBy(() -> Statistic.ofPercentile(42)).isInstanceOf(IllegalArgumentException.class);
    }
}
