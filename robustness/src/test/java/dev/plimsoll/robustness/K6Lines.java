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
package dev.plimsoll.robustness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An oracle for k6 result files, independent of Plimsoll's readers: each line of the damaged file judged on its own by
 * k6's documented format (a Point: {@code type}, {@code metric}, {@code data.time} RFC 3339, {@code data.value} a finite
 * number; CSV: a row as wide as the header, unix or RFC 3339 time, a finite value), then what a successful read must
 * have found: the request total (the sum of the valid {@code http_reqs} values) and a run window holding every valid
 * point's time. An error must name a line that the damage changed.
 */
final class K6Lines {
    /** The times a nanosecond {@code long} can hold: a point outside can only be refused, never read. */
    static final Instant EARLIEST = Instant.ofEpochSecond(0, Long.MIN_VALUE);

    static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private static final Pattern RFC3339 = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?([Zz]|[+-]\\d{2}:\\d{2})");
    /** Marks a line that is not valid UTF-8 (no valid line starts with a NUL). */
    private static final String MALFORMED = "\u0000";

    private static final Pattern LINE_NUMBER = Pattern.compile("(?::|line )(\\d+)\\b");
    private static final Set<String> NON_NEGATIVE = Set.of(
            "http_reqs",
            "iterations",
            "data_sent",
            "data_received",
            "dropped_iterations",
            "http_req_duration",
            "http_req_waiting",
            "http_req_blocked",
            "http_req_connecting",
            "http_req_tls_handshaking",
            "http_req_sending",
            "http_req_receiving",
            "iteration_duration",
            "group_duration");

    private K6Lines() {}

    /** One line of the damaged file as the oracle sees it. */
    record Line(
            int number,
            boolean novel,
            boolean valid,
            String metric,
            double value,
            Instant time,
            boolean cut,
            boolean ambiguous) {
        Line(int number, boolean novel, boolean valid, String metric, double value, Instant time, boolean cut) {
            this(number, novel, valid, metric, value, time, cut, false);
        }

        Line ambiguously() {
            return new Line(number, novel, valid, metric, value, time, cut, true);
        }
    }

