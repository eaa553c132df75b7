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
package dev.plimsoll.test;

/**
 * What a {@link LoopbackHttpServer} does to one request instead of answering it normally. The protocol-level faults
 * ({@link #THROTTLED}, {@link #SERVER_ERROR}, {@link #FORBIDDEN}) are answered by the backend's fake in its own error
 * format ({@link LoopbackHttpServer.Handler#fault}); the transport-level ones are applied by the server to the normal
 * answer. Connection refused is not a per-request fault: see {@link LoopbackHttpServer#refusingUri()}.
 *
 * @since 0.1
 */
public enum Fault {
    /** The normal answer (lets one request through before the faults that follow it). */
    NONE,
    /** The backend's throttling answer: CloudWatch's {@code Throttling} error, Datadog's 429 with rate-limit headers. */
    THROTTLED,
    /** A 5xx in the backend's error format. */
    SERVER_ERROR,
    /** The backend refuses the credentials (403): not worth retrying. */
    FORBIDDEN,
    /** The normal answer, sent only after the client's timeout has passed. */
    SLOW,
    /** The status line, the headers (with the full length) and half the body, then a TCP reset. */
    RESET_MID_BODY,
    /** A well-framed response whose body is the first half of the normal one (a proxy that cut it). */
    TRUNCATED_BODY;

    /**
     * Whether the backend's fake answers it in its own format rather than the server applying it to the answer.
     *
     * @return true for {@link #THROTTLED}, {@link #SERVER_ERROR} and {@link #FORBIDDEN}
     */
    public boolean isProtocolLevel() {
        return this == THROTTLED || this == SERVER_ERROR || this == FORBIDDEN;
    }
}
