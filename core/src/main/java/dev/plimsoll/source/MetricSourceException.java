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
package dev.plimsoll.source;

import dev.plimsoll.error.PlimsollException;

/**
 * A backend could not give what was asked: unreachable, throttled past the retry budget, or refusing the request.
 * Messages never contain credentials.
 *
 * @since 0.1
 */
public final class MetricSourceException extends PlimsollException {
    private static final long serialVersionUID = 1L;
    /** The source type, e.g. {@code cloudwatch}. */
    private final String type;

    /** Whether trying again later may succeed. */
    private final boolean retryable;

    /**
     * A failure caused by the backend's client.
     *
     * @param type the source type; prefixes the message
     * @param retryable whether trying again later may succeed (throttling, 5xx, network)
     * @param message what failed, without credentials
     * @param cause the client's exception
     */
    public MetricSourceException(String type, boolean retryable, String message, Throwable cause) {
        super(type + ": " + message, cause);
        this.type = type;
        this.retryable = retryable;
    }

    /**
     * A failure without an underlying exception (e.g. a response that breaks the source's contract).
     *
     * @param type the source type; prefixes the message
     * @param retryable whether trying again later may succeed
     * @param message what failed, without credentials
     */
    public MetricSourceException(String type, boolean retryable, String message) {
        super(type + ": " + message);
        this.type = type;
        this.retryable = retryable;
    }

    /**
     * The source that failed.
     *
     * @return the source type, e.g. {@code cloudwatch}
     */
    public String type() {
        return type;
    }

    /**
     * Whether trying again later may succeed (throttling, 5xx, network) rather than not (bad request, access).
     *
     * @return true for a transient failure; {@link dev.plimsoll.LoadTestAnalysis} polls again while its ingestion
     *     delay lasts
     */
    public boolean isRetryable() {
        return retryable;
    }
}
