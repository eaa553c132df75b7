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
package dev.plimsoll.ingest.gatling;

import dev.plimsoll.ingest.LoadFormat;
import dev.plimsoll.ingest.LoadParseException;
import dev.plimsoll.ingest.internal.LoadFiles;
import dev.plimsoll.internal.Rfc3339;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Reads Gatling's {@code simulation.log} into a {@link LoadRun}: the binary log of Gatling 3.13 and later, and
 * the tab-separated text log of Gatling 3.0 to 3.12; plain or gzip, told from the content.
 *
 * <pre>{@code
 * LoadRun run = GatlingLogReader.create().read(Path.of("target/gatling/mysimulation-20250101/simulation.log"));
 * }</pre>
 *
 * <p>As Gatling's report counts them: each request record is one request (its name → request name, OK/KO →
 * failed or not, end − start → duration); group records are not requests but {@code group_duration}; user
 * start/end records give the active users ({@code vus}). A failed request's error class is its message — Gatling's
 * report groups errors by it — with the variable part of timeouts and connection errors cut off
 * ({@code j.n.ConnectException}, {@code Request timeout}); its status is {@code KO} or, where the message says
 * which HTTP status was found, that status. Requests land in the bucket of their start. Gatling logs no time to
 * first byte, connect time or bytes.
 *
 * <p>A log cut short (Gatling killed) is read up to its last complete record, with a warning in
 * {@link LoadRun#ingest()}. A log of a Gatling version whose format is not known here, or a malformed record, is a
 * {@link LoadParseException} naming the file, the line (for the binary log: the record number) and the rule, or,
 * {@link Builder#lenient(boolean) lenient}, a skipped and counted text line.
 *
 * @since 0.1
 */
public final class GatlingLogReader {
    private static final int SNIFF_BYTES = 4096;
    private static final Pattern FOUND_STATUS = Pattern.compile(".*found (\\d{3})$");

    private final Duration bucket;
    private final boolean lenient;
    private final long shiftMillis;
    private final LongConsumer progress;

    private GatlingLogReader(Builder b) {
        this.bucket = b.bucket;
        this.lenient = b.lenient;
        this.shiftMillis = b.timeShift.toMillis();
        this.progress = b.progress;
    }

    /**
     * A reader with the defaults: 1 s buckets, strict (a malformed record fails the read), no time shift.
     *
     * @return the reader
     */
    public static GatlingLogReader create() {
        return builder().build();
    }

    /**
     * A reader with options, e.g. {@code GatlingLogReader.builder().lenient(true).build()}.
     *
     * @return a builder holding the defaults of {@link #create()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Gatling log format of a file's first bytes, if it is one: a binary log starts with a zero byte and the
     * Gatling version, a text log with a {@code RUN} or {@code ASSERTION} record. Only the start is looked at; the
     * rest of the file may still be malformed or of a Gatling version whose format is not known here.
     *
     * @param head the first bytes of the file, already inflated if it was gzip; a few kilobytes are enough, a UTF-8
     *     byte order mark is skipped
     * @return {@link LoadFormat#GATLING_BINARY} or {@link LoadFormat#GATLING_TEXT}; empty when the bytes are no
     *     Gatling log
     */
    public static Optional<LoadFormat> detect(byte[] head) {
        if (head.length >= 5 && head[0] == 0) {
            int len = ((head[1] & 0xff) << 24) | ((head[2] & 0xff) << 16) | ((head[3] & 0xff) << 8) | (head[4] & 0xff);
            if (len > 0 && len < 64 && head.length >= 5 + len) {
                String v = new String(head, 5, len, StandardCharsets.ISO_8859_1);
                if (v.matches("\\d+\\.\\d+.*")) {
                    return Optional.of(LoadFormat.GATLING_BINARY);
                }
            }
            return Optional.empty();
        }
        String s = new String(head, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1); // a UTF-8 byte order mark, as some editors write
        }
        if (s.startsWith("RUN\t") || s.startsWith("ASSERTION\t")) {
            return Optional.of(LoadFormat.GATLING_TEXT);
        }
        return Optional.empty();
    }

    /**
     * Reads one or more logs of one run; see {@link #read(List)}.
     *
     * @param files the logs, at least one
     * @return the run, its {@link LoadRun#tool() tool} {@code gatling}
     * @throws LoadParseException naming the file, the line or record and the rule when a file is missing,
     *     unreadable, not a known Gatling log, or malformed
     * @throws IllegalArgumentException when no file is given, or the {@link Builder#bucket(Duration) bucket} is not
     *     a whole number of milliseconds from 1 ms to 1 day
     */
    public LoadRun read(Path... files) {
        return read(Arrays.asList(files));
    }

    /**
     * Reads the logs of one run; several logs (one per load generator) merge, active users summed.
     *
     * @param files the logs, at least one, binary and text may be mixed; plain or gzip
     * @return the run: its {@link LoadRun#tool() tool} {@code gatling}, its id the first log's name without
     *     {@code .log} and {@code .gz}, or its directory's name for a {@code simulation.log} (Gatling names the
     *     directory after the simulation and its start); no summary; in {@link LoadRun#ingest()} the lines or
     *     records read, skipped and warned about
     * @throws LoadParseException naming the file, the line (for the binary log: the record number) and the rule
     *     when a file is missing, unreadable, not a known Gatling log, or malformed (a text log only when not
     *     {@link Builder#lenient(boolean) lenient})
     * @throws IllegalArgumentException when no file is given, or the {@link Builder#bucket(Duration) bucket} is not
     *     a whole number of milliseconds from 1 ms to 1 day
     */
    public LoadRun read(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one simulation.log must be given");
        }
        LoadFiles.Merged merged = LoadFiles.readGenerators(files, bucket, "gatling", this::readInto);
        Path f = files.get(0);
        String id = f.getFileName().toString().replaceFirst("(\\.log)?(\\.gz)?$", "");
        if (id.equals("simulation") && f.toAbsolutePath().getParent() != null) {
            Path dir = f.toAbsolutePath().getParent().getFileName();
            id = dir == null ? id : dir.toString();
        }
        return new LoadRun("gatling", id, merged.timeline(), Optional.empty(), merged.report());
    }

    /** Reads one log into {@code builder}; what was read. */
    private IngestReport readInto(Path file, RunTimeline.Builder builder) throws IOException {
        String name = file.toString();
        byte[] head = LoadFiles.head(file, SNIFF_BYTES);
        LoadFormat format = detect(head)
                .orElseThrow(() -> new LoadParseException(
                        name,
                        1,
                        "not a Gatling simulation.log: expected a binary log (Gatling 3.13+) or a text log"
                                + " starting with RUN or ASSERTION (Gatling 3.0–3.12)"));
        Sink sink = new Sink(builder, shiftMillis);
        try (InputStream in = LoadFiles.open(file, progress)) {
            if (format == LoadFormat.GATLING_BINARY) {
                return new Binary(name, sink).read(new DataInputStream(in));
            }
            return new Text(name, sink, lenient)
                    .read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
        }
    }

    /** The error class of a KO message: Gatling's message, without the variable part of well-known ones. */
    static String errorClass(String message) {
        if (message.isBlank()) {
            return "KO";
        }
        if (message.startsWith("Request timeout")) {
            return "Request timeout";
        }
        int colon = message.indexOf(':');
        if (colon > 0 && message.substring(0, colon).matches("[\\w.$]+(Exception|Error)")) {
            return message.substring(0, colon);
        }
        return message.length() > 120 ? message.substring(0, 120) : message;
    }

    /** Whether a 3-digit status is an HTTP client or server error (4xx, 5xx). */
    static boolean isHttpError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    /** Whether an error class means that no response came: a request timeout or an exception. */
    static boolean noResponse(String errorClass) {
        return errorClass.equals("Request timeout") || errorClass.endsWith("Exception") || errorClass.endsWith("Error");
    }

    /** Records Gatling's events into a timeline under the neutral names. */
    static final class Sink {
        final RunTimeline.Builder builder;
        final long shiftMillis;
        long requests;
        long groups;
        long errors;
        long samples;
        int activeUsers;

        Sink(RunTimeline.Builder builder, long shiftMillis) {
            this.builder = builder;
            this.shiftMillis = shiftMillis;
        }

        void user(boolean start, long timestamp) {
            long t = nanos(timestamp);
            builder.admit(t);
            activeUsers += start ? 1 : -1;
            builder.record(LoadMetrics.VUS, t, Math.max(0, activeUsers), null, null, null);
            if (!start) {
                builder.record(LoadMetrics.ITERATIONS, t, 1, null, null, null);
            }
            samples++;
        }

        /**
         * One request. Gatling logs no HTTP status, only OK/KO and, for KO, a message: the status is known
         * where the message names it ({@code status.find.in(…), found 500}), {@code 0} where no response came
         * (a timeout or an exception), and unknown (null) otherwise, OK requests included. The error class says
         * why a KO failed where an HTTP error status does not.
         */
        void request(String name, long start, long end, boolean ok, String message) {
            long t = nanos(start);
            long duration = duration(start, end);
            builder.admit(t); // checked before anything is recorded: a refused request leaves no trace
            String status = null;
            String errorClass = null;
            if (!ok) {
                var m = FOUND_STATUS.matcher(message);
                if (m.matches()) {
                    status = m.group(1);
                    errorClass = isHttpError(status) ? null : errorClass(message);
                } else {
                    errorClass = errorClass(message);
                    status = noResponse(errorClass) ? "0" : null;
                }
            }
            builder.record(LoadMetrics.REQUESTS, t, 1, name, status, errorClass);
            builder.record(LoadMetrics.REQUEST_FAILED, t, ok ? 0 : 1, name, status, errorClass);
            builder.record(LoadMetrics.REQUEST_DURATION, t, duration, name, status, errorClass);
            requests++;
            samples++;
        }

        void group(long start, long end) {
            builder.record(LoadMetrics.GROUP_DURATION, nanos(start), duration(start, end), null, null, null);
            groups++;
            samples++;
        }

        private long nanos(long epochMillis) {
            return Rfc3339.millisToNanos(epochMillis, shiftMillis);
        }

        private static long duration(long start, long end) {
            if (end < start) {
                throw new IllegalArgumentException(
                        "a request or group must end after it starts, but ends " + (start - end) + " ms before");
            }
            return end - start;
        }
    }

    /** Gatling 3.13+: a run record, then user, request, group and error records; strings cached by index. */
    static final class Binary {
        private static final byte RUN = 0;
        private static final byte REQUEST = 1;
        private static final byte USER = 2;
        private static final byte GROUP = 3;
        private static final byte ERROR = 4;

        private final String file;
        private final Sink sink;
        private final Map<Integer, String> cache = new HashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private byte[] bytes = new byte[256];
        private long record;

        Binary(String file, Sink sink) {
            this.file = file;
            this.sink = sink;
        }

        IngestReport read(DataInputStream in) throws IOException {
            record = 1;
            long runStart;
            try {
                if (in.readByte() != RUN) {
                    throw new LoadParseException(file, 1, "a binary simulation.log must start with its run record");
                }
                String version = string(in);
                if (!knownVersion(version)) {
                    throw new LoadParseException(
                            file,
                            1,
                            "written by Gatling " + version + ", whose binary log format is not known here"
                                    + " (known: 3.13 to 3.15; older versions write a text log)");
                }
                string(in); // simulation class
                runStart = in.readLong();
                string(in); // description
                int scenarios = count(in, "scenarios");
                for (int i = 0; i < scenarios; i++) {
                    string(in);
                }
                int assertions = count(in, "assertions");
                for (int i = 0; i < assertions; i++) {
                    in.skipNBytes(count(in, "assertion bytes"));
                }
            } catch (EOFException e) {
                throw new LoadParseException(file, 1, "the run record is cut short: not a complete simulation.log", e);
            }
            while (true) {
                int header = in.read();
                if (header < 0) {
                    break;
                }
                record++;
                try {
                    switch (header) {
                        case USER -> {
                            in.readInt(); // scenario index
                            boolean start = in.readBoolean();
                            sink.user(start, runStart + in.readInt());
                        }
                        case REQUEST -> {
                            groups(in);
                            String name = cached(in);
                            long start = runStart + in.readInt();
                            long end = runStart + in.readInt();
                            boolean ok = in.readBoolean();
                            sink.request(name, start, end, ok, cached(in));
                        }
                        case GROUP -> {
                            groups(in);
                            long start = runStart + in.readInt();
                            long end = runStart + in.readInt();
                            in.readInt(); // cumulated response time
                            in.readBoolean();
                            sink.group(start, end);
                        }
                        case ERROR -> {
                            cached(in);
                            in.readInt();
                            sink.errors++;
                        }
                        default ->
                            throw new LoadParseException(
                                    file,
                                    record,
                                    "unknown record type " + header
                                            + " (expected 1 request, 2 user, 3 group or 4 error): the log is corrupt"
                                            + " or of an unknown Gatling version");
                    }
                } catch (IllegalArgumentException e) {
                    throw new LoadParseException(file, record, String.valueOf(e.getMessage()), e);
                } catch (EOFException e) {
                    warnings.add(file + ": record " + record + " is cut short (Gatling killed?): the " + (record - 2)
                            + " complete records before it were read");
                    break;
                }
            }
            if (sink.errors > 0) {
                warnings.add(
                        file + ": " + sink.errors + " error records (Gatling's crashed-action errors, not requests)");
            }
            return new IngestReport(List.of(file), record, sink.samples, 0, warnings);
        }

        static boolean knownVersion(String version) {
            return version.matches("3\\.1[345](\\..*)?");
        }

        private int count(DataInputStream in, String what) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > 10_000_000) {
                throw new LoadParseException(file, record, "implausible count of " + what + ": " + n);
            }
            return n;
        }

        private void groups(DataInputStream in) throws IOException {
            int n = count(in, "groups");
            for (int i = 0; i < n; i++) {
                cached(in);
            }
        }

        private String cached(DataInputStream in) throws IOException {
            int index = in.readInt();
            if (index >= 0) {
                String s = string(in);
                cache.put(index, s);
                return s;
            }
            String s = cache.get(-index);
            if (s == null) {
                throw new LoadParseException(
                        file, record, "refers to string #" + -index + ", which the log never defined: corrupt log");
            }
            return s;
        }

        /** Java's internal string layout: length, bytes, coder (0 Latin-1, 1 UTF-16). */
        private String string(DataInputStream in) throws IOException {
            int len = in.readInt();
            if (len == 0) {
                return "";
            }
            if (len < 0 || len > 1 << 24) {
                throw new LoadParseException(file, record, "implausible string length " + len + ": corrupt log");
            }
            if (bytes.length < len) {
                bytes = new byte[Math.max(len, bytes.length * 2)];
            }
            in.readFully(bytes, 0, len);
            byte coder = in.readByte();
            String s = coder == 0
                    ? new String(bytes, 0, len, StandardCharsets.ISO_8859_1)
                    : new String(bytes, 0, len, StandardCharsets.UTF_16LE);
            return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        }
    }

    /** Gatling 3.0–3.12: tab-separated lines RUN, USER, REQUEST, GROUP, ERROR, ASSERTION. */
    static final class Text {
        private final String file;
        private final Sink sink;
        private final boolean lenient;
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, String> names = new HashMap<>();
        private long skipped;

        Text(String file, Sink sink, boolean lenient) {
            this.file = file;
            this.sink = sink;
            this.lenient = lenient;
        }

        IngestReport read(BufferedReader in) throws IOException {
            long line = 0;
            boolean legacy = false; // 3.0–3.3: REQUEST and USER carry a user id
            String l = in.readLine();
            String next;
            if (l != null && l.startsWith("\uFEFF")) {
                l = l.substring(1);
            }
            for (; l != null; l = next) {
                next = in.readLine();
                line++;
                if (l.isEmpty()) {
                    continue;
                }
                String[] f = l.split("\t", -1);
                try {
                    switch (f[0]) {
                        case "RUN" -> {
                            expect(f, line, 6, 6);
                            String version = f[5].trim();
                            if (!version.matches("3\\.(\\d|1[0-2])(\\..*)?")) {
                                throw new LoadParseException(
                                        file,
                                        line,
                                        "written by Gatling " + version + ", whose text log format is not known here"
                                                + " (known: 3.0 to 3.12; 3.13+ write a binary log)");
                            }
                            legacy = version.matches("3\\.[0-3](\\..*)?");
                        }
                        case "USER" -> {
                            if (legacy) {
                                expect(f, line, 6, 6); // USER scenario userId START|END start end
                                boolean start = f[3].equals("START");
                                sink.user(start, time(f[start ? 4 : 5], line));
                            } else {
                                expect(f, line, 4, 4);
                                sink.user(status(f[2], "START", "END", line), time(f[3], line));
                            }
                        }
                        case "REQUEST" -> {
                            int o = legacy ? 1 : 0;
                            expect(f, line, 7 + o, 7 + o);
                            String name = names.computeIfAbsent(f[2 + o], k -> k);
                            sink.request(
                                    name,
                                    time(f[3 + o], line),
                                    time(f[4 + o], line),
                                    status(f[5 + o], "OK", "KO", line),
                                    f[6 + o].trim());
                        }
                        case "GROUP" -> {
                            int o = legacy ? 1 : 0;
                            expect(f, line, 6 + o, 6 + o);
                            sink.group(time(f[2 + o], line), time(f[3 + o], line));
                        }
                        case "ERROR" -> sink.errors++;
                        case "ASSERTION" -> {
                            // an assertion of the simulation, not a sample
                        }
                        default ->
                            throw new LoadParseException(
                                    file,
                                    line,
                                    "unknown record type '" + cut(f[0])
                                            + "' (expected RUN, USER, REQUEST, GROUP, ERROR or ASSERTION)");
                    }
                } catch (LoadParseException | IllegalArgumentException problem) {
                    LoadParseException e = problem instanceof LoadParseException lpe
                            ? lpe
                            : new LoadParseException(file, line, String.valueOf(problem.getMessage()), problem);
                    if (next == null && !l.isEmpty()) {
                        warnings.add(file + ":" + line + ": last line is cut short (Gatling killed?): ignored");
                        break;
                    }
                    if (!lenient || f[0].equals("RUN")) {
                        throw e;
                    }
                    skipped++;
                    if (warnings.size() < 20) {
                        warnings.add("skipped " + e.getMessage());
                    }
                }
            }
            if (sink.errors > 0) {
                warnings.add(
                        file + ": " + sink.errors + " error records (Gatling's crashed-action errors, not requests)");
            }
            return new IngestReport(List.of(file), line, sink.samples, skipped, warnings);
        }

        private void expect(String[] f, long line, int min, int max) {
            if (f.length < min || f.length > max) {
                throw new LoadParseException(
                        file,
                        line,
                        f[0] + " record must have " + min + " tab-separated fields, but has " + f.length
                                + " (a log of an unknown Gatling version?)");
            }
        }

        private boolean status(String v, String yes, String no, long line) {
            if (v.equals(yes)) {
                return true;
            }
            if (v.equals(no)) {
                return false;
            }
            throw new LoadParseException(file, line, "expected " + yes + " or " + no + ", but was '" + cut(v) + "'");
        }

        private long time(String v, long line) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new LoadParseException(file, line, "expected epoch milliseconds, but was '" + cut(v) + "'");
            }
        }

        private static String cut(String v) {
            return v.length() > 40 ? v.substring(0, 40) + "…" : v;
        }
    }

    /** Options of a {@link GatlingLogReader}. */
    public static final class Builder {
        private Duration bucket = RunTimeline.DEFAULT_BUCKET;
        private boolean lenient;
        private Duration timeShift = Duration.ZERO;
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
         * Whether a malformed line of a text log is skipped and counted (in {@link LoadRun#ingest()}) instead of
         * failing the read. A malformed binary log fails either way; a log cut short is read up to its last
         * complete record, with a warning, either way.
         *
         * @param lenient {@code true} to skip malformed text-log lines; default {@code false}
         * @return this builder
         */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /**
         * Moves every event in time, e.g. to lay a run recorded on another clock (or replayed later) over the cloud
         * data of the original.
         *
         * @param timeShift added to every event's time, in whole milliseconds (a finer part is truncated toward
         *     zero), may be negative; default zero
         * @return this builder
         */
        public Builder timeShift(Duration timeShift) {
            this.timeShift = Objects.requireNonNull(timeShift, "timeShift");
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
        public GatlingLogReader build() {
            return new GatlingLogReader(this);
        }
    }
}
