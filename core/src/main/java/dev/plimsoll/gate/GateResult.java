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

import java.util.Locale;
import java.util.Objects;

/**
 * A gate's outcome.
 *
 * @param expression the gate as written
 * @param measured what was measured, in the gate's unit (text for {@code bottleneck}); {@code n/a} when the analysis
 *     could not measure it
 * @param outcome passed, failed, or inconclusive (the figure could not be measured, or rests on signals the sources
 *     did not cover: no evidence is not a pass)
 * @param note why the gate is inconclusive, or what its figure rests on; empty when there is nothing to add
 * @since 0.1
 */
public record GateResult(String expression, String measured, Outcome outcome, String note) {
    /** A gate's outcome. */
    public enum Outcome {
        /** The figure was measured on covered data and met the threshold. */
        PASSED,
        /** The figure was measured on covered data and missed the threshold. */
        FAILED,
        /** The figure could not be measured, or the data it rests on does not cover the run. */
        INCONCLUSIVE,
        /**
         * Not evaluated, and not held against the run: the gate compares with a baseline and this run is the first its
         * baseline selector can choose (it becomes the baseline of the next runs). The verdict rests on the other gates
         * and the run's own evidence; see {@link dev.plimsoll.baseline.BaselineComparison#first()}.
         */
        SKIPPED;

        /**
         * The outcome's id in the JSON report and JUnit XML.
         *
         * @return {@code pass}, {@code fail}, {@code inconclusive} or {@code skipped}
         */
        public String id() {
            return switch (this) {
                case PASSED -> "pass";
                case FAILED -> "fail";
                case INCONCLUSIVE -> "inconclusive";
                case SKIPPED -> "skipped";
            };
        }

        /**
         * The outcome for terminal output.
         *
         * @return {@code PASS}, {@code FAIL}, {@code INCONCLUSIVE} or {@code SKIPPED}
         */
        public String label() {
            return id().toUpperCase(Locale.ROOT);
        }
    }

    /**
     * Checks the components.
     *
     * @param expression the gate as written
     * @param measured the measured figure as text, {@code n/a} when not measured
     * @param outcome the outcome
     * @param note why inconclusive, or what the figure rests on; empty for nothing
     * @throws NullPointerException if a component is null
     */
    public GateResult {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(note, "note");
    }

    /**
     * Whether the gate held on covered data.
     *
     * @return true for {@link Outcome#PASSED}
     */
    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /**
     * Whether the gate was measured on covered data and missed its threshold.
     *
     * @return true for {@link Outcome#FAILED}; false for an inconclusive gate
     */
    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
