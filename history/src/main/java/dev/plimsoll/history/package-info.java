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
/**
 * The run history: every analysed run stored over JDBC (a SQLite file by default, {@code .plimsoll/history.db};
 * PostgreSQL for teams), baselines chosen from it, comparisons of a run with its baselines (latency as
 * distributions with a Mann–Whitney U test and an effect size, scalar figures against the baselines' spread),
 * change points of a figure over runs (E-divisive means with a t-test, as Apache Otava does), and the merged
 * timeline exported as tidy rows.
 *
 * <pre>{@code
 * try (RunHistory history = RunHistory.open("jdbc:sqlite:.plimsoll/history.db")) {
 *     Baseline baseline = history.baseline("label:branch=main,n=5");
 *     Comparison comparison = history.compare(record, baseline);
 *     String id = history.save(record, RunLabels.withGitHubActions(Map.of("env", "staging"), System::getenv));
 *     Trend trend = history.trend("client_p95", RunFilter.all().withLabel("branch", "main"));
 * }
 * }</pre>
 *
 * <p>The schema is documented in the module's {@code SCHEMA.md}; migrations are versioned (Flyway).
 */
@NullMarked
package dev.plimsoll.history;

import org.jspecify.annotations.NullMarked;
