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
 * A load-tool result file could not be read: names the file, the line (1-based; for Gatling's binary log the record
 * number; 0 when the problem is not on one line, e.g. a missing file) and the rule that was broken. The message is
 * {@code file:line: rule} (or {@code file: rule} for line 0), one line, fit for a user.
 *
 * <p>Every reader of {@code dev.plimsoll.ingest} fails with it: {@link LoadRuns}, the JMeter and Gatling readers, and
 * k6's reader with its subclass {@link dev.plimsoll.ingest.k6.K6ParseException}, so one {@code catch} covers any
 * load-test result file.
 *
 * @since 0.1
 */
public class LoadParseException extends PlimsollException {
    private static final long serialVersionUID = 1L;
    /** The file as it was given. */
    private final String file;

    /** 1-based line (or record) number; 0 for the whole file. */
    private final long line;

    /** What was wrong, without file and line. */
    private final String rule;

    /**
     * An exception naming the file, the line and the rule.
     *
     * @param file the file as it was given (a path, or a name such as {@code <stdin>})
     * @param line 1-based line (or record) number, 0 for the whole file
     * @param rule what was wrong, without file and line, e.g. {@code expected epoch milliseconds, but was 'x'}
     */
    public LoadParseException(String file, long line, String rule) {
        super(format(file, line, rule));
        this.file = file;
        this.line = line;
        this.rule = rule;
    }

    /**
     * An exception naming the file, the line and the rule, caused by another (an I/O failure, a parser's error).
     *
     * @param file the file as it was given (a path, or a name such as {@code <stdin>})
     * @param line 1-based line (or record) number, 0 for the whole file
     * @param rule what was wrong, without file and line
     * @param cause the underlying failure
     */
    public LoadParseException(String file, long line, String rule, Throwable cause) {
        super(format(file, line, rule), cause);
        this.file = file;
        this.line = line;
        this.rule = rule;
    }

    private static String format(String file, long line, String rule) {
        return file + (line > 0 ? ":" + line : "") + ": " + rule;
    }

    /**
     * The file that could not be read.
     *
     * @return the file as it was given to the reader
     */
    public String file() {
        return file;
    }

    /**
     * Where in the file the problem is.
     *
     * @return the 1-based line number (for Gatling's binary log the record number), or 0 when the problem concerns
     *     the whole file
     */
    public long line() {
        return line;
    }

    /**
     * What was wrong.
     *
     * @return the rule that was broken, without the file and line
     */
    public String rule() {
        return rule;
    }
}
