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
import java.util.Locale;
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

    /**
     * A reader with the defaults: 1 s buckets, strict (a malformed line fails the read), one parsing thread per
     * core.
     *
     * @return the reader
     */
    public static K6Reader create() {
        return builder().build();
    }

    /**
     * A reader with options, e.g. {@code K6Reader.builder().bucket(Duration.ofSeconds(5)).build()}.
     *
     * @return a builder holding the defaults of {@link #create()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads one or more files of one run; see {@link #read(List)}.
     *
     * @param files result and summary files, at least one; {@code -} is standard input
     * @return the run, its {@link LoadRun#tool() tool} {@code k6}
     * @throws K6ParseException naming the file, the line and the rule when a file is missing, unreadable or not
     *     valid k6 output
     * @throws IllegalArgumentException when no file is given
     */
    public LoadRun read(Path... files) {
        return read(Arrays.asList(files));
    }

    /**
     * Reads the files of one run: result files (NDJSON, CSV) are merged as separate load generators, a
     * summary is attached. A file named {@code -} is standard input (read once, to its end; not closed).
     *
     * @param files result files ({@code --out json} or {@code --out csv}) and summary files, at least one, in any
     *     order; plain or gzip
     * @return the run: its {@link LoadRun#tool() tool} {@code k6}, its id the first file's name without
     *     {@code .json}/{@code .csv}/{@code .ndjson} and {@code .gz} ({@code stdin} for standard input), the first
     *     summary file as its {@link LoadRun#summary()} (a second one is ignored with a warning), an empty timeline
     *     when only summaries were given, and in {@link LoadRun#ingest()} the lines read, skipped and warned about
     * @throws K6ParseException naming the file, the line and the rule when a file is missing, unreadable or not
     *     valid k6 output, holds a malformed line (not {@link Builder#lenient(boolean) lenient}), or its timeline
     *     cannot be merged with the ones before it
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
        String summaryFile = "";
        List<String> resultFiles = new ArrayList<>();
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
                        summaryFile = file;
                    } else {
                        extraWarnings.add(file + ": a second summary was ignored; the run keeps the first one");
                    }
                }
                if (r.builder != null) {
                    resultFiles.add(file);
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
        if (summary != null && resultFiles.size() == 1) {
            // the summary's totals stand for the run's: one of another run would replace them silently
            long summarised = summary.totals().requests();
            long read = t.totals().requests();
            if (summarised > 0 && Math.abs(summarised - read) > Math.max(10, 0.02 * summarised)) {
                throw new K6ParseException(
                        summaryFile,
                        0,
                        String.format(
                                Locale.ROOT,
                                "counts %d requests (http_reqs), but %s holds %d: the summary of another run, or"
                                        + " results cut short (give each run's summary with its own, complete results)",
                                summarised,
                                resultFiles.get(0),
                                read));
            }
        }
        String first = stream != null ? streamName : files.get(0).getFileName().toString();
        String id = first.equals(K6Input.STDIN) ? "stdin" : first.replaceFirst("\\.(json|csv|ndjson)?(\\.gz)?$", "");
        return new LoadRun("k6", id, t, Optional.ofNullable(summary), report);
    }

    /**
     * Reads one run from a stream (e.g. a pipe from {@code k6 run --out json=/dev/stdout}), in any of the formats
     * {@link #read(List)} reads; the stream is read to its end and closed.
     *
     * @param in the stream, plain or gzip
     * @param name names the stream in messages and, without {@code .json}/{@code .csv}/{@code .ndjson} and
     *     {@code .gz}, in {@link LoadRun#id()}
     * @return the run, its {@link LoadRun#tool() tool} {@code k6}
     * @throws K6ParseException naming {@code name}, the line and the rule when the stream is not valid k6 output or
     *     holds a malformed line (not {@link Builder#lenient(boolean) lenient})
     */
    public LoadRun read(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return read(List.of(), in, name);
    }

    /**
     * Reads just a summary file ({@code --summary-export} or handleSummary data); {@code -} reads standard input.
     *
     * @param file the summary, plain or gzip
     * @return the end-of-test figures per metric, and which thresholds failed
     * @throws K6ParseException naming the file when it is missing, unreadable, not a k6 summary (also when it is
     *     valid k6 result output), or a summary with a malformed figure
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
     * Tells a file's format from its content, never from its name; a JSON document's shape tells a summary export
     * from handleSummary data, its figures are checked only when it is read.
     *
     * @param file the file, plain or gzip; {@code -} is standard input, which is consumed
     * @return the format
     * @throws K6ParseException naming the file when it is missing, unreadable, a broken gzip stream, or not k6
     *     output
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

    /** Settings of a {@link K6Reader}. Not thread-safe; each {@link #build()} takes a copy of the settings. */
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

        /**
         * The length of the timeline's buckets, the resolution of every figure over time.
         *
         * @param bucket a whole number of milliseconds from 1 ms to 1 day; default 1 s
         *     ({@link RunTimeline#DEFAULT_BUCKET})
         * @return this builder
         * @throws IllegalArgumentException when {@code bucket} is out of that range or not whole milliseconds
         */
        public Builder bucket(Duration bucket) {
            this.bucket = RunTimeline.checkBucket(Objects.requireNonNull(bucket, "bucket"));
            return this;
        }

        /**
         * Whether a malformed line is skipped (counted and listed in {@link LoadRun#ingest()}) instead of failing
         * the read. A last line cut short is accepted with a warning either way; a malformed summary fails either
         * way.
         *
         * @param lenient {@code true} to skip malformed lines; default {@code false}
         * @return this builder
         */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /**
         * How many threads parse an NDJSON file, in chunks; the result does not depend on it. The threads are
         * daemons, started for each read and stopped when it ends.
         *
         * @param parallelism 1 or more; 1 parses on the calling thread; default one per core
         *     ({@link Runtime#availableProcessors()})
         * @return this builder
         * @throws IllegalArgumentException when {@code parallelism} is below 1
         */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be ≥ 1, but was " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Told how far reading has come, for progress bars.
         *
         * @param progress called with the bytes read so far from the current file (compressed size for gzip);
         *     default none
         * @return this builder
         */
        public Builder progress(LongConsumer progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * A reader with these settings.
         *
         * @return an immutable, thread-safe reader; later changes to this builder do not reach it
         */
        public K6Reader build() {
            return new K6Reader(this);
        }
    }
}
