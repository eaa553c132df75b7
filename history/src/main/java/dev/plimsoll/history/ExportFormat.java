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
package dev.plimsoll.history;

/**
 * Format of {@link RunHistory#export}: the merged timeline as tidy rows with the columns {@code time} (ISO-8601
 * UTC), {@code source}, {@code series}, {@code statistic}, {@code unit}, {@code value}; gaps are left out.
 *
 * @since 0.1
 */
public enum ExportFormat {
    /** RFC 4180 CSV with a header line, {@code \n} line ends, numbers in {@code Locale.ROOT}. */
    CSV,
    /** A JSON array of objects, one per row, keys as the CSV header. */
    JSON
}
