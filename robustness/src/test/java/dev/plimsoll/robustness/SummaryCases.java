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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damaged k6 summaries ({@code --summary-export} and {@code handleSummary} data), read by {@code summarize}. The
 * oracle: the request total printed is the document's {@code http_reqs} count when that is a plausible number; a count
 * of any other type is an error, never a silent 0.
 */
final class SummaryCases {
    static final String EXPORT = "k6-summary-export";
    static final String HANDLE = "k6-handle-summary";

    private final Random r;

    SummaryCases(Random r) {
        this.r = r;
    }

    List<Case> cases(String format, byte[] seed) {
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            int at = r.nextInt(seed.length);
            out.add(summary(format, "truncation", "cut at byte " + at, Mutations.truncate(seed, at)));
        }
        for (int i = 0; i < 25; i++) {
            List<Integer> where = new ArrayList<>();
            byte[] flipped = Mutations.flipBits(seed, r, 1 + r.nextInt(3), where);
            out.add(summary(format, "bit flips", "bits flipped at " + where, flipped));
        }
        for (int i = 0; i < 30; i++) {
            JsonNode root = Mutations.tree(seed);
            List<Mutations.Slot> slots = Mutations.slots(root);
            Mutations.Slot slot = slots.get(r.nextInt(slots.size()));
            JsonNode v = Mutations.wrongType(r, slot.get());
            slot.set(v);
            out.add(summary(format, "wrong JSON types", slot.path() + " := " + v, Mutations.writePretty(root)));
        }
        for (int i = 0; i < 10; i++) {
            JsonNode root = Mutations.tree(seed);
            List<Mutations.Slot> slots = Mutations.slots(root);
            Mutations.Slot slot = slots.get(r.nextInt(slots.size()));
            slot.set(Mutations.NODES.nullNode());
            out.add(summary(format, "null", slot.path() + " := null", Mutations.writePretty(root)));
        }
        for (int i = 0; i < 12; i++) {
            JsonNode root = Mutations.tree(seed);
            List<Mutations.Slot> slots = Mutations.slots(root);
            Mutations.Slot slot = slots.get(r.nextInt(slots.size()));
            slot.remove();
            out.add(summary(format, "missing fields", slot.path() + " removed", Mutations.writePretty(root)));
        }
        // the counts themselves: as strings (the "read as 0"), negative, fractional, huge, raw NaN
        String[] metrics = {"http_reqs", "iterations", "checks", "http_req_failed", "data_sent", "vus_max"};
        String[] figures = {"count", "passes", "fails", "value", "max"};
        String[] tokens = {
            "\"958\"",
            "\"\"",
            "-958",
            "958.5",
            "1e300",
            "1e309",
            "NaN",
            "Infinity",
            "true",
            "null",
            "[958]",
            "{\"n\":958}",
            "9223372036854775808",
            "-0"
        };
        for (int i = 0; i < 36; i++) {
            JsonNode root = Mutations.tree(seed);
            String metric = metrics[i % metrics.length];
            JsonNode m = root.path("metrics").path(metric);
            ObjectNode holder = (ObjectNode) (format.equals(HANDLE) ? m.path("values") : m);
            List<String> present = new ArrayList<>();
            holder.fieldNames().forEachRemaining(f -> {
                if (List.of(figures).contains(f)) {
                    present.add(f);
                }
            });
            if (present.isEmpty()) {
                continue;
            }
            String figure = present.get(r.nextInt(present.size()));
            String token = tokens[r.nextInt(tokens.length)];
            holder.put(figure, Mutations.RAW);
            byte[] doc = Mutations.replaceAll(Mutations.writePretty(root), "\"" + Mutations.RAW + "\"", token);
            out.add(summary(
                    format,
                    token.startsWith("\"") ? "summary counts as strings" : "NaN/Infinity/huge numbers",
                    "metrics." + metric + "." + figure + " := " + token,
                    doc));
        }
        for (String ms : new String[] {"-1", "1e300", "\"100\"", "NaN", "null"}) {
            if (!format.equals(HANDLE)) {
                continue;
            }
            JsonNode root = Mutations.tree(seed);
            ((ObjectNode) root.path("state")).put("testRunDurationMs", Mutations.RAW);
            byte[] doc = Mutations.replaceAll(Mutations.writePretty(root), "\"" + Mutations.RAW + "\"", ms);
            out.add(summary(format, "negative durations", "state.testRunDurationMs := " + ms, doc));
        }
        String text = new String(seed, StandardCharsets.UTF_8);
        out.add(summary(
                format,
                "10 000-deep nesting",
                "10 000 nested arrays as a figure",
                Mutations.utf8(text.replaceFirst("\"count\": ?[0-9]+", "\"count\": " + Mutations.deepArray(10_000)))));
        out.add(summary(
                format,
                "10 000-deep nesting",
                "10 000 nested objects as a metric",
                Mutations.utf8(text.replaceFirst(
                        "\"metrics\": ?\\{", "\"metrics\": {\"deep\": " + Mutations.deepObject(10_000) + ","))));
        out.add(summary(
                format,
                "BOM/UTF-16/invalid UTF-8",
                "UTF-8 byte order mark",
                Mutations.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, seed)));
        out.add(summary(format, "BOM/UTF-16/invalid UTF-8", "UTF-16 with BOM", text.getBytes(StandardCharsets.UTF_16)));
        out.add(summary(
                format,
                "a 10 MB line",
                "a 10 MB metric name",
                Mutations.utf8(text.replaceFirst(
                        "\"metrics\": ?\\{", "\"metrics\": {\"" + "m".repeat(10 << 20) + "\": {\"count\": 1},"))));
        out.add(summary(format, "empty file", "an empty object", Mutations.utf8("{}")));
        out.add(summary(format, "empty file", "no metrics", Mutations.utf8("{\"metrics\": {}}")));
        return out;
    }

    private Case summary(String format, String family, String what, byte[] content) {
        return new Case(format, family, what)
                .file("summary.json", content)
                .args("summarize", "-q", "@/summary.json")
                .culprit("summary.json")
                .oracle(oracle(content));
    }

    /** The printed request total must be the document's http_reqs count; a count that is not a number an error. */
    static Case.Oracle oracle(byte[] content) {
        return o -> {
            JsonNode root;
            try (JsonParser p = Mutations.JSON.createParser(content)) {
                root = p.readValueAsTree();
                if (p.nextToken() != null) {
                    root = null;
                }
            } catch (Exception e) {
                root = null;
            }
            if (root == null || !root.path("metrics").isObject()) {
                if (o.exit() != 2) {
                    throw new AssertionError("a document that is not a k6 summary (not JSON, or no metrics object)"
                            + " must be refused, but the exit was " + o.exit());
                }
                return;
            }
            if (o.exit() == 2) {
                return; // a summary may be refused for many reasons; the contract checked the message
            }
            boolean handle = root.has("state")
                    || root.path("root_group").path("groups").isArray()
                    || (root.path("metrics").elements().hasNext()
                            && root.path("metrics").elements().next().has("values"));
            JsonNode count = handle
                    ? root.path("metrics").path("http_reqs").path("values").path("count")
                    : root.path("metrics").path("http_reqs").path("count");
            Totals t = Totals.of(o);
            long read = t == null ? 0 : t.requests();
            if (count.isMissingNode() || count.isNull()) {
                if (read != 0) {
                    throw new AssertionError("no http_reqs count in the summary, yet " + read + " requests");
                }
                return;
            }
            if (!count.isNumber()) {
                throw new AssertionError("http_reqs.count is " + count.getNodeType() + " " + count
                        + ": it must be refused, not read (as " + read + ")");
            }
            double v = count.asDouble();
            if (!(v >= 0) || v > 9.007199254740992E15 || v != Math.rint(v)) {
                throw new AssertionError("http_reqs.count " + count + " is no count of requests: it must be refused,"
                        + " not read (as " + read + ")");
            }
            if (read != Math.round(v)) {
                throw new AssertionError(
                        "printed " + read + " requests, but the summary's http_reqs.count is " + count);
            }
        };
    }
}
