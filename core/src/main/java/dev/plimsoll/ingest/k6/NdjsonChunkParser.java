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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.plimsoll.internal.Rfc3339;
import dev.plimsoll.internal.StringPool;
import dev.plimsoll.run.MetricKind;
import dev.plimsoll.run.RunTimeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Parses the lines of one NDJSON chunk: each line first through the {@link PointScanner} fast path, and a line it
 * does not take (a {@code Metric} declaration, an escape, a malformed line) through Jackson, which reads it or says
 * what is wrong with it. Bad lines become {@link LineProblem}s numbered within the chunk; {@link NdjsonReader} turns
 * them into file line numbers. One parser per thread, reused across chunks (its string pools stay warm).
 */
final class NdjsonChunkParser {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /**
     * A bad line: its number within the chunk, why, and whether it ends the read; for a time too far from the run's,
     * the line of the chunk's first sample ({@code firstSample}, else 0), the other end of the span, which may be the
     * damaged one.
     */
    record LineProblem(long line, String message, boolean fatal, long firstSample) {
        LineProblem(long line, String message, boolean fatal) {
            this(line, message, fatal, 0);
        }
    }

    /** What one chunk gave. */
    record Result(long lines, long samples, long skipped, List<LineProblem> problems, RunTimeline.Builder builder) {}

    private final boolean lenient;
    private final StringPool pool = new StringPool();
    private final PointScanner scanner = new PointScanner();
    private byte[] data = new byte[0];
    private RunTimeline.Builder builder = RunTimeline.builder(RunTimeline.DEFAULT_BUCKET, "k6");
    private List<LineProblem> problems = new ArrayList<>(0);
    private long samples;
    private long skipped;
    /** The line of the chunk's first sample, 0 before it. */
    private long firstSample;

    NdjsonChunkParser(boolean lenient) {
        this.lenient = lenient;
    }

    /**
     * Parses one chunk into {@code target}: whole lines, except perhaps the last chunk's final one ({@code last}).
     * Stops at the first bad line unless lenient, and sets {@code failed} so that other chunks stop early too.
     */
    Result parse(byte[] data, int length, boolean last, RunTimeline.Builder target, AtomicBoolean failed)
            throws IOException {
        this.data = data;
        this.builder = target;
        scanner.builder(target);
        problems = new ArrayList<>(0);
        samples = 0;
        skipped = 0;
        firstSample = 0;
        int pos = 0;
        long line = 0;
        while (pos < length) {
            line++;
            int lineEnd = scanner.scan(data, pos, length);
            if (lineEnd >= 0) {
                if (scanner.recorded()) {
                    samples++;
                    if (firstSample == 0) {
                        firstSample = line;
                    }
                }
                pos = lineEnd + 1;
                continue;
            }
            int nl = indexOf(data, pos, length, (byte) '\n');
            lineEnd = nl < 0 ? length : nl;
            scanner.flush(); // points in file order
            long before = samples;
            try {
                readWithJackson(pos, lineEnd);
                if (samples > before && firstSample == 0) {
                    firstSample = line;
                }
            } catch (JsonProcessingException | FormatError | IllegalArgumentException e) {
                String why = describe(e, pos, lineEnd);
                long other = e instanceof SpanError ? firstSample : 0;
                if (last && nl < 0) {
                    problems.add(new LineProblem(
                            line, "last line is incomplete (k6 stopped mid-write?): " + why + "; ignored", false));
                } else if (!lenient) {
                    problems.add(new LineProblem(line, why, true, other));
                    failed.set(true);
                    scanner.flush();
                    return new Result(line, samples, skipped, problems, target);
                } else {
                    skipped++;
                    problems.add(new LineProblem(line, why + "; skipped (lenient)", false, other));
                }
            }
            pos = lineEnd + 1;
        }
        scanner.flush();
        return new Result(line, samples, skipped, problems, target);
    }

