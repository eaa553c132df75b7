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
        ConcurrentLinkedQueue<NdjsonChunkParser> workers = new ConcurrentLinkedQueue<>();
        java.util.ArrayDeque<Future<NdjsonChunkParser.Result>> pending = new java.util.ArrayDeque<>();
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

        void add(NdjsonChunkParser.Result r) {
            for (NdjsonChunkParser.LineProblem p : r.problems()) {
                long line = lines + p.line();
                String message = p.firstSample() > 0
                        ? p.message() + " (the first of those samples is on line " + (lines + p.firstSample()) + ")"
                        : p.message();
                if (p.fatal()) {
                    throw new K6ParseException(file, line, message);
                }
                if (++warningCount <= MAX_WARNINGS) {
                    warnings.add(file + ":" + line + ": " + message);
                }
            }
            try {
                merged.merge(r.builder());
            } catch (IllegalArgumentException e) {
                // the chunks were read in parallel, each on its own timeline: only the range of lines is known
                throw new K6ParseException(
                        file,
                        lines + 1,
                        "lines " + (lines + 1) + " to " + (lines + r.lines()) + ": " + e.getMessage(),
                        e);
            }
            lines += r.lines();
            samples += r.samples();
            skipped += r.skipped();
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

    private static NdjsonChunkParser.Result get(Future<NdjsonChunkParser.Result> f) throws IOException {
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

    private NdjsonChunkParser.Result parse(
            Chunk chunk,
            ConcurrentLinkedQueue<NdjsonChunkParser> parsers,
            BlockingQueue<byte[]> buffers,
            AtomicBoolean failed)
            throws IOException {
        NdjsonChunkParser p = parsers.poll();
        if (p == null) {
            p = new NdjsonChunkParser(lenient);
        }
        try {
            return p.parse(chunk.data, chunk.length, chunk.last, RunTimeline.builder(bucket, "k6"), failed);
        } finally {
            parsers.add(p);
            if (chunk.data.length == chunkBytes) {
                buffers.offer(chunk.data);
            } else {
                buffers.offer(new byte[chunkBytes]);
            }
        }
    }
}
