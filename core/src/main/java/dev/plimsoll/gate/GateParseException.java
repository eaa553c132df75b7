package dev.plimsoll.gate;

import dev.plimsoll.PlimsollException;

/**
 * A gate expression could not be parsed: names the expression, the position (0-based) and what was expected.
 *
 * @since 0.1
 */
public final class GateParseException extends PlimsollException {
    private static final long serialVersionUID = 1L;
    private final String expression;
    private final int position;

    GateParseException(String expression, int position, String rule) {
        super("gate '" + expression + "' at position " + position + ": " + rule + "\n  " + expression + "\n  "
                + " ".repeat(Math.max(0, position)) + "^");
        this.expression = expression;
        this.position = position;
    }

    public String expression() {
        return expression;
    }

    public int position() {
        return position;
    }
}
