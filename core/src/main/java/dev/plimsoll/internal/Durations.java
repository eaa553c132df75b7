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
package dev.plimsoll.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Not API. Durations as people and k6 write them: {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 7d}, or ISO-8601. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    /** Longer than any load test or retention a setting can mean; also keeps the arithmetic in range. */
    private static final Duration MAX = Duration.ofDays(3650);

    private Durations() {}

    /**
     * Parses a non-negative duration.
     *
     * @throws IllegalArgumentException naming the rule and the text
     */
    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (s.startsWith("p")) {
                d = Duration.parse(s.toUpperCase(Locale.ROOT));
            } else {
                Matcher m = SHORT.matcher(s);
                if (!m.matches()) {
                    throw new IllegalArgumentException();
                }
                double n = Double.parseDouble(m.group(1));
                double millis = switch (m.group(2)) {
                    case "ms" -> n;
                    case "s" -> n * 1_000;
                    case "m" -> n * 60_000;
                    case "h" -> n * 3_600_000;
                    default -> n * 86_400_000;
                };
                if (!(millis <= MAX.toMillis())) {
                    throw new IllegalArgumentException();
                }
                d = Duration.ofMillis(Math.round(millis));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "must be a duration such as 500ms, 1.5s, 5m, 1h or PT1M, but was '" + text + "'");
        }
        if (d.isNegative() || d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("must be a duration from 0 to 3650d, but was '" + text + "'");
        }
        return d;
    }
}
