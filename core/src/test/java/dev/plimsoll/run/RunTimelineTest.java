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
package dev.plimsoll.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunTimelineTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_795_665_292L * SECOND;

    @Test
    void percentileShouldInterpolateLikeK6() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        double[] values = {10, 20, 30, 40};
        for (double v : values) {
            b.record(K6Metrics.HTTP_REQ_DURATION, T0, v, null, null, null);
        }
        Distribution d = b.build().http().distribution(K6Metrics.HTTP_REQ_DURATION);

        // k6: i = 0.95 * 3 = 2.85 -> 30 + 0.85 * 10
        assertThat(d.percentile(95)).isCloseTo(38.5, within(38.5 * 0.0005));
        assertThat(d.median()).isCloseTo(25, within(25 * 0.0005));
        assertThat(d.percentile(0)).isEqualTo(10);
        assertThat(d.percentile(100)).isEqualTo(40);
    }

    @Test
    void percentileShouldAgreeWithExactOnRandomSamples() {
        Random random = new Random(12345);
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        double[] v = new double[5000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(random.nextGaussian()) * 50;
            b.record(K6Metrics.HTTP_REQ_DURATION, T0 + i * 1000L, v[i], null, null, null);
        }
        Arrays.sort(v);
        Distribution d = b.build().http().distribution(K6Metrics.HTTP_REQ_DURATION);
        for (double q : new double[] {1, 25, 50, 90, 95, 99, 99.9}) {
            double i = q / 100 * (v.length - 1);
            double exact =
                    v[(int) Math.floor(i)] + (v[(int) Math.ceil(i)] - v[(int) Math.floor(i)]) * (i - Math.floor(i));
            assertThat(d.percentile(q)).as("p" + q).isCloseTo(exact, within(exact * 0.0005 + 1e-6));
        }
    }

    @Test
    void emptyAndSingleSampleDistributionsShouldBeDefined() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        b.record(K6Metrics.HTTP_REQ_WAITING, T0, 7.25, null, null, null);
        RunTimeline t = b.build();

        assertThat(t.http().distribution(K6Metrics.HTTP_REQ_WAITING).percentile(99))
                .isEqualTo(7.25);
        assertThat(t.http().distribution(K6Metrics.HTTP_REQ_DURATION).percentile(99))
                .isNaN();
        assertThat(t.http().distribution(K6Metrics.HTTP_REQ_DURATION).count()).isZero();
        assertThatThrownBy(
                        () -> t.http().distribution(K6Metrics.HTTP_REQ_WAITING).percentile(101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeCustomTrendValuesShouldKeepExactStatsButNoPercentiles() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        b.declare("balance", MetricKind.TREND, false);
        b.record("balance", T0, -5, null, null, null);
        b.record("balance", T0, 15, null, null, null);
        MetricTimeline m = b.build().metric("balance").orElseThrow();

        assertThat(m.distribution().mean()).isEqualTo(5);
        assertThat(m.min()).isEqualTo(-5);
        assertThat(m.distribution().percentile(50)).isNaN();
    }

    @Test
    void aPointFarFromTheRestShouldBeRejectedNotAllocated() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        b.record(K6Metrics.HTTP_REQS, T0, 1, null, null, null);

        assertThatThrownBy(() -> b.record(K6Metrics.HTTP_REQS, 0, 1, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("buckets");
    }

    @Test
    void outOfOrderPointsShouldLandInTheirBuckets() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        for (int i = 0; i < 500; i++) {
            b.record(K6Metrics.HTTP_REQS, T0 + (long) ((i * 7919) % 500) * SECOND, 1, null, null, null);
        }
        RunTimeline t = b.build();

        assertThat(t.size()).isEqualTo(500);
        assertThat(t.http().requests().values()).containsOnly(1.0);
    }

    @Test
    void builderShouldRejectBucketsThatAreNotWholeMilliseconds() {
        assertThatThrownBy(() -> RunTimeline.builder(Duration.ofNanos(1500), "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number of milliseconds");
    }

    @Test
    void metricsAYearApartShouldBeRefusedBeforeAnythingIsAllocated() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "k6");
        b.record("http_reqs", T0, 1, "a", "200", null);

        assertThatThrownBy(() -> b.record("vus", T0 + 365 * 86_400 * SECOND, 3, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lies 365 days from the run's other samples")
                .hasMessageContaining("a run may span at most");
        b.record("vus", T0 + SECOND, 3, null, null, null); // the run goes on
        assertThat(b.build().size()).isEqualTo(2);
    }

    @Test
    void buildersThatCannotMergeShouldSaySo() {
        RunTimeline.Builder a = RunTimeline.builder(Duration.ofSeconds(1), "k6");
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "k6");
        a.record("http_reqs", T0, 1, null, null, null);
        b.record("http_reqs", T0 + 100L * 86_400 * SECOND, 1, null, null, null);

        assertThatThrownBy(() -> a.mergeGenerator(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("together span 100 days");
    }

    @Test
    void valuesThatAreNotFiniteOrNegativeDurationsShouldBeRefused() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "k6");

        assertThatThrownBy(() -> b.record("http_req_duration", T0, Double.NaN, null, null, null))
                .hasMessageContaining("must be a finite number");
        assertThatThrownBy(() -> b.record("http_reqs", T0, Double.POSITIVE_INFINITY, null, null, null))
                .hasMessageContaining("must be a finite number");
        assertThatThrownBy(() -> b.record("http_req_duration", T0, -1, null, null, null))
                .hasMessageContaining("must not be negative (it is a duration)");
        b.record("my_custom_trend", T0, -1, null, null, null); // a custom metric may be signed
        b.declare("signed_time", MetricKind.TREND, true);
        b.record("signed_time", T0, -5, null, null, null);
        assertThat(b.build().metrics()).containsKeys("my_custom_trend", "signed_time");
    }
}
