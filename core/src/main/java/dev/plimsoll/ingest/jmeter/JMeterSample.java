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

import java.util.Objects;

/**
 * One JMeter sample as JMeter's {@code SampleResult} holds it and a JTL line saves it: what a listener inside JMeter
 * hands to a {@link JMeterRecorder}. Values JMeter did not measure are negative.
 *
 * @param timeStamp JMeter's {@code timeStamp}: epoch milliseconds, the end of the sample unless
 *     {@code sampleresult.timestamp.start=true} (as in the JTL)
 * @param elapsed JMeter's {@code elapsed}, ms
 * @param label the sampler's label (the request name)
 * @param responseCode the HTTP status, or {@code Non HTTP response code: <exception>} without a response
 * @param responseMessage the response message (a transaction controller's starts with
 *     {@code Number of samples in transaction})
 * @param success whether the sample succeeded
 * @param latency JMeter's {@code Latency} (time to first byte, including connecting), ms
 * @param connect JMeter's {@code Connect}, ms
 * @param bytes bytes received
 * @param sentBytes bytes sent
 * @param allThreads threads active in all thread groups
 * @param sampleCount samples this one stands for (1 unless batched)
 * @param errorCount failed samples among them
 * @since 0.1
 */
public record JMeterSample(
        long timeStamp,
        long elapsed,
        String label,
        String responseCode,
        String responseMessage,
        boolean success,
        long latency,
        long connect,
        long bytes,
        long sentBytes,
        int allThreads,
        int sampleCount,
        int errorCount) {
    /**
     * Checks the text components; the numbers are checked when the sample is recorded.
     *
     * @param timeStamp epoch milliseconds, as in the JTL
     * @param elapsed ms
     * @param label the request name
     * @param responseCode the HTTP status, or JMeter's {@code Non HTTP response code: <exception>}
     * @param responseMessage the response message
     * @param success whether the sample succeeded
     * @param latency time to first byte, ms; negative when not measured
     * @param connect connect time, ms; negative when not measured
     * @param bytes bytes received; negative when not measured
     * @param sentBytes bytes sent; negative when not measured
     * @param allThreads threads active in all thread groups; negative when not measured
     * @param sampleCount samples this one stands for
     * @param errorCount failed samples among them
     * @throws NullPointerException when {@code label}, {@code responseCode} or {@code responseMessage} is null
     */
    public JMeterSample {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(responseCode, "responseCode");
        Objects.requireNonNull(responseMessage, "responseMessage");
    }
}
