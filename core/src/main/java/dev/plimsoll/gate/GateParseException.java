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
package dev.plimsoll.gate;

import dev.plimsoll.error.PlimsollException;
import java.util.Locale;

/**
 * A gate expression could not be parsed: names the expression, the position (0-based) and what was expected.
 *
 * @since 0.1
 */
public final class GateParseException extends PlimsollException {
    private static final long serialVersionUID = 1L;
    /** The gate as written. */
    private final String expression;

    /** 0-based index into {@link #expression} where parsing failed. */
    private final int position;

    GateParseException(String expression, int position, String rule) {
        super("gate '" + quote(expression) + "' at position " + position + ": " + rule);
        this.expression = expression;
        this.position = position;
    }

    /** The expression for a message: one line, at most 80 characters. */
    private static String quote(String expression) {
        return quote(expression, 80);
    }

    /** A text for a message: control characters escaped, at most {@code max} characters. */
    static String quote(String expression, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < expression.length() && i < max; i++) {
            char c = expression.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return expression.length() > max ? sb + "…" : sb.toString();
    }

    /**
     * The gate as written.
     *
     * @return the expression that failed to parse
     */
    public String expression() {
        return expression;
    }

    /**
     * Where parsing failed.
     *
     * @return a 0-based index into {@link #expression()}; its length when more was expected at the end
     */
    public int position() {
        return position;
    }
}
