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
package dev.plimsoll.report;

/**
 * What a run's analysis concludes, resting on evidence. The CLI's exit codes follow it: 0 pass, 1 fail, 3 inconclusive
 * (2 is a usage or input error, before any verdict).
 *
 * @since 0.1
 */
public enum Verdict {
    /** Every gate held on data that covers the run, and the evidence the findings need was there. */
    PASS,
    /** A gate missed its threshold, or a finding reached the severity the run fails on. */
    FAIL,
    /**
     * Nothing failed, but something could not be decided: a gate's figure could not be measured, the sources did not
     * cover the run for the signals the findings or gates need, a detector failed, or no cloud source was given and
     * no gate asked only about the client side.
     */
    INCONCLUSIVE;

    /**
     * The verdict as the JSON report's {@code verdict} spells it.
     *
     * @return {@code pass}, {@code fail} or {@code inconclusive}
     */
    public String id() {
        return switch (this) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    /**
     * The verdict a JSON report or the run history spells {@code id}.
     *
     * @param id {@code pass}, {@code fail} or {@code inconclusive}
     * @return the verdict
     * @throws IllegalArgumentException for any other text
     */
    public static Verdict of(String id) {
        for (Verdict v : values()) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("verdict must be pass, fail or inconclusive, but was '" + id + "'");
    }

    /**
     * The CLI's exit code for this verdict.
     *
     * @return 0 for a pass, 1 for a fail, 3 for an inconclusive run
     */
    public int exitCode() {
        return switch (this) {
            case PASS -> 0;
            case FAIL -> 1;
            case INCONCLUSIVE -> 3;
        };
    }
}
