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
package dev.plimsoll.ingest.jmeter;

import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records JMeter samples into a run while a test plan runs, under the same rules as {@link JtlReader} reads a JTL
 * CSV: the run of the samples a listener hands in equals the run read from the CSV file JMeter writes of the same
 * samples (each sub-result handed in as a sample of its own, as JMeter's CSV writer saves it). Transaction controller
 * samples are group durations, not requests. Thread-safe.
 *
 * <pre>{@code
 * JMeterRecorder recorder = JMeterRecorder.create();
 * recorder.record(new JMeterSample(ts, elapsed, "GET /api/items", "200", "OK", true, 12, 3, 512, 120, 10, 1, 0));
 * LoadRun run = recorder.snapshot("checkout-test");
 * }</pre>
 *
 * @since 0.1
 */
public final class JMeterRecorder {
    private final RunTimeline.Builder builder;
    private final JtlSink sink;
    /** Samples the run refused (a negative elapsed, a time far from the run's): counted, never thrown at JMeter. */
    private long skipped;

    private final List<String> warnings = new java.util.ArrayList<>();

    private JMeterRecorder(Duration bucket) {
        this.builder = RunTimeline.builder(bucket, "jmeter");
        this.sink = new JtlSink(builder, 0);
    }

    /**
     * A recorder with one-second buckets ({@link RunTimeline#DEFAULT_BUCKET}).
     *
     * @return an empty recorder
     */
    public static JMeterRecorder create() {
        return create(RunTimeline.DEFAULT_BUCKET);
    }

    /**
     * A recorder with buckets of {@code bucket}.
     *
     * @param bucket the length of the timeline's buckets, the resolution of every figure over time: a whole number
     *     of milliseconds from 1 ms to 1 day
     * @return an empty recorder
     * @throws IllegalArgumentException when the bucket is out of that range or not whole milliseconds
     */
    public static JMeterRecorder create(Duration bucket) {
        return new JMeterRecorder(Objects.requireNonNull(bucket, "bucket"));
    }

    /**
     * Records one sample (a transaction controller's as a group duration). A sample the run cannot hold (a negative
     * elapsed time, a time far from the run's) is skipped and counted in the snapshot's {@link IngestReport}, not
     * thrown into JMeter's sampler thread.
     *
     * @param s the sample, as JMeter's {@code SampleResult} holds it; each sub-result handed in as a sample of its
     *     own
     */
    public synchronized void record(JMeterSample s) {
        try {
            recordOrThrow(s);
        } catch (IllegalArgumentException e) {
            if (++skipped <= 20) {
                warnings.add("sample '" + s.label() + "' at " + s.timeStamp() + " skipped: " + e.getMessage());
            }
        }
    }

    private void recordOrThrow(JMeterSample s) {
        if (JtlSink.isController(s.responseMessage())) {
            sink.transaction(s.timeStamp(), s.elapsed());
            return;
        }
        sink.request(
                s.timeStamp(),
                s.elapsed(),
                s.label(),
                s.responseCode(),
                s.success(),
                s.latency(),
                s.connect(),
                s.bytes(),
                s.sentBytes(),
                s.allThreads(),
                s.sampleCount(),
                s.errorCount());
    }

    /**
     * How many samples were recorded so far.
     *
     * @return the samples recorded, transaction controllers' included, skipped ones not
     */
    public synchronized long samples() {
        return sink.samples;
    }

    /**
     * How many requests were recorded so far.
     *
     * @return the requests recorded: the samples other than transaction controllers', each counting its
     *     {@link JMeterSample#sampleCount()}
     */
    public synchronized long requests() {
        return sink.requests;
    }

    /**
     * The run of every sample recorded so far (a copy: recording goes on), tool {@code jmeter}.
     *
     * @param id the run's id, e.g. the test plan's name
     * @return the run: an empty timeline when nothing was recorded; in {@link LoadRun#ingest()} the samples recorded
     *     and those skipped, the first 20 of them with why
     */
    public synchronized LoadRun snapshot(String id) {
        List<String> notes = new java.util.ArrayList<>(warnings);
        if (skipped > warnings.size()) {
            notes.add((skipped - warnings.size()) + " more samples skipped");
        }
        IngestReport ingest = new IngestReport(List.of(), 0, sink.samples, skipped, notes);
        return new LoadRun("jmeter", Objects.requireNonNull(id, "id"), builder.snapshot(), Optional.empty(), ingest);
    }
}
