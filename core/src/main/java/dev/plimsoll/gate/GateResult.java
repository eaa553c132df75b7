package dev.plimsoll.gate;

import java.util.Objects;

/**
 * A gate's outcome.
 *
 * @param expression the gate as written
 * @param measured what was measured, in the gate's unit (text for {@code bottleneck}); {@code n/a} when the analysis
 *     could not measure it
 * @param passed whether it held (a gate that cannot be measured fails: no evidence is not a pass)
 * @since 0.1
 */
public record GateResult(String expression, String measured, boolean passed) {
    public GateResult {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(measured, "measured");
    }
}
