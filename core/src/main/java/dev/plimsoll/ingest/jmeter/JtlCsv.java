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

import dev.plimsoll.ingest.LoadParseException;
import dev.plimsoll.internal.StringPool;
import dev.plimsoll.run.IngestReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One CSV JTL file: a line (or, with quoted line breaks, several) per sample. */
final class JtlCsv {
    private static final List<String> DATE_PATTERNS = List.of(
            "yyyy/MM/dd HH:mm:ss.SSS",
            "yyyy/MM/dd HH:mm:ss",
            "yyyy-MM-dd HH:mm:ss.SSS",
            "yyyy-MM-dd HH:mm:ss,SSS",
            "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
            "yyyy-MM-dd'T'HH:mm:ss.SSS",
            "MM/dd/yyyy HH:mm:ss.SSS",
            "MM/dd/yyyy HH:mm:ss",
            "dd.MM.yyyy HH:mm:ss.SSS",
            "dd.MM.yyyy HH:mm:ss");

    private final String file;
    private final JtlSink sink;
    private final JtlReader options;
    private final StringPool pool = new StringPool();
    private final List<String> warnings = new ArrayList<>();
    private char delimiter;
    private @Nullable DateTimeFormatter dates;
    private long line; // last physical line read
    private long recordLine; // first line of the current record
    private long skipped;

    private char[] buf = new char[512];
    private int[] fs = new int[32];
    private int[] fe = new int[32];
    private int nf;

    // column indices, -1 when absent
    private int cTime = -1;
    private int cElapsed = -1;
    private int cLabel = -1;
    private int cCode = -1;
    private int cMessage = -1;
    private int cSuccess = -1;
    private int cBytes = -1;
    private int cSent = -1;
    private int cAll = -1;
    private int cLatency = -1;
    private int cConnect = -1;
    private int cSampleCount = -1;
    private int cErrorCount = -1;
    private int columnCount;
    private List<String> columnNames = List.of();

    JtlCsv(String file, JtlSink sink, JtlReader options) {
        this.file = file;
        this.sink = sink;
        this.options = options;
        if (options.timestampFormat != null) {
            this.dates = formatter(options.timestampFormat);
        }
    }

    IngestReport read(BufferedReader in) throws IOException {
        String first = nextRecord(in);
        if (first == null) {
            throw new LoadParseException(file, 0, "file is empty: expected a JMeter JTL");
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        boolean header = first.startsWith("timeStamp");
        if (header) {
            delimiter = first.length() > 9 ? first.charAt(9) : ',';
            split(first);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < nf; i++) {
                names.add(new String(buf, fs[i], fe[i] - fs[i]));
            }
            columns(names, true);
        } else {
            delimiter = JtlReader.guessDelimiter(first);
            columns(options.columns, false);
        }
        String rec = header ? nextRecord(in) : first;
        long recLine = recordLine;
        while (rec != null) {
            String nextRec = nextRecord(in);
            long nextLine = recordLine;
            recordLine = recLine;
            boolean last = nextRec == null;
            try {
                sample(rec, last, header);
            } catch (LoadParseException | IllegalArgumentException problem) {
                LoadParseException e = problem instanceof LoadParseException lpe
                        ? lpe
                        : new LoadParseException(file, recordLine, String.valueOf(problem.getMessage()), problem);
                if (!options.lenient) {
                    throw e;
                }
                skipped++;
                if (warnings.size() < 20) {
                    warnings.add("skipped " + e.getMessage());
                }
            }
            rec = nextRec;
            recLine = nextLine;
        }
        if (skipped > 20) {
            warnings.add(file + ": " + skipped + " malformed lines skipped in all");
        }
        return new IngestReport(List.of(file), line, sink.samples, skipped, warnings);
    }