    /** The general path: one line through Jackson, which explains what is wrong with a bad line. */
    private void readWithJackson(int from, int to) throws IOException {
        try (JsonParser p = JSON.createParser(data, from, to - from)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return; // blank line
            }
            if (t != JsonToken.START_OBJECT) {
                throw new FormatError("line must be a JSON object (k6 --out json), but starts with " + what(p, t));
            }
            try {
                record(p);
            } catch (JsonProcessingException e) {
                if (e.getLocation() != null && e.getLocation().getByteOffset() >= to - from) {
                    throw new FormatError("JSON object is not closed before the end of the line");
                }
                throw e;
            }
            if (p.nextToken() != null) {
                throw new FormatError("line must hold one JSON object, but more follows it");
            }
        }
    }

    /** Why a line failed, with the start of the line. */
    private String describe(Exception e, int lineStart, int lineEnd) {
        String snippet = snippet(lineStart, lineEnd);
        if (e instanceof JsonProcessingException jpe) {
            return "malformed JSON ("
                    + jpe.getOriginalMessage().lines().findFirst().orElse("") + "): " + snippet;
        }
        return e.getMessage() + ": " + snippet;
    }

    private String snippet(int from, int to) {
        int end = Math.min(to, from + 120);
        String s = new String(data, from, end - from, java.nio.charset.StandardCharsets.UTF_8);
        return "'" + s + (end < to ? "…" : "") + "'";
    }

    /** One root object: a Point is recorded, a Metric declared. Field order does not matter. */
    private void record(JsonParser p) throws IOException {
        String type = null;
        String metric = null;
        long nanos = 0;
        boolean hasTime = false;
        double value = Double.NaN;
        boolean hasValue = false;
        String name = null;
        String status = null;
        String errorCode = null;
        String declName = null;
        String declType = null;
        String declContains = null;
        String f;
        while ((f = p.nextFieldName()) != null) {
            switch (f) {
                case "type" -> type = text(p, "type");
                case "metric" -> metric = text(p, "metric");
                case "data" -> {
                    JsonToken t = p.nextToken();
                    if (t != JsonToken.START_OBJECT) {
                        throw new FormatError("'data' must be an object, but was " + what(p, t));
                    }
                    String g;
                    while ((g = p.nextFieldName()) != null) {
                        switch (g) {
                            case "time" -> {
                                if (p.nextToken() != JsonToken.VALUE_STRING) {
                                    throw new FormatError("'data.time' must be an RFC 3339 string");
                                }
                                nanos = Rfc3339.parseEpochNanos(
                                        p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                                hasTime = true;
                            }
                            case "value" -> {
                                JsonToken v = p.nextToken();
                                if (v != JsonToken.VALUE_NUMBER_FLOAT && v != JsonToken.VALUE_NUMBER_INT) {
                                    throw new FormatError("'data.value' must be a number, but was " + what(p, v));
                                }
                                value = p.getDoubleValue();
                                hasValue = true;
                            }
                            case "tags" -> {
                                JsonToken v = p.nextToken();
                                if (v == JsonToken.START_OBJECT) {
                                    String k;
                                    while ((k = p.nextFieldName()) != null) {
                                        switch (k) {
                                            case "name" -> name = text(p, "data.tags.name");
                                            case "status" -> status = text(p, "data.tags.status");
                                            case "error_code" -> errorCode = text(p, "data.tags.error_code");
                                            default -> {
                                                p.nextToken();
                                                p.skipChildren();
                                            }
                                        }
                                    }
                                } else if (v != JsonToken.VALUE_NULL) {
                                    throw new FormatError("'data.tags' must be an object or null");
                                }
                            }
                            case "name" -> declName = text(p, "data.name");
                            case "type" -> declType = text(p, "data.type");
                            case "contains" -> declContains = text(p, "data.contains");
                            default -> {
                                p.nextToken();
                                p.skipChildren();
                            }
                        }
                    }
                }
                default -> {
                    p.nextToken();
                    p.skipChildren();
                }
            }
        }
        if ("Point".equals(type)) {
            if (metric == null || !hasTime || !hasValue) {
                throw new FormatError("a Point needs 'metric', 'data.time' and 'data.value', but "
                        + (metric == null ? "'metric'" : !hasTime ? "'data.time'" : "'data.value'")
                        + " is missing");
            }
            try {
                builder.admit(nanos);
            } catch (IllegalArgumentException e) {
                throw new SpanError(String.valueOf(e.getMessage()));
            }
            builder.record(metric, nanos, value, name, status, errorCode);
            samples++;
        } else if ("Metric".equals(type)) {
            String n = declName != null ? declName : metric;
            if (n == null || declType == null) {
                throw new FormatError("a Metric needs 'data.name' and 'data.type'");
            }
            builder.declare(n, MetricKind.ofK6(declType), "time".equals(declContains));
        } else {
            throw new FormatError("'type' must be \"Point\" or \"Metric\", but was "
                    + (type == null ? "missing" : "\"" + type + "\""));
        }
    }

    private @Nullable String text(JsonParser p, String field) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            return pool.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new FormatError("'" + field + "' must be a string, but was " + what(p, t));
    }

    /**
     * What a JSON value is, for an error message: {@code the string "12"}, {@code an object}, {@code true}…
     * ({@link JsonToken#asString()} is null for strings and numbers, which read as "was null").
     */
    static String what(JsonParser p, @Nullable JsonToken t) throws IOException {
        if (t == null) {
            return "missing";
        }
        return switch (t) {
            case VALUE_STRING -> {
                String text = p.getText();
                yield "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    static int indexOf(byte[] data, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A record that is JSON but not k6's shape. Cheap: no stack trace. */
    private static class FormatError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FormatError(String message) {
            super(message, null, false, false);
        }
    }

    /** A point whose time lies too far from the run's other samples. */
    private static final class SpanError extends FormatError {
        private static final long serialVersionUID = 1L;

        SpanError(String message) {
            super(message);
        }
    }
}
