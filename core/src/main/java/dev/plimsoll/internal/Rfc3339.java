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

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses RFC 3339 timestamps ({@code 2026-11-26T04:54:52.104720988+01:00}, {@code …Z}) straight from
 * characters into epoch nanoseconds, without allocating. Up to 9 fractional digits, any UTC offset. k6
 * writes the load generator's local offset, so the offset is applied, never ignored.
 *
 * <p>Epoch nanoseconds in a {@code long} reach from 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z:
 * a time outside is refused, never wrapped around into another century.
 */
public final class Rfc3339 {
    private static final long MIN_SECONDS = Math.floorDiv(Long.MIN_VALUE, 1_000_000_000L);
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

    private Rfc3339() {}

    /**
     * Epoch nanoseconds of the timestamp in {@code s[off, off+len)}.
     *
     * @throws IllegalArgumentException naming the rule the text breaks
     */
    public static long parseEpochNanos(char[] s, int off, int len) {
        int end = off + len;
        if (len < 20
                || s[off + 4] != '-'
                || s[off + 7] != '-'
                || (s[off + 10] != 'T' && s[off + 10] != 't' && s[off + 10] != ' ')
                || s[off + 13] != ':'
                || s[off + 16] != ':') {
            return slow(s, off, len);
        }
        int year = digits(s, off, 4);
        int month = digits(s, off + 5, 2);
        int day = digits(s, off + 8, 2);
        int hour = digits(s, off + 11, 2);
        int minute = digits(s, off + 14, 2);
        int second = digits(s, off + 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 60) {
            return slow(s, off, len);
        }
        int p = off + 19;
        long nanos = 0;
        if (p < end && s[p] == '.') {
            p++;
            int start = p;
            while (p < end && s[p] >= '0' && s[p] <= '9') {
                if (p - start < 9) {
                    nanos = nanos * 10 + (s[p] - '0');
                }
                p++;
            }
            int n = p - start;
            if (n == 0) {
                throw new IllegalArgumentException(
                        "time must have digits after '.', but was '" + quote(s, off, len) + "'");
            }
            for (int k = n; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (p >= end) {
            throw new IllegalArgumentException(
                    "time must end with 'Z' or a UTC offset (RFC 3339), but was '" + quote(s, off, len) + "'");
        }
        int offsetSeconds;
        char c = s[p];
        if ((c == 'Z' || c == 'z') && p + 1 == end) {
            offsetSeconds = 0;
        } else if ((c == '+' || c == '-') && p + 6 == end && s[p + 3] == ':') {
            int oh = digits(s, p + 1, 2);
            int om = digits(s, p + 4, 2);
            if (oh < 0 || om < 0 || oh > 23 || om > 59) {
                return slow(s, off, len);
            }
            offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
        } else {
            return slow(s, off, len);
        }
        if (day > daysInMonth(year, month)) {
            return slow(s, off, len);
        }
        long epochDay = epochDay(year, month, day);
        long secs = epochDay * 86400 + hour * 3600L + minute * 60L + Math.min(second, 59) - offsetSeconds;
        return nanos(secs, nanos, s, off, len);
    }

    /** Seconds and nanoseconds as epoch nanoseconds, or the rule when they do not fit a {@code long}. */
    private static long nanos(long secs, long nanos, char[] s, int off, int len) {
        if (secs < MIN_SECONDS || secs > MAX_SECONDS) {
            throw outOfRange(quote(s, off, len));
        }
        try {
            if (secs < 0 && nanos > 0) { // the earliest time, Long.MIN_VALUE, is only reached this way round
                return Math.addExact(Math.multiplyExact(secs + 1, 1_000_000_000L), nanos - 1_000_000_000L);
            }
            return Math.addExact(Math.multiplyExact(secs, 1_000_000_000L), nanos);
        } catch (ArithmeticException e) {
            throw outOfRange(quote(s, off, len));
        }
    }

    /**
     * Epoch milliseconds (plus a shift) as epoch nanoseconds.
     *
     * @throws IllegalArgumentException when the time does not fit a {@code long} of nanoseconds
     */
    public static long millisToNanos(long epochMillis, long shiftMillis) {
        try {
            return Math.multiplyExact(Math.addExact(epochMillis, shiftMillis), 1_000_000L);
        } catch (ArithmeticException e) {
            throw outOfRange(
                    epochMillis + " ms since 1970" + (shiftMillis == 0 ? "" : " shifted by " + shiftMillis + " ms"));
        }
    }

    /** The rule for a time that epoch nanoseconds cannot hold. */
    public static IllegalArgumentException outOfRange(String text) {
        return new IllegalArgumentException("time must lie between 1677-09-21 and 2262-04-11 (nanoseconds since 1970"
                + " in 64 bits), but was '" + text + "'");
    }

    /** Convenience for tests and slow paths. */
    public static long parseEpochNanos(String s) {
        return parseEpochNanos(s.toCharArray(), 0, s.length());
    }

    /** The text for a message: at most 64 characters of it. */
    private static String quote(char[] s, int off, int len) {
        return len > 64 ? new String(s, off, 64) + "…" : new String(s, off, len);
    }

    private static long slow(char[] s, int off, int len) {
        if (len > 64) {
            throw new IllegalArgumentException(
                    "time must be RFC 3339 (e.g. 2026-11-26T04:54:52.104720988+01:00), but was '" + quote(s, off, len)
                            + "' (" + len + " characters)");
        }
        String text = new String(s, off, len);
        try {
            OffsetDateTime t = OffsetDateTime.parse(text.replace(' ', 'T'));
            return nanos(t.toEpochSecond(), t.getNano(), s, off, len);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "time must be RFC 3339 (e.g. 2026-11-26T04:54:52.104720988+01:00), but was '" + text + "'");
        }
    }

    private static int digits(char[] s, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = s[off + i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysInMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
