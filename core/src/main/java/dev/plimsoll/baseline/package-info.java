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
 * Comparing a run with earlier runs: the {@link dev.plimsoll.baseline.BaselineComparator} SPI the pipeline calls
 * ({@code LoadTestAnalysis.baseline(...)}; {@code plimsoll-history} implements it over its run store) and what it
 * answers, a {@link dev.plimsoll.baseline.BaselineComparison} of {@link dev.plimsoll.baseline.FigureChange}s. Core
 * turns regressions and improvements into findings and evaluates the gates that need a baseline
 * ({@code client_p95_change<10%}, {@code scaling_lag_change<=30s}, {@code regressions==0}).
 */
@NullMarked
package dev.plimsoll.baseline;

import org.jspecify.annotations.NullMarked;
