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
package dev.plimsoll.micrometer;

import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.TimeSeries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Publishes a load run's per-second series through any {@link MeterRegistry} — e.g.
 * {@code micrometer-registry-cloudwatch2} or {@code -datadog}, so that dashboards show the load beside the
 * infrastructure. Micrometer timestamps what it publishes with the time of publication, so a finished run is replayed:
 * gauges {@code plimsoll.load.rps}, {@code plimsoll.load.vus}, {@code plimsoll.load.error.ratio} and
 * {@code plimsoll.load.latency.p95} (seconds, k6 {@code http_req_duration}) step through the run's buckets, one per
 * bucket length divided by {@code speed}; the registry's own step then exports them. With {@code speed} 1 the
 * exported series has the run's shape and length, shifted to now.
 *
 * <pre>{@code
 * TimelineReplay.of(run, Tags.of("test", "checkout")).bindTo(cloudWatchRegistry).replay(1.0);
 * }</pre>
 *
 * @since 0.1
 */
public final class TimelineReplay {
    private final LoadRun run;
    private final Tags tags;
    private final double[] rps;
    private final double[] vus;
    private final double[] errors;
    private final double[] p95;
    private volatile int cursor = -1;
    private LongConsumer sleeper = TimelineReplay::sleep;

    private TimelineReplay(LoadRun run, Tags tags) {
        this.run = Objects.requireNonNull(run, "run");
        this.tags = Objects.requireNonNull(tags, "tags");
        this.rps = run.timeline().rps().values();
        this.vus = run.timeline().vus().values();
        this.errors = run.timeline().errorRate().values();
        TimeSeries ms = run.timeline().percentile(LoadMetrics.REQUEST_DURATION, 95);
        this.p95 = ms.values();
        for (int i = 0; i < p95.length; i++) {
            p95[i] = p95[i] / 1000;
        }
    }

    /**
     * A replay of a run.
     *
     * @param run the run
     * @param tags added to every gauge, beside {@code run} (the run's id)
     * @return a replay; bind it, then {@link #replay}
     */
    public static TimelineReplay of(LoadRun run, Tags tags) {
        return new TimelineReplay(run, tags);
    }

    /**
     * Registers the gauges (NaN until the replay starts).
     *
     * @param registry any registry; may be called for several
     * @return this replay
     */
    public TimelineReplay bindTo(MeterRegistry registry) {
        Tags t = tags.and("run", run.id());
        Gauge.builder("plimsoll.load.rps", this, r -> r.value(r.rps))
                .tags(t)
                .baseUnit("requests")
                .description("requests per second of the replayed run")
                .register(registry);
        Gauge.builder("plimsoll.load.vus", this, r -> r.value(r.vus))
                .tags(t)
                .description("active virtual users")
                .register(registry);
        Gauge.builder("plimsoll.load.error.ratio", this, r -> r.value(r.errors))
                .tags(t)
                .description("share of failed requests")
                .register(registry);
        Gauge.builder("plimsoll.load.latency.p95", this, r -> r.value(r.p95))
                .tags(t)
                .baseUnit("seconds")
                .description("client p95 of the bucket")
                .register(registry);
        return this;
    }

    // VisibleForTesting
    TimelineReplay sleeper(LongConsumer millis) {
        this.sleeper = millis;
        return this;
    }

    /**
     * Steps through every bucket; blocks for the run's length divided by {@code speed}.
     *
     * @param speed positive; 1 replays in real time, 60 a minute per second
     * @throws IllegalArgumentException if {@code speed} is not positive
     * @throws IllegalStateException if the thread is interrupted (the interrupt flag is kept)
     */
    public void replay(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, but was " + speed);
        }
        long pause = Math.round(run.timeline().bucket().toMillis() / speed);
        for (int i = 0; i < rps.length; i++) {
            cursor = i;
            sleeper.accept(pause);
        }
    }

    /**
     * The bucket being replayed.
     *
     * @return its index, −1 before the start; the last bucket's after the end
     */
    public int position() {
        return cursor;
    }

    private double value(double[] series) {
        int i = cursor;
        return i < 0 || i >= series.length ? Double.NaN : series[i];
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
    }
}
