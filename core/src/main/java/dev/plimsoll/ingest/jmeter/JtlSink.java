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

import dev.plimsoll.internal.Rfc3339;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.RunTimeline;
import org.jspecify.annotations.Nullable;

/** Records JMeter samples into a timeline under the neutral names; counts what it recorded. */
final class JtlSink {
    /** JMeter's mark of a transaction controller's sample ({@code TransactionController}, report {@code Sample}). */
    static final String CONTROLLER_PREFIX = "Number of samples in transaction";

    private static final String NON_HTTP = "Non HTTP response code: ";

    /** The most samples one line may stand for (JMeter's {@code SampleCount}); more is a damaged file. */
    static final int MAX_SAMPLE_COUNT = 1_000_000;

    final RunTimeline.Builder builder;
    private final long shiftMillis;
    long requests;
    long transactions;
    long samples;

    JtlSink(RunTimeline.Builder builder, long shiftMillis) {
        this.builder = builder;
        this.shiftMillis = shiftMillis;
    }

    /** A count read as a {@code long}, as an {@code int} that keeps it too large (never wrapped around). */
    static int count(long n) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    static boolean isController(@Nullable String responseMessage) {
        return responseMessage != null && responseMessage.startsWith(CONTROLLER_PREFIX);
    }

    /** A transaction controller's sample: a group duration, not a request (as JMeter's dashboard Total). */
    void transaction(long timeStamp, long elapsed) {
        builder.record(LoadMetrics.GROUP_DURATION, nanos(timeStamp), elapsed(elapsed), null, null, null);
        transactions++;
        samples++;
    }

    /**
     * One request.
     *
     * @param latency JMeter's Latency (ms), negative when not saved
     * @param connect JMeter's Connect (ms), negative when not saved
     * @param bytes received bytes, negative when not saved
     * @param sentBytes sent bytes, negative when not saved
     * @param allThreads active threads of all groups, negative when not saved
     * @param sampleCount samples this line stands for (JMeter's SampleCount, 1 unless batched)
     * @param errorCount failed samples among them
     */
    void request(
            long timeStamp,
            long elapsed,
            String label,
            String responseCode,
            boolean success,
            long latency,
            long connect,
            long bytes,
            long sentBytes,
            long allThreads,
            int sampleCount,
            int errorCount) {
        // everything checked before anything is recorded: a refused sample leaves no trace
        long t = nanos(timeStamp);
        elapsed(elapsed);
        if (sampleCount > MAX_SAMPLE_COUNT) {
            throw new IllegalArgumentException(
                    "SampleCount must be at most " + MAX_SAMPLE_COUNT + " per line, but was " + sampleCount);
        }
        builder.admit(t);
        String status = status(responseCode);
        String errorClass = success && errorCount == 0 ? null : errorClass(responseCode);
        int n = Math.max(1, sampleCount);
        int failed = sampleCount > 1 ? Math.min(errorCount, n) : success ? 0 : 1;
        for (int i = 0; i < n; i++) {
            builder.record(LoadMetrics.REQUESTS, t, 1, label, status, errorClass);
            builder.record(LoadMetrics.REQUEST_FAILED, t, i < failed ? 1 : 0, label, status, errorClass);
        }
        builder.record(LoadMetrics.REQUEST_DURATION, t, elapsed, label, status, errorClass);
        if (latency >= 0) {
            builder.record(LoadMetrics.TIME_TO_FIRST_BYTE, t, latency, label, status, errorClass);
        }
        if (connect >= 0) {
            builder.record(LoadMetrics.CONNECT_TIME, t, connect, label, status, errorClass);
        }
        if (bytes >= 0) {
            builder.record(LoadMetrics.DATA_RECEIVED, t, bytes, null, null, null);
        }
        if (sentBytes >= 0) {
            builder.record(LoadMetrics.DATA_SENT, t, sentBytes, null, null, null);
        }
        if (allThreads >= 0) {
            builder.record(LoadMetrics.VUS, t, allThreads, null, null, null);
        }
        requests += n;
        samples++;
    }

    private long nanos(long timeStamp) {
        return Rfc3339.millisToNanos(timeStamp, shiftMillis);
    }

    private static long elapsed(long elapsed) {
        if (elapsed < 0) {
            throw new IllegalArgumentException("elapsed must not be negative, but was " + elapsed + " ms");
        }
        return elapsed;
    }

    /** The HTTP status; {@code 0} when no response arrived (JMeter's "Non HTTP response code: …"). */
    static String status(String responseCode) {
        if (responseCode.startsWith(NON_HTTP)) {
            return "0";
        }
        return responseCode;
    }

    /**
     * Why a failed request failed where its HTTP status does not say it: the exception of a request without
     * response ({@code java.net.ConnectException}), none (null) for an HTTP error status (4xx, 5xx: the status
     * says it), or {@code assertion} for a failure with any other status (an assertion failed).
     */
    static @Nullable String errorClass(String responseCode) {
        if (responseCode.startsWith(NON_HTTP)) {
            String ex = responseCode.substring(NON_HTTP.length()).trim();
            int colon = ex.indexOf(':');
            return colon > 0 ? ex.substring(0, colon) : ex;
        }
        if (responseCode.length() == 3 && (responseCode.charAt(0) == '4' || responseCode.charAt(0) == '5')) {
            return null;
        }
        return "assertion";
    }
}
