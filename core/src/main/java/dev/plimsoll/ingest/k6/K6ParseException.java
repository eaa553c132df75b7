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

import dev.plimsoll.ingest.LoadParseException;

/**
 * A k6 output file (or stream) could not be read: names the file, the line (1-based; 0 when the problem is not on one
 * line) and the rule that was broken. A {@link LoadParseException} like the other tools' failures, so that one
 * {@code catch} covers any load-test result file; {@link #file()}, {@link #line()} and {@link #rule()} say where and
 * why.
 *
 * @since 0.1
 */
public final class K6ParseException extends LoadParseException {
    private static final long serialVersionUID = 2L;

    K6ParseException(String file, long line, String rule) {
        super(file, line, rule);
    }

    K6ParseException(String file, long line, String rule, Throwable cause) {
        super(file, line, rule, cause);
    }
}
