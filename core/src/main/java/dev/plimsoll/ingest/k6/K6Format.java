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
package dev.plimsoll.ingest.k6;

/**
 * The k6 output formats Plimsoll reads, told apart by content (not by file name).
 *
 * @since 0.1
 */
public enum K6Format {
    /** {@code k6 run --out json=results.json[.gz]}: one JSON object per line, {@code Metric} and {@code Point}. */
    NDJSON,
    /** {@code k6 run --out csv=results.csv[.gz]}: a header built from the enabled tags, then one sample per row. */
    CSV,
    /** {@code k6 run --summary-export=summary.json}: figures per metric; {@code thresholds: {expr: true}} means failed. */
    SUMMARY_EXPORT,
    /** The data object {@code handleSummary(data)} receives, written with {@code JSON.stringify(data)}. */
    HANDLE_SUMMARY
}
