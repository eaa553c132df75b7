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

/**
 * Which way a change of a figure is bad.
 *
 * @since 0.1
 */
public enum Direction {
    /** More is worse: latency, error rate, scaling lag, nodes. */
    HIGHER_IS_WORSE,
    /** Less is worse: throughput. */
    LOWER_IS_WORSE,
    /** A change either way is reported, as a change, not a regression: latency shares by tier. */
    EITHER,
    /** Stored and charted, never compared: clock skew is a property of the clocks, not of the system. */
    NONE
}
