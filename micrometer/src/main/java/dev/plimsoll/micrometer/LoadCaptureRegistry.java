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

import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.MetricKind;
import dev.plimsoll.run.RunTimeline;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeCounter;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A Micrometer registry that also records an in-JVM load test into a {@link LoadRun}, so Java load tests get the same
 * analysis as k6 runs. Every recording of the request timer (default {@code http.client.requests}, the name Spring's
 * and Micrometer's HTTP client instrumentation use) becomes a request at the recording's time: its {@code uri} tag is
 * the request name, its {@code status} tag the status, and a status ≥ 400, an {@code outcome} of
 * {@code CLIENT_ERROR}/{@code SERVER_ERROR} or an {@code exception} other than {@code none} a failure. Other timers
 * become trends of their own name, counters named {@code iterations} count iterations, other counters are kept as
 * counters; {@link #vus(int)} records the number of active virtual users.
 *
 * <pre>{@code
 * LoadCaptureRegistry registry = LoadCaptureRegistry.create();
 * Timer.Sample s = Timer.start(registry);
 * HttpResponse<String> r = client.send(request, ofString());
 * s.stop(registry.timer("http.client.requests", "uri", "/api/orders", "status", String.valueOf(r.statusCode())));
 * LoadRun run = registry.toLoadRun("checkout-load");
 * }</pre>
 *
 * <p>Thread-safe: load generators record from many threads.
 *
 * @since 0.1
 */
public final class LoadCaptureRegistry extends SimpleMeterRegistry {
    /** The timer Micrometer's HTTP client instrumentation records into. */
    public static final String DEFAULT_REQUEST_TIMER = "http.client.requests";

    private final RunTimeline.Builder builder;
    private final String requestTimer;
    private final String nameTag;
    private final Clock clock;
    private long samples;
    /** Recordings the run refused (NaN, a negative count, a clock far off): counted, never thrown at the caller. */
    private long skipped;

    private final List<String> warnings = new java.util.ArrayList<>();

    private LoadCaptureRegistry(Clock clock, Duration bucket, String requestTimer, String nameTag) {
        super(SimpleConfig.DEFAULT, clock);
        this.clock = clock;
        this.builder = RunTimeline.builder(bucket, "micrometer");
        this.requestTimer = requestTimer;
        this.nameTag = nameTag;
    }

    /**
     * Captures {@value #DEFAULT_REQUEST_TIMER} with its {@code uri} tag as the request name, in 1 s buckets, on the
     * system clock.
     *
     * @return an empty registry
     */
    public static LoadCaptureRegistry create() {
        return create(Clock.SYSTEM, RunTimeline.DEFAULT_BUCKET, DEFAULT_REQUEST_TIMER, "uri");
    }

    /**
     * A registry with another clock, bucket, request timer or request-name tag.
     *
     * @param clock the clock that timestamps recordings (a {@code MockClock} in tests)
     * @param bucket the timeline's bucket length, a whole number of milliseconds ≥ 1 ms
     * @param requestTimer the timer whose recordings are requests
     * @param nameTag the tag that names a request
     * @return an empty registry
     * @throws IllegalArgumentException if {@code bucket} is shorter than 1 ms or not whole milliseconds
     */
    public static LoadCaptureRegistry create(Clock clock, Duration bucket, String requestTimer, String nameTag) {
        return new LoadCaptureRegistry(Objects.requireNonNull(clock, "clock"), bucket, requestTimer, nameTag);
    }

    /**
     * Records the number of active virtual users now.
     *
     * @param active VUs (threads, coroutines…) issuing requests at this moment
     */
    public void vus(int active) {
        synchronized (builder) {
            record(LoadMetrics.VUS, nowNanos(), active, null, null);
        }
    }

    /** One recording, or, when the run refuses it, a counted skip: a meter never throws at the load test. */
    private boolean record(String metric, long t, double value, @Nullable String requestName, @Nullable String status) {
        try {
            builder.record(metric, t, value, requestName, status, null);
            return true;
        } catch (IllegalArgumentException e) {
            if (++skipped <= 20) {
                warnings.add(metric + " skipped: " + e.getMessage());
            }
            return false;
        }
    }

    /**
     * The run recorded so far, as a copy: the registry can go on recording.
     *
     * @param id the run's name, e.g. the test's
     * @return a run of tool {@code micrometer}, without a summary
     */
    public LoadRun toLoadRun(String id) {
        synchronized (builder) {
            // a built timeline is a copy: the registry can go on recording
            return new LoadRun(
                    "micrometer",
                    id,
                    builder.snapshot(),
                    Optional.empty(),
                    new IngestReport(List.of(), 0, samples, skipped, List.copyOf(warnings)));
        }
    }

    private long nowNanos() {
        return TimeUnit.MILLISECONDS.toNanos(clock.wallTime());
    }

    @Override
    protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
        boolean request = id.getName().equals(requestTimer);
        String name = id.getName().replace('.', '_');
        if (!request) {
            synchronized (builder) {
                builder.declare(name, MetricKind.TREND, true);
            }
        }
        return new CumulativeTimer(id, clock, config, pauseDetector, getBaseTimeUnit(), false) {
            @Override
            protected void recordNonNegative(long amount, TimeUnit unit) {
                super.recordNonNegative(amount, unit);
                capture(id, request, name, unit.toNanos(amount) / 1e6);
            }
        };
    }

    @Override
    protected Counter newCounter(Meter.Id id) {
        String name = id.getName().equals("iterations")
                ? LoadMetrics.ITERATIONS
                : id.getName().replace('.', '_');
        synchronized (builder) {
            builder.declare(name, MetricKind.COUNTER, false);
        }
        return new CumulativeCounter(id) {
            @Override
            public void increment(double amount) {
                super.increment(amount);
                synchronized (builder) {
                    if (record(name, nowNanos(), amount, null, null)) {
                        samples++;
                    }
                }
            }
        };
    }

    private void capture(Meter.Id id, boolean request, String name, double millis) {
        long t = nowNanos();
        synchronized (builder) {
            if (!request) {
                if (record(name, t, millis, null, null)) {
                    samples++;
                }
                return;
            }
            String requestName = id.getTag(nameTag);
            String status = id.getTag("status");
            double failed = failed(status, id.getTag("outcome"), id.getTag("exception")) ? 1 : 0;
            // the duration first: a request the run refuses leaves no count behind
            if (record(LoadMetrics.REQUEST_DURATION, t, millis, requestName, status)) {
                record(LoadMetrics.REQUESTS, t, 1, requestName, status);
                record(LoadMetrics.REQUEST_FAILED, t, failed, requestName, status);
                samples += 3;
            }
        }
    }

    static boolean failed(@Nullable String status, @Nullable String outcome, @Nullable String exception) {
        if (status != null) {
            try {
                if (Integer.parseInt(status) >= 400) {
                    return true;
                }
            } catch (NumberFormatException notNumeric) {
                // e.g. CLIENT_ERROR in some instrumentations
            }
        }
        if ("CLIENT_ERROR".equals(outcome) || "SERVER_ERROR".equals(outcome)) {
            return true;
        }
        return exception != null && !exception.isEmpty() && !"none".equalsIgnoreCase(exception);
    }
}
