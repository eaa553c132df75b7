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

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link RunHistory#prune} keeps: the newest {@code n} runs, or the runs started less than a duration ago.
 *
 * @param keepLast runs to keep, newest first by start time, or {@code null}
 * @param maxAge runs started longer ago than this are removed, or {@code null}
 * @since 0.1
 */
public record Retention(
        @Nullable Integer keepLast, @Nullable Duration maxAge) {
    /**
     * Checks that exactly one rule is given.
     *
     * @param keepLast ≥ 0, or null
     * @param maxAge zero or positive, or null
     * @throws IllegalArgumentException unless exactly one is given, or for a negative one
     */
    public Retention {
        if ((keepLast == null) == (maxAge == null)) {
            throw new IllegalArgumentException("give exactly one of keepLast and maxAge");
        }
        if (keepLast != null && keepLast < 0) {
            throw new IllegalArgumentException("keepLast must be zero or positive, but was " + keepLast);
        }
        if (maxAge != null && maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, but was " + maxAge);
        }
    }

    /**
     * Keep the newest {@code n} runs (by start time).
     *
     * @param n ≥ 0; 0 removes every run
     * @return the retention
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static Retention keepLast(int n) {
        return new Retention(n, null);
    }

    /**
     * Remove runs started more than {@code age} ago, by the history's clock.
     *
     * @param age zero or positive
     * @return the retention
     * @throws IllegalArgumentException if {@code age} is negative
     */
    public static Retention olderThan(Duration age) {
        return new Retention(null, Objects.requireNonNull(age, "age"));
    }
}
