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
    private final String type;
    private final boolean retryable;

    public MetricSourceException(String type, boolean retryable, String message, Throwable cause) {
        super(type + ": " + message, cause);
        this.type = type;
        this.retryable = retryable;
    }

    public MetricSourceException(String type, boolean retryable, String message) {
        super(type + ": " + message);
        this.type = type;
        this.retryable = retryable;
    }

    /** The source type, e.g. {@code cloudwatch}. */
    public String type() {
        return type;
    }

    /** Whether trying again later may succeed (throttling, 5xx, network) rather than not (bad request, access). */
    public boolean isRetryable() {
        return retryable;
    }
}
