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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Ways to damage an input: bytes, lines, JSON trees, encodings. Every choice comes from the caller's seeded random. */
final class Mutations {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for a raw token (NaN, Infinity) that valid JSON cannot hold: put in a tree, replaced after writing. */
    static final String RAW = "__RAW_TOKEN__";

    private Mutations() {}

    // ---- bytes ----

    static byte[] truncate(byte[] b, int length) {
        return Arrays.copyOf(b, Math.max(0, Math.min(length, b.length)));
    }

    /** Flips {@code n} random bits; {@code offsets} receives where. */
    static byte[] flipBits(byte[] b, Random r, int n, List<Integer> offsets) {
        byte[] c = b.clone();
        for (int i = 0; i < n && c.length > 0; i++) {
            int at = r.nextInt(c.length);
            c[at] ^= (byte) (1 << r.nextInt(8));
            offsets.add(at);
        }
        return c;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static byte[] gzip(byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(o)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] replaceAll(byte[] b, String from, String to) {
        return utf8(text(b).replace(from, to));
    }

    // ---- lines ----

    /** The lines split at {@code '\n'}, without it; a final line break gives no empty last element. */
    static List<String> lines(byte[] b) {
        String s = text(b);
        List<String> out = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Lines joined, each ending with {@code '\n'}. */
    static byte[] join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return utf8(sb.toString());
    }

    static List<String> deleteLines(List<String> lines, Random r, int n) {
        List<String> c = new ArrayList<>(lines);
        for (int i = 0; i < n && c.size() > 1; i++) {
            c.remove(r.nextInt(c.size()));
        }
        return c;
    }

    static List<String> duplicateLines(List<String> lines, Random r, int n) {
        List<String> c = new ArrayList<>(lines);
        for (int i = 0; i < n; i++) {
            int at = r.nextInt(c.size());
            c.add(at, c.get(at));
        }
        return c;
    }

    /** Shuffles a window of {@code width} lines starting at a random line ({@code from} lines stay in place). */
    static List<String> shuffleLines(List<String> lines, Random r, int from, int width) {
        List<String> c = new ArrayList<>(lines);
        int start = from + r.nextInt(Math.max(1, c.size() - from - width + 1));
        int end = Math.min(c.size(), start + width);
        Collections.shuffle(c.subList(start, end), r);
        return c;
    }

    // ---- JSON ----

    static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(JsonNode n) {
        try {
            return utf8(JSON.writeValueAsString(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] writePretty(JsonNode n) {
        try {
            return utf8(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A place in a JSON tree: the container and the field name or index. */
    record Slot(JsonNode parent, String field, int index, String path) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    /** Every slot of a tree, depth first, with its path ({@code data.tags.name}, {@code Values[3]}). */
    static List<Slot> slots(JsonNode root) {
        List<Slot> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode n, String path, List<Slot> out) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                String p = path.isEmpty() ? f : path + "." + f;
                out.add(new Slot(n, f, -1, p));
                collect(n.get(f), p, out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String p = path + "[" + i + "]";
                out.add(new Slot(n, null, i, p));
                collect(n.get(i), p, out);
            }
        }
    }

    /** A value of another JSON type than {@code original}'s (or null, or an empty container). */
    static JsonNode wrongType(Random r, JsonNode original) {
        while (true) {
            JsonNode n = switch (r.nextInt(10)) {
                case 0 -> NODES.textNode("42");
                case 1 -> NODES.textNode("");
                case 2 -> NODES.numberNode(r.nextInt(1000) - 100);
                case 3 -> NODES.numberNode(12.5);
                case 4 -> NODES.booleanNode(r.nextBoolean());
                case 5 -> NODES.nullNode();
                case 6 -> NODES.arrayNode();
                case 7 -> NODES.objectNode();
                case 8 -> NODES.arrayNode().add(1).add("x");
                default -> NODES.objectNode().put("x", 1);
            };
            if (n.getNodeType() != original.getNodeType() || n.isContainerNode() != original.isContainerNode()) {
                return n;
            }
        }
    }

    /** Numbers that break naive readers: raw NaN/Infinity (invalid JSON), overflowing, tiny, negative, huge integers. */
    static final List<String> HOSTILE_NUMBERS = List.of(
            "NaN",
            "Infinity",
            "-Infinity",
            "\"NaN\"",
            "\"Infinity\"",
            "1e309",
            "-1e309",
            "1e300",
            "-1e300",
            "4.9e-324",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999999999999",
            "-1",
            "-0.0",
            "1E+2",
            "0x10",
            "+1",
            ".5",
            "1.",
            "00012",
            "1e-400");

    /** Timestamps in other formats and zones, and far years. */
    static final List<String> HOSTILE_TIMES = List.of(
            "2026-11-26T04:54:52Z",
            "2026-11-26T04:54:52.5+14:00",
            "2026-11-25T15:54:52.104-12:00",
            "2026-11-26t03:54:52.104720988z",
            "2026-11-26 04:54:52.104720988+01:00",
            "2026-11-26T04:54:52.104720988+01:00[Europe/Rome]",
            "2026-11-26T04:54:52.104720988",
            "2026-11-26 04:54:52",
            "26/11/2026 04:54:52",
            "Thu, 26 Nov 2026 03:54:52 GMT",
            "1795665292",
            "1795665292104",
            "2026-11-26T04:54:52.1234567890123+01:00",
            "2026-02-30T04:54:52+01:00",
            "2026-11-26T24:00:00+01:00",
            "2026-11-26T04:54:60+01:00",
            "2026-11-26T04:54:52+25:00",
            "2300-01-01T00:00:00Z",
            "2262-04-11T23:47:16.854775808Z",
            "2262-04-12T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z",
            "1677-09-21T00:12:43Z",
            "1600-01-01T00:00:00Z",
            "0001-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z",
            "2025-11-26T04:54:52.104720988+01:00",
            "2027-11-26T04:54:52.104720988+01:00",
            "",
            "T",
            "2026-11-26T04:54:52.+01:00");

    /** A text with {@code depth} nested arrays. */
    static String deepArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** A text with {@code depth} nested objects. */
    static String deepObject(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }
}
