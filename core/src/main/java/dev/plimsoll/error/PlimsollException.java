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
package dev.plimsoll.error;

/**
 * Root of every exception Plimsoll throws on purpose. Never thrown directly: catch it to handle any
 * Plimsoll failure, or one of its subclasses for a specific one.
 *
 * @since 0.1
 */
public abstract class PlimsollException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that states the rule and the bad value.
     *
     * @param message what went wrong, naming the input (file, line, field) where there is one
     */
    protected PlimsollException(String message) {
        super(message);
    }

    /**
     * An exception caused by another, e.g. an I/O or SDK failure wrapped once at Plimsoll's boundary.
     *
     * @param message what went wrong, naming the input where there is one
     * @param cause the underlying failure
     */
    protected PlimsollException(String message, Throwable cause) {
        super(message, cause);
    }
}
