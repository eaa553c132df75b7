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

import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.gate.GateResult;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report shows: the analysis, the gates' results and a title.
 *
 * @param title e.g. the run's name
 * @param result the analysis
 * @param gates results of the gates, in the order given
 * @since 0.1
 */
public record Report(String title, AnalysisResult result, List<GateResult> gates) {
    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(result, "result");
        gates = List.copyOf(gates);
    }

    /** Whether every gate passed (true without gates). */
    public boolean passed() {
        return gates.stream().allMatch(GateResult::passed);
    }
}
