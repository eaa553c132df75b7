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
package dev.plimsoll.run;

import java.util.Locale;

/**
 * How a percentile is taken from {@code n} sorted samples {@code x[0] ≤ … ≤ x[n−1]}: each load tool has its own
 * definition, and on the same samples they differ by up to a sample's gap. Plimsoll's analysis, gates and reports use
 * one, {@link #K6}; the others let a summary show a run's percentiles as its tool's own report would
 * ({@link Distribution#percentile(double, PercentileDefinition)}).
 *
 * @since 0.1
 */
public enum PercentileDefinition {
    /**
     * k6's end-of-test summary and Plimsoll's analysis: linear interpolation between {@code x[floor(i)]} and
     * {@code x[ceil(i)]}, {@code i = p × (n − 1)}.
     */
    K6("k6", "linear between ranks around p × (n − 1)"),
    /**
     * JMeter's Aggregate Report and Summary Report ({@code StatCalculator.getPercentPoint}): the smallest sample whose
     * cumulative count reaches {@code round(p × n)} (half up; the smallest sample when that is 0), no interpolation,
     * in whole milliseconds as JMeter records them. (JMeter's HTML dashboard differs: Commons Math's interpolation at
     * {@code p × (n + 1)} over the last 20 000 samples of each series.)
     */
    JMETER("JMeter Aggregate Report", "the sample at rank round(p × n)"),
    /**
     * Gatling 3.13 and later (t-digest 3.3, compression 100): its estimate of the sample at 0-based rank
     * {@code floor(p × n)} (the minimum when {@code p × n < 1}, the maximum when {@code p × n ≥ n − 1}), in whole
     * milliseconds. Computed here exactly on the samples: Gatling's figure differs by the t-digest's own error once
     * its centroids merge distinct values (see the README for the figures measured on real runs).
     */
    GATLING("Gatling 3.13+", "the sample at 0-based rank floor(p × n)"),
    /**
     * Gatling 3.0–3.12 (t-digest 3.1, compression 100; checked for 3.9–3.12): its estimate of the linear
     * interpolation between ranks around {@code p × (n − 1)} (k6's definition), rounded to whole milliseconds.
     */
    GATLING_BEFORE_3_13("Gatling 3.0–3.12", "linear between ranks around p × (n − 1), rounded to ms");

    private final String label;
    private final String rule;

    PercentileDefinition(String label, String rule) {
        this.label = label;
        this.rule = rule;
    }

    /**
     * The name of the tool's report whose definition this is.
     *
     * @return e.g. {@code JMeter Aggregate Report}
     */
    public String label() {
        return label;
    }

    /**
     * The rule in a few words, for a report's footnote.
     *
     * @return e.g. {@code the sample at rank round(p × n)}
     */
    public String rule() {
        return rule;
    }

    /**
     * The definition of a tool's own reports: {@code jmeter}, {@code gatling} (its current versions; see
     * {@code LoadFormat.percentiles()} for the one of a given file); {@link #K6} for any other tool.
     *
     * @param tool a {@link LoadRun#tool()}, any case
     * @return the definition, never null
     */
    public static PercentileDefinition ofTool(String tool) {
        return switch (tool.toLowerCase(Locale.ROOT)) {
            case "jmeter" -> JMETER;
            case "gatling" -> GATLING;
            default -> K6;
        };
    }
}
