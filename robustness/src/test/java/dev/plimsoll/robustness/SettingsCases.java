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

/** Damaged gate expressions, YAML and properties settings files, and command-line options, through the CLI. */
final class SettingsCases {
    static final String GATE = "gate-expression";
    static final String YAML = "settings-yaml";
    static final String PROPERTIES = "settings-properties";
    static final String OPTIONS = "command-line-options";

    /** Gates as the README writes them. */
    static final List<String> GATES = List.of(
            "scaling_lag<=150s",
            "client_p95<500ms",
            "client_p99 < 1s",
            "bottleneck!=backend",
            "bottleneck==load_balancer",
            "findings.warning==0",
            "findings.high == 0",
            "findings.scaling_ceiling==0",
            "error_rate<1%",
            "lb_latency_share<0.3",
            "coverage>=90%",
            "skew<=30s",
            "client_p50<=0.2s",
            "backend_latency_share > 50%",
            "findings<5");

    static final String YAML_SEED = """
            # plimsoll analyze --config plimsoll.yaml
            cloudwatch:
              region: eu-west-1
              cluster: shop-eks
              load-balancer: app/shop-alb/50dc6c495c0c9188
              namespace: shop
              max-attempts: 4
            datadog:
              site: datadoghq.eu
              cluster: shop-eks
              service: shop-backend
              api: v1
            """;

    static final String PROPERTIES_SEED = """
            # plimsoll analyze --config plimsoll.properties
            cloudwatch.region=eu-west-1
            cloudwatch.cluster=shop-eks
            cloudwatch.load-balancer=app/shop-alb/50dc6c495c0c9188
            cloudwatch.namespace=shop
            datadog.site=datadoghq.eu
            datadog.cluster=shop-eks
            datadog.service=shop-backend
            """;

    private final Random r;

    SettingsCases(Random r) {
        this.r = r;
    }

    // ---- gates ----

    /** Gate expressions: the README's, damaged character by character, and hostile ones. */
    List<String> gateExpressions(int n) {
        List<String> out = new ArrayList<>(GATES);
        List<String> hostile = List.of(
                "",
                " ",
                "<",
                "client_p95",
                "client_p95<",
                "<500ms",
                "client_p95<<500ms",
                "client_p95<=>500ms",
                "client_p95<NaN",
                "client_p95<Infinity",
                "client_p95<1e400ms",
                "client_p95<" + "9".repeat(400) + "ms",
                "client_p95<-5ms",
                "client_p95<--5ms",
                "client_p95<1.2.3ms",
                "client_p95<5 ms",
                "client_p95<5MS",
                "client_p95<5h",
                "client_p95<5%",
                "scaling_lag<=5d",
                "error_rate<1ms",
                "bottleneck<backend",
                "bottleneck==",
                "bottleneck==BACKEND",
                "bottleneck==../../etc/passwd",
                "findings.",
                "findings.nonsense==0",
                "findings..high==0",
                "findings.high==0.5",
                "coverage>=200%",
                "coverage>=-1",
                "CLIENT_P95<500ms",
                "client_p95＜500ms",
                "client_p95\u00a0<500ms",
                "client_p95<\u0665\u0660\u0660ms",
                "client_p95<500ms\u202e",
                "client_p95<500ms; rm -rf /",
                "client_p95<500ms\nscaling_lag<1s",
                "client_p95<500ms\u0000",
                "x".repeat(100_000) + "<1",
                "client_p95<" + "1".repeat(100_000),
                "scaling_lag<=" + Long.MAX_VALUE + "s",
                "skew<=-" + Double.MAX_VALUE + "s");
        out.addAll(hostile);
        String alphabet = "<>=!.%_-0123456789 msabcdefghijklnopqrtuvwxyz\u00e9\u00a0\t";
        while (out.size() < n) {
            StringBuilder g = new StringBuilder(GATES.get(r.nextInt(GATES.size())));
            int edits = 1 + r.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int at = g.length() == 0 ? 0 : r.nextInt(g.length());
                switch (r.nextInt(3)) {
                    case 0 -> g.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    case 1 -> {
                        if (g.length() > 0) {
                            g.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (g.length() > 0) {
                            g.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                        }
                    }
                }
            }
            out.add(g.toString());
        }
        return out;
    }

