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

import dev.plimsoll.error.PlimsollException;

/**
 * A k6 output file could not be read: names the file, the line (1-based; 0 when the problem is not on one
 * line) and the rule that was broken.
 *
 * @since 0.1
 */
public final class K6ParseException extends PlimsollException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final long line;
    private final String rule;

    K6ParseException(String file, long line, String rule) {
        super(format(file, line, rule));
        this.file = file;
        this.line = line;
        this.rule = rule;
    }

    K6ParseException(String file, long line, String rule, Throwable cause) {
        super(format(file, line, rule), cause);
        this.file = file;
        this.line = line;
        this.rule = rule;
    }

    private static String format(String file, long line, String rule) {
        return file + (line > 0 ? ":" + line : "") + ": " + rule;
    }

    /** The file, as it was given. */
    public String file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }

    /** What was wrong, without the file and line. */
    public String rule() {
        return rule;
    }
}
