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

import dev.plimsoll.internal.ByteStringPool;
import dev.plimsoll.internal.Rfc3339;
import dev.plimsoll.run.RunTimeline;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fast path for k6 NDJSON: reads one {@code Point} line straight from its UTF-8 bytes, in any field order,
 * skipping what Plimsoll does not keep. It accepts only plain, well-formed JSON (no escapes and only ASCII in
 * strings, no {@code null} tags, numbers Java reads exactly, values that are finite and not negative, times the run's
 * timeline {@link RunTimeline.Builder#admit admits}); anything else — a {@code Metric} declaration, an escape, a
 * malformed line — makes it give up without side effects, and the line is read again by Jackson, which either
 * reads it or explains what is wrong with it. So the fast path never decides that a line is bad, and never takes a
 * line that Jackson would refuse.
 *
 * <p>Why: a general JSON parser canonicalises every field name and tracks nesting contexts; on k6 output that
 * costs more than reading the values Plimsoll needs (measured on a 672 MB k6 file: Jackson's bare token scan
 * 539 MB/s, Jackson-based ingestion 235 MB/s on one thread).
 */
final class PointScanner {
    private static final double[] POW10 = new double[23];
    private static final java.lang.invoke.VarHandle WORDS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private static final int BATCH = 256;
    private final @Nullable String[] batchMetric = new String[BATCH];
    private final long[] batchNanos = new long[BATCH];
    private final double[] batchValue = new double[BATCH];
    private final @Nullable String[] batchName = new String[BATCH];
    private final @Nullable String[] batchStatus = new String[BATCH];
    private final @Nullable String[] batchErrorCode = new String[BATCH];
    private int batched;

    private static final int TAG_ENTRIES = 8;
    private static final int MAX_TAG_BYTES = 2048;
    private static final int METRIC_SLOTS = 64;

    private final ByteStringPool pool = new ByteStringPool();
    private final byte[][] tagBytes = new byte[TAG_ENTRIES][];
    private final @Nullable String[] tagName = new String[TAG_ENTRIES];
    private final @Nullable String[] tagStatus = new String[TAG_ENTRIES];
    private final @Nullable String[] tagErrorCode = new String[TAG_ENTRIES];
    private int tagCount;
    private final byte[][] metricBytes = new byte[METRIC_SLOTS][];
    private final @Nullable String[] metricValues = new String[METRIC_SLOTS];
    private final char[] timeChars = new char[64];
    private final byte[] lastTime = new byte[64];
    private int lastTimeLength = -1;
    private long lastNanos;
    private RunTimeline.@Nullable Builder builder;
    private byte[] b = new byte[0];
    private int end;
    private int pos;
    private int keyLength;

    // one line's fields
    private @Nullable String metric;
    private boolean point;
    private long nanos;
    private boolean hasTime;
    private double value;
    private boolean hasValue;
    private @Nullable String name;
    private @Nullable String status;
    private @Nullable String errorCode;
    private boolean recorded;

    /** Where the next lines' points go (after a {@link #flush} of those read so far). */
    void builder(RunTimeline.Builder target) {
        if (batched > 0) {
            flush();
        }
        this.builder = target;
    }

    /** Thrown to give up on the fast path; preallocated, no stack trace. */
    private static final class Bail extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Bail INSTANCE = new Bail();

        private Bail() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads the line starting at {@code start}.
     *
     * @return the index of the line's terminating {@code '\n'} (or {@code limit}) when the line was a Point and was
     *     recorded, or was blank; {@code -1} when the line must be read by the general parser
     */
    int scan(byte[] data, int start, int limit) {
        b = data;
        end = limit;
        pos = start;
        metric = null;
        point = false;
        hasTime = false;
        hasValue = false;
        name = null;
        status = null;
        errorCode = null;
        recorded = false;
        try {
            skipWs();
            if (pos >= end || b[pos] == '\n') {
                return pos; // blank line
            }
            expect('{');
            readRoot();
            while (pos < end && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\r')) {
                pos++;
            }
            if (pos < end && b[pos] != '\n') {
                return -1;
            }
            if (!point || metric == null || !hasTime || !hasValue) {
                return -1;
            }
            if (!(value >= 0 && value <= Double.MAX_VALUE)) {
                return -1; // negative or not finite: the general path applies the metric's rules and explains
            }
            RunTimeline.Builder target = builder;
            if (target == null) {
                throw new IllegalStateException("builder(...) must be set before scan(...)");
            }
            target.admit(nanos); // a time far from the run's is refused here, where the line is known
        } catch (Bail | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            return -1;
        }
        int k = batched;
        batchMetric[k] = metric;
        batchNanos[k] = nanos;
        batchValue[k] = value;
        batchName[k] = name;
        batchStatus[k] = status;
        batchErrorCode[k] = errorCode;
        batched = k + 1;
        if (batched == BATCH) {
            flush();
        }
        recorded = true;
        return pos;
    }

    /**
     * Records the points read so far into the builder. Points are handed over in batches: reading lines and
     * recording points are two tight loops that the JIT compiles separately, where one loop inlining both took
     * several times longer to compile. Call before recording anything else into the builder, and at the end.
     */
    void flush() {
        RunTimeline.Builder target = builder;
        if (target == null) {
            throw new IllegalStateException("builder(...) must be set before scan(...)");
        }
        int n = batched;
        batched = 0;
        for (int i = 0; i < n; i++) {
            target.record(
                    Objects.requireNonNull(batchMetric[i]),
                    batchNanos[i],
                    batchValue[i],
                    batchName[i],
                    batchStatus[i],
                    batchErrorCode[i]);
        }
    }

    /** Whether the last successful {@link #scan} recorded a point (false for a blank line). */
    boolean recorded() {
        return recorded;
    }

    /** Fields of the root (level 0) or of {@code data} (level 1) or {@code data.tags} (level 2). */
    // three loops, one per level, and no recursion: C2 compiles them quickly. One recursive method dispatching on
    // the level inlined into itself (each copy holding all three levels) and took ~0.7 s of C2 time, compiled
    // twice: a third of a short file's whole-process CPU.

    /** The fields of the root object, from just after its {@code '{'}. */
    private void readRoot() {
        if (emptyObject()) {
            return;
        }
        do {
            int ks = key();
            int klen = keyLength;
            if (is(ks, klen, "metric")) {
                int vs = stringStart();
                metric = metricName(vs, stringEnd() - vs);
            } else if (is(ks, klen, "type")) {
                int vs = stringStart();
                int ve = stringEnd();
                point = is(vs, ve - vs, "Point");
            } else if (is(ks, klen, "data")) {
                expect('{');
                readData();
            } else {
                skipValue();
            }
        } while (nextField());
    }

    /** The fields of {@code data}. */
    private void readData() {
        if (emptyObject()) {
            return;
        }
        do {
            int ks = key();
            int klen = keyLength;
            if (is(ks, klen, "time")) {
                time();
            } else if (is(ks, klen, "value")) {
                value = number();
                hasValue = true;
            } else if (is(ks, klen, "tags")) {
                int ts = pos;
                if (!knownTags(ts)) {
                    expect('{');
                    readTags();
                    rememberTags(ts, pos);
                }
            } else {
                skipValue();
            }
        } while (nextField());
    }

    /** The fields of {@code data.tags}. */
    private void readTags() {
        if (emptyObject()) {
            return;
        }
        do {
            int ks = key();
            int klen = keyLength;
            if (is(ks, klen, "name")) {
                name = tagValue();
            } else if (is(ks, klen, "status")) {
                status = tagValue();
            } else if (is(ks, klen, "error_code")) {
                errorCode = tagValue();
            } else {
                skipValue();
            }
        } while (nextField());
    }

    private boolean emptyObject() {
        skipWs();
        if (b[pos] == '}') {
            pos++;
            return true;
        }
        return false;
    }

    /** Reads {@code "key":}, leaving {@code pos} at the value; returns the key's start, its length in keyLength. */
    private int key() {
        skipWs();
        expect('"');
        int ks = pos;
        keyLength = stringEnd() - ks;
        skipWs();
        expect(':');
        skipWs();
        return ks;
    }

    /** After a value: true at a {@code ','}, false at the object's {@code '}'}. */
    private boolean nextField() {
        skipWs();
        byte c = b[pos++];
        if (c == '}') {
            return false;
        }
        if (c != ',') {
            throw Bail.INSTANCE;
        }
        return true;
    }

    private void time() {
        int vs = stringStart();
        int n = stringEnd() - vs;
        if (n > timeChars.length) {
            throw Bail.INSTANCE;
        }
        // k6 writes a request's ~9 metrics with the same time: parse each distinct text once
        if (n != lastTimeLength || !Arrays.equals(lastTime, 0, n, b, vs, vs + n)) {
            parseTime(vs, n);
        }
        nanos = lastNanos;
        hasTime = true;
    }

    private void parseTime(int vs, int n) {
        for (int i = 0; i < n; i++) {
            timeChars[i] = (char) b[vs + i];
        }
        lastNanos = Rfc3339.parseEpochNanos(timeChars, 0, n);
        System.arraycopy(b, vs, lastTime, 0, n);
        lastTimeLength = n;
    }

    /**
     * Whether the bytes at {@code start} repeat a tags object read before (k6 writes a request's 9 metrics with the
     * same tags, an iteration's 4 likewise): then its name, status and error code are taken from the earlier read
     * and {@code pos} moves past it. Equal bytes are the same JSON value, so nothing is skipped unchecked.
     */
    private boolean knownTags(int start) {
        for (int e = 0; e < tagCount; e++) {
            byte[] k = tagBytes[e];
            if (start + k.length <= end && Arrays.equals(b, start, start + k.length, k, 0, k.length)) {
                name = tagName[e];
                status = tagStatus[e];
                errorCode = tagErrorCode[e];
                pos = start + k.length;
                if (e > 0) { // most recent first
                    moveToFront(e);
                }
                return true;
            }
        }
        return false;
    }

    private void rememberTags(int start, int stop) {
        if (stop - start > MAX_TAG_BYTES) {
            return;
        }
        int e = Math.min(tagCount, TAG_ENTRIES - 1);
        tagCount = Math.max(tagCount, e + 1);
        tagBytes[e] = Arrays.copyOfRange(b, start, stop);
        tagName[e] = name;
        tagStatus[e] = status;
        tagErrorCode[e] = errorCode;
        moveToFront(e);
    }

    private void moveToFront(int e) {
        byte[] k = tagBytes[e];
        String n = tagName[e];
        String st = tagStatus[e];
        String ec = tagErrorCode[e];
        System.arraycopy(tagBytes, 0, tagBytes, 1, e);
        System.arraycopy(tagName, 0, tagName, 1, e);
        System.arraycopy(tagStatus, 0, tagStatus, 1, e);
        System.arraycopy(tagErrorCode, 0, tagErrorCode, 1, e);
        tagBytes[0] = k;
        tagName[0] = n;
        tagStatus[0] = st;
        tagErrorCode[0] = ec;
    }

    /** A metric name, from a small direct-mapped cache in front of the pool (k6 rotates through ~15 names). */
    private String metricName(int start, int len) {
        int slot = (len * 31 + b[start + len - 1] * 7 + b[start + (len >> 1)]) & (METRIC_SLOTS - 1);
        byte[] k = metricBytes[slot];
        String v = metricValues[slot];
        if (k != null && v != null && Arrays.equals(b, start, start + len, k, 0, k.length)) {
            return v;
        }
        v = pool.intern(b, start, len);
        metricBytes[slot] = Arrays.copyOfRange(b, start, start + len);
        metricValues[slot] = v;
        return v;
    }

    private String tagValue() {
        int vs = stringStart();
        return pool.intern(b, vs, stringEnd() - vs);
    }

    private boolean is(int off, int len, String s) {
        if (len != s.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void skipWs() {
        while (pos < end) {
            byte c = b[pos];
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private void expect(char c) {
        if (pos >= end || b[pos] != c) {
            throw Bail.INSTANCE;
        }
        pos++;
    }

    private int stringStart() {
        expect('"');
        return pos;
    }

    /**
     * From just after an opening quote: the index of the closing quote; leaves {@code pos} after it. Most of a k6
     * line is string content, so it is searched 8 bytes at a time (SWAR: a word has a byte equal to {@code c}
     * when {@code (x - 0x01…) & ~x & 0x80…} is non-zero for {@code x = word ^ c×0x01…}); the lowest flagged byte
     * is always a true match, later ones may be borrows, so a flagged word is finished byte by byte.
     */
    private int stringEnd() {
        int p = pos;
        while (p + 8 <= end) {
            long w = (long) WORDS.get(b, p);
            long q = w ^ 0x2222222222222222L;
            long s = w ^ 0x5C5C5C5C5C5C5C5CL;
            // a quote, a backslash, a control character, or a byte of a multi-byte UTF-8 character (high bit set):
            // non-ASCII text goes to Jackson, which checks that it is valid UTF-8
            long flags = (((q - 0x0101010101010101L) & ~q)
                            | ((s - 0x0101010101010101L) & ~s)
                            | ((w - 0x2020202020202020L) & ~w)
                            | w)
                    & 0x8080808080808080L;
            if (flags != 0) {
                // the lowest flagged byte is a true match: a quote ends the string, anything else bails
                int at = p + (Long.numberOfTrailingZeros(flags) >>> 3);
                if (b[at] != '"') {
                    throw Bail.INSTANCE;
                }
                pos = at + 1;
                return at;
            }
            p += 8;
        }
        while (true) {
            if (p >= end) {
                throw Bail.INSTANCE;
            }
            byte c = b[p];
            if (c == '"') {
                pos = p + 1;
                return p;
            }
            if (c == '\\' || c < 0x20) { // a backslash, a control character, or a non-ASCII byte (c < 0)
                throw Bail.INSTANCE;
            }
            p++;
        }
    }

    private void skipValue() {
        byte c = b[pos];
        if (c == '"') {
            pos++;
            stringEnd();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (true) {
                if (pos >= end) {
                    throw Bail.INSTANCE;
                }
                c = b[pos];
                if (c == '"') {
                    pos++;
                    stringEnd();
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                } else if (c == '\n') {
                    throw Bail.INSTANCE;
                }
                pos++;
                if (depth == 0) {
                    return;
                }
            }
        } else if (c == 't') {
            literal("true");
        } else if (c == 'f') {
            literal("false");
        } else if (c == 'n') {
            literal("null");
        } else {
            number();
        }
    }

    private void literal(String s) {
        if (pos + s.length() > end || !is(pos, s.length(), s)) {
            throw Bail.INSTANCE;
        }
        pos += s.length();
    }

    /**
     * A JSON number. Exact: with at most 15 significant digits and 22 decimals, {@code m / 10^k} is a single,
     * correctly rounded IEEE division of two exact doubles (Clinger's fast path); anything else goes to
     * {@link Double#parseDouble}.
     */
    private double number() {
        int start = pos;
        boolean negative = false;
        if (pos < end && b[pos] == '-') {
            negative = true;
            pos++;
        }
        int intStart = pos;
        long m = 0;
        int digits = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            m = m * 10 + (b[pos] - '0');
            digits++;
            pos++;
        }
        if (digits == 0 || (b[intStart] == '0' && digits > 1)) {
            throw Bail.INSTANCE;
        }
        int decimals = 0;
        if (pos < end && b[pos] == '.') {
            pos++;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                m = m * 10 + (b[pos] - '0');
                decimals++;
                pos++;
            }
            if (decimals == 0) {
                throw Bail.INSTANCE;
            }
        }
        boolean exponent = pos < end && (b[pos] == 'e' || b[pos] == 'E');
        if (exponent || digits + decimals > 15 || decimals >= POW10.length) {
            if (exponent) {
                pos++;
                if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                    pos++;
                }
                int e = pos;
                while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                    pos++;
                }
                if (pos == e) {
                    throw Bail.INSTANCE;
                }
            }
            return Double.parseDouble(new String(b, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII));
        }
        double v = decimals == 0 ? (double) m : m / POW10[decimals];
        return negative ? -v : v;
    }
}
