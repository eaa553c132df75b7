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

import dev.plimsoll.error.PlimsollException;

/**
 * The run history could not do what was asked: the store cannot be opened (unreachable server, not a SQLite
 * file, a schema newer than this version knows), a run or baseline does not exist, or a write failed. Messages
 * name the store by its URL with any password replaced by {@code ***}.
 *
 * @since 0.1
 */
public final class HistoryException extends PlimsollException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure without an underlying exception (e.g. no run with that id).
     *
     * @param message what failed, naming the store without its password
     */
    public HistoryException(String message) {
        super(message);
    }

    /**
     * A failure of the database or the file system.
     *
     * @param message what failed, naming the store without its password
     * @param cause the JDBC or I/O exception
     */
    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
