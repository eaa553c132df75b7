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
package dev.plimsoll.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finding of a run as the store keeps it: tool-neutral strings, so that finding kinds added later are stored
 * without a schema change.
 *
 * @param kind finding kind id, e.g. {@code scaling_lag}, {@code latency_bottleneck}, {@code regression}
 * @param severity {@code info}, {@code warning} or {@code high}
 * @param start when it began
 * @param end when it ended (exclusive)
 * @param reason one sentence with the numbers
 * @param confidence 0–1
 * @param evidence the numbers it rests on, in order
 * @since 0.1
 */
public record StoredFinding(
        String kind,
        String severity,
        Instant start,
        Instant end,
        String reason,
        double confidence,
        List<StoredEvidence> evidence) {
    /**
     * Checks the texts and instants and copies the evidence.
     *
     * @param kind finding kind id, e.g. {@code scaling_lag}, {@code latency_bottleneck}, {@code regression}
     * @param severity {@code info}, {@code warning} or {@code high}
     * @param start when it began
     * @param end when it ended (exclusive)
     * @param reason one sentence with the numbers
     * @param confidence 0–1
     * @param evidence the numbers it rests on, in order
     * @throws NullPointerException if a text or an instant is null
     */
    public StoredFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
    }
}
