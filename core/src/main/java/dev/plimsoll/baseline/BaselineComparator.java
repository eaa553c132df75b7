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
package dev.plimsoll.baseline;

import dev.plimsoll.analysis.AnalysisResult;

/**
 * Compares a finished analysis with baseline runs: the hook through which {@code dev.plimsoll.LoadTestAnalysis} asks
 * for regressions without knowing where earlier runs are kept. {@code plimsoll-history} implements it over its run
 * store ({@code HistoryBaseline}); a test may implement it over anything.
 *
 * <pre>{@code
 * Report report = LoadTestAnalysis.of(run)
 *         .sources(cw, dd)
 *         .baseline(HistoryBaseline.of(history, "last-passing"))
 *         .gates("client_p95_change<10%", "regressions==0")
 *         .analyze();
 * }</pre>
 *
 * @since 0.1
 */
public interface BaselineComparator {
    /**
     * The baseline as the user chose it: names the baseline in reports, also when it could not be read.
     *
     * @return e.g. {@code last-passing} or {@code label:branch=main,n=5}
     */
    String selector();

    /**
     * Compares the run with the baseline, figure by figure.
     *
     * @param result the run's analysis (before its gates are evaluated)
     * @return the comparison; {@link BaselineComparison#unavailable} when there is nothing to compare with
     * @throws RuntimeException when the baseline cannot be read (a store that fails): the pipeline records the
     *     message as {@link BaselineComparison#problem()} and goes on, so that the run's reports are still written
     */
    BaselineComparison compare(AnalysisResult result);
}
