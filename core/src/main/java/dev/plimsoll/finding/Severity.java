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
package dev.plimsoll.finding;

import java.util.Locale;

/**
 * How much a finding matters. A healthy run has nothing above {@link #INFO}.
 *
 * @since 0.1
 */
public enum Severity {
    /** Worth knowing (data coverage, scaling within budget); never fails a gate by default. */
    INFO,
    /** A problem the run exposed: a budget exceeded, a bottleneck. */
    WARNING,
    /** The run's result cannot be trusted or the system failed: a ceiling, errors under load, a saturated generator. */
    HIGH;

    /**
     * The severity as reports, the CLI's {@code --fail-on} and meters spell it.
     *
     * @return {@code info}, {@code warning} or {@code high}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
