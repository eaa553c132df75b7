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
import java.util.List;
import java.util.Random;

/** Damaged JMeter JTL (CSV and XML) and Gatling simulation.log (binary 3.13 and text 3.11). */
final class LoadToolCases {
    static final String JTL_CSV = "jmeter-jtl-csv";
    static final String JTL_XML = "jmeter-jtl-xml";
    static final String GATLING_BINARY = "gatling-log-binary";
    static final String GATLING_TEXT = "gatling-log-text";

    private final Random r;
    private int n;

    LoadToolCases(Random r) {
        this.r = r;
    }

    private Case read(String format, String family, String what, String file, byte[] content) {
        Case c = new Case(format, family, what).file(file, content).culprit(file);
        if (n++ % 4 == 3) {
            c.args("analyze", "-q", "--load", "@/" + file, "--out", "@/out", "--format", "json");
        } else {
            c.args("summarize", "-q", "@/" + file);
        }
        return c;
    }

    List<Case> jtlCsv(byte[] seed) {
        List<Case> out = new ArrayList<>();
        String text = new String(seed, StandardCharsets.UTF_8);
        List<String> lines = Mutations.lines(seed);
        for (int i = 0; i < 25; i++) {
            int at = r.nextInt(seed.length);
            out.add(jtl("truncation", "cut at byte " + at, seed, Mutations.truncate(seed, at)));
        }
        for (int i = 0; i < 45; i++) {
            List<Integer> where = new ArrayList<>();
            byte[] b = Mutations.flipBits(seed, r, 1 + r.nextInt(3), where);
            out.add(jtl("bit flips", "bits flipped at " + where, seed, b));
        }
        // whole records (a quoted field may span lines): delete, duplicate, shuffle records, not physical lines
        List<String[]> recs = LoadToolLines.csvRecords(text);
        List<String> body = new ArrayList<>();
        for (int i = 1; i < recs.size(); i++) {
            body.add(recs.get(i)[1]);
        }
        for (int i = 0; i < 10; i++) {
            int k = 1 + r.nextInt(5);
            out.add(jtl(
                    "deleted/duplicated/shuffled lines",
                    k + " records deleted",
                    seed,
                    withHeader(recs.get(0)[1], Mutations.deleteLines(body, r, k))));
            out.add(jtl(
                    "deleted/duplicated/shuffled lines",
                    k + " records duplicated",
                    seed,
                    withHeader(recs.get(0)[1], Mutations.duplicateLines(body, r, k))));
            out.add(jtl(
                    "deleted/duplicated/shuffled lines",
                    "records shuffled",
                    seed,
                    withHeader(recs.get(0)[1], Mutations.shuffleLines(body, r, 0, 2 + r.nextInt(60)))));
        }
        List<String> header = LoadToolLines.csvFields(recs.get(0)[1]);
        String[][] fields = {
            {
                "timeStamp",
                "-1796085771463",
                "0",
                "99999999999999999",
                "9223372036854775807",
                "1.7e12",
                "NaN",
                "2026/12/01 01:42:51.463",
                "2026-12-01T01:42:51.463+01:00",
                "01.12.2026 01:42:51",
                "",
                "17960857714630"
            },
            {"elapsed", "-5", "-9223372036854775808", "99999999999999", "NaN", "1.5", "", "Infinity"},
            {"success", "TRUE", "yes", "", "1", "null"},
            {"Latency", "-1", "NaN", "99999999999999999999"},
            {"bytes", "-100", "1e9", ""},
            {"allThreads", "-3", "2147483648", "abc"},
            {"label", "", "\"\"\"", "../../etc/passwd", "\u0000"},
            {"responseCode", "", "Non HTTP response code: java.net.ConnectException", "999999"}
        };
        for (int i = 0; i < 50; i++) {
            String[] choice = fields[r.nextInt(fields.length)];
            String value = choice[1 + r.nextInt(choice.length - 1)];
            int column = header.indexOf(choice[0]);
            int rec = 1 + r.nextInt(recs.size() - 1);
            List<String> f = new ArrayList<>(LoadToolLines.csvFields(recs.get(rec)[1]));
            if (f.size() != header.size()) {
                continue;
            }
            f.set(column, value);
            List<String> copy = new ArrayList<>(body);
            copy.set(rec - 1, csvLine(f));
            String family = choice[0].equals("timeStamp")
                    ? "timestamps in other formats/zones and far years"
                    : choice[0].equals("elapsed") && value.startsWith("-")
                            ? "negative durations"
                            : "wrong field values";
            out.add(jtl(
                    family,
                    choice[0] + " := '" + value + "' at line " + recs.get(rec)[0],
                    seed,
                    withHeader(recs.get(0)[1], copy)));
        }
        // columns: the header and every record reordered alike (same run), a required column removed
        for (int i = 0; i < 6; i++) {
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < header.size(); k++) {
                order.add(k);
            }
            java.util.Collections.shuffle(order, r);
            List<String> all = new ArrayList<>();
            for (String[] rec : recs) {
                List<String> f = LoadToolLines.csvFields(rec[1]);
                List<String> g = new ArrayList<>();
                for (int k : order) {
                    g.add(k < f.size() ? f.get(k) : "");
                }
                all.add(csvLine(g));
            }
            // timeStamp must stay first for the format to be recognised; reordered files keep their header
            boolean first = order.get(0) == 0;
            Case c = read(
                    JTL_CSV,
                    "CSV with missing/extra/reordered columns",
                    "columns reordered " + order,
                    "results.jtl",
                    Mutations.join(all));
            out.add(first ? c.expectExit(0) : c);
        }
        for (String drop : List.of("timeStamp", "elapsed", "label", "success", "Latency", "URL")) {
            int column = header.indexOf(drop);
            List<String> all = new ArrayList<>();
            for (String[] rec : recs) {
                List<String> f = new ArrayList<>(LoadToolLines.csvFields(rec[1]));
                if (f.size() > column) {
                    f.remove(column);
                }
                all.add(csvLine(f));
            }
            boolean required =
                    List.of("timeStamp", "elapsed", "label", "success").contains(drop);
            Case c = read(
                    JTL_CSV,
                    "CSV with missing/extra/reordered columns",
                    "column " + drop + " removed",
                    "results.jtl",
                    Mutations.join(all));
            out.add(required ? c.expectExit(2) : c.expectExit(0));
        }
        out.add(jtl("line endings", "CRLF line ends", seed, Mutations.utf8(text.replace("\n", "\r\n"))));
        out.add(jtl("line endings", "CR-only line ends", seed, Mutations.utf8(text.replace("\n", "\r"))));
        out.add(jtl(
                "BOM/UTF-16/invalid UTF-8",
                "UTF-8 byte order mark",
                seed,
                Mutations.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, seed)));
        out.add(jtl("BOM/UTF-16/invalid UTF-8", "UTF-16LE", seed, text.getBytes(StandardCharsets.UTF_16LE)));
        out.add(jtl("BOM/UTF-16/invalid UTF-8", "UTF-16 with BOM", seed, text.getBytes(StandardCharsets.UTF_16)));
        out.add(jtl(
                "a 10 MB line",
                "a 10 MB label",
                seed,
                Mutations.utf8(
                        lines.get(0) + "\n" + lines.get(1).replace("GET /api/items", "x".repeat(10 << 20)) + "\n")));
        out.add(jtl(
                "a 10 MB line",
                "a quote never closed",
                seed,
                Mutations.utf8(lines.get(0) + "\n" + lines.get(1) + "\n1796085771463,1,\"" + "y\n".repeat(1 << 20))));
        out.add(read(JTL_CSV, "empty file", "the header only", "results.jtl", Mutations.utf8(lines.get(0) + "\n")));
        return out;
    }

    private Case jtl(String family, String what, byte[] seed, byte[] content) {
        return read(JTL_CSV, family, what, "results.jtl", content)
                .oracle(LoadToolLines.oracle(LoadToolLines.jtl(seed, content)));
    }

    private static String csvLine(List<String> fields) {
        List<String> q = new ArrayList<>();
        for (String f : fields) {
            q.add(f.contains(",") || f.contains("\"") || f.contains("\n") ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        return String.join(",", q);
    }

    private static byte[] withHeader(String header, List<String> body) {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(body);
        return Mutations.join(all);
    }

    List<Case> jtlXml(byte[] seed) {
        List<Case> out = new ArrayList<>();
        String text = new String(seed, StandardCharsets.UTF_8);
        for (int i = 0; i < 20; i++) {
            int at = r.nextInt(seed.length);
            out.add(read(JTL_XML, "truncation", "cut at byte " + at, "results.xml", Mutations.truncate(seed, at)));
        }
        for (int i = 0; i < 30; i++) {
            List<Integer> where = new ArrayList<>();
            byte[] flipped = Mutations.flipBits(seed, r, 1 + r.nextInt(3), where);
            out.add(read(JTL_XML, "bit flips", "bits flipped at " + where, "results.xml", flipped));
        }
        String[][] attrs = {
            {"ts", "-1", "99999999999999999", "9223372036854775807", "abc", "", "1e12"},
            {"t", "-5", "-9223372036854775808", "NaN", "99999999999999999"},
            {"s", "yes", "TRUE", ""},
            {"sc", "2147483648", "99999999999", "-5", "0"},
            {"ec", "-1", "99999999999"},
            {"lt", "-1", "x"}
        };
        for (int i = 0; i < 30; i++) {
            String[] a = attrs[r.nextInt(attrs.length)];
            if (!text.contains(" " + a[0] + "=\"")) {
                // an attribute the seed lacks: added to a random sample
                a = new String[] {a[0], a[1 + r.nextInt(a.length - 1)]};
                int at = text.indexOf("<httpSample ", r.nextInt(text.length() / 2));
                String damaged = text.substring(0, at + 12) + a[0] + "=\"" + a[1] + "\" " + text.substring(at + 12);
                out.add(read(
                        JTL_XML,
                        "wrong field values",
                        a[0] + "=\"" + a[1] + "\" added",
                        "results.xml",
                        Mutations.utf8(damaged)));
                continue;
            }
            String v = a[1 + r.nextInt(a.length - 1)];
            // the n-th occurrence of the attribute
            List<Integer> at = new ArrayList<>();
            String needle = " " + a[0] + "=\"";
            for (int k = text.indexOf(needle); k >= 0; k = text.indexOf(needle, k + 1)) {
                at.add(k);
            }
            int k = at.get(r.nextInt(at.size())) + needle.length();
            int end = text.indexOf('"', k);
            String damaged = text.substring(0, k) + v + text.substring(end);
            String family = a[0].equals("ts")
                    ? "timestamps in other formats/zones and far years"
                    : a[0].equals("t") && v.startsWith("-") ? "negative durations" : "wrong field values";
            Case c = read(JTL_XML, family, a[0] + "=\"" + v + "\"", "results.xml", Mutations.utf8(damaged));
            if (a[0].equals("t") && v.startsWith("-")) {
                c.expectExit(2);
            }
            out.add(c);
        }
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        String laughs = head + "<!DOCTYPE testResults [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>\n"
                + "<testResults version=\"1.2\"><httpSample t=\"1\" ts=\"1796085771463\" s=\"true\" lb=\"&g;\"/>"
                + "</testResults>\n";
        out.add(read(JTL_XML, "entity expansion", "billion laughs in a DTD", "results.xml", Mutations.utf8(laughs))
                .expectExit(2));
        String xxe = head + "<!DOCTYPE testResults [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<testResults version=\"1.2\"><httpSample t=\"1\" ts=\"1796085771463\" s=\"true\" lb=\"&x;\"/>"
                + "</testResults>\n";
        out.add(read(
                        JTL_XML,
                        "entity expansion",
                        "an external entity (file:///etc/passwd)",
                        "results.xml",
                        Mutations.utf8(xxe))
                .expectExit(2));
        String deep = head + "<testResults version=\"1.2\">"
                + "<sample t=\"1\" ts=\"1796085771463\" s=\"true\">".repeat(10_000) + "</sample>".repeat(10_000)
                + "</testResults>\n";
        out.add(read(JTL_XML, "10 000-deep nesting", "10 000 nested samples", "results.xml", Mutations.utf8(deep)));
        out.add(read(
                JTL_XML,
                "a 10 MB line",
                "a 10 MB label",
                "results.xml",
                Mutations.utf8(text.replaceFirst("lb=\"[^\"]*\"", "lb=\"" + "z".repeat(10 << 20) + "\""))));
        out.add(read(
                JTL_XML,
                "BOM/UTF-16/invalid UTF-8",
                "UTF-16 with BOM",
                "results.xml",
                text.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16)));
        out.add(read(
                JTL_XML,
                "BOM/UTF-16/invalid UTF-8",
                "invalid UTF-8 in a label",
                "results.xml",
                Mutations.replaceAll(seed, "GET /api/items", "GET /api/\u00ff")));
        out.add(read(
                JTL_XML,
                "missing fields",
                "no root element",
                "results.xml",
                Mutations.utf8(text.replace("<testResults version=\"1.2\">", "").replace("</testResults>", ""))));
        out.add(read(
                JTL_XML,
                "missing fields",
                "another root element",
                "results.xml",
                Mutations.utf8(text.replace("testResults", "results"))));
        return out;
    }

    List<Case> gatlingBinary(byte[] seed) {
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int at = r.nextInt(seed.length);
            out.add(read(
                    GATLING_BINARY, "truncation", "cut at byte " + at, "simulation.log", Mutations.truncate(seed, at)));
        }
        for (int i = 0; i < 50; i++) {
            List<Integer> where = new ArrayList<>();
            byte[] flipped = Mutations.flipBits(seed, r, 1 + r.nextInt(3), where);
            out.add(read(GATLING_BINARY, "bit flips", "bits flipped at " + where, "simulation.log", flipped));
        }
        for (int i = 0; i < 6; i++) {
            // a random 4-byte run set to extremes: lengths, counts, times, string indices
            int at = r.nextInt(seed.length - 4);
            byte[] b = seed.clone();
            int v = new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 1 << 24, 0x7fff0000, 0}[i];
            b[at] = (byte) (v >>> 24);
            b[at + 1] = (byte) (v >>> 16);
            b[at + 2] = (byte) (v >>> 8);
            b[at + 3] = (byte) v;
            out.add(read(
                    GATLING_BINARY, "NaN/Infinity/huge numbers", "int " + v + " at byte " + at, "simulation.log", b));
        }
        out.add(read(
                GATLING_BINARY,
                "binary garbage with a .json.gz name",
                "the log gzipped twice",
                "simulation.log.gz",
                Mutations.gzip(Mutations.gzip(seed))));
        return out;
    }

    List<Case> gatlingText(byte[] seed) {
        List<Case> out = new ArrayList<>();
        String text = new String(seed, StandardCharsets.UTF_8);
        List<String> lines = Mutations.lines(seed);
        for (int i = 0; i < 20; i++) {
            int at = r.nextInt(seed.length);
            out.add(gatling("truncation", "cut at byte " + at, seed, Mutations.truncate(seed, at)));
        }
        for (int i = 0; i < 35; i++) {
            List<Integer> where = new ArrayList<>();
            byte[] flipped = Mutations.flipBits(seed, r, 1 + r.nextInt(3), where);
            out.add(gatling("bit flips", "bits flipped at " + where, seed, flipped));
        }
        List<String> body = lines.subList(1, lines.size());
        for (int i = 0; i < 8; i++) {
            int k = 1 + r.nextInt(5);
            out.add(gatling(
                    "deleted/duplicated/shuffled lines",
                    k + " lines deleted",
                    seed,
                    withHeader(lines.get(0), Mutations.deleteLines(body, r, k))));
            out.add(gatling(
                    "deleted/duplicated/shuffled lines",
                    k + " lines duplicated",
                    seed,
                    withHeader(lines.get(0), Mutations.duplicateLines(body, r, k))));
            out.add(gatling(
                    "deleted/duplicated/shuffled lines",
                    "lines shuffled",
                    seed,
                    withHeader(lines.get(0), Mutations.shuffleLines(body, r, 0, 2 + r.nextInt(60)))));
        }
        String[] values = {
            "-1", "0", "99999999999999999", "9223372036854775807", "NaN", "1.5e12", "", "abc", "-9223372036854775808"
        };
        for (int i = 0; i < 30; i++) {
            int line = 1 + r.nextInt(lines.size() - 1);
            String[] f = lines.get(line).split("\t", -1);
            int field = 2 + r.nextInt(Math.max(1, f.length - 2));
            String v =
                    i % 4 == 3 ? new String[] {"PASS", "ko", "START ", "Ok"}[i % 3] : values[r.nextInt(values.length)];
            f[Math.min(field, f.length - 1)] = v;
            List<String> copy = new ArrayList<>(lines);
            copy.set(line, String.join("\t", f));
            String family = v.matches("-?\\d+|NaN|1.5e12|")
                    ? "timestamps in other formats/zones and far years"
                    : "wrong field values";
            out.add(gatling(
                    family,
                    "field " + (field + 1) + " := '" + v + "' at line " + (line + 1),
                    seed,
                    Mutations.join(copy)));
        }
        for (int i = 0; i < 6; i++) {
            // a request that ends before it starts
            List<Integer> requests = new ArrayList<>();
            for (int k = 0; k < lines.size(); k++) {
                if (lines.get(k).startsWith("REQUEST")) {
                    requests.add(k);
                }
            }
            int line = requests.get(r.nextInt(requests.size()));
            String[] f = lines.get(line).split("\t", -1);
            String start = f[3];
            f[3] = f[4];
            f[4] = Long.toString(Long.parseLong(start) - 1 - r.nextInt(5000));
            List<String> copy = new ArrayList<>(lines);
            copy.set(line, String.join("\t", f));
            out.add(gatling(
                            "negative durations",
                            "a request ending before it starts at line " + (line + 1),
                            seed,
                            Mutations.join(copy))
                    .expectExit(2));
        }
        for (String type : List.of("REQUESTS", "request", "USER2", "")) {
            int line = 1 + r.nextInt(lines.size() - 1);
            List<String> copy = new ArrayList<>(lines);
            copy.set(line, type + copy.get(line).substring(copy.get(line).indexOf('\t')));
            out.add(gatling(
                    "unknown metric types",
                    "record type '" + type + "' at line " + (line + 1),
                    seed,
                    Mutations.join(copy)));
        }
        out.add(gatling("line endings", "CRLF line ends", seed, Mutations.utf8(text.replace("\n", "\r\n"))));
        out.add(gatling("line endings", "CR-only line ends", seed, Mutations.utf8(text.replace("\n", "\r"))));
        out.add(gatling(
                "BOM/UTF-16/invalid UTF-8",
                "UTF-8 byte order mark",
                seed,
                Mutations.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, seed)));
        out.add(gatling("BOM/UTF-16/invalid UTF-8", "UTF-16LE", seed, text.getBytes(StandardCharsets.UTF_16LE)));
        out.add(gatling(
                "a 10 MB line",
                "a 10 MB request name",
                seed,
                Mutations.utf8(text.replaceFirst("GET /api/items", "n".repeat(10 << 20)))));
        out.add(gatling("empty file", "the RUN line only", seed, Mutations.utf8(lines.get(0) + "\n")));
        return out;
    }

    private Case gatling(String family, String what, byte[] seed, byte[] content) {
        return read(GATLING_TEXT, family, what, "simulation.log", content)
                .oracle(LoadToolLines.oracle(LoadToolLines.gatlingText(seed, content)));
    }
}