    private void columns(List<String> names, boolean fromHeader) {
        columnNames = names;
        columnCount = names.size();
        for (int i = 0; i < names.size(); i++) {
            switch (names.get(i)) {
                case "timeStamp" -> cTime = i;
                case "elapsed" -> cElapsed = i;
                case "label" -> cLabel = i;
                case "responseCode" -> cCode = i;
                case "responseMessage" -> cMessage = i;
                case "success" -> cSuccess = i;
                case "bytes" -> cBytes = i;
                case "sentBytes" -> cSent = i;
                case "allThreads" -> cAll = i;
                case "Latency" -> cLatency = i;
                case "Connect" -> cConnect = i;
                case "SampleCount" -> cSampleCount = i;
                case "ErrorCount" -> cErrorCount = i;
                default -> {
                    // other columns (threadName, URL, …) are not needed
                }
            }
        }
        List<String> missing = new ArrayList<>();
        if (cTime < 0) {
            missing.add("timeStamp");
        }
        if (cElapsed < 0) {
            missing.add("elapsed");
        }
        if (cLabel < 0) {
            missing.add("label");
        }
        if (cSuccess < 0) {
            missing.add("success");
        }
        if (!missing.isEmpty()) {
            throw new LoadParseException(
                    file,
                    fromHeader ? 1 : 0,
                    (fromHeader ? "the header" : "the configured columns") + " lack " + String.join(", ", missing)
                            + ": a JTL needs timeStamp, elapsed, label and success (jmeter.save.saveservice.time,"
                            + " .label, .successful)");
        }
    }

    private void sample(String rec, boolean last, boolean header) {
        split(rec);
        if (nf == 1 && fe[0] == fs[0]) {
            return; // blank line
        }
        if (nf != columnCount) {
            if (last && nf < columnCount) {
                warnings.add(file + ":" + recordLine + ": last line is cut short (" + nf + " of " + columnCount
                        + " fields): ignored; was JMeter killed or still writing?");
                return;
            }
            throw new LoadParseException(
                    file,
                    recordLine,
                    "expected " + columnCount + " fields separated by '" + printable(delimiter) + "' but found " + nf
                            + (header
                                    ? " (the header has " + columnCount + ")"
                                    : "; without a header line the columns must be JMeter's default ones ("
                                            + String.join(",", columnNames)
                                            + ") or given with JtlReader.Builder.columns / --jmeter-columns"));
        }
        long ts = timestamp(cTime);
        long elapsed = number(cElapsed, "elapsed");
        String label = string(cLabel);
        String code = cCode >= 0 ? string(cCode) : "";
        boolean success = bool(cSuccess);
        if (cMessage >= 0 && startsWithController(cMessage)) {
            sink.transaction(ts, elapsed);
            return;
        }
        sink.request(
                ts,
                elapsed,
                label,
                code,
                success,
                optional(cLatency, "Latency"),
                optional(cConnect, "Connect"),
                optional(cBytes, "bytes"),
                optional(cSent, "sentBytes"),
                optional(cAll, "allThreads"),
                cSampleCount >= 0 ? JtlSink.count(number(cSampleCount, "SampleCount")) : 1,
                cErrorCount >= 0 ? JtlSink.count(number(cErrorCount, "ErrorCount")) : 0);
    }

