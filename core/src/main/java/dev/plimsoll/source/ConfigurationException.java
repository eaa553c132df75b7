package dev.plimsoll.source;

import dev.plimsoll.PlimsollException;
import java.util.List;

/**
 * A configuration has problems; lists all of them at once.
 *
 * @since 0.1
 */
public final class ConfigurationException extends PlimsollException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super("invalid configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
