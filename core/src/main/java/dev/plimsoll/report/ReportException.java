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
package dev.plimsoll.report;

import dev.plimsoll.error.PlimsollException;
import java.nio.file.Path;

/**
 * A report could not be written or read: names the file and the reason (a directory where a file should be, no
 * permission, a full disk; for a saved JSON report that is read back, the line and the rule it breaks).
 *
 * @since 0.1
 */
public final class ReportException extends PlimsollException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    ReportException(Path file, Exception cause) {
        super("cannot write the report " + file + ": " + describe(cause), cause);
        this.file = file;
    }

    ReportException(Path file, String message) {
        super(message);
        this.file = file;
    }

    /**
     * The file that could not be written or read.
     *
     * @return the path as it was given; not kept when the exception is serialised (null after deserialisation)
     */
    public Path file() {
        return file;
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return e.getMessage() == null ? name : name.isEmpty() ? e.getMessage() : name + ": " + e.getMessage();
    }
}
