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

import dev.plimsoll.error.PlimsollException;

/**
 * A load-tool result file (JMeter JTL, Gatling simulation.log, or a file of no known format) could not be
 * read: names the file, the line (1-based; for Gatling's binary log the record number; 0 when the problem is
 * not on one line) and the rule that was broken. k6 files fail with {@code K6ParseException}.
 *
 * @since 0.1
 */
public final class LoadParseException extends PlimsollException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final long line;
    private final String rule;

    /**
     * @param file the file as it was given
     * @param line 1-based line (or record) number, 0 for the whole file
     * @param rule what was wrong, without file and line
     */
    public LoadParseException(String file, long line, String rule) {
        super(format(file, line, rule));
        this.file = file;
        this.line = line;
        this.rule = rule;
    }

    /** As {@link #LoadParseException(String, long, String)}, with the cause. */
    public LoadParseException(String file, long line, String rule, Throwable cause) {
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

    /** 1-based line (or record) number, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }

    /** What was wrong, without the file and line. */
    public String rule() {
        return rule;
    }
}
