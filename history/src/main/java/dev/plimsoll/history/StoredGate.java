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

import java.util.Objects;

/**
 * A gate's result.
 *
 * @param expression the gate as written, e.g. {@code scaling_lag<=150s}
 * @param measured the measured value as the report prints it, e.g. {@code 123.1s}, or {@code n/a}
 * @param passed whether the gate held
 * @since 0.1
 */
public record StoredGate(String expression, String measured, boolean passed) {
    /**
     * Checks the texts.
     *
     * @param expression the gate as written, e.g. {@code scaling_lag<=150s}
     * @param measured the measured value as the report prints it, e.g. {@code 123.1s}, or {@code n/a}
     * @param passed whether the gate held
     * @throws NullPointerException if the expression or the measurement is null
     */
    public StoredGate {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(measured, "measured");
    }
}
