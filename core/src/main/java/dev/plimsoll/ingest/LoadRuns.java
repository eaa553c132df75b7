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
import java.util.Objects;
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

    private final Duration bucket;
    private final boolean lenient;
    private final Duration timeShift;
    private final ZoneId zone;
    private final @Nullable String timestampFormat;
    private final @Nullable List<String> jmeterColumns;
    private final LongConsumer progress;

    private LoadRuns(Builder b) {
        this.bucket = b.bucket;
        this.lenient = b.lenient;
        this.timeShift = b.timeShift;
        this.zone = b.zone;
        this.timestampFormat = b.timestampFormat;
        this.jmeterColumns = b.jmeterColumns;
        this.progress = b.progress;
    }

    /** Reads the files of one run with the defaults (1 s buckets, strict). */
    public static LoadRun read(Path... files) {
        return reader().build().readFiles(Arrays.asList(files));
    }

    /** Reads the files of one run with the defaults (1 s buckets, strict). */
    public static LoadRun read(List<Path> files) {
        return reader().build().readFiles(files);
    }

    /** Reads the files of one run with this reader's options; see {@link #readFiles(List)}. */
    public LoadRun readFiles(Path... files) {
        return readFiles(Arrays.asList(files));
    }

    /** A reader with options. */
    public static Builder reader() {
        return new Builder();
    }

    /**
     * The format of a file, told from its first bytes.
     *
     * @throws LoadParseException when the file is missing, unreadable or of no known format
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
     * Reads the files of one run.
     *
     * @throws LoadParseException when a file is not a known format, the files come from different tools, or a
     *     JMeter/Gatling file is malformed
     * @throws K6ParseException when a k6 file is malformed
     * @throws IllegalArgumentException when no file is given
     */
    public LoadRun readFiles(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one load-test result file must be given");
        }
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
            case "jmeter" -> {
                JtlReader.Builder b = JtlReader.builder()
                        .bucket(bucket)
                        .lenient(lenient)
                        .timeShift(timeShift)
                        .zone(zone)
                        .timestampFormat(timestampFormat)
                        .progress(progress);
                if (jmeterColumns != null) {
                    b.columns(jmeterColumns);
                }
                yield b.build().read(files);
            }
            case "gatling" ->
                GatlingLogReader.builder()
                        .bucket(bucket)
                        .lenient(lenient)
                        .timeShift(timeShift)
                        .progress(progress)
                        .build()
                        .read(files);
            default -> {
                if (!timeShift.isZero()) {
                    throw new IllegalArgumentException("a time shift is not supported for k6 files (yet)");
                }
                yield K6Reader.builder()
                        .bucket(bucket)
                        .lenient(lenient)
                        .progress(progress)
                        .build()
                        .read(files);
            }
        };
    }

    /** Options of {@link LoadRuns}. */
    public static final class Builder {
        private Duration bucket = RunTimeline.DEFAULT_BUCKET;
        private boolean lenient;
        private Duration timeShift = Duration.ZERO;
        private ZoneId zone = ZoneId.systemDefault();
        private @Nullable String timestampFormat;
        private @Nullable List<String> jmeterColumns;
        private LongConsumer progress = bytes -> {};

        private Builder() {}

        /** Bucket length of the timeline; default 1 s. */
        public Builder bucket(Duration bucket) {
            this.bucket = Objects.requireNonNull(bucket, "bucket");
            return this;
        }

        /** Skip and count malformed lines instead of failing (each reader's lenient mode); default false. */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /** Added to every sample's time of JMeter and Gatling files (whole milliseconds); default zero. */
        public Builder timeShift(Duration timeShift) {
            this.timeShift = Objects.requireNonNull(timeShift, "timeShift");
            return this;
        }

        /** Time zone of JMeter's formatted timestamps; default the system's. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** JMeter's {@code jmeter.save.saveservice.timestamp_format}, see {@link JtlReader.Builder#timestampFormat}. */
        public Builder jmeterTimestampFormat(@Nullable String pattern) {
            this.timestampFormat = pattern;
            return this;
        }

        /** Columns of headerless JMeter CSV files, see {@link JtlReader.Builder#columns}. */
        public Builder jmeterColumns(List<String> columns) {
            this.jmeterColumns = List.copyOf(columns);
            return this;
        }

        /** Called with the bytes read so far, for progress bars. */
        public Builder progress(LongConsumer progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public LoadRuns build() {
            return new LoadRuns(this);
        }
    }
}
