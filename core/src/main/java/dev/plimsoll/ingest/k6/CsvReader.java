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
package dev.plimsoll.ingest.k6;

import dev.plimsoll.internal.Rfc3339;
import dev.plimsoll.internal.StringPool;
import dev.plimsoll.run.RunTimeline;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads k6's {@code --out csv}: a header ({@code metric_name,timestamp,metric_value}, one column per enabled
 * system tag, {@code extra_tags}, {@code metadata}) then one sample per row, quoted as RFC 4180 (Go's
 * {@code encoding/csv}) where a value needs it. Timestamps may be in any of k6's {@code timeFormat}s:
 * {@code unix} (seconds, the default), {@code unix_milli}, {@code unix_micro}, {@code unix_nano},
 * {@code rfc3339}, {@code rfc3339_nano}.
 */
final class CsvReader {
    private final String file;
    private final Duration bucket;
    private final boolean lenient;

    CsvReader(String file, Duration bucket, boolean lenient) {
        this.file = file;
        this.bucket = bucket;
        this.lenient = lenient;
    }

    NdjsonReader.Result read(Reader in) throws IOException {
        RunTimeline.Builder builder = RunTimeline.builder(bucket, "k6");
        StringPool pool = new StringPool();
        Rows rows = new Rows(in);
        List<String> header = new ArrayList<>();
        if (!rows.next(header)) {
            throw new K6ParseException(file, 0, "file is empty: expected a k6 CSV header");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1)); // a UTF-8 byte order mark
        }
        int metricCol = header.indexOf("metric_name");
        int timeCol = header.indexOf("timestamp");
        int valueCol = header.indexOf("metric_value");
        if (metricCol < 0 || timeCol < 0 || valueCol < 0) {
            throw new K6ParseException(
                    file, 1, "k6 CSV header must have metric_name, timestamp and metric_value, but was " + header);
        }
        int nameCol = header.indexOf("name");
        int statusCol = header.indexOf("status");
        int errorCodeCol = header.indexOf("error_code");
        List<String> row = new ArrayList<>(header.size());
        long samples = 0;
        long skipped = 0;
        long firstSample = 0;
        List<String> warnings = new ArrayList<>();
        while (true) {
            long line = rows.line;
            boolean more;
            try {
                more = rows.next(row);
            } catch (IllegalArgumentException e) {
                throw new K6ParseException(file, line, String.valueOf(e.getMessage()));
            }
            if (!more) {
                break;
            }
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue; // blank line
            }
            try {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException(
                            "row must have " + header.size() + " fields like the header, but has " + row.size());
                }
                String metric = pool.intern(row.get(metricCol));
                if (metric.isEmpty()) {
                    throw new IllegalArgumentException("metric_name must not be empty");
                }
                long nanos = parseTime(row.get(timeCol));
                double value = parseValue(row.get(valueCol));
                try {
                    builder.admit(nanos);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage()
                            + (firstSample > 0 ? " (the first of those samples is on line " + firstSample + ")" : ""));
                }
                builder.record(
                        metric,
                        nanos,
                        value,
                        tag(row, nameCol, pool),
                        tag(row, statusCol, pool),
                        tag(row, errorCodeCol, pool));
                samples++;
                if (firstSample == 0) {
                    firstSample = line;
                }
            } catch (IllegalArgumentException e) {
                boolean lastCut = rows.atEof() && !rows.endedWithNewline;
                String why = e.getMessage() + ": " + preview(row);
                if (lastCut) {
                    warnings.add(file + ":" + line + ": last line is incomplete (k6 stopped mid-write?): " + why
                            + "; ignored");
                } else if (lenient) {
                    skipped++;
                    if (warnings.size() < NdjsonReader.MAX_WARNINGS) {
                        warnings.add(file + ":" + line + ": " + why + "; skipped (lenient)");
                    }
                } else {
                    throw new K6ParseException(file, line, why);
                }
            }
        }
        return new NdjsonReader.Result(builder, rows.line - 1, samples, skipped, warnings);
    }

    private static @Nullable String tag(List<String> row, int col, StringPool pool) {
        if (col < 0) {
            return null;
        }
        String v = row.get(col);
        return v.isEmpty() ? null : pool.intern(v);
    }

    private static String preview(List<String> row) {
        String s = String.join(",", row);
        return "'" + (s.length() > 120 ? s.substring(0, 120) + "…" : s) + "'";
    }

    /** A decimal number as k6 writes it ({@code 6.774866}, also {@code -1}, {@code 1e-05}); finite. */
    static double parseValue(String s) {
        if (!isDecimal(s)) {
            throw new IllegalArgumentException("metric_value must be a decimal number, but was '" + quote(s) + "'");
        }
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("metric_value must be a finite number, but was '" + quote(s) + "'");
        }
        return v;
    }

    /** Digits with an optional sign, fraction and exponent: no NaN, Infinity, hexadecimal or Java suffixes. */
    private static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int e = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == e) {
                return false;
            }
        }
        return i == n;
    }

    private static String quote(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /**
     * Seconds, ms, µs or ns since the epoch (told apart by the number of digits), a decimal number of seconds, or
     * RFC 3339; always a time that epoch nanoseconds can hold.
     */
    static long parseTime(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("timestamp must not be empty");
        }
        if (s.indexOf('-', 1) > 0 || s.indexOf('T') > 0) {
            return Rfc3339.parseEpochNanos(s);
        }
        if (!isDecimal(s) || s.indexOf('e') >= 0 || s.indexOf('E') >= 0 || s.startsWith("+")) {
            throw new IllegalArgumentException(
                    "timestamp must be unix time or RFC 3339 (s, ms, µs or ns since 1970), but was '" + quote(s) + "'");
        }
        if (s.indexOf('.') >= 0) {
            // seconds with a fraction (not what k6 writes, but unambiguous)
            java.math.BigInteger nanos = new java.math.BigDecimal(s)
                    .movePointRight(9)
                    .setScale(0, java.math.RoundingMode.HALF_UP)
                    .toBigInteger();
            if (nanos.bitLength() > 63) {
                throw Rfc3339.outOfRange(quote(s) + " s since 1970");
            }
            return nanos.longValue();
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw Rfc3339.outOfRange(quote(s));
        }
        // k6 timeFormat unix / unix_milli / unix_micro / unix_nano: 1e9 s ≈ 2001, so digits tell the unit
        // for any time between 2001 and 2286
        int digits = s.length() - (v < 0 ? 1 : 0);
        long scale = digits <= 10 ? 1_000_000_000L : digits <= 13 ? 1_000_000L : digits <= 16 ? 1_000L : 1L;
        try {
            return Math.multiplyExact(v, scale);
        } catch (ArithmeticException e) {
            throw Rfc3339.outOfRange(s);
        }
    }

    /** RFC 4180 records over a reader; tracks line numbers (a quoted field may span lines). */
    private static final class Rows {
        private final Reader in;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int len;
        private boolean eof;
        long line = 1;
        boolean endedWithNewline = true;
        private final StringBuilder field = new StringBuilder();

        Rows(Reader in) {
            this.in = in;
        }

        boolean atEof() {
            return eof && pos >= len;
        }

        private int read() throws IOException {
            if (pos >= len) {
                if (eof) {
                    return -1;
                }
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    eof = true;
                    len = 0;
                    return -1;
                }
            }
            return buf[pos++];
        }

        boolean next(List<String> out) throws IOException {
            out.clear();
            int c = read();
            if (c < 0) {
                return false;
            }
            field.setLength(0);
            boolean quoted = false;
            boolean inQuotes = false;
            while (true) {
                if (inQuotes) {
                    if (c < 0) {
                        throw new IllegalArgumentException("quoted field is not closed before the end of the file");
                    }
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            inQuotes = false;
                            c = d;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == ',') {
                    out.add(take());
                    quoted = false;
                } else if (c == '\n' || c < 0) {
                    if (c == '\n') {
                        line++;
                    }
                    int n = field.length();
                    if (!quoted && n > 0 && field.charAt(n - 1) == '\r') {
                        field.setLength(n - 1);
                    }
                    out.add(take());
                    endedWithNewline = c == '\n';
                    return true;
                } else if (c == '"' && field.length() == 0 && !quoted) {
                    inQuotes = true;
                    quoted = true;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }

        private String take() {
            String s = field.toString();
            field.setLength(0);
            return s;
        }
    }
}
