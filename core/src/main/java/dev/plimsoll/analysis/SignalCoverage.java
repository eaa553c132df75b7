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
package dev.plimsoll.analysis;

import java.util.List;
import java.util.Objects;

/**
 * How well the cloud series cover one {@link SignalGroup} over the run's window.
 *
 * @param group the evidence
 * @param asked whether any source was asked for a signal of the group (a query playing it); a group nobody asked for
 *     is "not checked", not missing
 * @param ratio the covered share of the run: for each part of the group the best series' present ÷ expected points
 *     inside the run, the lowest over the parts; 0 when a part has no series
 * @param basis the series the ratio rests on (query ids), e.g. {@code [node_cpu, node_count]}
 * @param covered whether {@code ratio} reaches {@link AnalysisConfig#minCoverage()}
 * @param problems what is missing, in words a person can act on; empty when covered
 * @since 0.1
 */
public record SignalCoverage(
        SignalGroup group, boolean asked, double ratio, List<String> basis, boolean covered, List<String> problems) {
    /**
     * Copies the lists.
     *
     * @param group the group
     * @param asked whether any source was asked for one of its signals
     * @param ratio share in [0, 1]
     * @param basis query ids
     * @param covered whether the ratio reaches the configured minimum
     * @param problems sentences; empty when covered
     * @throws NullPointerException if {@code group} or a list is null
     */
    public SignalCoverage {
        Objects.requireNonNull(group, "group");
        basis = List.copyOf(basis);
        problems = List.copyOf(problems);
    }
}
