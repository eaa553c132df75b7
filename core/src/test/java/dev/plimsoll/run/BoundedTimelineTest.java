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
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bounded storage of long runs: buckets more than {@link MetricAccumulator#HORIZON_NANOS} old are sealed, and
 * the by-name slices' old buckets keep coarse histograms. Checked on a seeded 3-hour run (20 requests a second, three
 * names with their own latencies, points up to 2 s out of order) against the exact samples.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedTimelineTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_795_665_292L * SECOND;
    private static final int SECONDS = 3 * 3600;
    private static final String[] NAMES = {"GET /a", "GET /b", "POST /c"};
    private static final double HISTOGRAM = 0.0005; // the documented tolerance at full resolution
    private static final double COARSE = 1.0 / 32 + 0.0005; // half a coarse bin, 2^-4 wide

    /** Samples per second: time (ns), duration, name index. */
    private final List<double[]> samples = new ArrayList<>();

    private RunTimeline timeline;

    @BeforeAll
    void record() {
        Random random = new Random(20261201);
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        for (int s = 0; s < SECONDS; s++) {
            for (int k = 0; k < 20; k++) {
                int name = random.nextInt(NAMES.length);
                double median = 20 + 15 * name;
                double v = median * Math.exp(0.5 * random.nextGaussian());
                // written a little out of order, like k6's flushes
                long t = T0 + s * SECOND + (long) (random.nextDouble() * SECOND) - (long) (random.nextDouble() * 2e9);
                samples.add(new double[] {t, v, name});
                b.record(K6Metrics.HTTP_REQS, t, 1, NAMES[name], "200", null);
                b.record(K6Metrics.HTTP_REQ_DURATION, t, v, NAMES[name], "200", null);
            }
        }
        timeline = b.build();
    }

    @Test
    void countsPerBucketShouldStayExact() {
        Map<Long, Integer> perSecond = new HashMap<>();
        for (double[] x : samples) {
            perSecond.merge(Math.floorDiv((long) x[0], SECOND), 1, Integer::sum);
        }
        TimeSeries rps = timeline.rps();
        long first = timeline.start().toEpochMilli() / 1000;
        for (int i = 0; i < rps.size(); i++) {
            assertThat(rps.valueAt(i)).as("second %d", i).isEqualTo((double) perSecond.getOrDefault(first + i, 0));
        }
        assertThat(timeline.http().totalRequests()).isEqualTo(samples.size());
        for (int n = 0; n < NAMES.length; n++) {
            int name = n;
            long expected = samples.stream().filter(x -> x[2] == name).count();
            assertThat(timeline.byName().get(NAMES[n]).totalRequests()).isEqualTo(expected);
        }
    }

    @Test
    void runAndNameTotalsShouldKeepFullResolution() {
        assertPercentiles(
                timeline.http().distribution(K6Metrics.HTTP_REQ_DURATION),
                values(-1, Long.MIN_VALUE, Long.MAX_VALUE),
                HISTOGRAM);
        for (int n = 0; n < NAMES.length; n++) {
            Distribution d = timeline.byName().get(NAMES[n]).distribution(K6Metrics.HTTP_REQ_DURATION);
            assertPercentiles(d, values(n, Long.MIN_VALUE, Long.MAX_VALUE), HISTOGRAM);
        }
    }

    @Test
    void runWideWindowsShouldKeepFullResolutionAtAnyBoundary() {
        // a phase-like window whose ends fall inside sealed blocks, far from the run's start and end
        long from = T0 + 1043 * SECOND;
        long to = T0 + 9661 * SECOND;
        TimeWindow w = TimeWindow.ofEpochMillis(from / 1_000_000, to / 1_000_000);
        Distribution d = timeline.http().distribution(K6Metrics.HTTP_REQ_DURATION, w);
        double[] exact = values(-1, from, to);

        assertThat(d.count()).isEqualTo(exact.length);
        assertThat(d.mean()).isCloseTo(Arrays.stream(exact).average().orElseThrow(), within(1e-9));
        assertPercentiles(d, exact, HISTOGRAM);
    }

    @Test
    void slicedWindowsShouldBeExactInCountAndCloseInPercentiles() {
        long from = T0 + 1043 * SECOND;
        long to = T0 + 9661 * SECOND;
        TimeWindow w = TimeWindow.ofEpochMillis(from / 1_000_000, to / 1_000_000);
        Distribution d = timeline.byName().get(NAMES[1]).distribution(K6Metrics.HTTP_REQ_DURATION, w);
        double[] exact = values(1, from, to);

        assertThat(d.count()).isEqualTo(exact.length);
        assertThat(d.max()).isEqualTo(exact[exact.length - 1]);
        // only the samples of the two blocks the window cuts are coarse: the percentiles stay close
        assertPercentiles(d, exact, COARSE);
    }

    @Test
    void perBucketPercentilesShouldBeFullResolutionRunWideAndCoarseForOldSlices() {
        TimeSeries all = timeline.percentile(K6Metrics.HTTP_REQ_DURATION, 95);
        TimeSeries byName = timeline.byName().get(NAMES[0]).percentile(K6Metrics.HTTP_REQ_DURATION, 95);
        long first = timeline.start().toEpochMilli() * 1_000_000;
        for (int i : new int[] {30, 2000, 5000, 9000, SECONDS - 30}) {
            long from = first + i * SECOND;
            double[] exactAll = values(-1, from, from + SECOND);
            assertThat(all.valueAt(i))
                    .as("second %d", i)
                    .isCloseTo(k6(exactAll, 95), within(k6(exactAll, 95) * HISTOGRAM));
            double[] exactName = values(0, from, from + SECOND);
            if (exactName.length > 0) {
                double tolerance = i < 300 || i > SECONDS - 300 ? HISTOGRAM : COARSE;
                assertThat(byName.valueAt(i))
                        .as("second %d", i)
                        .isCloseTo(k6(exactName, 95), within(k6(exactName, 95) * tolerance));
            }
        }
    }

    @Test
    void aBuilderMergedFromChunksShouldEqualOneBuilder() {
        // as the reader does: builders of consecutive parts (here 20 minutes each, so each one seals) merged in order
        RunTimeline.Builder merged = RunTimeline.builder(Duration.ofSeconds(1), "test");
        RunTimeline.Builder part = RunTimeline.builder(Duration.ofSeconds(1), "test");
        int i = 0;
        for (double[] x : samples) {
            part.record(K6Metrics.HTTP_REQS, (long) x[0], 1, NAMES[(int) x[2]], "200", null);
            part.record(K6Metrics.HTTP_REQ_DURATION, (long) x[0], x[1], NAMES[(int) x[2]], "200", null);
            if (++i % 24_000 == 0) {
                merged.merge(part);
                part = RunTimeline.builder(Duration.ofSeconds(1), "test");
            }
        }
        RunTimeline t = merged.merge(part).build();

        assertThat(t.rps()).isEqualTo(timeline.rps());
        assertThat(t.percentile(K6Metrics.HTTP_REQ_DURATION, 99))
                .isEqualTo(timeline.percentile(K6Metrics.HTTP_REQ_DURATION, 99));
        for (String name : NAMES) {
            Distribution a = t.byName().get(name).distribution(K6Metrics.HTTP_REQ_DURATION);
            Distribution b = timeline.byName().get(name).distribution(K6Metrics.HTTP_REQ_DURATION);
            assertThat(a.count()).isEqualTo(b.count());
            assertThat(a.percentile(99.9)).isEqualTo(b.percentile(99.9));
            assertThat(a.percentile(50)).isEqualTo(b.percentile(50));
        }
    }

    @Test
    void lateSamplesShouldReopenSealedBuckets() {
        RunTimeline.Builder b = RunTimeline.builder(Duration.ofSeconds(1), "test");
        for (int s = 0; s < 3600; s++) {
            b.record(K6Metrics.HTTP_REQS, T0 + s * SECOND, 1, "a", "200", null);
            b.record(K6Metrics.HTTP_REQ_DURATION, T0 + s * SECOND, 10 + s % 7, "a", "200", null);
        }
        // an hour late, for the 100th second
        b.record(K6Metrics.HTTP_REQS, T0 + 100 * SECOND + 5, 1, "a", "200", null);
        b.record(K6Metrics.HTTP_REQ_DURATION, T0 + 100 * SECOND + 5, 500, "a", "200", null);
        RunTimeline t = b.build();

        assertThat(t.rps().valueAt(100)).isEqualTo(2);
        assertThat(t.http().totalRequests()).isEqualTo(3601);
        assertThat(t.http().metric(K6Metrics.HTTP_REQ_DURATION).maxSeries().valueAt(100))
                .isEqualTo(500);
        assertThat(t.byName().get("a").distribution(K6Metrics.HTTP_REQ_DURATION).max())
                .isEqualTo(500);
        assertThat(t.http().metric(K6Metrics.HTTP_REQ_DURATION).meanSeries().valueAt(100))
                .isEqualTo((12 + 500) / 2.0);
    }

    /** Durations of name {@code n} (-1: all) with times in [from, to), sorted. */
    private double[] values(int n, long from, long to) {
        return samples.stream()
                .filter(x -> (n < 0 || x[2] == n) && x[0] >= from && x[0] < to)
                .mapToDouble(x -> x[1])
                .sorted()
                .toArray();
    }

    private static void assertPercentiles(Distribution d, double[] sorted, double tolerance) {
        assertThat(d.count()).isEqualTo(sorted.length);
        for (double q : new double[] {1, 50, 90, 95, 99, 99.9}) {
            double exact = k6(sorted, q);
            assertThat(d.percentile(q)).as("p%s", q).isCloseTo(exact, within(exact * tolerance + 1e-9));
        }
    }

    /** k6's percentile: linear interpolation between ranks. */
    private static double k6(double[] sorted, double q) {
        double i = q / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(i);
        int hi = (int) Math.ceil(i);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
    }
}
