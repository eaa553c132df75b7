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

import java.util.Locale;

/**
 * What a comparison of one figure concluded.
 *
 * @since 0.1
 */
public enum Outcome {
    /** Worse beyond the baselines' spread or the tolerance (and, for latency, significantly so). */
    REGRESSION,
    /** Better beyond the spread or tolerance. */
    IMPROVEMENT,
    /** Different beyond the spread or tolerance, for a figure without a worse direction (latency shares). */
    CHANGE,
    /** Within the spread or tolerance, or not significant. */
    UNCHANGED,
    /** The current run or every baseline lacks the figure, so nothing can be said. */
    NO_DATA;

    /**
     * The outcome as the schema and reports spell it.
     *
     * @return {@code regression}, {@code improvement}, {@code change}, {@code unchanged} or {@code no_data}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
