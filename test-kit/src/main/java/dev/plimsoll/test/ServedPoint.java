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

import java.time.Instant;
import java.util.Objects;

/**
 * One point a fake backend serves.
 *
 * @param time the point's timestamp (the start of its period)
 * @param value its value; {@code NaN} for a point the backend marks as having no value (Datadog's {@code null},
 *     CloudWatch's {@code NaN}) — which is not the same as a point the backend does not send at all
 * @since 0.1
 */
public record ServedPoint(Instant time, double value) {
    /**
     * Checks the time.
     *
     * @param time the timestamp
     * @param value the value, or NaN for the no-value marker
     * @throws NullPointerException if {@code time} is null
     */
    public ServedPoint {
        Objects.requireNonNull(time, "time");
    }

    /**
     * A point.
     *
     * @param time the start of its period
     * @param value its value, or NaN for the backend's no-value marker
     * @return the point
     */
    public static ServedPoint of(Instant time, double value) {
        return new ServedPoint(time, value);
    }

    /**
     * Whether the backend sends a value (not its no-value marker).
     *
     * @return true unless the value is NaN
     */
    public boolean hasValue() {
        return !Double.isNaN(value);
    }
}
