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

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile-input suite (issue #11): thousands of damaged inputs of every format the CLI reads, each run through
 * {@code plimsoll} in-process (a few in a forked JVM with a small heap), each checked against the exit-code
 * {@link Contract} and, where the damage leaves something to count, against an oracle of what a correct read finds.
 *
 * <p>A plain seeded generator (no property-testing engine): the cases are the same on every run for a given seed
 * ({@code -Drobustness.seed=N} explores others); each case is named by its format, family and the exact damage,
 * and a failing case leaves its files and command line in {@code target/robustness/cases/NNNNN}. The counts by family
 * are printed at the end and written to {@code target/robustness/summary.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    static final long SEED = Long.getLong("robustness.seed", 20261126L);

    private Path seeds;
    private Runner runner;
    private final Map<String, long[]> tally = new LinkedHashMap<>();
    /** One line per case: folder, format, family, damage, exit, ms, verdict, first line of the answer. */
    private final List<String> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());

    private long started;
    private long finished;

    @BeforeAll
    void setUp() throws IOException, URISyntaxException {
        seeds = seedsDir();
        Path root = Path.of("target", "robustness", "cases").toAbsolutePath();
        Runner.delete(root);
        runner = new Runner(root, seeds);
        started = System.nanoTime();
    }

    static byte[] seed(String name) {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no seed " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Random random(String format) {
        return new Random(SEED * 31 + format.hashCode());
    }

    @TestFactory
    Stream<DynamicNode> damagedK6NdjsonShouldEndInAResultOrAClearError() {
        return run(new K6Cases(random("k6"), seed("k6/smoke.ndjson"), seed("k6/smoke.csv")).ndjsonCases());
    }

    @TestFactory
    Stream<DynamicNode> sizeAndOverflowInA256MbJvmShouldEndInAResultOrAClearError() {
        List<Case> cases =
                new ArrayList<>(new K6Cases(random("forked"), seed("k6/smoke.ndjson"), seed("k6/smoke.csv")).forked());
        SettingsCases s = new SettingsCases(random("forked-settings"));
        for (Case c : s.yaml()) {
            if (c.family.equals("YAML anchors expanding exponentially") || c.family.equals("5 MB configs")) {
                cases.add(c.forked("256m"));
            }
        }
        for (Case c : new LoadToolCases(random("forked-jmeter")).jtlXml(seed("jmeter/results.xml"))) {
            if (c.family.equals("entity expansion") || c.family.equals("10 000-deep nesting")) {
                cases.add(c.forked("256m"));
            }
        }
        return run(cases);
    }

    @TestFactory
    Stream<DynamicNode> damagedK6GzipShouldEndInAResultOrAClearError() {
        return run(new K6Cases(random("k6gz"), seed("k6/smoke.ndjson"), seed("k6/smoke.csv")).gzipCases());
    }

    @TestFactory
    Stream<DynamicNode> damagedK6CsvShouldEndInAResultOrAClearError() {
        return run(new K6Cases(random("k6csv"), seed("k6/smoke.ndjson"), seed("k6/smoke.csv")).csvCases());
    }

    @TestFactory
    Stream<DynamicNode> damagedK6SummariesShouldEndInAResultOrAClearError() {
        SummaryCases s = new SummaryCases(random("summary"));
        List<Case> cases = new ArrayList<>(s.cases(SummaryCases.EXPORT, seed("k6/summary-export.json")));
        cases.addAll(s.cases(SummaryCases.HANDLE, seed("k6/handle-summary.json")));
        return run(cases);
    }

    @TestFactory
    Stream<DynamicNode> damagedJMeterJtlShouldEndInAResultOrAClearError() {
        LoadToolCases l = new LoadToolCases(random("jmeter"));
        List<Case> cases = new ArrayList<>(l.jtlCsv(seed("jmeter/results.csv")));
        cases.addAll(l.jtlXml(seed("jmeter/results.xml")));
        return run(cases);
    }

    @TestFactory
    Stream<DynamicNode> damagedGatlingLogsShouldEndInAResultOrAClearError() {
        LoadToolCases l = new LoadToolCases(random("gatling"));
        List<Case> cases = new ArrayList<>(l.gatlingBinary(seed("gatling/simulation-3.13.5.log")));
        cases.addAll(l.gatlingText(seed("gatling/simulation-3.11.5.log")));
        return run(cases);
    }

    @TestFactory
    Stream<DynamicNode> damagedCloudRecordingsShouldEndInAResultOrAClearError() throws IOException {
        CloudCases c = new CloudCases(random("cloud"), folder("s1/cloudwatch"), folder("s1/datadog"));
        List<Case> cases = new ArrayList<>(c.cloudwatch());
        cases.addAll(c.datadog());
        return run(cases);
    }

    @TestFactory
    Stream<DynamicNode> damagedGatesThroughTheCliShouldEndInAResultOrAClearError() {
        SettingsCases s = new SettingsCases(random("gate-cli"));
        return run(s.gates(s.gateExpressions(150)));
    }

    /** Gate.parse directly: many more expressions than the CLI runs (no file, no analysis). */
    @TestFactory
    Stream<DynamicNode> damagedGatesShouldParseOrFailWithOneLine() {
        SettingsCases s = new SettingsCases(random("gate-parse"));
        List<DynamicNode> tests = new ArrayList<>();
        for (String g : s.gateExpressions(500)) {
            tests.add(DynamicTest.dynamicTest(
                    "#" + (tests.size() + 1) + " '" + SettingsCases.printable(g) + "'", () -> parseGate(g)));
        }
        return Stream.of(DynamicContainer.dynamicContainer(SettingsCases.GATE + " · Gate.parse", tests));
    }

    private void parseGate(String expression) {
        Case c = new Case(SettingsCases.GATE, "Gate.parse", SettingsCases.printable(expression));
        List<String> violations = new ArrayList<>();
        long start = System.nanoTime();
        boolean error = false;
        try {
            dev.plimsoll.gate.Gate g = dev.plimsoll.gate.Gate.parse(expression);
            if (g.tier().isEmpty() && !Double.isFinite(g.threshold())) {
                violations.add("a gate with threshold " + g.threshold() + " was accepted: it can never be measured");
            }
            if (!g.expression().equals(expression.strip())) {
                violations.add("the gate's expression is '" + g.expression() + "', not the input");
            }
        } catch (dev.plimsoll.gate.GateParseException e) {
            error = true;
            String m = String.valueOf(e.getMessage());
            if (m.lines().count() != 1 || m.length() > 600 || !m.startsWith("gate '")) {
                violations.add(
                        "the error must be one line naming the gate (at most 600 characters): " + Contract.cut(m));
            }
        } catch (RuntimeException e) {
            violations.add("Gate.parse threw " + e.getClass().getName() + ": " + e.getMessage());
        }
        if ((System.nanoTime() - start) / 1_000_000 > Runner.BOUND.toMillis()) {
            violations.add("a hang");
        }
        record(
                c,
                violations.isEmpty()
                        ? (error ? Contract.Verdict.CLEAR_ERROR : Contract.Verdict.PLAUSIBLE_RESULT)
                        : Contract.Verdict.FAILURE);
        if (!violations.isEmpty()) {
            throw new AssertionError(c + "\n  " + String.join("\n  ", violations));
        }
    }

    @TestFactory
    Stream<DynamicNode> damagedSettingsFilesShouldEndInAResultOrAClearError() {
        SettingsCases s = new SettingsCases(random("settings"));
        List<Case> cases = new ArrayList<>(s.yaml());
        cases.addAll(s.properties());
        return run(cases);
    }

    @TestFactory
    Stream<DynamicNode> unusableOptionsShouldEndInAClearError() {
        return run(new SettingsCases(random("options")).options());
    }

    private static Map<String, byte[]> folder(String name) throws IOException {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(seedsDir().resolve(name))) {
            for (Path f : files.sorted().toList()) {
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static Path seedsDir() {
        try {
            return Path.of(HostileInputTest.class.getResource("/seeds").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Stream<DynamicNode> run(List<Case> cases) {
        Map<String, List<DynamicNode>> byFamily = new LinkedHashMap<>();
        for (Case c : cases) {
            String key = c.format + " · " + c.family;
            List<DynamicNode> tests = byFamily.computeIfAbsent(key, k -> new ArrayList<>());
            tests.add(DynamicTest.dynamicTest("#" + (tests.size() + 1) + " " + shorten(c.what), () -> execute(c)));
        }
        return byFamily.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue()));
    }

    private void execute(Case c) throws Exception {
        Path dir = runner.materialise(c);
        Case.Outcome o = runner.run(c, dir);
        List<String> violations = new ArrayList<>(Contract.violations(c, o));
        if (violations.isEmpty()) {
            try {
                c.oracle.check(o);
            } catch (AssertionError | Exception e) {
                violations.add("oracle: " + e.getMessage());
            }
        }
        Contract.Verdict verdict = Contract.classify(o, violations);
        record(c, verdict);
        outcomes.add(String.join(
                "\t",
                dir.getFileName().toString(),
                c.format,
                c.family,
                c.what.replace('\t', ' '),
                Integer.toString(o.exit()),
                Long.toString(o.millis()),
                verdict.name(),
                Contract.firstLine(o.exit() == 2 ? o.err() : o.out()).replace('\t', ' ')));
        if (verdict != Contract.Verdict.FAILURE) {
            Runner.delete(dir);
            return;
        }
        String report = c + "\n  command: plimsoll " + String.join(" ", c.commandLine(dir, seeds)) + "\n  exit "
                + o.exit() + " after " + o.millis() + " ms\n  stdout: "
                + Contract.cut(o.out().strip())
                + "\n  stderr: " + Contract.cut(o.err().strip()) + "\n  violations:\n    "
                + String.join("\n    ", violations);
        Files.writeString(dir.resolve("FAILED.txt"), report, StandardCharsets.UTF_8);
        throw new AssertionError(report);
    }

    private synchronized void record(Case c, Contract.Verdict v) {
        long[] t = tally.computeIfAbsent(c.format + "\t" + c.family, k -> new long[3]);
        t[v.ordinal()]++;
        finished = System.nanoTime();
    }

    @AfterAll
    void summary() throws IOException {
        runner.close();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "| %-22s | %-48s | %6s | %9s | %6s | %8s |%n",
                "format",
                "family",
                "cases",
                "plausible",
                "errors",
                "failures"));
        sb.append("|")
                .append("-".repeat(24))
                .append("|")
                .append("-".repeat(50))
                .append("|--------|-----------|")
                .append("--------|----------|\n");
        long[] total = new long[3];
        for (var e : tally.entrySet()) {
            String[] k = e.getKey().split("\t");
            long[] t = e.getValue();
            sb.append(String.format(
                    Locale.ROOT,
                    "| %-22s | %-48s | %6d | %9d | %6d | %8d |%n",
                    k[0],
                    k[1],
                    t[0] + t[1] + t[2],
                    t[0],
                    t[1],
                    t[2]));
            for (int i = 0; i < 3; i++) {
                total[i] += t[i];
            }
        }
        sb.append(String.format(
                Locale.ROOT,
                "| %-22s | %-48s | %6d | %9d | %6d | %8d |%n",
                "all",
                "",
                total[0] + total[1] + total[2],
                total[0],
                total[1],
                total[2]));
        sb.append(String.format(
                Locale.ROOT, "%nseed %d, %.1f s of wall time for the cases%n", SEED, (finished - started) / 1e9));
        Path out = Path.of("target", "robustness", "summary.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        Files.write(
                Path.of("target", "robustness", "outcomes.tsv"),
                String.join("\n", outcomes).getBytes(StandardCharsets.UTF_8)); // lone surrogates become '?'

        System.out.println(sb);
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
