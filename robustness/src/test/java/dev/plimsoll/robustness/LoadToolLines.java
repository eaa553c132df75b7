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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Oracles for JMeter's CSV JTL and Gatling's text log, independent of Plimsoll's readers: each record judged on its
 * own by the tool's format, the requests a successful read must count, and an error that must name a damaged record.
 */
final class LoadToolLines {
    private static final Pattern LINE_NUMBER = Pattern.compile("(?::|line |record )(\\d+)\\b");

    private LoadToolLines() {}

    /** A record: its first physical line, whether the damage made it, its text, whether it counts, how many. */
    record Rec(int line, boolean novel, boolean valid, int requests, boolean cut, boolean open) {
        Rec(int line, boolean novel, boolean valid, int requests, boolean cut) {
            this(line, novel, valid, requests, cut, false);
        }
    }

    /** RFC 4180 records with the physical line each starts on; quotes may hold commas and line breaks. */
    static List<String[]> csvRecords(String text) {
        List<String[]> out = new ArrayList<>(); // {line, raw text}
        int line = 1;
        int start = 0;
        int startLine = 1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n') {
                if (!quoted) {
                    out.add(new String[] {Integer.toString(startLine), text.substring(start, i)});
                    start = i + 1;
                    startLine = line + 1;
                }
                line++;
            }
        }
        if (start < text.length()) {
            out.add(new String[] {Integer.toString(startLine), text.substring(start)});
        }
        return out;
    }

    static List<String> csvFields(String rec) {
        List<String> f = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < rec.length(); i++) {
            char c = rec.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < rec.length() && rec.charAt(i + 1) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    sb.append(c);
                }
            } else if (c == '"' && sb.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                f.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        f.add(sb.toString());
        return f;
    }

    /** The records of a JTL CSV judged against the seed's header; null when the header itself was damaged. */
    static List<Rec> jtl(byte[] seed, byte[] damaged) {
        String seedText = new String(seed, StandardCharsets.UTF_8);
        String text = new String(damaged, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 || text.indexOf('\r') >= 0) {
            return null; // invalid UTF-8 or CRs: the oracle leaves their reading open
        }
        List<String[]> seedRecs = csvRecords(seedText);
        List<String[]> recs = csvRecords(text);
        if (recs.isEmpty() || !recs.get(0)[1].equals(seedRecs.get(0)[1])) {
            return null;
        }
        List<String> header = csvFields(seedRecs.get(0)[1]);
        Set<String> original = new HashSet<>();
        seedRecs.forEach(r -> original.add(r[1]));
        boolean terminated = text.endsWith("\n");
        List<Rec> out = new ArrayList<>();
        for (int i = 1; i < recs.size(); i++) {
            String raw = recs.get(i)[1];
            int line = Integer.parseInt(recs.get(i)[0]);
            boolean cut = i == recs.size() - 1 && !terminated;
            boolean novel = !original.contains(raw);
            out.add(jtlRecord(line, novel, raw, header, cut));
        }
        return out;
    }

    private static Rec jtlRecord(int line, boolean novel, String raw, List<String> header, boolean cut) {
        Rec invalid = new Rec(line, novel, false, 0, cut);
        if (raw.isEmpty()) {
            return new Rec(line, novel, true, 0, cut);
        }
        if (count(raw, '"') % 2 != 0) {
            return invalid;
        }
        List<String> f = csvFields(raw);
        if (f.size() != header.size()) {
            return invalid;
        }
        String ts = f.get(header.indexOf("timeStamp"));
        String elapsed = f.get(header.indexOf("elapsed"));
        String success = f.get(header.indexOf("success"));
        if (!ts.matches("\\d{1,15}") || !elapsed.matches("\\d{1,18}")) {
            // a negative or non-numeric duration must be refused; a timestamp of other digits or in a date format
            // may be read (JMeter's formats) or refused (out of range): left open
            boolean certain = !elapsed.matches("\\d{1,18}") || !ts.matches(".*\\d.*");
            return new Rec(line, novel, false, 0, cut, !certain);
        }
        if (!success.equalsIgnoreCase("true") && !success.equalsIgnoreCase("false")) {
            return invalid;
        }
        for (String optional : List.of("bytes", "sentBytes", "allThreads", "Latency", "Connect")) {
            int c = header.indexOf(optional);
            if (c >= 0 && !f.get(c).isEmpty() && !f.get(c).matches("-?\\d{1,18}")) {
                return invalid;
            }
        }
        boolean transaction = f.get(header.indexOf("responseMessage")).startsWith("Number of samples in transaction");
        return new Rec(line, novel, true, transaction ? 0 : 1, cut);
    }

    /** The lines of a Gatling 3.4–3.12 text log; null when the RUN line was damaged. */
    static List<Rec> gatlingText(byte[] seed, byte[] damaged) {
        String text = new String(damaged, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 || text.indexOf('\r') >= 0) {
            return null;
        }
        List<String> seedLines = List.of(new String(seed, StandardCharsets.UTF_8).split("\n", -1));
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].equals(seedLines.get(0))) {
            return null;
        }
        Set<String> original = new HashSet<>(seedLines);
        List<Rec> out = new ArrayList<>();
        int n = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 1; i < n; i++) {
            String l = lines[i];
            boolean cut = i == n - 1 && !text.endsWith("\n");
            out.add(gatlingLine(i + 1, !original.contains(l), l, cut));
        }
        return out;
    }

    private static Rec gatlingLine(int line, boolean novel, String l, boolean cut) {
        Rec invalid = new Rec(line, novel, false, 0, cut);
        if (l.isEmpty()) {
            return new Rec(line, novel, true, 0, cut);
        }
        String[] f = l.split("\t", -1);
        switch (f[0]) {
            case "REQUEST" -> {
                if (f.length != 7 || !f[3].matches("\\d{1,15}") || !f[4].matches("\\d{1,15}")) {
                    return invalid;
                }
                if (Long.parseLong(f[4]) < Long.parseLong(f[3]) || !(f[5].equals("OK") || f[5].equals("KO"))) {
                    return invalid;
                }
                return new Rec(line, novel, true, 1, cut);
            }
            case "USER" -> {
                boolean ok = f.length == 4 && (f[2].equals("START") || f[2].equals("END")) && f[3].matches("\\d{1,15}");
                return ok ? new Rec(line, novel, true, 0, cut) : invalid;
            }
            case "GROUP" -> {
                boolean ok = f.length == 6
                        && f[2].matches("\\d{1,15}")
                        && f[3].matches("\\d{1,15}")
                        && Long.parseLong(f[3]) >= Long.parseLong(f[2]);
                return ok ? new Rec(line, novel, true, 0, cut) : invalid;
            }
            case "ERROR", "ASSERTION" -> {
                return new Rec(line, novel, true, 0, cut);
            }
            default -> {
                return invalid;
            }
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /**
     * A result counts every valid request record and no invalid one (records whose reading the format leaves open may
     * count or not); an error names a damaged record.
     */
    static Case.Oracle oracle(List<Rec> recs) {
        return o -> {
            if (recs == null) {
                return;
            }
            TreeSet<Integer> novel = new TreeSet<>();
            long requests = 0;
            long uncertain = 0;
            for (Rec r : recs) {
                if (r.novel()) {
                    novel.add(r.line());
                }
                if (r.valid()) {
                    requests += r.requests();
                } else if (r.open()) {
                    uncertain++; // a damaged record the tool may read or refuse
                }
            }
            if (o.exit() == 2 && requests == 0 && uncertain == 0) {
                return; // a run without requests may be refused
            }
            if (o.exit() == 2) {
                if (novel.isEmpty()) {
                    throw new AssertionError("refused a file whose every record is valid: " + o.err());
                }
                Matcher m = LINE_NUMBER.matcher(o.err());
                boolean named = false;
                while (m.find() && !named) {
                    int n = Integer.parseInt(m.group(1));
                    // a quoted field spanning lines: the record's first line, or a line inside it
                    named = novel.contains(n) || novel.contains(n - 1) || novel.contains(n - 2);
                }
                if (!named) {
                    throw new AssertionError("the error must name a damaged record (lines " + novel + "): "
                            + Contract.firstLine(o.err()));
                }
                return;
            }
            if (o.exit() != 0 && o.exit() != 1 && o.exit() != 3) {
                return;
            }
            Totals t = Totals.of(o);
            long read = t == null ? 0 : t.requests();
            if (read < requests || read > requests + uncertain) {
                throw new AssertionError("read " + read + " requests, but the file's valid records hold " + requests
                        + (uncertain > 0 ? " (+ up to " + uncertain + " in damaged ones)" : "") + " (damaged: lines "
                        + novel + ")");
            }
        };
    }
}
