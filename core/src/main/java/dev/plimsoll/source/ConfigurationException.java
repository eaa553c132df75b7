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
package dev.plimsoll.source;

import dev.plimsoll.error.PlimsollException;
import java.util.List;

/**
 * A configuration has problems; lists all of them at once.
 *
 * @since 0.1
 */
public final class ConfigurationException extends PlimsollException {
    private static final long serialVersionUID = 1L;
    /** Every problem found, one sentence each; kept so that a caller can list them one per line. */
    private final List<String> problems;

    /**
     * An exception listing every problem of a configuration.
     *
     * @param problems one sentence each, naming the key, the rule and the bad value; the message joins them
     */
    public ConfigurationException(List<String> problems) {
        super("invalid configuration: " + summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** The first problems in one line; {@link #problems()} keeps them all. */
    private static String summary(List<String> problems) {
        int shown = Math.min(problems.size(), 3);
        return String.join("; ", problems.subList(0, shown))
                + (problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "");
    }

    /**
     * Every problem of the configuration.
     *
     * @return one sentence each, in the order found; unmodifiable
     */
    public List<String> problems() {
        return problems;
    }
}
