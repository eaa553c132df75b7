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
package dev.plimsoll.gate;

import java.util.Objects;

/**
 * A gate's outcome.
 *
 * @param expression the gate as written
 * @param measured what was measured, in the gate's unit (text for {@code bottleneck}); {@code n/a} when the analysis
 *     could not measure it
 * @param passed whether it held (a gate that cannot be measured fails: no evidence is not a pass)
 * @since 0.1
 */
public record GateResult(String expression, String measured, boolean passed) {
    public GateResult {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(measured, "measured");
    }
}
