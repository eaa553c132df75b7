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
package dev.plimsoll.ingest;

import dev.plimsoll.ingest.gatling.GatlingLogReader;
import dev.plimsoll.ingest.internal.LoadFiles;
import dev.plimsoll.ingest.jmeter.JtlReader;
import dev.plimsoll.ingest.k6.K6ParseException;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the result files of one load test, whatever tool wrote them — k6 ({@code --out json}, {@code --out csv},
 * summaries), JMeter (JTL CSV or XML) or Gatling ({@code simulation.log}, binary or text) — into a
 * {@link LoadRun}. The format is told from each file's content, never from its name; plain or gzip.
 *
 * <pre>{@code
 * LoadRun run = LoadRuns.read(Path.of("results.jtl"));
 * LoadRun gatling = LoadRuns.reader().lenient(true).build().readFiles(List.of(Path.of("simulation.log")));
 * }</pre>
 *
 * <p>All files of one call must come from one tool; several result files of it merge as separate load
 * generators (VUs summed). Errors are a {@link LoadParseException} naming the file, the line and the rule
 * ({@link K6ParseException}, a subclass, for k6 files).
 *
 * @since 0.1
 */
public final class LoadRuns {
    private static final int SNIFF_BYTES = 8192;

    private final JtlReader jmeter;
    private final GatlingLogReader gatling;
    private final K6Reader k6;
    /** Whether a time shift was set: k6 files refuse one. */
    private final boolean timeShifted;

    private LoadRuns(Builder b) {
        this.jmeter = b.jmeter.build();
        this.gatling = b.gatling.build();
        this.k6 = b.k6.build();
        this.timeShifted = b.timeShifted;
    }

    /**
     * Reads the files of one run with the defaults: 1 s buckets, strict (a malformed line fails), no time shift.
     *
     * @param files result files of one tool, at least one; {@code -} is standard input (k6 output only)
     * @return the run: its timeline, the summary of a k6 summary file among them, what was read
     * @throws LoadParseException naming the file, the line and the rule when a file is missing, unreadable, of no
     *     known format, malformed, or from another tool than the first
     * @throws IllegalArgumentException when no file is given
     * @see #readFiles(List)
     */
    public static LoadRun read(Path... files) {
        return reader().build().readFiles(Arrays.asList(files));
    }

    /**
     * Reads the files of one run with the defaults: 1 s buckets, strict (a malformed line fails), no time shift.
     *
     * @param files result files of one tool, at least one; {@code -} is standard input (k6 output only)
     * @return the run: its timeline, the summary of a k6 summary file among them, what was read
     * @throws LoadParseException naming the file, the line and the rule when a file is missing, unreadable, of no
     *     known format, malformed, or from another tool than the first
     * @throws IllegalArgumentException when no file is given
     * @see #readFiles(List)
     */
    public static LoadRun read(List<Path> files) {
        return reader().build().readFiles(files);
    }

    /**
     * Reads the files of one run with this reader's options.
     *
     * @param files result files of one tool, at least one
     * @return the run
     * @throws LoadParseException naming the file, the line and the rule when a file cannot be read
     * @throws IllegalArgumentException when no file is given, a time shift is set and the files are k6 output, or
     *     the JMeter timestamp format is not a valid pattern
     * @see #readFiles(List)
     */
    public LoadRun readFiles(Path... files) {
        return readFiles(Arrays.asList(files));
    }

    /**
     * A reader with options, e.g. {@code LoadRuns.reader().lenient(true).build()}.
     *
     * @return a builder holding the defaults: 1 s buckets, strict, no time shift, the system's time zone
     */
    public static Builder reader() {
        return new Builder();
    }

