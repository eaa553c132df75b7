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

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunSummary;
import dev.plimsoll.run.RunTimeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
     * summary is attached. A file named {@code -} is standard input (read once, to its end; not closed).
     *
     * @throws K6ParseException when a file is missing, unreadable or not valid k6 output
     * @throws IllegalArgumentException when no file is given
     */
    public LoadRun read(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one k6 output file must be given");
        }
        return read(files, null, "");
    }

    private LoadRun read(List<Path> files, @Nullable InputStream stream, String streamName) {
        List<Opener> openers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (stream != null) {
            openers.add(() -> K6Input.open(streamName, stream, progress));
            names.add(streamName);
        }
        for (Path file : files) {
            openers.add(() -> K6Input.open(file, progress));
            names.add(K6Input.isStdin(file) ? "<stdin>" : file.toString());
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
            for (int i = 0; i < openers.size(); i++) {
                FileResult r = readOne(names.get(i), openers.get(i), executor);
                String file = names.get(i);
                report = report.plus(r.report);
                if (r.summary != null) {
                    if (summary == null) {
                        summary = r.summary;
                    } else {
                        extraWarnings.add(file + ": a second summary was ignored; the run keeps the first one");
                    }
                }
                if (r.builder != null) {
                    try {
                        timeline = timeline == null ? r.builder : timeline.mergeGenerator(r.builder);
                    } catch (IllegalArgumentException e) {
                        throw new K6ParseException(file, 0, String.valueOf(e.getMessage()), e);
                    }
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
        String first = stream != null ? streamName : files.get(0).getFileName().toString();
        String id = first.equals(K6Input.STDIN) ? "stdin" : first.replaceFirst("\\.(json|csv|ndjson)?(\\.gz)?$", "");
        return new LoadRun("k6", id, t, Optional.ofNullable(summary), report);
    }

    /**
     * Reads one run from a stream (e.g. a pipe from {@code k6 run --out json=/dev/stdout}), in any of the formats
     * {@link #read(List)} reads; the stream is read to its end and closed.
     *
     * @param name names the stream in messages and in {@link LoadRun#id()}
     * @throws K6ParseException when the stream is not valid k6 output
     */
    public LoadRun read(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return read(List.of(), in, name);
    }

    /**
     * Reads just a summary file ({@code --summary-export} or handleSummary data); {@code -} reads standard input.
     *
     * @throws K6ParseException when the file is not a k6 summary
     */
    public RunSummary readSummary(Path file) {
        FileResult r = readOne(file.toString(), () -> K6Input.open(file, l -> {}), null);
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
        try (K6Input in = K6Input.open(file, l -> {})) {
            if (in.format == K6Format.NDJSON || in.format == K6Format.CSV) {
                return in.format;
            }
            // a JSON document: its shape tells the format; its figures are checked when it is read
            JsonNode root = summaryRoot(in);
            return SummaryReader.isHandleSummary(root) ? K6Format.HANDLE_SUMMARY : K6Format.SUMMARY_EXPORT;
        } catch (IOException e) {
            throw K6Input.ioError(file.toString(), e);
        }
    }

    private record FileResult(
            K6Format format,
            RunTimeline.@Nullable Builder builder,
            @Nullable RunSummary summary,
            IngestReport report) {}

    private record Summary(K6Format format, RunSummary summary) {}

    private interface Opener {
        K6Input open() throws IOException;
    }

    private FileResult readOne(String name, Opener opener, @Nullable ExecutorService executor) {
        try (K6Input in = opener.open()) {
            switch (in.format) {
                case NDJSON -> {
                    NdjsonReader.Result r = new NdjsonReader(
                                    in.name, bucket, lenient, executor, Math.max(1, parallelism), chunkBytes)
                            .read(in.rest, in.head, in.headLength);
                    return new FileResult(
                            in.format,
                            r.builder(),
                            null,
                            new IngestReport(List.of(in.name), r.lines(), r.samples(), r.skipped(), r.warnings()));
                }
                case CSV -> {
                    NdjsonReader.Result r = new CsvReader(in.name, bucket, lenient)
                            .read(new InputStreamReader(in.all(), StandardCharsets.UTF_8));
                    return new FileResult(
                            in.format,
                            r.builder(),
                            null,
                            new IngestReport(List.of(in.name), r.lines(), r.samples(), r.skipped(), r.warnings()));
                }
                default -> {
                    Summary s = summaryOf(in);
                    return new FileResult(
                            s.format, null, s.summary, new IngestReport(List.of(in.name), 0, 0, 0, List.of()));
                }
            }
        } catch (IOException e) {
            throw K6Input.ioError(name, e);
        } catch (UncheckedIOException e) {
            // UncheckedIOException always carries its IOException
            throw K6Input.ioError(name, Objects.requireNonNull(e.getCause(), "cause"));
        }
    }

    /** A JSON document that is not NDJSON: a summary export, handleSummary data, or not k6 output at all. */
    private static Summary summaryOf(K6Input in) throws IOException {
        JsonNode root = summaryRoot(in);
        K6Format format = SummaryReader.isHandleSummary(root) ? K6Format.HANDLE_SUMMARY : K6Format.SUMMARY_EXPORT;
        return new Summary(format, SummaryReader.read(in.name, root));
    }

    /** The document of a summary: a JSON object with a {@code metrics} object. */
    private static JsonNode summaryRoot(K6Input in) throws IOException {
        JsonNode root = in.tree();
        if (root == null || !root.path("metrics").isObject()) {
            String start = new String(in.head, 0, Math.min(in.headLength, 4096), StandardCharsets.UTF_8).strip();
            throw K6Input.notK6(in.name, start.lines().findFirst().orElse(""));
        }
        return root;
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

        /** Bucket length of the timeline; default 1 s. A whole number of milliseconds from 1 ms to 1 day. */
        public Builder bucket(Duration bucket) {
            this.bucket = RunTimeline.checkBucket(Objects.requireNonNull(bucket, "bucket"));
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
