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
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Reads k6's {@code --out json} NDJSON. The file is cut into chunks at line ends by the calling thread (which
 * also inflates gzip) and the chunks are parsed on worker threads, each into its own timeline builder; the
 * builders are merged at the end. Memory is bounded by the chunks in flight, independent of the file's size.
 */
final class NdjsonReader {
    /** Bytes per chunk: large enough that per-chunk costs vanish, small enough to keep every core busy. */
    static final int CHUNK_BYTES = 4 << 20;

    private final int chunkBytes;
    /** Warnings kept word for word; beyond this they are only counted. */
    static final int MAX_WARNINGS = 100;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private final String file;
    private final Duration bucket;
    private final boolean lenient;
    private final @Nullable ExecutorService executor;
    private final int parallelism;

    NdjsonReader(
            String file,
            Duration bucket,
            boolean lenient,
            @Nullable ExecutorService executor,
            int parallelism,
            int chunkBytes) {
        this.chunkBytes = chunkBytes;
        this.file = file;
        this.bucket = bucket;
        this.lenient = lenient;
        this.executor = executor;
        this.parallelism = parallelism;
    }

    /** What one file gave. */
    record Result(RunTimeline.Builder builder, long lines, long samples, long skipped, List<String> warnings) {}

    Result read(InputStream in, byte[] prefix, int prefixLength) throws IOException {
        BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(parallelism + 2);
        for (int i = 0; i < parallelism + 2; i++) {
            buffers.add(new byte[chunkBytes]);
        }
        ConcurrentLinkedQueue<Worker> workers = new ConcurrentLinkedQueue<>();
        java.util.ArrayDeque<Future<ChunkResult>> pending = new java.util.ArrayDeque<>();
        AtomicBoolean failed = new AtomicBoolean();
        Merger merger = new Merger();

        byte[] carry = prefix;
        int carryLength = prefixLength;
        int index = 0;
        boolean eof = false;
        try {
            while (!eof && !failed.get()) {
                // fold finished chunks in order as we go: one run-wide builder, not one per chunk in memory
                while (!pending.isEmpty()
                        && (pending.size() > parallelism || pending.peek().isDone())) {
                    merger.add(get(pending.poll()));
                }
                byte[] buf = take(buffers);
                if (buf.length < carryLength + chunkBytes / 2) {
                    buf = new byte[carryLength + chunkBytes];
                }
                System.arraycopy(carry, 0, buf, 0, carryLength);
                int len = carryLength;
                int lastNewline = -1;
                while (true) {
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        eof = true;
                        break;
                    }
                    len += n;
                    if (len == buf.length) {
                        lastNewline = lastIndexOf(buf, len, (byte) '\n');
                        if (lastNewline >= 0) {
                            break;
                        }
                        byte[] bigger = new byte[buf.length * 2]; // one line longer than a chunk
                        System.arraycopy(buf, 0, bigger, 0, len);
                        buf = bigger;
                    }
                }
                int chunkLength = eof ? len : lastNewline + 1;
                carryLength = len - chunkLength;
                carry = new byte[carryLength];
                System.arraycopy(buf, chunkLength, carry, 0, carryLength);
                if (chunkLength == 0) {
                    buffers.offer(buf);
                    break;
                }
                Chunk chunk = new Chunk(index++, buf, chunkLength, eof);
                if (executor == null) {
                    merger.add(parse(chunk, workers, buffers, failed));
                } else {
                    pending.add(executor.submit(() -> parse(chunk, workers, buffers, failed)));
                }
            }
            while (!pending.isEmpty()) {
                merger.add(get(pending.poll()));
            }
        } catch (IOException | RuntimeException e) {
            failed.set(true);
            pending.forEach(f -> f.cancel(false));
            throw e;
        }
        return merger.result();
    }

    /** Folds chunk results in file order, so that line numbers add up and the first error is the earliest. */
    private final class Merger {
        private final RunTimeline.Builder merged = RunTimeline.builder(bucket, "k6");
        private final List<String> warnings = new ArrayList<>();
        private long lines;
        private long samples;
        private long skipped;
        private long warningCount;

        void add(ChunkResult r) {
            for (LineProblem p : r.problems) {
                long line = lines + p.line;
                if (p.fatal) {
                    throw new K6ParseException(file, line, p.message);
                }
                if (++warningCount <= MAX_WARNINGS) {
                    warnings.add(file + ":" + line + ": " + p.message);
                }
            }
            merged.merge(r.builder);
            lines += r.lines;
            samples += r.samples;
            skipped += r.skipped;
        }

        Result result() {
            if (warningCount > MAX_WARNINGS) {
                warnings.add(file + ": " + (warningCount - MAX_WARNINGS) + " more warnings not shown");
            }
            return new Result(merged, lines, samples, skipped, warnings);
        }
    }

    private static byte[] take(BlockingQueue<byte[]> buffers) throws IOException {
        try {
            return buffers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading k6 output");
        }
    }

    private static ChunkResult get(Future<ChunkResult> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading k6 output");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }

    private static int lastIndexOf(byte[] buf, int len, byte b) {
        for (int i = len - 1; i >= 0; i--) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private record Chunk(int index, byte[] data, int length, boolean last) {}

    private record LineProblem(long line, String message, boolean fatal) {}

    private record ChunkResult(
            long lines, long samples, long skipped, List<LineProblem> problems, RunTimeline.Builder builder) {}

    /** Per-thread parsing state (string pools), reused across chunks; each chunk gets a fresh builder. */
    private final class Worker {
        RunTimeline.Builder builder = RunTimeline.builder(bucket, "k6");
        final StringPool pool = new StringPool();
        final PointScanner scanner = new PointScanner();

        void startChunk() {
            builder = RunTimeline.builder(bucket, "k6");
            scanner.builder(builder);
        }
    }

    private ChunkResult parse(
            Chunk chunk, ConcurrentLinkedQueue<Worker> workers, BlockingQueue<byte[]> buffers, AtomicBoolean failed)
            throws IOException {
        Worker w = workers.poll();
        if (w == null) {
            w = new Worker();
        }
        try {
            w.startChunk();
            return new ChunkParser(chunk, w).run(failed);
        } finally {
            workers.add(w);
            if (chunk.data.length == chunkBytes) {
                buffers.offer(chunk.data);
            } else {
                buffers.offer(new byte[chunkBytes]);
            }
        }
    }

    /** Parses one chunk: whole lines, except perhaps the last chunk's final one. */
    private final class ChunkParser {
        private final Chunk chunk;
        private final Worker w;
        private final List<LineProblem> problems = new ArrayList<>(0);
        private long samples;
        private long skipped;

        ChunkParser(Chunk chunk, Worker w) {
            this.chunk = chunk;
            this.w = w;
        }

        ChunkResult run(AtomicBoolean failed) throws IOException {
            byte[] data = chunk.data;
            int length = chunk.length;
            int pos = 0;
            long line = 0;
            while (pos < length) {
                line++;
                int lineEnd = w.scanner.scan(data, pos, length);
                if (lineEnd >= 0) {
                    if (w.scanner.recorded()) {
                        samples++;
                    }
                    pos = lineEnd + 1;
                    continue;
                }
                int nl = indexOf(data, pos, length, (byte) '\n');
                lineEnd = nl < 0 ? length : nl;
                try {
                    readWithJackson(pos, lineEnd);
                } catch (JsonProcessingException | FormatError | IllegalArgumentException e) {
                    String why = describe(e, pos, lineEnd);
                    if (chunk.last && nl < 0) {
                        problems.add(new LineProblem(
                                line, "last line is incomplete (k6 stopped mid-write?): " + why + "; ignored", false));
                    } else if (!lenient) {
                        problems.add(new LineProblem(line, why, true));
                        failed.set(true);
                        return new ChunkResult(line, samples, skipped, problems, w.builder);
                    } else {
                        skipped++;
                        problems.add(new LineProblem(line, why + "; skipped (lenient)", false));
                    }
                }
                pos = lineEnd + 1;
            }
            return new ChunkResult(line, samples, skipped, problems, w.builder);
        }

        /** The general path: one line through Jackson, which explains what is wrong with a bad line. */
        private void readWithJackson(int from, int to) throws IOException {
            try (JsonParser p = JSON.createParser(chunk.data, from, to - from)) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return; // blank line
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new FormatError(
                            "line must be a JSON object (k6 --out json), but starts with " + t.asString());
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
            String s = new String(chunk.data, from, end - from, java.nio.charset.StandardCharsets.UTF_8);
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
                            throw new FormatError("'data' must be an object, but was " + t.asString());
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
                                        throw new FormatError("'data.value' must be a number, but was "
                                                + (v == null ? "missing" : v.asString()));
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
                w.builder.record(metric, nanos, value, name, status, errorCode);
                samples++;
            } else if ("Metric".equals(type)) {
                String n = declName != null ? declName : metric;
                if (n == null || declType == null) {
                    throw new FormatError("a Metric needs 'data.name' and 'data.type'");
                }
                w.builder.declare(n, MetricKind.ofK6(declType), "time".equals(declContains));
            } else {
                throw new FormatError("'type' must be \"Point\" or \"Metric\", but was "
                        + (type == null ? "missing" : "\"" + type + "\""));
            }
        }

        private @Nullable String text(JsonParser p, String field) throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_STRING) {
                return w.pool.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            }
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            throw new FormatError(
                    "'" + field + "' must be a string, but was " + (t == null ? "missing" : t.asString()));
        }
    }

    private static int indexOf(byte[] data, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A record that is JSON but not k6's shape. Cheap: no stack trace. */
    private static final class FormatError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FormatError(String message) {
            super(message, null, false, false);
        }
    }
}