    /** The lines of an NDJSON file: novel where no seed line is the same. */
    static List<Line> ndjson(byte[] seed, byte[] damaged) {
        Set<String> original = new HashSet<>(rawLines(seed));
        List<String> lines = rawLines(damaged);
        boolean terminated =
                damaged.length > 0 && (damaged[damaged.length - 1] == '\n' || damaged[damaged.length - 1] == '\r');
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean cut = i == lines.size() - 1 && !terminated;
            if (l.startsWith(MALFORMED)) {
                // invalid UTF-8: JSON parsers differ on what they let through (overlong forms, surrogates), so such a
                // line may be read or refused; judged on its text with the bad bytes replaced
                Line judged = point(i + 1, true, l.substring(MALFORMED.length()), cut);
                out.add(judged.valid() ? judged.ambiguously() : judged);
            } else {
                out.add(point(i + 1, !original.contains(l), l, cut));
            }
        }
        return out;
    }

    /**
     * The raw lines, split at {@code '\n'} or a bare CR (k6 writes LF; a CR that no LF follows ends a line too, as it
     * did on classic Mac OS), a final line end giving no empty line; bytes decoded strictly.
     */
    private static List<String> rawLines(byte[] raw) {
        byte[] b = raw.clone();
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n')) {
                b[i] = '\n';
            }
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i == b.length || b[i] == '\n') {
                if (i < b.length || start < b.length) {
                    out.add(decode(b, start, i - start));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** Strict UTF-8; a line that is not is marked with a NUL (which no valid line holds) so that it judges invalid. */
    private static String decode(byte[] b, int off, int len) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b, off, len))
                    .toString();
        } catch (CharacterCodingException e) {
            return MALFORMED + new String(b, off, len, StandardCharsets.UTF_8);
        }
    }

    private static Line point(int n, boolean novel, String text, boolean cut) {
        Line invalid = new Line(n, novel, false, null, 0, null, cut);
        if (text.isBlank()) {
            return new Line(n, novel, true, null, 0, null, cut);
        }
        if (text.indexOf('\u0000') >= 0) {
            return invalid;
        }
        JsonNode root;
        try (JsonParser p = Mutations.JSON.createParser(text)) {
            root = p.readValueAsTree();
            if (p.nextToken() != null) {
                return invalid;
            }
        } catch (Exception e) {
            return invalid;
        }
        if (root == null || !root.isObject()) {
            return invalid;
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            return invalid;
        }
        JsonNode data = root.get("data");
        if (data != null && !data.isObject()) {
            return invalid;
        }
        if (type.asText().equals("Metric")) {
            return new Line(n, novel, true, null, 0, null, cut);
        }
        if (!type.asText().equals("Point") || data == null) {
            return invalid;
        }
        JsonNode metric = root.get("metric");
        JsonNode time = data.get("time");
        JsonNode value = data.get("value");
        JsonNode tags = data.get("tags");
        if (metric == null || !metric.isTextual() || time == null || !time.isTextual() || value == null) {
            return invalid;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            return invalid;
        }
        if (tags != null && !tags.isNull() && !tags.isObject()) {
            return invalid;
        }
        if (tags != null && tags.isObject()) {
            for (String t : List.of("name", "status", "error_code")) {
                JsonNode v = tags.get(t);
                if (v != null && !v.isTextual() && !v.isNull()) {
                    return invalid;
                }
            }
        }
        for (String t : List.of("name", "type", "contains")) {
            JsonNode v = data.get(t);
            if (v != null && !v.isTextual() && !v.isNull()) {
                return invalid;
            }
        }
        Instant at = rfc3339(time.asText());
        if (at == null) {
            return invalid;
        }
        double v = value.asDouble();
        if (v < 0 && NON_NEGATIVE.contains(metric.asText())) {
            return invalid;
        }
        return new Line(n, novel, true, metric.asText(), v, at, cut);
    }

    /** RFC 3339 (also {@code t}/space separators, lower-case {@code z}, a leap second), or null. */
    static Instant rfc3339(String s) {
        Matcher m = RFC3339.matcher(s);
        Instant t = null;
        if (m.matches()) {
            try {
                String frac = m.group(7) == null ? "" : m.group(7);
                int nanos = frac.isEmpty() ? 0 : Integer.parseInt((frac + "000000000").substring(0, 9));
                int second = Math.min(59, Integer.parseInt(m.group(6)));
                String z = m.group(8);
                ZoneOffset offset = z.equalsIgnoreCase("z") ? ZoneOffset.UTC : ZoneOffset.of(z);
                t = OffsetDateTime.of(
                                Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)),
                                Integer.parseInt(m.group(4)),
                                Integer.parseInt(m.group(5)),
                                second,
                                nanos,
                                offset)
                        .toInstant();
            } catch (RuntimeException e) {
                return null;
            }
        } else {
            try {
                t = OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return t.isBefore(EARLIEST) || t.isAfter(LATEST) ? null : t;
    }

    /**
     * The CSV rows: novel where no seed row is the same; null when the header itself was damaged (then the columns
     * are anyone's guess and only the contract is checked).
     */
    static List<Line> csv(byte[] seed, byte[] damaged) {
        List<String> seedLines = rawLines(seed);
        List<String> lines = rawLines(damaged);
        if (lines.isEmpty() || !lines.get(0).replaceFirst("\r$", "").equals(seedLines.get(0))) {
            return null;
        }
        List<String> header = fields(seedLines.get(0));
        Set<String> original = new HashSet<>(seedLines);
        boolean terminated =
                damaged.length > 0 && (damaged[damaged.length - 1] == '\n' || damaged[damaged.length - 1] == '\r');
        List<Line> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean cut = i == lines.size() - 1 && !terminated;
            if (l.startsWith(MALFORMED)) {
                Line judged = row(i + 1, true, l.substring(MALFORMED.length()), header, cut);
                out.add(judged.valid() ? judged.ambiguously() : judged);
            } else {
                out.add(row(i + 1, !original.contains(l), l, header, cut));
            }
        }
        return out;
    }

    private static Line row(int n, boolean novel, String text, List<String> header, boolean cut) {
        Line invalid = new Line(n, novel, false, null, 0, null, cut);
        if (text.isEmpty()) {
            return new Line(n, novel, true, null, 0, null, cut);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1); // CRLF: the reader drops the CR before the LF
        }
        if (text.indexOf('\u0000') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0) {
            return invalid; // the seed quotes nothing: a quote or a CR is damage whose reading the oracle leaves open
        }
        List<String> f = fields(text);
        if (f.size() != header.size()) {
            return invalid;
        }
        String metric = f.get(header.indexOf("metric_name"));
        if (metric.isEmpty()) {
            return invalid;
        }
        Instant at = unixOrRfc3339(f.get(header.indexOf("timestamp")));
        if (at == null) {
            return invalid;
        }
        double v;
        try {
            v = Double.parseDouble(f.get(header.indexOf("metric_value")));
        } catch (NumberFormatException e) {
            return invalid;
        }
        if (!Double.isFinite(v) || (v < 0 && NON_NEGATIVE.contains(metric))) {
            return invalid;
        }
        return new Line(n, novel, true, metric, v, at, cut);
    }

    /** k6 CSV timestamps: integer unix time whose digits tell the unit, a decimal of seconds, or RFC 3339. */
    static Instant unixOrRfc3339(String s) {
        if (s.matches("-?\\d{1,18}")) {
            long v = Long.parseLong(s);
            int digits = s.replace("-", "").length();
            java.math.BigInteger nanos = java.math.BigInteger.valueOf(v)
                    .multiply(java.math.BigInteger.TEN.pow(digits <= 10 ? 9 : digits <= 13 ? 6 : digits <= 16 ? 3 : 0));
            if (nanos.bitLength() > 63) {
                return null;
            }
            return Instant.ofEpochSecond(0, nanos.longValueExact());
        }
        if (s.matches("-?\\d+\\.\\d+")) {
            java.math.BigDecimal d = new java.math.BigDecimal(s).movePointRight(9);
            java.math.BigInteger nanos =
                    d.setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger();
            return nanos.bitLength() > 63 ? null : Instant.ofEpochSecond(0, nanos.longValueExact());
        }
        if (s.indexOf('-', 1) > 0 || s.indexOf('T') > 0) {
            return rfc3339(s);
        }
        return null;
    }

    private static List<String> fields(String line) {
        return List.of(line.split(",", -1));
    }

    /**
     * The oracle: a result holds every valid line's requests and times; an error names a damaged line. With
     * {@code lines} null (the header was damaged) only the contract applies.
     */
    static Case.Oracle oracle(List<Line> lines) {
        return o -> {
            if (lines == null) {
                return;
            }
            TreeSet<Integer> novel = new TreeSet<>();
            double requests = 0;
            double ambiguous = 0;
            for (Line l : lines) {
                if (l.novel()) {
                    novel.add(l.number());
                }
                if (l.valid() && "http_reqs".equals(l.metric())) {
                    if (l.ambiguous()) {
                        ambiguous += l.value();
                    } else {
                        requests += l.value();
                    }
                }
            }
            boolean anyPoint = lines.stream().anyMatch(l -> l.valid() && l.metric() != null);
            if (o.exit() == 2 && !anyPoint) {
                return; // a run without samples may be refused
            }
            if (o.exit() == 2) {
                if (novel.isEmpty()) {
                    throw new AssertionError("refused a file whose every line is valid k6 output: " + o.err());
                }
                Matcher m = LINE_NUMBER.matcher(o.err());
                boolean named = false;
                while (m.find() && !named) {
                    named = novel.contains(Integer.parseInt(m.group(1)));
                }
                if (!named) {
                    throw new AssertionError("the error must name a damaged line (" + summary(novel) + "): "
                            + Contract.firstLine(o.err()));
                }
                return;
            }
            if (o.exit() != 0 && o.exit() != 1 && o.exit() != 3) {
                return;
            }
            Totals t = Totals.of(o);
            long expected = Math.round(requests);
            long read = t == null ? 0 : t.requests();
            if (read < expected || read > Math.round(requests + ambiguous)) {
                throw new AssertionError("read " + read + " requests, but the file's valid http_reqs lines sum to "
                        + expected + (ambiguous > 0 ? " (+ " + ambiguous + " in lines of invalid UTF-8)" : "")
                        + " (damaged lines " + summary(novel) + ")");
            }
            if (t == null) {
                return;
            }
            for (Line l : lines) {
                if (l.valid() && l.time() != null && !l.cut() && !l.ambiguous()) {
                    if (l.time().isBefore(t.start()) || !l.time().isBefore(t.end())) {
                        throw new AssertionError("line " + l.number() + "'s time " + l.time()
                                + " lies outside the run's" + " window " + t.start() + " → " + t.end());
                    }
                }
            }
        };
    }

    private static String summary(TreeSet<Integer> lines) {
        String s = lines.toString();
        return s.length() > 80 ? s.substring(0, 80) + "…]" : s;
    }
}
