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
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One number a finding rests on.
 *
 * @param label what the number is, e.g. {@code cpu above threshold}
 * @param series the series it was read from, e.g. {@code cloudwatch:node_cpu_utilization.avg}
 * @param time when, if the number belongs to an instant
 * @param value the number; NaN when it could not be measured
 * @param unit its unit, e.g. {@code ms}, {@code percent}, {@code s}
 * @since 0.1
 */
public record StoredEvidence(
        String label, String series, @Nullable Instant time, double value, String unit) {
    /**
     * Checks the texts.
     *
     * @param label what the number is, e.g. {@code cpu above threshold}
     * @param series the series it was read from, e.g. {@code cloudwatch:node_cpu_utilization.avg}
     * @param time when, if the number belongs to an instant
     * @param value the number; NaN when it could not be measured
     * @param unit its unit, e.g. {@code ms}, {@code percent}, {@code s}
     * @throws NullPointerException if the label, the series or the unit is null
     */
    public StoredEvidence {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(unit, "unit");
    }
}
