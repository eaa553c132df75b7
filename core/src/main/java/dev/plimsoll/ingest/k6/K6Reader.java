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

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunSummary;
import dev.plimsoll.run.RunTimeline;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads k6 output files into a {@link LoadRun}. The format of each file (NDJSON, CSV, summary export,
 * handleSummary data; plain or gzip) is told from its content. Several result files (a test split across
 * load generators) merge into one run; a summary file read with them is attached as the run's
 * {@link LoadRun#summary()}.
 *
 * <pre>{@code
 * LoadRun run = K6Reader.create().read(Path.of("results.json.gz"), Path.of("summary.json"));
 * System.out.println(run.totals());
 * }</pre>
 *
 * <p>Bad input fails with a {@link K6ParseException} naming the file, the line and the rule. A last line cut
 * short (k6 killed mid-write) is accepted with a warning in {@link LoadRun#ingest()}; other malformed lines
 * are errors, or, with {@link Builder#lenient(boolean) lenient}, skipped and counted.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class K6Reader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Duration bucket;
    private final boolean lenient;
    private final int parallelism;
    private final LongConsumer progress;
    private final int chunkBytes;

    private K6Reader(Builder b) {
        this.chunkBytes = b.chunkBytes;
        this.bucket = b.bucket;
        this.lenient = b.lenient;
        this.parallelism = b.parallelism;
        this.progress = b.progress;
    }

    /** A reader with the defaults: 1 s buckets, strict, one parsing thread per core. */
    public static K6Reader create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads one or more files of one run. */
    public LoadRun read(Path... files) {
        return read(Arrays.asList(files));
    }

    /**
     * Reads the files of one run: result files (NDJSON, CSV) are merged as separate load generators, a
     * summary is attached.
     *
     * @throws K6ParseException when a file is missing, unreadable or not valid k6 output
     * @throws IllegalArgumentException when no file is given
     */
    public LoadRun read(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one k6 output file must be given");
        }
        RunTimeline.Builder timeline = null;
        RunSummary summary = null;
        IngestReport report = IngestReport.empty();
        List<String> extraWarnings = new ArrayList<>();
        ExecutorService executor = parallelism > 1
                ? Executors.newFixedThreadPool(parallelism, r -> {
                    Thread t = new Thread(r, "plimsoll-k6-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                })
                : null;
        try {
            for (Path file : files) {
                FileResult r = readFile(file, executor);
                report = report.plus(r.report);
                if (r.summary != null) {
                    if (summary == null) {
                        summary = r.summary;
                    } else {
                        extraWarnings.add(file + ": a second summary was ignored; the run keeps the first one");
                    }
                }
                if (r.builder != null) {
                    timeline = timeline == null ? r.builder : timeline.mergeGenerator(r.builder);
                }
            }
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        if (!extraWarnings.isEmpty()) {
            report = report.plus(new IngestReport(List.of(), 0, 0, 0, extraWarnings));
        }
        RunTimeline t = (timeline == null ? RunTimeline.builder(bucket, "k6") : timeline).build();
        String id = files.get(0).getFileName().toString().replaceFirst("\\.(json|csv|ndjson)?(\\.gz)?$", "");
        return new LoadRun("k6", id, t, Optional.ofNullable(summary), report);
    }

    /**
     * Reads just a summary file ({@code --summary-export} or handleSummary data).
     *
     * @throws K6ParseException when the file is not a k6 summary
     */
    public RunSummary readSummary(Path file) {
        FileResult r = readFile(file, null);
        if (r.summary == null) {
            throw new K6ParseException(
                    file.toString(),
                    0,
                    "expected a k6 summary (--summary-export or handleSummary" + " JSON), but the file is " + r.format);
        }
        return r.summary;
    }

    /**
     * Tells a file's format from its content.
     *
     * @throws K6ParseException when the file is not k6 output
     */
    public static K6Format detect(Path file) {
        try (InputStream in = open(file, l -> {})) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            return sniff(file.toString(), head, head.length, () -> {
                try (InputStream again = open(file, l -> {})) {
                    return MAPPER.readTree(again);
                }
            });
        } catch (IOException e) {
            throw ioError(file.toString(), e);
        }
    }

    private record FileResult(
            K6Format format,
            RunTimeline.@Nullable Builder builder,
            @Nullable RunSummary summary,
            IngestReport report) {}

    private FileResult readFile(Path file, @Nullable ExecutorService executor) {
        String name = file.toString();
        try (InputStream in = open(file, progress)) {
            byte[] head = new byte[SNIFF_BYTES];
            int n = in.readNBytes(head, 0, head.length);
            JsonNode[] tree = new JsonNode[1];
            K6Format format = sniff(name, head, n, () -> {
                try (InputStream again = open(file, l -> {})) {
                    tree[0] = MAPPER.readTree(again);
                    return tree[0];
                }
            });
            switch (format) {
                case NDJSON -> {
                    NdjsonReader.Result r = new NdjsonReader(
                                    name, bucket, lenient, executor, Math.max(1, parallelism), chunkBytes)
                            .read(in, head, n);
                    return new FileResult(
                            format,
                            r.builder(),
                            null,
                            new IngestReport(List.of(name), r.lines(), r.samples(), r.skipped(), r.warnings()));
                }
                case CSV -> {
                    InputStream all = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, 0, n), in);
                    NdjsonReader.Result r = new CsvReader(name, bucket, lenient)
                            .read(new InputStreamReader(all, StandardCharsets.UTF_8));
                    return new FileResult(
                            format,
                            r.builder(),
                            null,
                            new IngestReport(List.of(name), r.lines(), r.samples(), r.skipped(), r.warnings()));
                }
                default -> {
                    RunSummary s = SummaryReader.read(name, tree[0]);
                    return new FileResult(format, null, s, new IngestReport(List.of(name), 0, 0, 0, List.of()));
                }
            }
        } catch (IOException e) {
            throw ioError(name, e);
        } catch (UncheckedIOException e) {
            // UncheckedIOException always carries its IOException
            throw ioError(name, Objects.requireNonNull(e.getCause(), "cause"));
        }
    }

    private static K6ParseException ioError(String file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new K6ParseException(file, 0, "file does not exist", e);
        }
        if (e instanceof EOFException || (e instanceof ZipException)) {
            return new K6ParseException(
                    file,
                    0,
                    "gzip data is truncated or corrupt (" + e.getMessage()
                            + "); was the file copied before k6 finished writing it?",
                    e);
        }
        if (e instanceof JsonParseException jpe) {
            return new K6ParseException(
                    file,
                    jpe.getLocation() == null ? 0 : jpe.getLocation().getLineNr(),
                    "malformed JSON: " + jpe.getOriginalMessage(),
                    e);
        }
        return new K6ParseException(file, 0, "cannot be read: " + e, e);
    }

    interface TreeLoader {
        JsonNode load() throws IOException;
    }

    private static K6Format sniff(String file, byte[] head, int n, TreeLoader tree) throws IOException {
        int i = 0;
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < n && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i >= n) {
            throw new K6ParseException(
                    file,
                    0,
                    "file is empty: expected k6 output (--out json NDJSON, --out csv,"
                            + " or a --summary-export / handleSummary JSON)");
        }
        String start = new String(head, i, Math.min(n - i, 4096), StandardCharsets.UTF_8);
        if (start.startsWith("metric_name,")) {
            return K6Format.CSV;
        }
        if (start.startsWith("{")) {
            int nl = start.indexOf('\n');
            String firstLine = nl < 0 ? start : start.substring(0, nl);
            if (firstLine.matches("(?s).*\"type\"\\s*:\\s*\"(Metric|Point)\".*")) {
                return K6Format.NDJSON;
            }
            JsonNode root = tree.load();
            if (root != null && root.path("metrics").isObject()) {
                return SummaryReader.isHandleSummary(root) ? K6Format.HANDLE_SUMMARY : K6Format.SUMMARY_EXPORT;
            }
        }
        String preview = start.lines().findFirst().orElse("");
        throw new K6ParseException(
                file,
                1,
                "not k6 output: expected NDJSON lines with \"type\":\"Metric\"/\"Point\""
                        + " (--out json), a CSV header starting 'metric_name,' (--out csv), or a summary JSON with 'metrics',"
                        + " but the file starts with '"
                        + (preview.length() > 80 ? preview.substring(0, 80) + "…" : preview)
                        + "'");
    }

    /** Opens a file, inflating gzip (told by its magic bytes, not its name). */
    private static InputStream open(Path file, LongConsumer progress) throws IOException {
        InputStream raw = new CountingInputStream(Files.newInputStream(file), progress);
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    /** Reports bytes read from the file (compressed), for progress bars. */
    private static final class CountingInputStream extends FilterInputStream {
        private final LongConsumer progress;
        private long count;

        CountingInputStream(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                progress.accept(count);
            }
            return n;
        }
    }

    /** Settings of a {@link K6Reader}. */
    public static final class Builder {
        private Duration bucket = RunTimeline.DEFAULT_BUCKET;
        private boolean lenient;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private LongConsumer progress = bytes -> {};
        private int chunkBytes = NdjsonReader.CHUNK_BYTES;

        private Builder() {}

        // VisibleForTesting: small chunks exercise the split into chunks on small files
        Builder chunkBytes(int chunkBytes) {
            this.chunkBytes = chunkBytes;
            return this;
        }

        /** Bucket length of the timeline; default 1 s. A whole number of milliseconds. */
        public Builder bucket(Duration bucket) {
            Objects.requireNonNull(bucket, "bucket");
            if (bucket.toMillis() < 1 || bucket.toNanos() % 1_000_000 != 0) {
                throw new IllegalArgumentException(
                        "bucket must be a whole number of milliseconds ≥ 1 ms, but was " + bucket);
            }
            this.bucket = bucket;
            return this;
        }

        /**
         * Skip malformed lines (counted and listed in {@link LoadRun#ingest()}) instead of failing. Default
         * false.
         */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /** Threads that parse NDJSON; default one per core. 1 parses on the calling thread. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be ≥ 1, but was " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /** Called with the bytes read so far from the current file (compressed size for gzip). */
        public Builder progress(LongConsumer progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public K6Reader build() {
            return new K6Reader(this);
        }
    }
}