    /**
     * The format of a file, told from its first bytes (gzip is looked through), never from its name.
     *
     * @param file the file; {@code -} (standard input, which can be read once only) is taken to be k6 NDJSON
     *     without reading it
     * @return the format
     * @throws LoadParseException naming the file when it is missing, unreadable, empty, UTF-16 encoded or of no
     *     known format; {@link K6ParseException} when it is a broken gzip stream or JSON that is not a valid k6
     *     summary
     */
    public static LoadFormat detect(Path file) {
        String name = file.toString();
        if (name.equals("-")) {
            // standard input can be read once only: it is k6's streamed output (k6 run --out json=/dev/stdout)
            return LoadFormat.K6_NDJSON;
        }
        byte[] head = LoadFiles.reading(file, () -> LoadFiles.head(file, SNIFF_BYTES));
        Optional<LoadFormat> f = GatlingLogReader.detect(head).or(() -> JtlReader.detect(head));
        if (f.isPresent()) {
            return f.get();
        }
        try {
            return switch (K6Reader.detect(file)) {
                case NDJSON -> LoadFormat.K6_NDJSON;
                case CSV -> LoadFormat.K6_CSV;
                default -> LoadFormat.K6_SUMMARY;
            };
        } catch (K6ParseException e) {
            if (e.getCause() != null || looksLikeJson(head)) {
                throw e; // a broken gzip stream, or a JSON document that is not a valid summary: k6's reader says why
            }
            if (isUtf16(head)) {
                throw new LoadParseException(
                        name,
                        0,
                        "is UTF-16 encoded; load-test results are UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)");
            }
            String preview = new String(head, 0, Math.min(head.length, 60), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElse("")
                    .replaceAll("\\p{Cntrl}", "?");
            throw new LoadParseException(
                    name,
                    head.length == 0 ? 0 : 1,
                    head.length == 0
                            ? "file is empty: expected load-test results"
                            : "not a load-test result file of a known format (k6 --out json/csv or summary, JMeter JTL"
                                    + " CSV/XML, Gatling simulation.log); it starts with '" + preview + "'");
        }
    }

    /** Whether the content starts (after a byte order mark and white space) like a JSON object. */
    private static boolean looksLikeJson(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                ? 3
                : 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && head[i] == '{';
    }

    /** A UTF-16 byte order mark, or ASCII text with every other byte zero. */
    private static boolean isUtf16(byte[] head) {
        if (head.length >= 2
                && (((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE)
                        || ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF))) {
            return true;
        }
        int n = Math.min(head.length, 64) & ~1;
        if (n < 8) {
            return false;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }
        return evenZeros == n / 2 && oddZeros == 0 || oddZeros == n / 2 && evenZeros == 0;
    }

    /**
     * Reads the files of one run: each file's format is told from its content, the tool's reader reads them, and
     * several result files of the tool merge as separate load generators (VUs summed); a k6 summary file among
     * them becomes the run's {@link LoadRun#summary()}.
     *
     * @param files result files of one tool, at least one; {@code -} is standard input (k6 output only)
     * @return the run: its timeline, the summary of a k6 summary file among them, and in {@link LoadRun#ingest()}
     *     what was read, skipped and warned about
     * @throws LoadParseException naming the file, the line and the rule when a file is missing, unreadable, of no
     *     known format, or malformed (not {@link Builder#lenient(boolean) lenient}), when the files come from
     *     different tools, or when one file is given twice (also through another path or a link);
     *     {@link K6ParseException} for a malformed k6 file
     * @throws IllegalArgumentException when no file is given, a {@link Builder#timeShift(Duration) time shift} is
     *     set and the files are k6 output, or the {@link Builder#jmeterTimestampFormat(String) JMeter timestamp
     *     format} of JMeter CSV files is not a valid pattern
     */
    public LoadRun readFiles(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one load-test result file must be given");
        }
        refuseSameFileTwice(files);
        Map<Path, LoadFormat> formats = new LinkedHashMap<>();
        for (Path f : files) {
            formats.put(f, detect(f));
        }
        String tool = formats.values().iterator().next().tool();
        for (var e : formats.entrySet()) {
            if (!e.getValue().tool().equals(tool)) {
                throw new LoadParseException(
                        e.getKey().toString(),
                        0,
                        "is " + e.getValue().tool() + " output, but " + files.get(0) + " is " + tool
                                + " output: the files of one run must come from one tool");
            }
        }
        return switch (tool) {
            case "jmeter" -> jmeter.read(files);
            case "gatling" -> gatling.read(files);
            default -> {
                if (timeShifted) {
                    throw new IllegalArgumentException("a time shift is not supported for k6 files (yet)");
                }
                yield k6.read(files);
            }
        };
    }

