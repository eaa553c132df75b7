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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Damaged k6 output: NDJSON (plain and gzip) and CSV. */
final class K6Cases {
    static final String NDJSON = "k6-ndjson";
    static final String GZIP = "k6-ndjson-gzip";
    static final String CSV = "k6-csv";

    private final Random r;
    private final byte[] seed;
    private final byte[] csvSeed;
    private final List<String> seedLines;
    private int n;

    K6Cases(Random r, byte[] seed, byte[] csvSeed) {
        this.r = r;
        this.seed = seed;
        this.csvSeed = csvSeed;
        this.seedLines = Mutations.lines(seed);
    }

    /** A damaged NDJSON file read by summarize (3 in 4) or analyze (1 in 4); the line oracle checks the totals. */
    private Case ndjson(String family, String what, byte[] content) {
        return read(NDJSON, family, what, "run.ndjson", content).oracle(K6Lines.oracle(K6Lines.ndjson(seed, content)));
    }

    private Case read(String format, String family, String what, String file, byte[] content) {
        Case c = new Case(format, family, what).file(file, content).culprit(file);
        if (n++ % 4 == 3) {
            c.args("analyze", "-q", "--load", "@/" + file, "--out", "@/out", "--format", "json,md");
        } else {
            c.args("summarize", "-q", "@/" + file);
        }
        return c;
    }