    private boolean startsWithController(int c) {
        int len = fe[c] - fs[c];
        String p = JtlSink.CONTROLLER_PREFIX;
        if (len < p.length()) {
            return false;
        }
        for (int i = 0; i < p.length(); i++) {
            if (buf[fs[c] + i] != p.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String string(int c) {
        return pool.intern(buf, fs[c], fe[c] - fs[c]);
    }

    private long optional(int c, String column) {
        if (c < 0 || fe[c] == fs[c]) {
            return -1;
        }
        return number(c, column);
    }

    private long number(int c, String column) {
        long v = 0;
        int s = fs[c];
        int e = fe[c];
        boolean negative = s < e && buf[s] == '-';
        if (negative) {
            s++;
        }
        if (s == e || e - s > 18) {
            throw fieldError(c, column, "an integer");
        }
        for (int i = s; i < e; i++) {
            char ch = buf[i];
            if (ch < '0' || ch > '9') {
                throw fieldError(c, column, "an integer");
            }
            v = v * 10 + (ch - '0');
        }
        return negative ? -v : v;
    }

    private boolean bool(int c) {
        int len = fe[c] - fs[c];
        if (len == 4 && buf[fs[c]] == 't' && buf[fs[c] + 1] == 'r' && buf[fs[c] + 2] == 'u' && buf[fs[c] + 3] == 'e') {
            return true;
        }
        String v = new String(buf, fs[c], len);
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw fieldError(c, "success", "true or false");
    }

    private long timestamp(int c) {
        int s = fs[c];
        int e = fe[c];
        boolean digits = e > s && e - s <= 18;
        for (int i = s; i < e && digits; i++) {
            digits = buf[i] >= '0' && buf[i] <= '9';
        }
        if (digits && dates == null) {
            return number(c, "timeStamp");
        }
        String v = new String(buf, s, e - s);
        if (dates == null) {
            dates = DATE_PATTERNS.stream()
                    .map(JtlCsv::formatter)
                    .filter(f -> parses(f, v))
                    .findFirst()
                    .orElseThrow(
                            () -> fieldError(
                                    c,
                                    "timeStamp",
                                    "epoch milliseconds or a date in a known format (give the"
                                            + " jmeter.save.saveservice.timestamp_format with JtlReader.Builder.timestampFormat)"));
        }
        try {
            TemporalAccessor t = dates.parse(v);
            if (t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
                return ZonedDateTime.from(t).toInstant().toEpochMilli();
            }
            return LocalDateTime.from(t).atZone(options.zone).toInstant().toEpochMilli();
        } catch (java.time.DateTimeException ex) {
            throw fieldError(c, "timeStamp", "a date in format " + dates);
        }
    }

    private static boolean parses(DateTimeFormatter f, String v) {
        try {
            LocalDateTime.from(f.parse(v));
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static DateTimeFormatter formatter(String simpleDateFormatPattern) {
        return DateTimeFormatter.ofPattern(simpleDateFormatPattern, Locale.ROOT);
    }

    private LoadParseException fieldError(int c, String column, String expected) {
        String v = new String(buf, fs[c], fe[c] - fs[c]);
        if (v.length() > 40) {
            v = v.substring(0, 40) + "…";
        }
        return new LoadParseException(
                file,
                recordLine,
                "field " + (c + 1) + " (" + column + ") must be " + expected + ", but was '" + v + "'"
                        + (cTime == 0 && columnNames == options.columns
                                ? " (without a header line the columns must be in the configured order)"
                                : ""));
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }

    /** The next record: a physical line, joined with the next ones while a quoted field is open. */
    private @Nullable String nextRecord(BufferedReader in) throws IOException {
        String l = in.readLine();
        if (l == null) {
            return null;
        }
        line++;
        recordLine = line;
        if (l.indexOf('"') < 0) {
            return l;
        }
        StringBuilder sb = null;
        int quotes = count(l);
        while ((quotes & 1) == 1) {
            String more = in.readLine();
            if (more == null) {
                break; // an open quote at the end of the file: the split reports it as cut short
            }
            line++;
            if (sb == null) {
                sb = new StringBuilder(l);
            }
            sb.append('\n').append(more);
            quotes += count(more);
        }
        return sb == null ? l : sb.toString();
    }

    private static int count(String s) {
        int n = 0;
        for (int i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) {
            n++;
        }
        return n;
    }

    /** Splits a record into {@link #buf} with quotes removed; field i is {@code buf[fs[i], fe[i])}. */
    private void split(String rec) {
        int n = rec.length();
        if (buf.length < n) {
            buf = new char[Math.max(n, buf.length * 2)];
        }
        int w = 0;
        int i = 0;
        nf = 0;
        char d = delimiter;
        while (true) {
            if (nf == fs.length) {
                fs = Arrays.copyOf(fs, nf * 2);
                fe = Arrays.copyOf(fe, nf * 2);
            }
            fs[nf] = w;
            if (i < n && rec.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = rec.charAt(i++);
                    if (c == '"') {
                        if (i < n && rec.charAt(i) == '"') {
                            buf[w++] = '"';
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        buf[w++] = c;
                    }
                }
            }
            char c;
            while (i < n && (c = rec.charAt(i)) != d) {
                buf[w++] = c;
                i++;
            }
            fe[nf++] = w;
            if (i >= n) {
                return;
            }
            i++;
        }
    }
}