    /**
     * Refuses a file given twice, also through another path or a link: its samples would be merged as a second load
     * generator's, doubling the run (requests, VUs). A file that cannot be looked at is left to the reader, which
     * names it.
     */
    private static void refuseSameFileTwice(List<Path> files) {
        Map<Object, Path> seen = new java.util.HashMap<>();
        for (Path f : files) {
            Object key = identity(f);
            if (key == null) {
                continue;
            }
            Path first = seen.putIfAbsent(key, f);
            if (first != null) {
                throw new LoadParseException(
                        f.toString(),
                        0,
                        (f.toString().equals(first.toString()) ? "is given twice" : "is the same file as " + first)
                                + ": each result file of a run must be given once (a file read twice would count"
                                + " its requests and VUs twice)");
            }
        }
    }

    /** What tells a file from every other: its file key (device and inode) or real path; null when unreadable. */
    private static @Nullable Object identity(Path f) {
        if (f.toString().equals("-")) {
            return "<stdin>";
        }
        try {
            Object key = java.nio.file.Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class)
                    .fileKey();
            return key != null ? key : f.toRealPath();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * Options of {@link LoadRuns}: the options each tool's reader ({@link K6Reader.Builder},
     * {@link JtlReader.Builder}, {@link GatlingLogReader.Builder}) takes, set once for whichever tool wrote the
     * files. Not thread-safe; {@link #build()} may be called again after changing an option.
     */
    public static final class Builder {
        private final JtlReader.Builder jmeter = JtlReader.builder();
        private final GatlingLogReader.Builder gatling = GatlingLogReader.builder();
        private final K6Reader.Builder k6 = K6Reader.builder();
        private boolean timeShifted;

        private Builder() {}

        /**
         * The length of the timeline's buckets, the resolution of every figure over time.
         *
         * @param bucket a whole number of milliseconds from 1 ms to 1 day; default 1 s
         *     ({@link RunTimeline#DEFAULT_BUCKET})
         * @return this builder
         * @throws IllegalArgumentException when {@code bucket} is out of that range or not whole milliseconds
         */
        public Builder bucket(Duration bucket) {
            k6.bucket(bucket);
            jmeter.bucket(bucket);
            gatling.bucket(bucket);
            return this;
        }

        /**
         * Whether a malformed line is skipped and counted (in {@link LoadRun#ingest()}) instead of failing the
         * read; a last line cut short is accepted with a warning either way.
         *
         * @param lenient {@code true} to skip malformed lines; default {@code false}
         * @return this builder
         */
        public Builder lenient(boolean lenient) {
            k6.lenient(lenient);
            jmeter.lenient(lenient);
            gatling.lenient(lenient);
            return this;
        }

        /**
         * Moves the samples of JMeter and Gatling files in time, e.g. to lay a run recorded on another clock (or
         * replayed later) over the cloud data of the original. k6 files refuse a time shift.
         *
         * @param timeShift added to every sample's time, in whole milliseconds (a finer part is truncated toward zero), may be
         *     negative; default zero
         * @return this builder
         */
        public Builder timeShift(Duration timeShift) {
            jmeter.timeShift(timeShift);
            gatling.timeShift(timeShift);
            this.timeShifted = !timeShift.isZero();
            return this;
        }

        /**
         * The time zone of JMeter's formatted {@code timeStamp}s (JMeter writes the load generator's local time);
         * epoch-millisecond time stamps need none.
         *
         * @param zone the generator's zone; default the system's ({@link ZoneId#systemDefault()})
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            jmeter.zone(zone);
            return this;
        }

        /**
         * JMeter's {@code jmeter.save.saveservice.timestamp_format} of the files; see
         * {@link JtlReader.Builder#timestampFormat}.
         *
         * @param pattern a {@code SimpleDateFormat} pattern such as {@code yyyy/MM/dd HH:mm:ss.SSS}, or {@code null}
         *     (the default) for epoch milliseconds or a common pattern told from the first line
         * @return this builder
         */
        public Builder jmeterTimestampFormat(@Nullable String pattern) {
            jmeter.timestampFormat(pattern);
            return this;
        }

        /**
         * The columns of JMeter CSV files written without a header line; see {@link JtlReader.Builder#columns}.
         *
         * @param columns JMeter's column names in file order; default {@link JtlReader#DEFAULT_COLUMNS}
         * @return this builder
         */
        public Builder jmeterColumns(List<String> columns) {
            jmeter.columns(columns);
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
            k6.progress(progress);
            jmeter.progress(progress);
            gatling.progress(progress);
            return this;
        }

        /**
         * A reader with these options.
         *
         * @return an immutable reader; later changes to this builder do not reach it
         */
        public LoadRuns build() {
            return new LoadRuns(this);
        }
    }
}