    List<Case> ndjsonCases() {
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int at = r.nextInt(seed.length);
            out.add(ndjson("truncation", "cut at byte " + at, Mutations.truncate(seed, at)));
        }
        for (int i = 0; i < 120; i++) {
            List<Integer> where = new ArrayList<>();
            byte[] b = Mutations.flipBits(seed, r, 1 + r.nextInt(3), where);
            out.add(ndjson("bit flips", "bits flipped at " + where, b));
        }
        for (int i = 0; i < 30; i++) {
            int k = 1 + r.nextInt(5);
            out.add(ndjson(
                    "deleted/duplicated/shuffled lines",
                    k + " lines deleted",
                    Mutations.join(Mutations.deleteLines(seedLines, r, k))));
            out.add(ndjson(
                    "deleted/duplicated/shuffled lines",
                    k + " lines duplicated",
                    Mutations.join(Mutations.duplicateLines(seedLines, r, k))));
            int w = 2 + r.nextInt(60);
            out.add(ndjson(
                    "deleted/duplicated/shuffled lines",
                    w + " lines shuffled",
                    Mutations.join(Mutations.shuffleLines(seedLines, r, 0, w))));
        }
        for (int i = 0; i < 80; i++) {
            out.add(lineTree("wrong JSON types", (line, slot) -> {
                JsonNode v = Mutations.wrongType(r, slot.get());
                slot.set(v);
                return slot.path() + " := " + v;
            }));
        }
        for (int i = 0; i < 30; i++) {
            out.add(lineTree("null", (line, slot) -> {
                slot.set(Mutations.NODES.nullNode());
                return slot.path() + " := null";
            }));
        }
        for (int i = 0; i < 40; i++) {
            out.add(lineTree("missing fields", (line, slot) -> {
                slot.remove();
                return slot.path() + " removed";
            }));
        }
        for (int i = 0; i < 66; i++) {
            String token = Mutations.HOSTILE_NUMBERS.get(i % Mutations.HOSTILE_NUMBERS.size());
            out.add(pointValue("NaN/Infinity/huge numbers", token));
        }
        String[] durations = {"http_req_duration", "http_req_waiting", "iteration_duration", "group_duration"};
        for (int i = 0; i < 30; i++) {
            String metric = durations[i % durations.length];
            int line = randomLine(metric);
            ObjectNode o = (ObjectNode) Mutations.tree(Mutations.utf8(seedLines.get(line)));
            double v = -(r.nextInt(100_000) / 100.0 + 0.01);
            ((ObjectNode) o.get("data")).put("value", v);
            out.add(replaceLine("negative durations", metric + " at line " + (line + 1) + " := " + v, line, o)
                    .expectExit(2));
        }
        for (int i = 0; i < 64; i++) {
            String time = Mutations.HOSTILE_TIMES.get(i % Mutations.HOSTILE_TIMES.size());
            int line = randomPoint();
            ObjectNode o = (ObjectNode) Mutations.tree(Mutations.utf8(seedLines.get(line)));
            ((ObjectNode) o.get("data")).put("time", time);
            out.add(replaceLine(
                    "timestamps in other formats/zones and far years",
                    "data.time at line " + (line + 1) + " := '" + time + "'",
                    line,
                    o));
        }
        for (int i = 0; i < 6; i++) {
            int line = randomPoint();
            ObjectNode o = (ObjectNode) Mutations.tree(Mutations.utf8(seedLines.get(line)));
            long epoch = i % 2 == 0 ? 1795665292L : 1795665292104L;
            ((ObjectNode) o.get("data")).put("time", i < 4 ? epoch : 1.795665292e9);
            out.add(replaceLine(
                    "timestamps in other formats/zones and far years",
                    "data.time at line " + (line + 1) + " := " + o.get("data").get("time"),
                    line,
                    o));
        }
        // one metric's points in another year: every point of a metric moved by a year, or a century
        String[] metrics = {"vus", "http_reqs", "http_req_duration", "iterations", "checks", "data_sent"};
        int[] years = {1, -1, 100, 1, -1, 236};
        for (int i = 0; i < metrics.length; i++) {
            String m = metrics[i];
            int shift = years[i];
            List<String> lines = new ArrayList<>();
            for (String l : seedLines) {
                if (l.contains("\"type\":\"Point\"") && l.contains("\"metric\":\"" + m + "\"")) {
                    ObjectNode o = (ObjectNode) Mutations.tree(Mutations.utf8(l));
                    ObjectNode data = (ObjectNode) o.get("data");
                    data.put(
                            "time",
                            OffsetDateTime.parse(data.get("time").asText())
                                    .plusYears(shift)
                                    .toString());
                    lines.add(Mutations.text(Mutations.write(o)));
                } else {
                    lines.add(l);
                }
            }
            out.add(ndjson(
                    "timestamps in other formats/zones and far years",
                    "every " + m + " point moved by " + shift + " years",
                    Mutations.join(lines)));
        }
        String[] types = {"histogram", "TREND", "", "counter ", "Counter", "summary"};
        for (int i = 0; i < 12; i++) {
            int line = randomLine(null, "\"type\":\"Metric\"");
            ObjectNode o = (ObjectNode) Mutations.tree(Mutations.utf8(seedLines.get(line)));
            String t = types[i % types.length];
            ((ObjectNode) o.get("data")).put("type", t);
            out.add(replaceLine("unknown metric types", "data.type := '" + t + "' at line " + (line + 1), line, o));
        }
        String[] recordTypes = {"Points", "point", "metric", "Sample", ""};
        for (int i = 0; i < 8; i++) {
            int line = i % 2 == 0 ? randomPoint() : randomLine(null, "\"type\":\"Metric\"");
            ObjectNode o = (ObjectNode) Mutations.tree(Mutations.utf8(seedLines.get(line)));
            String t = recordTypes[i % recordTypes.length];
            o.put("type", t);
            out.add(replaceLine("unknown metric types", "type := '" + t + "' at line " + (line + 1), line, o));
        }
        out.addAll(encodings());
        out.addAll(specials());
        return out;
    }

    private List<Case> encodings() {
        List<Case> out = new ArrayList<>();
        String family = "BOM/UTF-16/invalid UTF-8";
        out.add(ndjson(
                family,
                "UTF-8 byte order mark",
                Mutations.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, seed)));
        String text = Mutations.text(seed);
        out.add(ndjson(family, "UTF-16LE", text.getBytes(StandardCharsets.UTF_16LE)));
        out.add(ndjson(family, "UTF-16BE", text.getBytes(StandardCharsets.UTF_16BE)));
        out.add(ndjson(family, "UTF-16 with BOM", text.getBytes(StandardCharsets.UTF_16)));
        out.add(ndjson(family, "UTF-32", text.getBytes(java.nio.charset.Charset.forName("UTF-32"))));
        byte[][] bad = {
            {(byte) 0xFF},
            {(byte) 0xC3, (byte) 0x28},
            {(byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {0},
            {(byte) 0xE2, (byte) 0x82}
        };
        for (int i = 0; i < 16; i++) {
            // inside a string value of a random line
            int line = r.nextInt(seedLines.size());
            String l = seedLines.get(line);
            int quote = l.indexOf("\":\"", r.nextInt(Math.max(1, l.length() - 10)));
            if (quote < 0) {
                quote = l.indexOf("\":\"");
            }
            byte[] before = Mutations.utf8(l.substring(0, quote + 3));
            byte[] after = Mutations.utf8(l.substring(quote + 3));
            byte[] b = bad[i % bad.length];
            List<String> lines = new ArrayList<>(seedLines);
            byte[] head = Mutations.join(lines.subList(0, line));
            byte[] tail = Mutations.join(lines.subList(line + 1, lines.size()));
            byte[] content = Mutations.concat(head, before, b, after, new byte[] {'\n'}, tail);
            out.add(ndjson(family, "invalid UTF-8 " + hex(b) + " in a string at line " + (line + 1), content));
        }
        String endings = "line endings";
        out.add(ndjson(endings, "CRLF line ends", Mutations.replaceAll(seed, "\n", "\r\n")));
        out.add(ndjson(endings, "CR-only line ends", Mutations.replaceAll(seed, "\n", "\r")));
        String half = text.substring(0, text.length() / 2)
                + text.substring(text.length() / 2).replace("\n", "\r");
        out.add(ndjson(endings, "CR-only line ends in the second half", Mutations.utf8(half)));
        out.add(ndjson(endings, "no final line break", Mutations.truncate(seed, seed.length - 1)));
        out.add(ndjson(endings, "blank lines between", Mutations.replaceAll(seed, "\n", "\n\n  \n")));
        out.add(ndjson(endings, "form feeds and tabs", Mutations.replaceAll(seed, "\n", "\n\t\f")));
        return out;
    }

    private List<Case> specials() {
        List<Case> out = new ArrayList<>();
        int mid = seedLines.size() / 2;
        // 10 000-deep nesting: in a tag (the fast path skips it), as a whole line, and unclosed
        out.add(withLine(
                "10 000-deep nesting",
                "10 000 nested arrays in a tag",
                mid,
                l -> l.replace("\"proto\":\"HTTP/1.1\"", "\"proto\":" + Mutations.deepArray(10_000))));
        out.add(withLine(
                "10 000-deep nesting",
                "10 000 nested objects in data",
                mid,
                l -> l.replace("\"data\":{", "\"data\":{\"x\":" + Mutations.deepObject(10_000) + ",")));
        out.add(withLine(
                "10 000-deep nesting", "a line of 10 000 nested objects", mid, l -> Mutations.deepObject(10_000)));
        out.add(withLine("10 000-deep nesting", "10 000 unclosed arrays", mid, l -> "[".repeat(10_000)));
        // a 10 MB line: a tag value, or garbage, or a number
        String big = "a".repeat(10 << 20);
        out.add(withLine(
                "a 10 MB line",
                "a 10 MB name tag",
                mid,
                l -> l.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"" + big + "\"")));
        out.add(withLine("a 10 MB line", "a 10 MB line of garbage", mid, l -> big));
        out.add(withLine(
                "a 10 MB line",
                "a 10 MB number",
                mid,
                l -> l.replaceFirst("\"value\":[0-9.]+", "\"value\":1" + "0".repeat(10 << 20))));
        out.add(ndjson("a 10 MB line", "10 MB without a line break", Mutations.utf8(big)));
        // empty, a directory, missing, garbage with a .json.gz name
        out.add(read(NDJSON, "empty file", "0 bytes", "run.ndjson", new byte[0]).expectExit(2));
        out.add(read(NDJSON, "empty file", "only line breaks", "run.ndjson", Mutations.utf8("\n\n\n"))
                .expectExit(2));
        out.add(read(NDJSON, "empty file", "only whitespace", "run.ndjson", Mutations.utf8("   \t  "))
                .expectExit(2));
        out.add(new Case(NDJSON, "a directory", "a directory given as the load file")
                .directory("run.ndjson")
                .args("summarize", "-q", "@/run.ndjson")
                .culprit("run.ndjson")
                .expectExit(2));
        out.add(new Case(NDJSON, "a directory", "a directory given to analyze")
                .directory("run.ndjson")
                .args("analyze", "-q", "--load", "@/run.ndjson", "--out", "@/out")
                .culprit("run.ndjson")
                .expectExit(2));
        out.add(new Case(NDJSON, "a directory", "a file that does not exist")
                .args("summarize", "-q", "@/missing.ndjson")
                .culprit("missing.ndjson")
                .expectExit(2));
        for (int i = 0; i < 4; i++) {
            out.add(read(
                            GZIP,
                            "binary garbage with a .json.gz name",
                            "random bytes",
                            "run.json.gz",
                            Mutations.random(r, 1 + r.nextInt(20_000)))
                    .expectExit(2));
            out.add(read(
                            GZIP,
                            "binary garbage with a .json.gz name",
                            "gzip magic then random bytes",
                            "run.json.gz",
                            Mutations.concat(
                                    new byte[] {0x1f, (byte) 0x8b, 8, 0}, Mutations.random(r, r.nextInt(5000))))
                    .expectExit(2));
        }
        out.add(read(
                        GZIP,
                        "binary garbage with a .json.gz name",
                        "a gzip of random bytes",
                        "run.json.gz",
                        Mutations.gzip(Mutations.random(r, 30_000)))
                .expectExit(2));
        out.add(read(
                        GZIP,
                        "binary garbage with a .json.gz name",
                        "a gzip of nothing",
                        "run.json.gz",
                        Mutations.gzip(new byte[0]))
                .expectExit(2));
        out.add(read(
                        GZIP,
                        "binary garbage with a .json.gz name",
                        "a gzip of a gzip",
                        "run.json.gz",
                        Mutations.gzip(Mutations.gzip(seed)))
                .expectExit(2));
        out.add(read(
                        GZIP,
                        "binary garbage with a .json.gz name",
                        "a gzip bomb: 200 MB of zeros",
                        "run.json.gz",
                        zeros(200 << 20))
                .expectExit(2));
        for (String doc : List.of("{}", "[]", "null", "1", "\"x\"", "{\"type\":\"Point\"}", "[{\"type\":\"Point\"}]")) {
            out.add(ndjson("missing fields", "the file is " + doc, Mutations.utf8(doc + "\n")));
        }
        return out;
    }

    /**
     * The size and overflow cases again, each in a JVM of its own with a 256 MB heap: an unbounded allocation shows as
     * the JVM's own OutOfMemoryError, the exit code is the process's, and nothing the JVM prints escapes the check.
     */
    List<Case> forked() {
        List<Case> out = new ArrayList<>();
        String family = "size and overflow in a 256 MB JVM";
        int mid = seedLines.size() / 2;
        String big = "a".repeat(10 << 20);
        List<String> lines = new ArrayList<>(seedLines);
        lines.set(mid, lines.get(mid).replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"" + big + "\""));
        out.add(forked(NDJSON, family, "a 10 MB name tag", "run.ndjson", Mutations.join(lines)));
        lines.set(mid, big);
        out.add(forked(NDJSON, family, "a 10 MB line of garbage", "run.ndjson", Mutations.join(lines))
                .expectExit(2));
        out.add(forked(GZIP, family, "a gzip bomb: 200 MB of zeros", "run.json.gz", zeros(200 << 20))
                .expectExit(2));
        for (String[] m : new String[][] {{"vus", "1"}, {"http_req_duration", "100"}, {"http_reqs", "-1"}}) {
            List<String> moved = new ArrayList<>();
            for (String l : seedLines) {
                if (l.contains("\"type\":\"Point\"") && l.contains("\"metric\":\"" + m[0] + "\"")) {
                    ObjectNode o = (ObjectNode) Mutations.tree(Mutations.utf8(l));
                    ObjectNode data = (ObjectNode) o.get("data");
                    data.put(
                            "time",
                            OffsetDateTime.parse(data.get("time").asText())
                                    .plusYears(Integer.parseInt(m[1]))
                                    .toString());
                    moved.add(Mutations.text(Mutations.write(o)));
                } else {
                    moved.add(l);
                }
            }
            out.add(forked(
                            NDJSON,
                            family,
                            "every " + m[0] + " point moved by " + m[1] + " years",
                            "run.ndjson",
                            Mutations.join(moved))
                    .expectExit(2));
        }
        List<String> csv = Mutations.lines(csvSeed);
        out.add(forked(
                        CSV,
                        family,
                        "a quoted field never closed, 10 MB",
                        "run.csv",
                        Mutations.utf8(csv.get(0) + "\n\"" + big))
                .expectExit(2));
        out.add(forked(
                        CSV,
                        family,
                        "a timestamp of 1e30 s",
                        "run.csv",
                        Mutations.utf8(
                                csv.get(0) + "\n" + csv.get(1).replace("1795665292", "1" + "0".repeat(30)) + "\n"))
                .expectExit(2));
        return out;
    }

    private static Case forked(String format, String family, String what, String file, byte[] content) {
        return new Case(format, family, what)
                .file(file, content)
                .args("analyze", "-q", "--load", "@/" + file, "--out", "@/out", "--format", "json,html")
                .culprit(file)
                .forked("256m");
    }

    private static byte[] zeros(int n) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(o)) {
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < n; i += chunk.length) {
                z.write(chunk);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return o.toByteArray();
    }

    List<Case> gzipCases() {
        List<Case> out = new ArrayList<>();
        byte[] gz = Mutations.gzip(seed);
        for (int i = 0; i < 40; i++) {
            int at = 1 + r.nextInt(gz.length - 1);
            out.add(read(
                            GZIP,
                            "truncation inside gzip",
                            "gzip cut at byte " + at + " of " + gz.length,
                            "run.json.gz",
                            Mutations.truncate(gz, at))
                    .oracle(gzipOracle(Mutations.truncate(gz, at))));
        }
        for (int i = 0; i < 30; i++) {
            List<Integer> where = new ArrayList<>();
            byte[] b = Mutations.flipBits(gz, r, 1 + r.nextInt(2), where);
            out.add(read(GZIP, "bit flips inside gzip", "bits flipped at " + where, "run.json.gz", b)
                    .oracle(gzipOracle(b)));
        }
        byte[] two = Mutations.concat(gz, Mutations.gzip(Mutations.join(seedLines.subList(0, 40))));
        out.add(read(GZIP, "truncation inside gzip", "two gzip members", "run.json.gz", two)
                .oracle(gzipOracle(two))
                .expectExit(0));
        return out;
    }

    /** A damaged gzip: an error, or the lines it still inflates to, judged like a plain file. */
    private Case.Oracle gzipOracle(byte[] gz) {
        byte[] inflated = inflate(gz);
        return inflated == null ? Case.Oracle.NONE : K6Lines.oracle(K6Lines.ndjson(seed, inflated));
    }

    /** What a gzip stream inflates to when it is whole, or null when it is damaged. */
    static byte[] inflate(byte[] gz) {
        try (java.util.zip.GZIPInputStream in =
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    List<Case> csvCases() {
        List<Case> out = new ArrayList<>();
        List<String> lines = Mutations.lines(csvSeed);
        for (int i = 0; i < 30; i++) {
            int at = r.nextInt(csvSeed.length);
            out.add(csv("truncation", "cut at byte " + at, Mutations.truncate(csvSeed, at)));
        }
        for (int i = 0; i < 60; i++) {
            List<Integer> where = new ArrayList<>();
            byte[] flipped = Mutations.flipBits(csvSeed, r, 1 + r.nextInt(3), where);
            out.add(csv("bit flips", "bits flipped at " + where, flipped));
        }
        List<String> body = lines.subList(1, lines.size());
        for (int i = 0; i < 15; i++) {
            int k = 1 + r.nextInt(5);
            out.add(csv(
                    "deleted/duplicated/shuffled lines",
                    k + " rows deleted",
                    withHeader(lines.get(0), Mutations.deleteLines(body, r, k))));
            out.add(csv(
                    "deleted/duplicated/shuffled lines",
                    k + " rows duplicated",
                    withHeader(lines.get(0), Mutations.duplicateLines(body, r, k))));
            out.add(csv(
                    "deleted/duplicated/shuffled lines",
                    "rows shuffled",
                    withHeader(lines.get(0), Mutations.shuffleLines(body, r, 0, 2 + r.nextInt(60)))));
        }
        // columns: reordered (same run), a column missing, an extra one, in the header only or in one row
        List<String> header = List.of(lines.get(0).split(",", -1));
        for (int i = 0; i < 12; i++) {
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < header.size(); k++) {
                order.add(k);
            }
            java.util.Collections.shuffle(order, r);
            out.add(new Case(CSV, "CSV with missing/extra/reordered columns", "columns reordered " + order)
                    .file("run.csv", columns(lines, order, null))
                    .args("summarize", "-q", "@/run.csv")
                    .culprit("run.csv")
                    .expectExit(0)
                    .oracle(sameTotalsAs(csvSeed)));
        }
        for (int i = 0; i < 10; i++) {
            int drop = r.nextInt(header.size());
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < header.size(); k++) {
                if (k != drop) {
                    order.add(k);
                }
            }
            boolean required =
                    List.of("metric_name", "timestamp", "metric_value").contains(header.get(drop));
            Case c = new Case(
                            CSV, "CSV with missing/extra/reordered columns", "column " + header.get(drop) + " removed")
                    .file("run.csv", columns(lines, order, null))
                    .args("summarize", "-q", "@/run.csv")
                    .culprit("run.csv");
            out.add(required ? c.expectExit(2) : c.expectExit(0).oracle(sameTotalsAs(csvSeed)));
        }
        for (int i = 0; i < 6; i++) {
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < header.size(); k++) {
                order.add(k);
            }
            out.add(new Case(CSV, "CSV with missing/extra/reordered columns", "an extra column 'x" + i + "'")
                    .file("run.csv", columns(lines, order, "x" + i))
                    .args("summarize", "-q", "@/run.csv")
                    .culprit("run.csv")
                    .expectExit(0)
                    .oracle(sameTotalsAs(csvSeed)));
        }
        for (int i = 0; i < 8; i++) {
            int row = 1 + r.nextInt(lines.size() - 1);
            List<String> c = new ArrayList<>(lines);
            c.set(
                    row,
                    i % 2 == 0
                            ? c.get(row) + ",extra"
                            : c.get(row).substring(0, c.get(row).lastIndexOf(',')));
            out.add(csv(
                    "CSV with missing/extra/reordered columns",
                    (i % 2 == 0 ? "a field too many" : "a field too few") + " at line " + (row + 1),
                    Mutations.join(c)));
        }
        out.add(csv(
                "CSV with missing/extra/reordered columns", "the header only", Mutations.join(lines.subList(0, 1))));
        out.add(csv("CSV with missing/extra/reordered columns", "no header", Mutations.join(body)));
        // values and timestamps
        String[] values = {
            "NaN", "nan", "Infinity", "-Infinity", "+Inf", "1e309", "-1", "", "1,5", "0x1p3", "1e300", "  1", "1_000"
        };
        for (int i = 0; i < 26; i++) {
            out.add(csvField("NaN/Infinity/huge numbers", 2, values[i % values.length], lines));
        }
        String[] times = {
            "NaN",
            "Infinity",
            "-Infinity",
            "1e30",
            "-1",
            "0",
            "9999999999",
            "99999999999999999",
            "9223372036854775807",
            "1795665292.5",
            "1795665292.9999999999",
            "2026-11-26T04:54:52+01:00",
            "2300-01-01T00:00:00Z",
            "1795665292104",
            "1795665292104720",
            "1795665292104720988",
            "",
            "-1795665292",
            "10000000000",
            "1.7e9",
            "2026/11/26"
        };
        for (int i = 0; i < 42; i++) {
            out.add(csvField("timestamps in other formats/zones and far years", 1, times[i % times.length], lines));
        }
        for (int i = 0; i < 10; i++) {
            out.add(csvNegative(lines));
        }
        String text = Mutations.text(csvSeed);
        out.add(csv("line endings", "CRLF line ends", Mutations.utf8(text.replace("\n", "\r\n"))));
        out.add(csv("line endings", "CR-only line ends", Mutations.utf8(text.replace("\n", "\r"))));
        out.add(csv(
                "BOM/UTF-16/invalid UTF-8",
                "UTF-8 byte order mark",
                Mutations.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, csvSeed)));
        out.add(csv("BOM/UTF-16/invalid UTF-8", "UTF-16LE", text.getBytes(StandardCharsets.UTF_16LE)));
        out.add(csv("BOM/UTF-16/invalid UTF-8", "UTF-16 with BOM", text.getBytes(StandardCharsets.UTF_16)));
        for (int i = 0; i < 4; i++) {
            int row = 1 + r.nextInt(lines.size() - 1);
            List<String> c = new ArrayList<>(lines);
            byte[] head = Mutations.join(c.subList(0, row));
            byte[] tail = Mutations.join(c.subList(row, c.size()));
            out.add(csv(
                    "BOM/UTF-16/invalid UTF-8",
                    "invalid UTF-8 before line " + (row + 1),
                    Mutations.concat(head, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, tail)));
        }
        out.add(csv(
                "a 10 MB line", "a 10 MB quoted field", Mutations.utf8(lines.get(0) + "\n\"" + "a".repeat(10 << 20))));
        out.add(csv("a 10 MB line", "a 10 MB row", Mutations.utf8(lines.get(0) + "\n" + "a,".repeat(5 << 20) + "\n")));
        out.add(read(CSV, "empty file", "0 bytes", "run.csv", new byte[0]).expectExit(2));
        return out;
    }

    private Case csv(String family, String what, byte[] content) {
        return read(CSV, family, what, "run.csv", content).oracle(K6Lines.oracle(K6Lines.csv(csvSeed, content)));
    }

    private Case csvField(String family, int column, String value, List<String> lines) {
        int row = 1 + r.nextInt(lines.size() - 1);
        List<String> c = new ArrayList<>(lines);
        String[] f = c.get(row).split(",", -1);
        f[column] = value;
        c.set(row, String.join(",", f));
        return csv(family, "field " + (column + 1) + " := '" + value + "' at line " + (row + 1), Mutations.join(c));
    }

    private Case csvNegative(List<String> lines) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("http_req_duration,") || lines.get(i).startsWith("iteration_duration,")) {
                rows.add(i);
            }
        }
        int row = rows.get(r.nextInt(rows.size()));
        List<String> c = new ArrayList<>(lines);
        String[] f = c.get(row).split(",", -1);
        f[2] = "-" + f[2];
        c.set(row, String.join(",", f));
        return csv("negative durations", f[0] + " := " + f[2] + " at line " + (row + 1), Mutations.join(c))
                .expectExit(2);
    }

    private static byte[] withHeader(String header, List<String> body) {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(body);
        return Mutations.join(all);
    }

    private static byte[] columns(List<String> lines, List<Integer> order, String extra) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            List<String> g = new ArrayList<>();
            for (int k : order) {
                g.add(f[k]);
            }
            if (extra != null) {
                g.add(i == 0 ? extra : "v" + i);
            }
            out.add(String.join(",", g));
        }
        return Mutations.join(out);
    }

    /** A run with the same requests and window as the seed's. */
    static Case.Oracle sameTotalsAs(byte[] seedContent) {
        List<K6Lines.Line> lines = K6Lines.csv(seedContent, seedContent);
        return K6Lines.oracle(
                lines == null
                        ? List.of()
                        : lines.stream()
                                .map(l -> new K6Lines.Line(
                                        l.number(), false, l.valid(), l.metric(), l.value(), l.time(), l.cut()))
                                .toList());
    }

    // ---- helpers over the NDJSON seed ----

    private interface TreeDamage {
        String apply(ObjectNode line, Mutations.Slot slot);
    }

    /** A random line's JSON tree damaged at a random slot. */
    private Case lineTree(String family, TreeDamage damage) {
        int line = r.nextInt(seedLines.size());
        ObjectNode o = (ObjectNode) Mutations.tree(Mutations.utf8(seedLines.get(line)));
        List<Mutations.Slot> slots = Mutations.slots(o);
        Mutations.Slot slot = slots.get(r.nextInt(slots.size()));
        String what = damage.apply(o, slot);
        return replaceLine(family, what + " at line " + (line + 1), line, o);
    }

    private Case pointValue(String family, String token) {
        int line = randomPoint();
        ObjectNode o = (ObjectNode) Mutations.tree(Mutations.utf8(seedLines.get(line)));
        ((ObjectNode) o.get("data")).put("value", Mutations.RAW);
        String text = Mutations.text(Mutations.write(o)).replace("\"" + Mutations.RAW + "\"", token);
        List<String> lines = new ArrayList<>(seedLines);
        lines.set(line, text);
        return ndjson(family, "data.value := " + token + " at line " + (line + 1), Mutations.join(lines));
    }

    private Case replaceLine(String family, String what, int line, JsonNode replacement) {
        List<String> lines = new ArrayList<>(seedLines);
        lines.set(line, Mutations.text(Mutations.write(replacement)));
        return ndjson(family, what, Mutations.join(lines));
    }

    private Case withLine(String family, String what, int line, Function<String, String> f) {
        List<String> lines = new ArrayList<>(seedLines);
        lines.set(line, f.apply(lines.get(line)));
        return ndjson(family, what, Mutations.join(lines));
    }

    private int randomPoint() {
        return randomLine(null, "\"type\":\"Point\"");
    }

    private int randomLine(String metric) {
        return randomLine(metric, "\"type\":\"Point\"");
    }

    private int randomLine(String metric, String mark) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < seedLines.size(); i++) {
            String l = seedLines.get(i);
            if (l.contains(mark) && (metric == null || l.contains("\"metric\":\"" + metric + "\""))) {
                candidates.add(i);
            }
        }
        return candidates.get(r.nextInt(candidates.size()));
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X", x & 0xff));
        }
        return sb.toString();
    }
}
