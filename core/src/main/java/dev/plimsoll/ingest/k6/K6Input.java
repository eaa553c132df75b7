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
import dev.plimsoll.ingest.internal.LoadFiles;
import dev.plimsoll.internal.JsonErrors;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * One k6 input opened and sniffed: a file or a stream (standard input for {@code -}), gzip inflated when its magic
 * bytes say so (not its name), and its format told from its first bytes. The head that was read to tell the format
 * stays in front of the rest, so a stream is read once.
 */
final class K6Input implements AutoCloseable {
    /** The file name that stands for standard input. */
    static final String STDIN = "-";

    static final int SNIFF_BYTES = 64 * 1024;

    /** Built only when a summary has to be read: NDJSON runs never pay for databind's start-up. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    final String name;
    final K6Format format;
    /** The first bytes (uncompressed), {@code headLength} of them valid; the rest follows in {@link #rest}. */
    final byte[] head;

    final int headLength;
    final InputStream rest;

    private K6Input(String name, K6Format format, byte[] head, int headLength, InputStream rest) {
        this.name = name;
        this.format = format;
        this.head = head;
        this.headLength = headLength;
        this.rest = rest;
    }

    /** Whether {@code file} stands for standard input. */
    static boolean isStdin(Path file) {
        return file.toString().equals(STDIN);
    }

    /** Opens a file, or standard input for {@code -}; closing the input does not close standard input. */
    static K6Input open(Path file, LongConsumer progress) throws IOException {
        if (isStdin(file)) {
            return open(
                    "<stdin>",
                    new FilterInputStream(System.in) {
                        @Override
                        public void close() {
                            // standard input belongs to the process
                        }
                    },
                    progress);
        }
        return open(file.toString(), Files.newInputStream(file), progress);
    }

    /** Reads a stream (closed with this input) named {@code name} in messages. */
    static K6Input open(String name, InputStream raw, LongConsumer progress) throws IOException {
        InputStream in = LoadFiles.open(raw, progress);
        try {
            BufferedInputStream peek = new BufferedInputStream(in, SNIFF_BYTES + 1);
            peek.mark(SNIFF_BYTES + 1);
            byte[] head = new byte[SNIFF_BYTES];
            int n = peek.readNBytes(head, 0, head.length);
            if (hasBareCarriageReturn(head, n)) {
                // lines that end with a bare CR (classic Mac OS, or a tool that rewrote the file): k6 never writes
                // one, and neither JSON nor k6's CSV holds a raw CR inside a value, so each bare CR is a line end
                peek.reset();
                in = new BareCrAsLf(peek);
                n = in.readNBytes(head, 0, head.length);
            } else {
                in = peek;
            }
            return new K6Input(name, sniff(name, head, n), head, n, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The whole input (head and rest) as one stream. */
    InputStream all() {
        return new SequenceInputStream(new ByteArrayInputStream(head, 0, headLength), rest);
    }

    /** The whole input as a JSON tree (summaries: small files). */
    JsonNode tree() throws IOException {
        return Mapper.INSTANCE.readTree(all());
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }

    /** Tells the format from the first bytes; a JSON object that is not NDJSON is taken for a summary. */
    static K6Format sniff(String file, byte[] head, int n) {
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
        if (start.startsWith("metric_name,") || isCsvHeader(start)) {
            return K6Format.CSV;
        }
        if (start.startsWith("{")) {
            int nl = start.indexOf('\n');
            String firstLine = nl < 0 ? start : start.substring(0, nl);
            if (firstLine.matches("(?s).*\"type\"\\s*:\\s*\"(Metric|Point)\".*")) {
                return K6Format.NDJSON;
            }
            return K6Format.SUMMARY_EXPORT; // or handleSummary: told apart once the tree is read
        }
        String preview = start.lines().findFirst().orElse("");
        throw notK6(file, preview);
    }

    /** A header line naming k6's three CSV columns in any order (k6 writes metric_name first; a tool may not). */
    private static boolean isCsvHeader(String start) {
        int end = start.indexOf('\n');
        if (end < 0) {
            return false;
        }
        java.util.List<String> columns =
                java.util.Arrays.asList(start.substring(0, end).strip().split(",", -1));
        return columns.contains("metric_name") && columns.contains("timestamp") && columns.contains("metric_value");
    }

    static K6ParseException notK6(String file, String preview) {
        return new K6ParseException(
                file,
                1,
                "not k6 output: expected NDJSON lines with \"type\":\"Metric\"/\"Point\""
                        + " (--out json), a CSV header starting 'metric_name,' (--out csv), or a summary JSON with 'metrics',"
                        + " but the file starts with '"
                        + (preview.length() > 80 ? preview.substring(0, 80) + "…" : preview)
                        + "'");
    }

    static K6ParseException ioError(String file, IOException e) {
        if (e instanceof JsonParseException jpe) {
            return new K6ParseException(
                    file,
                    jpe.getLocation() == null ? 0 : jpe.getLocation().getLineNr(),
                    "malformed JSON: " + JsonErrors.problem(jpe),
                    e);
        }
        Path path;
        try {
            path = file.equals("<stdin>") ? null : Path.of(file);
        } catch (java.nio.file.InvalidPathException ex) {
            path = null;
        }
        return new K6ParseException(file, 0, LoadFiles.describe(path, e), e);
    }

    /** Whether a CR not followed by LF occurs in the first {@code n} bytes (a CR as the last byte counts). */
    static boolean hasBareCarriageReturn(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] == '\r' && (i + 1 == n || b[i + 1] != '\n')) {
                return i + 1 < n || n < b.length; // a CR cut off at the end of a full head proves nothing
            }
        }
        return false;
    }

    /** Turns each CR that no LF follows into an LF; CRLF stays as it is. */
    static final class BareCrAsLf extends FilterInputStream {
        /** A byte read ahead to decide about a CR, to be returned next; -2 for none. */
        private int held = -2;

        BareCrAsLf(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c;
            if (held != -2) {
                c = held;
                held = -2;
            } else {
                c = in.read();
            }
            if (c == '\r') {
                int next = in.read();
                if (next != '\n') {
                    c = '\n';
                }
                held = next;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            if (held != -2) {
                if (held == -1) {
                    held = -2;
                    return -1;
                }
                b[off] = (byte) held;
                held = -2;
                n = 1;
            }
            if (n < len) {
                int r = in.read(b, off + n, len - n);
                if (r < 0 && n == 0) {
                    return -1;
                }
                n += Math.max(0, r);
            }
            for (int i = off; i < off + n - 1; i++) {
                if (b[i] == '\r' && b[i + 1] != '\n') {
                    b[i] = '\n';
                }
            }
            if (b[off + n - 1] == '\r') {
                int next = in.read();
                if (next != '\n') {
                    b[off + n - 1] = '\n';
                }
                held = next;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && read() >= 0) {
                skipped++;
            }
            return skipped;
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