    /** Gates through the CLI: parsed before anything is read, then evaluated over the smoke run. */
    List<Case> gates(List<String> expressions) {
        List<Case> out = new ArrayList<>();
        for (String g : expressions) {
            out.add(new Case(GATE, "gate expressions", printable(g))
                    .args(
                            "analyze",
                            "-q",
                            "--load",
                            "@@/k6/smoke.ndjson",
                            "--gate",
                            g,
                            "--out",
                            "@/out",
                            "--format",
                            "json")
                    .oracle(o -> {
                        if (o.exit() == 2 && !o.err().contains("gate '")) {
                            throw new AssertionError("a refused gate must be named: " + Contract.firstLine(o.err()));
                        }
                    }));
        }
        return out;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(s.length(), 80); i++) {
            char c = s.charAt(i);
            sb.append(
                    c < 0x20 || c == 0x7f || (c >= 0x2000 && c <= 0x206f) || c == 0xa0
                            ? String.format("\\u%04x", (int) c)
                            : String.valueOf(c));
        }
        return s.length() > 80 ? sb + "… (" + s.length() + " characters)" : sb.toString();
    }

    // ---- settings files ----

    private Case settings(String format, String family, String what, String file, byte[] content) {
        return new Case(format, family, what)
                .file(file, content)
                .args(
                        "analyze",
                        "-q",
                        "--load",
                        "@@/k6/smoke.ndjson",
                        "--config",
                        "@/" + file,
                        "--out",
                        "@/out",
                        "--format",
                        "json")
                .culprit(file);
    }

    List<Case> yaml() {
        List<Case> out = new ArrayList<>();
        String f = "plimsoll.yaml";
        byte[] seed = Mutations.utf8(YAML_SEED);
        out.add(settings(YAML, "undamaged", "the README's settings", f, seed).expectExit(0, 1, 3));
        for (int i = 0; i < 12; i++) {
            int at = r.nextInt(seed.length);
            out.add(settings(YAML, "truncation", "cut at byte " + at, f, Mutations.truncate(seed, at)));
        }
        for (int i = 0; i < 30; i++) {
            List<Integer> where = new ArrayList<>();
            byte[] flipped = Mutations.flipBits(seed, r, 1 + r.nextInt(3), where);
            out.add(settings(YAML, "bit flips", "bits flipped at " + where, f, flipped));
        }
        String[] values = {
            "[eu-west-1, us-east-1]",
            "{a: 1}",
            "~",
            "null",
            "12",
            "1e400",
            ".nan",
            "-.inf",
            "true",
            "!!binary aGVsbG8=",
            "!!java.lang.Runtime {}",
            "&a x",
            "*undefined",
            "''",
            "\"\\u0000\"",
            "|\n    text"
        };
        for (int i = 0; i < 16; i++) {
            String v = values[i % values.length];
            String key = new String[] {"region", "cluster", "site", "max-attempts", "api"}[r.nextInt(5)];
            String doc = YAML_SEED.replaceFirst(
                    "(?m)^(  " + key + ": ).*$", "$1" + java.util.regex.Matcher.quoteReplacement(v));
            out.add(settings(YAML, "wrong JSON types", key + ": " + printable(v), f, Mutations.utf8(doc)));
        }
        StringBuilder bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + p)))
                    .append("]\n");
        }
        out.add(settings(
                        YAML,
                        "YAML anchors expanding exponentially",
                        "billion laughs (9^9 strings)",
                        f,
                        Mutations.utf8(bomb.toString()))
                .expectExit(2));
        StringBuilder bomb2 = new StringBuilder("cloudwatch:\n  region: &r eu-west-1\n");
        for (int i = 0; i < 60; i++) {
            bomb2.append("  k").append(i).append(": *r\n");
        }
        out.add(settings(
                        YAML,
                        "YAML anchors expanding exponentially",
                        "60 aliases of a scalar",
                        f,
                        Mutations.utf8(bomb2.toString()))
                .expectExit(2));
        StringBuilder mapBomb = new StringBuilder("x0: &x0 {a: 1, b: 2}\n");
        for (int i = 1; i < 30; i++) {
            mapBomb.append("x")
                    .append(i)
                    .append(": &x")
                    .append(i)
                    .append(" {a: *x")
                    .append(i - 1)
                    .append(", b: *x")
                    .append(i - 1)
                    .append("}\n");
        }
        out.add(settings(
                        YAML,
                        "YAML anchors expanding exponentially",
                        "a map doubling 30 times",
                        f,
                        Mutations.utf8(mapBomb.toString()))
                .expectExit(2));
        String big = "cloudwatch:\n" + ("  # " + "x".repeat(100) + "\n").repeat(52_000) + "  region: eu-west-1\n";
        out.add(settings(YAML, "5 MB configs", "5 MB of comments", f, Mutations.utf8(big))
                .expectExit(2));
        out.add(settings(
                        YAML,
                        "5 MB configs",
                        "a 5 MB value",
                        f,
                        Mutations.utf8("cloudwatch:\n  region: " + "e".repeat(5 << 20) + "\n"))
                .expectExit(2));
        out.add(settings(
                        YAML,
                        "10 000-deep nesting",
                        "10 000 nested maps",
                        f,
                        Mutations.utf8("a: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n"))
                .expectExit(2));
        out.add(settings(
                        YAML,
                        "10 000-deep nesting",
                        "10 000 nested lists",
                        f,
                        Mutations.utf8("a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"))
                .expectExit(2));
        StringBuilder indented = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            indented.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        out.add(settings(
                        YAML,
                        "10 000-deep nesting",
                        "2 000 levels of indentation",
                        f,
                        Mutations.utf8(indented.toString()))
                .expectExit(2));
        out.add(settings(
                YAML,
                "BOM/UTF-16/invalid UTF-8",
                "UTF-8 byte order mark",
                f,
                Mutations.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, seed)));
        out.add(settings(
                YAML, "BOM/UTF-16/invalid UTF-8", "UTF-16 with BOM", f, YAML_SEED.getBytes(StandardCharsets.UTF_16)));
        out.add(settings(
                YAML,
                "BOM/UTF-16/invalid UTF-8",
                "UTF-16LE without BOM",
                f,
                YAML_SEED.getBytes(StandardCharsets.UTF_16LE)));
        out.add(settings(
                YAML,
                "BOM/UTF-16/invalid UTF-8",
                "invalid UTF-8 in a value",
                f,
                Mutations.concat(
                        Mutations.utf8("cloudwatch:\n  region: eu-"),
                        new byte[] {(byte) 0xFF, (byte) 0xC3},
                        Mutations.utf8("\n"))));
        out.add(settings(YAML, "empty file", "0 bytes", f, new byte[0]));
        out.add(settings(YAML, "empty file", "only a comment", f, Mutations.utf8("# nothing\n")));
        out.add(settings(YAML, "empty file", "a document separator", f, Mutations.utf8("---\n...\n")));
        out.add(settings(YAML, "missing fields", "a list at the top", f, Mutations.utf8("- a\n- b\n"))
                .expectExit(2));
        out.add(settings(YAML, "missing fields", "a scalar at the top", f, Mutations.utf8("hello\n"))
                .expectExit(2));
        out.add(settings(YAML, "missing fields", "two documents", f, Mutations.utf8(YAML_SEED + "---\n" + YAML_SEED)));
        out.add(settings(
                        YAML,
                        "missing fields",
                        "an unknown key",
                        f,
                        Mutations.utf8(YAML_SEED.replace("region:", "regoin:")))
                .expectExit(2));
        out.add(settings(
                        YAML,
                        "missing fields",
                        "an unknown source",
                        f,
                        Mutations.utf8(YAML_SEED + "prometheus:\n  url: x\n"))
                .expectExit(2));
        out.add(settings(
                YAML,
                "missing fields",
                "a duplicate key",
                f,
                Mutations.utf8(YAML_SEED.replace("  cluster: shop-eks\n", "  cluster: shop-eks\n  cluster: x\n"))));
        out.add(settings(
                        YAML,
                        "missing fields",
                        "tabs for indentation",
                        f,
                        Mutations.utf8(YAML_SEED.replace("  ", "\t")))
                .expectExit(2));
        out.add(settings(
                        YAML,
                        "a 10 MB line",
                        "a 100 kB key",
                        f,
                        Mutations.utf8("cloudwatch:\n  " + "k".repeat(100_000) + ": 1\n"))
                .expectExit(2));
        Case dir = new Case(YAML, "a directory", "the settings file is a directory")
                .directory(f)
                .args("analyze", "-q", "--load", "@@/k6/smoke.ndjson", "--config", "@/" + f, "--out", "@/out")
                .culprit(f)
                .expectExit(2);
        out.add(dir);
        out.add(new Case(YAML, "a directory", "the settings file does not exist")
                .args("analyze", "-q", "--load", "@@/k6/smoke.ndjson", "--config", "@/none.yaml", "--out", "@/out")
                .culprit("none.yaml")
                .expectExit(2));
        return out;
    }

    List<Case> properties() {
        List<Case> out = new ArrayList<>();
        String f = "plimsoll.properties";
        byte[] seed = Mutations.utf8(PROPERTIES_SEED);
        out.add(settings(PROPERTIES, "undamaged", "the README's settings", f, seed)
                .expectExit(0, 1, 3));
        for (int i = 0; i < 8; i++) {
            int at = r.nextInt(seed.length);
            out.add(settings(PROPERTIES, "truncation", "cut at byte " + at, f, Mutations.truncate(seed, at)));
        }
        for (int i = 0; i < 20; i++) {
            List<Integer> where = new ArrayList<>();
            byte[] flipped = Mutations.flipBits(seed, r, 1 + r.nextInt(3), where);
            out.add(settings(PROPERTIES, "bit flips", "bits flipped at " + where, f, flipped));
        }
        for (String bad : new String[] {
            "cloudwatch.region=\\uZZZZ",
            "cloudwatch.region=\\u12",
            "\\u",
            "=x",
            "cloudwatch.region",
            "cloudwatch.region:eu-west-1",
            "cloudwatch.region eu-west-1",
            "cloudwatch.region=\\\n  eu-west-1",
            "cloudwatch..region=x",
            ".region=x",
            "cloudwatch.=x",
            "cloudwatch.region=" + "\u0000",
            "cloudwatch.region=eu-west-1\\"
        }) {
            out.add(settings(
                    PROPERTIES, "wrong field values", printable(bad), f, Mutations.utf8(PROPERTIES_SEED + bad + "\n")));
        }
        out.add(settings(
                        PROPERTIES,
                        "5 MB configs",
                        "5 MB of comments",
                        f,
                        Mutations.utf8(("# " + "x".repeat(100) + "\n").repeat(52_000)))
                .expectExit(2));
        out.add(settings(
                        PROPERTIES,
                        "5 MB configs",
                        "a 5 MB line continued",
                        f,
                        Mutations.utf8("cloudwatch.region=" + "a\\\n".repeat(2 << 20)))
                .expectExit(2));
        out.add(settings(
                PROPERTIES,
                "BOM/UTF-16/invalid UTF-8",
                "UTF-8 byte order mark",
                f,
                Mutations.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, seed)));
        out.add(settings(
                PROPERTIES,
                "BOM/UTF-16/invalid UTF-8",
                "UTF-16 with BOM",
                f,
                PROPERTIES_SEED.getBytes(StandardCharsets.UTF_16)));
        out.add(settings(
                PROPERTIES,
                "BOM/UTF-16/invalid UTF-8",
                "Latin-1 é",
                f,
                Mutations.concat(seed, "datadog.service=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1))));
        out.add(settings(PROPERTIES, "empty file", "0 bytes", f, new byte[0]));
        out.add(settings(
                        PROPERTIES,
                        "missing fields",
                        "an unknown key",
                        f,
                        Mutations.utf8(PROPERTIES_SEED + "plimsoll.reprot-dir=x\n"))
                .expectExit(2));
        out.add(settings(
                        PROPERTIES,
                        "missing fields",
                        "a key without a source",
                        f,
                        Mutations.utf8(PROPERTIES_SEED + "region=eu-west-1\n"))
                .expectExit(2));
        out.add(settings(
                PROPERTIES, "binary garbage with a .json.gz name", "random bytes", f, Mutations.random(r, 4000)));
        out.add(settings(
                PROPERTIES, "binary garbage with a .json.gz name", "the settings gzipped", f, Mutations.gzip(seed)));
        return out;
    }

    // ---- command-line options ----

    private static Case option(String what, String culprit, String... args) {
        return new Case(OPTIONS, "command-line options", what).args(args).culprit(culprit);
    }

    List<Case> options() {
        List<Case> out = new ArrayList<>();
        String[] load = {"analyze", "-q", "--load", "@@/k6/smoke.ndjson"};
        out.add(option("--out is a file", "a-file", concat(load, "--out", "@/a-file"))
                .file("a-file", Mutations.utf8("x"))
                .expectExit(2));
        out.add(option("--out lies under a file", "a-file", concat(load, "--out", "@/a-file/reports"))
                .file("a-file", Mutations.utf8("x"))
                .expectExit(2));
        out.add(option("--out is /dev/null", "/dev/null", concat(load, "--out", "/dev/null"))
                .expectExit(2));
        out.add(option("--out under /proc", "/proc", concat(load, "--out", "/proc/version/x"))
                .expectExit(2));
        out.add(option(
                        "--out with a 5 000-character name",
                        "plimsoll-report",
                        concat(load, "--out", "@/" + "d".repeat(5000)))
                .expectExit(2));
        out.add(option("--out with a NUL character", "--out", concat(load, "--out", "a\u0000b"))
                .expectExit(2));
        out.add(option("--out is empty", "--out", concat(load, "--out", ""))
                .forked("256m")
                .expectExit(2));
        out.add(option(
                        "--out where a report file is a directory",
                        "plimsoll-report.json",
                        concat(load, "--out", "@/out", "--format", "json"))
                .directory("out/plimsoll-report.json")
                .expectExit(2));
        for (String[] o : new String[][] {
            {"--format", "pdf"},
            {"--format", ""},
            {"--format", ",,,"},
            {"--fail-on", "critical"},
            {"--fail-on", ""},
            {"--max-nodes", "-1"},
            {"--max-nodes", "2147483648"},
            {"--max-nodes", "three"},
            {"--cpu-threshold", "NaN"},
            {"--cpu-threshold", "-5"},
            {"--cpu-threshold", "1e400"},
            {"--cpu-threshold", "250"},
            {"--lag-budget", "-5s"},
            {"--lag-budget", "1000000000d"},
            {"--lag-budget", "soon"},
            {"--lag-budget", ""},
            {"--ingestion-delay", "-1s"},
            {"--ingestion-delay", "99999999999999999d"},
            {"--set", "no-equals-sign"},
            {"--set", "cloudwatch.regoin=eu-west-1"},
            {"--set", "=x"},
            {"--cloudwatch-replay", "@@/k6/smoke.ndjson"},
            {"--cloudwatch-replay", "@/nowhere"},
            {"--datadog-replay", "@@/s1/cloudwatch"},
            {"--cloudwatch-replay", "@@/s1/datadog"},
            {"--gate", ""},
            {"--unknown-option", "x"},
            {"--load", "@@/jmeter/results.csv"},
            {"--load", "@@/k6/smoke.ndjson"}
        }) {
            // an option checked by the analysis' own configuration is named by its field there
            String culprit = o[1].startsWith("@")
                    ? null
                    : switch (o[0]) {
                        case "--cpu-threshold" -> "cpuThresholdPercent";
                        case "--max-nodes" -> o[1].equals("-1") ? "maxNodes" : o[0];
                        case "--gate" -> "gate";
                        case "--set" -> null;
                        default -> o[0];
                    };
            Case c = option(o[0] + " " + printable(o[1]), culprit, concat(load, o[0], o[1], "--out", "@/out"));
            out.add(c);
        }
        String[] summarize = {"summarize", "-q"};
        for (String[] o : new String[][] {
            {"--bucket", "0s"},
            {"--bucket", "1ns"},
            {"--bucket", "-1s"},
            {"--bucket", "1000d"},
            {"--bucket", "99999999999999999d"},
            {"--bucket", "1.5ms"},
            {"--top", "-5"},
            {"--top", "2147483648"},
            {"--percentiles", "p95"},
            {"--percentiles", ""}
        }) {
            out.add(option(
                    o[0] + " " + o[1],
                    o[0].equals("--bucket") ? "bucket" : o[0],
                    concat(summarize, o[0], o[1], "@@/k6/smoke.ndjson")));
        }
        out.add(option("an unknown command", "frobnicate", "frobnicate"));
        out.add(option("no arguments to summarize", "FILE", "summarize"));
        out.add(option("standard input that is empty", "stdin", "summarize", "-q", "-")
                .forked("256m"));
        out.add(option(
                        "two tools in one run",
                        "jmeter",
                        "summarize",
                        "-q",
                        "@@/k6/smoke.ndjson",
                        "@@/jmeter/results.csv")
                .expectExit(2));
        return out;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
