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
 * The verdict of an analysed run, as its exit code says it: {@code pass} (0), {@code fail} (1, a gate failed) or
 * {@code inconclusive} (3, the data a gate or finding needed was missing).
 *
 * @since 0.1
 */
public enum Verdict {
    /** Every gate held on data that covers the run (exit code 0). */
    PASS,
    /** A gate or a finding failed the run (exit code 1). */
    FAIL,
    /** Something the verdict needed could not be decided (exit code 3). */
    INCONCLUSIVE;

    /**
     * The verdict as the schema stores it.
     *
     * @return {@code pass}, {@code fail} or {@code inconclusive}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The verdict for a label.
     *
     * @param label as stored, lower case
     * @return the verdict
     * @throws IllegalArgumentException for anything but {@code pass}, {@code fail} or {@code inconclusive}
     */
    public static Verdict of(String label) {
        for (Verdict v : values()) {
            if (v.label().equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("verdict must be pass, fail or inconclusive, but was '" + label + "'");
    }
}
