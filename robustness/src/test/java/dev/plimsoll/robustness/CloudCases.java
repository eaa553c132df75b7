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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Damaged CloudWatch and Datadog recordings, analysed over the S1 run (a k6 run cut down to one request in 25,
 * see the seeds' README). Where the damage changes nothing the data means (points reordered or repeated, fields
 * reordered), the oracle demands the undamaged recording's verdict, bottleneck and findings; where it makes a value
 * unreadable (a string or a boolean where a number belongs), an error naming the file and the field — never a value
 * read as 0.
 */
final class CloudCases {
    static final String CLOUDWATCH = "cloudwatch-recording";
    static final String DATADOG = "datadog-recording";

    private final Random r;
    private final Map<String, byte[]> cloudwatch;
    private final Map<String, byte[]> datadog;
    /** The undamaged recordings' outcome, set by the first case of each source (they run in order). */
    private final Map<String, String> baseline = new LinkedHashMap<>();

    CloudCases(Random r, Map<String, byte[]> cloudwatch, Map<String, byte[]> datadog) {
        this.r = r;
        this.cloudwatch = cloudwatch;
        this.datadog = datadog;
    }

    /** A case: the recording folder with one file replaced (or removed, with null), analysed. */
    private Case recording(String format, String family, String what, String file, byte[] content) {
        boolean cw = format.equals(CLOUDWATCH);
        Map<String, byte[]> files = new LinkedHashMap<>(cw ? cloudwatch : datadog);
        if (content == null) {
            files.remove(file);
        } else {
            files.put(file, content);
        }
        String dir = cw ? "cloudwatch" : "datadog";
        Case c = new Case(format, family, what);
        files.forEach((name, bytes) -> c.file(dir + "/" + name, bytes));
        return c.args(
                        "analyze",
                        "-q",
                        "--load",
                        "@@/s1/k6.ndjson.gz",
                        cw ? "--cloudwatch-replay" : "--datadog-replay",
                        "@/" + dir,
                        "--max-nodes",
                        "4",
                        "--gate",
                        "scaling_lag<=150s",
                        "--gate",
                        "bottleneck!=load_balancer",
                        "--out",
                        "@/out",
                        "--format",
                        "json")
                .culprit(file == null ? dir : file);
    }

    /** The verdict, bottleneck, findings and gate figures of the JSON report: what an equivalent input must keep. */
    static String essence(Case.Outcome o) throws Exception {
        JsonNode report = Mutations.JSON.readTree(
                o.dir().resolve("out").resolve("plimsoll-report.json").toFile());
        TreeSet<String> findings = new TreeSet<>();
        report.path("findings")
                .forEach(f -> findings.add(
                        f.path("kind").asText() + "/" + f.path("severity").asText()));
        List<String> gates = new ArrayList<>();
        report.path("gates")
                .forEach(g -> gates.add(
                        g.path("expression").asText() + "=" + g.path("outcome").asText()));
        return "verdict " + report.path("verdict").asText() + ", bottleneck "
                + report.path("bottleneck").asText() + ", findings " + findings + ", gates " + gates;
    }

    private Case.Oracle remember(String key) {
        return o -> {
            if (o.exit() == 2) {
                throw new AssertionError("the undamaged recording must be read: " + o.err());
            }
            baseline.put(key, essence(o));
        };
    }

    private Case.Oracle sameAsBaseline(String key) {
        return o -> {
            if (o.exit() == 2) {
                throw new AssertionError("a recording that means the same must be read like the undamaged one");
            }
            String expected = baseline.get(key);
            String actual = essence(o);
            if (expected != null && !expected.equals(actual)) {
                throw new AssertionError(
                        "the same data must give the same analysis: expected " + expected + ", but got " + actual);
            }
        };
    }

    private static Case.Oracle refusedNaming(String... words) {
        return o -> {
            if (o.exit() != 2) {
                throw new AssertionError("must be refused (exit 2), but the exit was " + o.exit() + ": a value that is"
                        + " not a number must not be read as one");
            }
            for (String w : words) {
                if (!o.err().contains(w)) {
                    throw new AssertionError("the error must name '" + w + "': " + Contract.firstLine(o.err()));
                }
            }
        };
    }

