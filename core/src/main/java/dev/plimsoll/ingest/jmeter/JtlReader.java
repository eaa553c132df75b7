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
package dev.plimsoll.ingest.jmeter;

import dev.plimsoll.ingest.LoadFormat;
import dev.plimsoll.ingest.LoadParseException;
import dev.plimsoll.ingest.internal.LoadFiles;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads JMeter result files (JTL) into a {@link LoadRun}: CSV with or without a header line, any delimiter
 * ({@code jmeter.save.saveservice.default_delimiter}), quoted fields with delimiters, quotes and line breaks,
 * {@code timeStamp} as epoch milliseconds or a date ({@code jmeter.save.saveservice.timestamp_format}); and
 * XML ({@code <testResults>} of {@code <httpSample>}/{@code <sample>}). Plain or gzip, told from the content.
 *
 * <pre>{@code
 * LoadRun run = JtlReader.create().read(Path.of("results.jtl"));
 * run.totals().requests();   // as JMeter's HTML dashboard's Total
 * }</pre>
 *
 * <p><b>What is a request.</b> Each sample is one request ({@code label} → request name, {@code responseCode}
 * → status, {@code success} → failed or not, {@code elapsed} → duration, {@code Latency} → time to first byte,
 * {@code Connect} → connect time, {@code allThreads} → VUs, {@code bytes}/{@code sentBytes} → data). A
 * transaction controller's sample ({@code responseMessage} "Number of samples in transaction…") is no request:
 * it goes to {@code group_duration}, as JMeter's HTML dashboard leaves it out of its Total. In CSV every line is
 * a sample — JMeter writes sub-results (redirects, embedded resources, a parent transaction's children) as lines
 * of their own, and its dashboard counts them. In XML sub-results are nested: a top-level sample counts once, its
 * nested sub-results are not counted again (as JMeter's Aggregate Report counts an XML file), except that the
 * children of a transaction's parent sample ({@code generateParentSample}) are the requests themselves.
 *
 * <p>Samples land in the bucket of their {@code timeStamp} (JMeter's sample start by default). A last CSV line
 * cut short, or an XML file that ends inside its elements (JMeter killed), is accepted with a warning in
 * {@link LoadRun#ingest()}; anything else malformed is a {@link LoadParseException} naming file, line and rule,
 * or, {@link Builder#lenient(boolean) lenient}, a skipped and counted line.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class JtlReader {
    /** The columns JMeter 5.6 writes by default ({@code jmeter.save.saveservice.*}), in its order. */
    public static final List<String> DEFAULT_COLUMNS = List.of(
            "timeStamp",
            "elapsed",
            "label",
            "responseCode",
            "responseMessage",
            "threadName",
            "dataType",
            "success",
            "failureMessage",
            "bytes",
            "sentBytes",
            "grpThreads",
            "allThreads",
            "URL",
            "Latency",
            "IdleTime",
            "Connect");

    private static final int SNIFF_BYTES = 8192;

    final Duration bucket;
    final boolean lenient;
    final long shiftMillis;
    final ZoneId zone;
    final @Nullable String timestampFormat;
    final List<String> columns;
    final LongConsumer progress;

    private JtlReader(Builder b) {
        this.bucket = b.bucket;
        this.lenient = b.lenient;
        this.shiftMillis = b.timeShift.toMillis();
        this.zone = b.zone;
        this.timestampFormat = b.timestampFormat;
        this.columns = b.columns;
        this.progress = b.progress;
    }

    /**
     * A reader with the defaults: 1 s buckets, strict (a malformed line fails the read), no time shift, the system
     * time zone for formatted time stamps, {@link #DEFAULT_COLUMNS} for CSV files without a header line.
     *
     * @return the reader
     */
    public static JtlReader create() {
        return builder().build();
    }

    /**
     * A reader with options, e.g. {@code JtlReader.builder().zone(ZoneId.of("Europe/Berlin")).build()}.
     *
     * @return a builder holding the defaults of {@link #create()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The JTL format of a file's first bytes, if it is one: a CSV whose first line is JMeter's header or a
     * headerless sample line, or XML with {@code <testResults>}. Only the first line (for CSV) is looked at; the
     * rest of the file may still be malformed.
     *
     * @param head the first bytes of the file, already inflated if it was gzip; a few kilobytes are enough, a UTF-8
     *     byte order mark is skipped
     * @return {@link LoadFormat#JMETER_CSV} or {@link LoadFormat#JMETER_XML}; empty when the bytes are no JTL
     */
    public static Optional<LoadFormat> detect(byte[] head) {
        String s = text(head);
        String trimmed = s.stripLeading();
        if (trimmed.startsWith("<?xml") || trimmed.startsWith("<testResults")) {
            return s.contains("<testResults") ? Optional.of(LoadFormat.JMETER_XML) : Optional.empty();
        }
        String first = s.lines().findFirst().orElse("");
        if (first.startsWith("timeStamp")) {
            return Optional.of(LoadFormat.JMETER_CSV);
        }
        char d = guessDelimiter(first);
        String[] f = first.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1);
        if (f.length >= 4
                && (f[0].matches("\\d{10,}") || f[0].matches("\\d[\\d/.: T-]{7,}\\d"))
                && f[1].matches("\\d+")
                && Arrays.stream(f).anyMatch(x -> x.equals("true") || x.equals("false"))) {
            return Optional.of(LoadFormat.JMETER_CSV);
        }
        return Optional.empty();
    }

    static String text(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                ? 3
                : 0;
        return new String(head, i, head.length - i, StandardCharsets.UTF_8);
    }

    static char guessDelimiter(String line) {
        char best = ',';
        long most = -1;
        for (char c : new char[] {',', ';', '\t', '|'}) {
            long n = line.chars().filter(x -> x == c).count();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    /**
     * Reads one or more JTL files of one run; see {@link #read(List)}.
     *
     * @param files the files, at least one
     * @return the run, its {@link LoadRun#tool() tool} {@code jmeter}
     * @throws LoadParseException naming the file, the line and the rule when a file is missing, unreadable or not
     *     a valid JTL
     * @throws IllegalArgumentException when no file is given, the {@link Builder#bucket(Duration) bucket} is not
     *     a whole number of milliseconds from 1 ms to 1 day, or the {@link Builder#timestampFormat(String) timestamp
     *     format} is not a valid pattern
     */
    public LoadRun read(Path... files) {
        return read(Arrays.asList(files));
    }

    /**
     * Reads the JTL files of one run; several files (one per load generator) merge, VUs summed.
     *
     * @param files the files, at least one, CSV and XML may be mixed; plain or gzip
     * @return the run: its {@link LoadRun#tool() tool} {@code jmeter}, its id the first file's name without
     *     {@code .jtl}/{@code .csv}/{@code .xml} and {@code .gz}, no summary, and in {@link LoadRun#ingest()} the
     *     lines read, skipped and warned about
     * @throws LoadParseException naming the file, the line and the rule when a file is missing, unreadable or not
     *     a valid JTL, or (not {@link Builder#lenient(boolean) lenient}) holds a malformed line
     * @throws IllegalArgumentException when no file is given, the {@link Builder#bucket(Duration) bucket} is not
     *     a whole number of milliseconds from 1 ms to 1 day, or the {@link Builder#timestampFormat(String) timestamp
     *     format} is not a valid pattern
     */
    public LoadRun read(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one JTL file must be given");
        }
        LoadFiles.Merged merged = LoadFiles.readGenerators(files, bucket, "jmeter", this::readInto);
        String id = files.get(0).getFileName().toString().replaceFirst("\\.(jtl|csv|xml)?(\\.gz)?$", "");
        return new LoadRun("jmeter", id, merged.timeline(), Optional.empty(), merged.report());
    }

    /** Reads one file into {@code builder}; what was read. */
    private IngestReport readInto(Path file, RunTimeline.Builder builder) throws IOException {
        String name = file.toString();
        byte[] head = LoadFiles.head(file, SNIFF_BYTES);
        LoadFormat format = detect(head)
                .orElseThrow(() -> new LoadParseException(
                        name,
                        1,
                        "not a JMeter JTL: expected a CSV header starting 'timeStamp', a CSV sample line"
                                + " (epoch ms or date, elapsed, …, true/false) or XML <testResults>, but the file"
                                + " starts with '" + preview(head) + "'"));
        JtlSink sink = new JtlSink(builder, shiftMillis);
        try (InputStream in = LoadFiles.open(file, progress)) {
            if (format == LoadFormat.JMETER_XML) {
                return new JtlXml(name, sink, lenient).read(in);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            return new JtlCsv(name, sink, this).read(r);
        }
    }

    static String preview(byte[] head) {
        String first = text(head).lines().findFirst().orElse("");
        first = first.replaceAll("\\p{Cntrl}", "?");
        return first.length() > 60 ? first.substring(0, 60) + "…" : first;
    }

    /** Options of a {@link JtlReader}. Not thread-safe; each {@link #build()} takes a copy of the options. */
    public static final class Builder {
        private Duration bucket = RunTimeline.DEFAULT_BUCKET;
        private boolean lenient;
        private Duration timeShift = Duration.ZERO;
        private ZoneId zone = ZoneId.systemDefault();
        private @Nullable String timestampFormat;
        private List<String> columns = DEFAULT_COLUMNS;
        private LongConsumer progress = bytes -> {};

        private Builder() {}

        /**
         * The length of the timeline's buckets, the resolution of every figure over time.
         *
         * @param bucket a whole number of milliseconds from 1 ms to 1 day, checked when reading; default 1 s
         *     ({@link RunTimeline#DEFAULT_BUCKET})
         * @return this builder
         */
        public Builder bucket(Duration bucket) {
            this.bucket = Objects.requireNonNull(bucket, "bucket");
            return this;
        }

        /**
         * Whether a malformed sample is skipped and counted (in {@link LoadRun#ingest()}) instead of failing the
         * read. A last CSV line cut short, or an XML file ending inside its elements, is accepted with a warning
         * either way.
         *
         * @param lenient {@code true} to skip malformed samples; default {@code false}
         * @return this builder
         */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /**
         * Moves every sample in time, e.g. to lay a run recorded on another clock (or replayed later) over the
         * cloud data of the original.
         *
         * @param timeShift added to every sample's time, in whole milliseconds (a finer part is truncated toward
         *     zero), may be negative; default zero
         * @return this builder
         */
        public Builder timeShift(Duration timeShift) {
            this.timeShift = Objects.requireNonNull(timeShift, "timeShift");
            return this;
        }

        /**
         * The time zone of formatted {@code timeStamp}s: JMeter writes a date in the load generator's local time.
         * Epoch-millisecond time stamps need none.
         *
         * @param zone the generator's zone; default the system's ({@link ZoneId#systemDefault()})
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The {@code jmeter.save.saveservice.timestamp_format} of the files (a {@code SimpleDateFormat} pattern
         * such as {@code yyyy/MM/dd HH:mm:ss.SSS}); default: epoch milliseconds, or a common pattern told from the
         * first line.
         *
         * @param pattern the pattern, or {@code null} (the default) to tell epoch milliseconds or a common date
         *     pattern from the first sample
         * @return this builder
         */
        public Builder timestampFormat(@Nullable String pattern) {
            this.timestampFormat = pattern;
            return this;
        }

        /**
         * Columns of CSV files without a header line, in order (the JMeter names, e.g. from the
         * {@code jmeter.save.saveservice.*} settings); default {@link #DEFAULT_COLUMNS}. Files with a header
         * use their header.
         *
         * @param columns JMeter's column names in file order, copied
         * @return this builder
         */
        public Builder columns(List<String> columns) {
            this.columns = List.copyOf(columns);
            return this;
        }

        /**
         * Told how far reading has come, for progress bars.
         *
         * @param progress called, on the reading thread, with the bytes read so far from the current file
         *     (compressed size for gzip); default none
         * @return this builder
         */
        public Builder progress(LongConsumer progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * A reader with these options.
         *
         * @return an immutable, thread-safe reader; later changes to this builder do not reach it
         */
        public JtlReader build() {
            return new JtlReader(this);
        }
    }

    static List<String> list(String... s) {
        return new ArrayList<>(Arrays.asList(s));
    }
}
