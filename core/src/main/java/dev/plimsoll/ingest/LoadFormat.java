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
package dev.plimsoll.ingest;

import dev.plimsoll.run.PercentileDefinition;

/**
 * The load-test result formats Plimsoll reads, as told from a file's content by {@link LoadRuns#detect}.
 *
 * @since 0.1
 */
public enum LoadFormat {
    /** k6 {@code --out json} (NDJSON), plain or gzip. */
    K6_NDJSON("k6"),
    /** k6 {@code --out csv}. */
    K6_CSV("k6"),
    /** k6 {@code --summary-export} or {@code handleSummary} data. */
    K6_SUMMARY("k6"),
    /** JMeter JTL in CSV, with or without a header line. */
    JMETER_CSV("jmeter"),
    /** JMeter JTL in XML ({@code <testResults>}). */
    JMETER_XML("jmeter"),
    /** Gatling 3.13+ binary {@code simulation.log}. */
    GATLING_BINARY("gatling"),
    /** Gatling 3.0–3.12 tab-separated {@code simulation.log}. */
    GATLING_TEXT("gatling");

    private final String tool;

    LoadFormat(String tool) {
        this.tool = tool;
    }

    /**
     * The tool that writes the format, as in {@link dev.plimsoll.run.LoadRun#tool()}.
     *
     * @return {@code k6}, {@code jmeter} or {@code gatling}
     */
    public String tool() {
        return tool;
    }

    /**
     * How the tool that writes the format takes percentiles in its own reports: k6's, JMeter's Aggregate Report's,
     * Gatling's (its binary log and its t-digest 3.3 came with 3.13; the text log's versions use t-digest 3.1).
     *
     * @return the definition to pass to {@link dev.plimsoll.run.Distribution#percentile(double, PercentileDefinition)}
     *     to show the run's percentiles as the tool's own report would
     */
    public PercentileDefinition percentiles() {
        return switch (this) {
            case JMETER_CSV, JMETER_XML -> PercentileDefinition.JMETER;
            case GATLING_BINARY -> PercentileDefinition.GATLING;
            case GATLING_TEXT -> PercentileDefinition.GATLING_BEFORE_3_13;
            default -> PercentileDefinition.K6;
        };
    }
}