    // ---- CloudWatch ----

    List<Case> cloudwatch() {
        List<Case> out = new ArrayList<>();
        String gmd = "get-metric-data.json";
        String req = "request.json";
        String mdq = "metric-data-queries.json";
        out.add(recording(CLOUDWATCH, "undamaged", "the S1 recording as recorded", gmd, cloudwatch.get(gmd))
                .oracle(remember(CLOUDWATCH)));
        jsonDamage(out, CLOUDWATCH, gmd, cloudwatch.get(gmd), 15, 25, 30, 10, 15);
        jsonDamage(out, CLOUDWATCH, req, cloudwatch.get(req), 5, 10, 15, 5, 8);
        jsonDamage(out, CLOUDWATCH, mdq, cloudwatch.get(mdq), 0, 5, 0, 0, 0);
        // Values of the wrong JSON type: an error naming Values, never a 0 (the issue: a scaling finding vanished)
        String[] wrong = {"\"42\"", "true", "{}", "[]", "\"NaN\"", "\"\""};
        for (int i = 0; i < 12; i++) {
            String token = wrong[i % wrong.length];
            out.add(cwResultValue("wrong JSON types", "a value := " + token, token)
                    .oracle(refusedNaming(gmd, "Values")));
        }
        String[] numbers = {"NaN", "Infinity", "1e309", "-1e309"};
        for (String token : numbers) {
            out.add(cwResultValue("NaN/Infinity/huge numbers", "a value := " + token, token)
                    .expectExit(2));
        }
        for (String token : new String[] {"1e300", "-5", "0", "4.9e-324", "null"}) {
            out.add(cwResultValue("NaN/Infinity/huge numbers", "a value := " + token, token));
        }
        for (int i = 0; i < 6; i++) {
            JsonNode root = Mutations.tree(cloudwatch.get(gmd));
            ObjectNode result = result(root, true);
            ((ArrayNode) result.get(i % 2 == 0 ? "Timestamps" : "Values")).remove(0);
            out.add(recording(
                            CLOUDWATCH,
                            "Timestamps/Values of different lengths",
                            "one " + (i % 2 == 0 ? "timestamp" : "value") + " fewer in " + result.get("Id"),
                            gmd,
                            Mutations.writePretty(root))
                    .oracle(refusedNaming(gmd)));
        }
        for (int i = 0; i < 8; i++) {
            JsonNode root = Mutations.tree(cloudwatch.get(gmd));
            ObjectNode result = result(root, true);
            ArrayNode ts = (ArrayNode) result.get("Timestamps");
            ArrayNode vs = (ArrayNode) result.get("Values");
            String what;
            if (i % 2 == 0) {
                int k = r.nextInt(ts.size());
                ts.insert(k, ts.get(k));
                vs.insert(k, vs.get(k));
                what = "point " + k + " of " + result.get("Id") + " repeated";
            } else {
                List<int[]> order = new ArrayList<>();
                for (int k = 0; k < ts.size(); k++) {
                    order.add(new int[] {k});
                }
                java.util.Collections.shuffle(order, r);
                ArrayNode t2 = Mutations.NODES.arrayNode();
                ArrayNode v2 = Mutations.NODES.arrayNode();
                for (int[] k : order) {
                    t2.add(ts.get(k[0]));
                    v2.add(vs.get(k[0]));
                }
                result.set("Timestamps", t2);
                result.set("Values", v2);
                what = "points of " + result.get("Id") + " shuffled";
            }
            out.add(recording(CLOUDWATCH, "duplicate or unsorted timestamps", what, gmd, Mutations.writePretty(root))
                    .oracle(sameAsBaseline(CLOUDWATCH)));
        }
        for (int i = 0; i < 4; i++) {
            JsonNode root = Mutations.tree(cloudwatch.get(gmd));
            ObjectNode result = result(root, true);
            ArrayNode ts = (ArrayNode) result.get("Timestamps");
            ArrayNode vs = (ArrayNode) result.get("Values");
            int k = r.nextInt(ts.size());
            ts.insert(k, ts.get(k));
            vs.insert(k, vs.get(k).asDouble() * 3 + 7);
            out.add(recording(
                    CLOUDWATCH,
                    "duplicate or unsorted timestamps",
                    "point " + k + " of " + result.get("Id") + " repeated with another value",
                    gmd,
                    Mutations.writePretty(root)));
        }
        String[] statuses = {"PartialData", "InternalError", "Forbidden", "Garbage", ""};
        for (int i = 0; i < 10; i++) {
            JsonNode root = Mutations.tree(cloudwatch.get(gmd));
            ObjectNode result = result(root, r.nextBoolean());
            String status = statuses[i % statuses.length];
            result.put("StatusCode", status);
            ArrayNode messages = result.putArray("Messages");
            messages.addObject().put("Code", "ArithmeticError").put("Value", "marker-" + i + " division by zero");
            if (i % 3 == 0) {
                ((ObjectNode) root)
                        .putArray("Messages")
                        .addObject()
                        .put("Code", "MaxQueryTimeRangeExceed")
                        .put("Value", "page-marker-" + i);
            }
            if (status.equals("InternalError")) {
                result.putArray("Timestamps");
                result.putArray("Values");
            }
            out.add(recording(
                    CLOUDWATCH,
                    "PartialData/InternalError with Messages",
                    result.get("Id") + " StatusCode := '" + status + "' with Messages",
                    gmd,
                    Mutations.writePretty(root)));
        }
        {
            JsonNode root = Mutations.tree(cloudwatch.get(gmd));
            ((ObjectNode) root).putArray("MetricDataResults");
            out.add(recording(
                    CLOUDWATCH, "empty results", "MetricDataResults := []", gmd, Mutations.writePretty(root)));
            JsonNode all = Mutations.tree(cloudwatch.get(gmd));
            all.get("MetricDataResults").forEach(x -> {
                ((ObjectNode) x).putArray("Timestamps");
                ((ObjectNode) x).putArray("Values");
            });
            out.add(recording(
                    CLOUDWATCH, "empty results", "every result without points", gmd, Mutations.writePretty(all)));
            out.add(recording(CLOUDWATCH, "empty results", "the page is {}", gmd, Mutations.utf8("{}")));
            out.add(recording(CLOUDWATCH, "empty results", "a list of no pages", gmd, Mutations.utf8("[]")));
        }
        for (String unit : new String[] {"Bytes", "Percent", "Count/Second", "Banana", ""}) {
            JsonNode root = Mutations.tree(cloudwatch.get(req));
            JsonNode q = root.get("MetricDataQueries")
                    .get(r.nextInt(root.get("MetricDataQueries").size()));
            if (q.has("MetricStat")) {
                ((ObjectNode) q.get("MetricStat")).put("Unit", unit);
            }
            out.add(recording(
                    CLOUDWATCH,
                    "wrong units",
                    q.get("Id") + " Unit := '" + unit + "'",
                    req,
                    Mutations.writePretty(root)));
        }
        for (String period : new String[] {"0", "-60", "\"60\"", "60.5", "1e12", "2147483648", "null", "1"}) {
            JsonNode root = Mutations.tree(cloudwatch.get(req));
            ObjectNode ms = (ObjectNode) root.get("MetricDataQueries").get(0).get("MetricStat");
            ms.put("Period", Mutations.RAW);
            byte[] doc = Mutations.replaceAll(Mutations.writePretty(root), "\"" + Mutations.RAW + "\"", period);
            Case c = recording(CLOUDWATCH, "Period 0, negative or of the wrong type", "Period := " + period, req, doc);
            if (!period.equals("1")) {
                c.oracle(refusedNaming(req, "Period"));
            }
            out.add(c);
        }
        for (String t : Mutations.HOSTILE_TIMES) {
            JsonNode root = Mutations.tree(cloudwatch.get(gmd));
            ObjectNode result = result(root, true);
            ArrayNode ts = (ArrayNode) result.get("Timestamps");
            ts.set(r.nextInt(ts.size()), Mutations.NODES.textNode(t));
            out.add(recording(
                    CLOUDWATCH,
                    "timestamps in other formats/zones and far years",
                    result.get("Id") + " timestamp := '" + t + "'",
                    gmd,
                    Mutations.writePretty(root)));
        }
        for (String[] w : new String[][] {
            {"2026-11-26T05:09:00Z", "2026-11-26T05:01:00Z"},
            {"2300-01-01T00:00:00Z", "2300-01-02T00:00:00Z"},
            {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"},
            {"2026-11-26T05:01:00Z", "2026-11-26T05:01:00Z"}
        }) {
            JsonNode root = Mutations.tree(cloudwatch.get(req));
            ((ObjectNode) root).put("StartTime", w[0]).put("EndTime", w[1]);
            out.add(recording(
                    CLOUDWATCH,
                    "timestamps in other formats/zones and far years",
                    "StartTime " + w[0] + ", EndTime " + w[1],
                    req,
                    Mutations.writePretty(root)));
        }
        specials(out, CLOUDWATCH, gmd, cloudwatch.get(gmd));
        out.add(recording(
                        CLOUDWATCH, "missing fields", "request.json removed, metric-data-queries.json empty", req, null)
                .file("cloudwatch/" + mdq, Mutations.utf8(""))
                .culprit(mdq)
                .expectExit(2));
        out.add(recording(CLOUDWATCH, "missing fields", "request.json and metric-data-queries.json removed", req, null)
                .file("cloudwatch/" + mdq, null)
                .culprit("request.json")
                .expectExit(2));
        return out;
    }

    /** A random result of a get-metric-data page; with points when asked. */
    private ObjectNode result(JsonNode root, boolean withPoints) {
        List<ObjectNode> candidates = new ArrayList<>();
        root.get("MetricDataResults").forEach(x -> {
            if (!withPoints || x.get("Values").size() > 1) {
                candidates.add((ObjectNode) x);
            }
        });
        return candidates.get(r.nextInt(candidates.size()));
    }

    private Case cwResultValue(String family, String what, String token) {
        JsonNode root = Mutations.tree(cloudwatch.get("get-metric-data.json"));
        ObjectNode result = result(root, true);
        ArrayNode vs = (ArrayNode) result.get("Values");
        int k = r.nextInt(vs.size());
        vs.set(k, Mutations.NODES.textNode(Mutations.RAW));
        byte[] doc = Mutations.replaceAll(Mutations.writePretty(root), "\"" + Mutations.RAW + "\"", token);
        return recording(
                CLOUDWATCH,
                family,
                result.get("Id").asText() + ".Values[" + k + "]: " + what,
                "get-metric-data.json",
                doc);
    }

    // ---- shared damage ----

    private void jsonDamage(
            List<Case> out,
            String format,
            String file,
            byte[] seed,
            int truncations,
            int flips,
            int wrongTypes,
            int nulls,
            int missing) {
        for (int i = 0; i < truncations; i++) {
            int at = r.nextInt(seed.length);
            out.add(recording(format, "truncation", file + " cut at byte " + at, file, Mutations.truncate(seed, at)));
        }
        for (int i = 0; i < flips; i++) {
            List<Integer> where = new ArrayList<>();
            byte[] b = Mutations.flipBits(seed, r, 1 + r.nextInt(3), where);
            out.add(recording(format, "bit flips", file + " bits flipped at " + where, file, b));
        }
        for (int i = 0; i < wrongTypes; i++) {
            JsonNode root = Mutations.tree(seed);
            List<Mutations.Slot> slots = Mutations.slots(root);
            Mutations.Slot slot = slots.get(r.nextInt(slots.size()));
            JsonNode v = Mutations.wrongType(r, slot.get());
            slot.set(v);
            out.add(recording(
                    format,
                    "wrong JSON types",
                    file + ": " + slot.path() + " := " + v,
                    file,
                    Mutations.writePretty(root)));
        }
        for (int i = 0; i < nulls; i++) {
            JsonNode root = Mutations.tree(seed);
            List<Mutations.Slot> slots = Mutations.slots(root);
            Mutations.Slot slot = slots.get(r.nextInt(slots.size()));
            slot.set(Mutations.NODES.nullNode());
            out.add(recording(
                    format, "null", file + ": " + slot.path() + " := null", file, Mutations.writePretty(root)));
        }
        for (int i = 0; i < missing; i++) {
            JsonNode root = Mutations.tree(seed);
            List<Mutations.Slot> slots = Mutations.slots(root);
            Mutations.Slot slot = slots.get(r.nextInt(slots.size()));
            slot.remove();
            out.add(recording(
                    format,
                    "missing fields",
                    file + ": " + slot.path() + " removed",
                    file,
                    Mutations.writePretty(root)));
        }
    }

    private void specials(List<Case> out, String format, String file, byte[] seed) {
        String text = new String(seed, StandardCharsets.UTF_8);
        out.add(recording(format, "empty file", file + " is empty", file, new byte[0])
                .expectExit(2));
        out.add(recording(
                format,
                "BOM/UTF-16/invalid UTF-8",
                file + " with a UTF-8 byte order mark",
                file,
                Mutations.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, seed)));
        out.add(recording(
                format, "BOM/UTF-16/invalid UTF-8", file + " in UTF-16", file, text.getBytes(StandardCharsets.UTF_16)));
        out.add(recording(
                format,
                "BOM/UTF-16/invalid UTF-8",
                file + " with invalid UTF-8",
                file,
                Mutations.concat(
                        Mutations.truncate(seed, 40),
                        new byte[] {(byte) 0xC3, (byte) 0x28},
                        java.util.Arrays.copyOfRange(seed, 40, seed.length))));
        out.add(recording(
                format,
                "10 000-deep nesting",
                file + " inside 10 000 arrays",
                file,
                Mutations.utf8("[".repeat(10_000) + text + "]".repeat(10_000))));
        out.add(recording(
                format,
                "10 000-deep nesting",
                file + " with 10 000 nested objects",
                file,
                Mutations.utf8("{\"x\":" + Mutations.deepObject(10_000) + ","
                        + text.strip().substring(1))));
        out.add(recording(
                format,
                "a 10 MB line",
                file + " with a 10 MB field",
                file,
                Mutations.utf8("{\"x\":\"" + "a".repeat(10 << 20) + "\","
                        + text.strip().substring(1))));
        out.add(recording(
                format,
                "binary garbage with a .json.gz name",
                file + " of random bytes",
                file,
                Mutations.random(r, 5000)));
        out.add(recording(
                format, "binary garbage with a .json.gz name", file + " gzipped", file, Mutations.gzip(seed)));
        Case dir = recording(format, "a directory", file + " is a directory", file, null);
        dir.directory((format.equals(CLOUDWATCH) ? "cloudwatch/" : "datadog/") + file);
        out.add(dir.expectExit(2));
        out.add(new Case(format, "a directory", "the recording folder does not exist")
                .args(
                        "analyze",
                        "-q",
                        "--load",
                        "@@/s1/k6.ndjson.gz",
                        format.equals(CLOUDWATCH) ? "--cloudwatch-replay" : "--datadog-replay",
                        "@/nothing-here",
                        "--out",
                        "@/out")
                .culprit("nothing-here")
                .expectExit(2));
        out.add(new Case(format, "a directory", "the recording folder is a file")
                .file("a-file", Mutations.utf8("{}"))
                .args(
                        "analyze",
                        "-q",
                        "--load",
                        "@@/s1/k6.ndjson.gz",
                        format.equals(CLOUDWATCH) ? "--cloudwatch-replay" : "--datadog-replay",
                        "@/a-file",
                        "--out",
                        "@/out")
                .culprit("a-file")
                .expectExit(2));
    }

