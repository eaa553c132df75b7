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
package dev.plimsoll.run;

import java.util.Objects;

/**
 * The outcome of one threshold as the load tool reported it.
 *
 * @param metric the metric (or sub-metric, e.g. {@code http_req_duration{name:POST /api/orders}})
 * @param expression the threshold, e.g. {@code p(95)<500}
 * @param passed whether the threshold held
 * @since 0.1
 */
public record ThresholdResult(String metric, String expression, boolean passed) {
    /**
     * Checks the texts.
     *
     * @param metric the metric or sub-metric
     * @param expression the threshold as written in the script
     * @param passed whether it held
     * @throws NullPointerException if a text is null
     */
    public ThresholdResult {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(expression, "expression");
    }
}