    // ---- Datadog ----

    List<Case> datadog() {
        List<Case> out = new ArrayList<>();
        List<String> v1 = new ArrayList<>();
        datadog.keySet().forEach(f -> {
            if (f.startsWith("v1_")) {
                v1.add(f);
            }
        });
        String index = "requests.json";
        String v2 = "v2_timeseries.json";
        String v2req = "v2_timeseries.request.json";
        out.add(recording(DATADOG, "undamaged", "the S1 recording as recorded", index, datadog.get(index))
                .oracle(remember(DATADOG)));
        for (int i = 0; i < 6; i++) {
            String f = v1.get(r.nextInt(v1.size()));
            jsonDamage(out, DATADOG, f, datadog.get(f), 3, 5, 6, 2, 2);
        }
        jsonDamage(out, DATADOG, index, datadog.get(index), 4, 8, 12, 4, 6);
        jsonDamage(out, DATADOG, v2, datadog.get(v2), 3, 6, 8, 2, 3);
        jsonDamage(out, DATADOG, v2req, datadog.get(v2req), 2, 4, 6, 2, 3);
        // status: error, as the API answers a query it cannot run
        for (int i = 0; i < 5; i++) {
            String f = v1.get(r.nextInt(v1.size()));
            JsonNode root = Mutations.tree(datadog.get(f));
            ((ObjectNode) root).put("status", "error").put("error", "marker-" + i + ": Rate limit of 300 exceeded");
            if (i % 2 == 0) {
                ((ObjectNode) root).putArray("series");
            }
            out.add(recording(DATADOG, "status: error", f + " status := error", f, Mutations.writePretty(root))
                    .oracle(o -> {
                        String all = o.out() + o.err();
                        java.nio.file.Path json = o.dir().resolve("out").resolve("plimsoll-report.json");
                        if (java.nio.file.Files.exists(json)) {
                            all += java.nio.file.Files.readString(json);
                        }
                        if (!all.contains("Rate limit of 300 exceeded")) {
                            throw new AssertionError("the recorded query's error must be reported, not dropped");
                        }
                    }));
        }
        // null points, missing series, huge intervals, unsorted or repeated points
        for (int i = 0; i < 12; i++) {
            String f = v1.get(r.nextInt(v1.size()));
            JsonNode root = Mutations.tree(datadog.get(f));
            ArrayNode points = (ArrayNode) root.get("series").get(0).get("pointlist");
            int k = r.nextInt(points.size());
            String what;
            switch (i % 4) {
                case 0 -> {
                    ((ArrayNode) points.get(k)).set(1, Mutations.NODES.nullNode());
                    what = "pointlist[" + k + "] value := null";
                }
                case 1 -> {
                    ((ArrayNode) points.get(k)).set(0, Mutations.NODES.nullNode());
                    what = "pointlist[" + k + "] time := null";
                }
                case 2 -> {
                    points.set(k, Mutations.NODES.nullNode());
                    what = "pointlist[" + k + "] := null";
                }
                default -> {
                    ((ArrayNode) points.get(k)).removeAll();
                    what = "pointlist[" + k + "] := []";
                }
            }
            out.add(recording(DATADOG, "null points", f + " " + what, f, Mutations.writePretty(root)));
        }
        for (int i = 0; i < 6; i++) {
            String f = v1.get(r.nextInt(v1.size()));
            JsonNode root = Mutations.tree(datadog.get(f));
            String what;
            if (i % 3 == 0) {
                ((ObjectNode) root).putArray("series");
                what = "series := []";
            } else if (i % 3 == 1) {
                ((ObjectNode) root).remove("series");
                what = "series removed";
            } else {
                ((ObjectNode) root.get("series").get(0)).remove("pointlist");
                what = "series[0].pointlist removed";
            }
            out.add(recording(DATADOG, "missing series", f + " " + what, f, Mutations.writePretty(root)));
        }
        for (String interval : new String[] {"0", "-15", "1e12", "9223372036854775807", "\"15\"", "0.001"}) {
            String f = v1.get(r.nextInt(v1.size()));
            JsonNode root = Mutations.tree(datadog.get(f));
            ((ObjectNode) root.get("series").get(0)).put("interval", Mutations.RAW);
            byte[] doc = Mutations.replaceAll(Mutations.writePretty(root), "\"" + Mutations.RAW + "\"", interval);
            out.add(recording(DATADOG, "huge intervals", f + " interval := " + interval, f, doc));
        }
        for (String interval : new String[] {"0", "-15000", "9223372036854775807", "1"}) {
            JsonNode root = Mutations.tree(datadog.get(v2req));
            ((ObjectNode) root.get("data").get("attributes")).put("interval", Mutations.RAW);
            byte[] doc = Mutations.replaceAll(Mutations.writePretty(root), "\"" + Mutations.RAW + "\"", interval);
            out.add(recording(DATADOG, "huge intervals", v2req + " interval := " + interval, v2req, doc));
        }
        for (int i = 0; i < 6; i++) {
            String f = v1.get(r.nextInt(v1.size()));
            JsonNode root = Mutations.tree(datadog.get(f));
            ArrayNode points = (ArrayNode) root.get("series").get(0).get("pointlist");
            String what;
            if (i % 2 == 0) {
                int k = r.nextInt(points.size());
                points.insert(k, points.get(k).deepCopy());
                what = "pointlist[" + k + "] repeated";
            } else {
                List<JsonNode> ps = new ArrayList<>();
                points.forEach(ps::add);
                java.util.Collections.shuffle(ps, r);
                points.removeAll();
                ps.forEach(points::add);
                what = "pointlist shuffled";
            }
            out.add(recording(
                            DATADOG, "duplicate or unsorted timestamps", f + " " + what, f, Mutations.writePretty(root))
                    .oracle(sameAsBaseline(DATADOG)));
        }
        for (int i = 0; i < 4; i++) {
            String f = v1.get(r.nextInt(v1.size()));
            JsonNode root = Mutations.tree(datadog.get(f));
            ArrayNode points = (ArrayNode) root.get("series").get(0).get("pointlist");
            String what;
            long shift = new long[] {-1_000_000L, 0, 365L * 86_400_000, 300L * 365 * 86_400_000}[i];
            for (JsonNode p : points) {
                long t = p.get(0).asLong();
                ((ArrayNode) p).set(0, Mutations.NODES.numberNode(i == 1 ? t / 1000 : t + shift));
            }
            what = i == 1 ? "point times in seconds" : "point times shifted by " + shift + " ms";
            out.add(recording(
                    DATADOG,
                    "timestamps in other formats/zones and far years",
                    f + " " + what,
                    f,
                    Mutations.writePretty(root)));
        }
        {
            JsonNode root = Mutations.tree(datadog.get(v2));
            ArrayNode values =
                    (ArrayNode) root.get("data").get("attributes").get("values").get(0);
            values.remove(values.size() - 1);
            out.add(recording(
                    DATADOG,
                    "Timestamps/Values of different lengths",
                    "v2 values shorter than times",
                    v2,
                    Mutations.writePretty(root)));
            JsonNode root2 = Mutations.tree(datadog.get(v2));
            ((ArrayNode) root2.get("data").get("attributes").get("times")).remove(0);
            out.add(recording(
                    DATADOG,
                    "Timestamps/Values of different lengths",
                    "v2 times shorter than values",
                    v2,
                    Mutations.writePretty(root2)));
        }
        // requests.json: empty (the issue: every recording silently dropped), [], entries pointing anywhere
        out.add(recording(DATADOG, "empty file", "requests.json is empty", index, new byte[0])
                .oracle(refusedNaming(index)));
        out.add(recording(DATADOG, "empty file", "requests.json is []", index, Mutations.utf8("[]"))
                .expectExit(2));
        out.add(recording(DATADOG, "empty file", "requests.json is {}", index, Mutations.utf8("{}"))
                .expectExit(2));
        for (String target : new String[] {
            "../../../../../../etc/passwd",
            "/etc/passwd",
            "..",
            "missing.json",
            "requests.json",
            "v2_timeseries.request.json"
        }) {
            JsonNode root = Mutations.tree(datadog.get(index));
            ((ObjectNode) root.get(0)).put("file", target);
            out.add(recording(
                            DATADOG,
                            "missing fields",
                            "requests.json[0].file := '" + target + "'",
                            index,
                            Mutations.writePretty(root))
                    .expectExit(2));
        }
        for (String f : v1.subList(0, 3)) {
            out.add(recording(DATADOG, "empty file", f + " is empty", f, new byte[0])
                    .oracle(refusedNaming(f)));
        }
        specials(out, DATADOG, v1.get(0), datadog.get(v1.get(0)));
        return out;
    }
}
