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

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.cli.PlimsollCommand;
import dev.plimsoll.junit.LoadTest;
import dev.plimsoll.junit.LoadTestRecorder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Issue #11, "Secrets and paths": names that come from the input — request names such as {@code ../../etc/passwd},
 * {@code ..\..\x}, absolute paths, names with line breaks — never influence where output goes. The CLI writes its
 * reports only where {@code --out} says, under the formats' fixed file names; the JUnit extension only under its
 * report folder, in a file named after the test method with anything but letters, digits, {@code -} and {@code _}
 * replaced, whatever the display names and arguments.
 */
class OutputPathsTest {
    /** Names a path-minded reader would follow. */
    static final List<String> HOSTILE_NAMES = List.of(
            "../../etc/passwd",
            "..\\..\\x",
            "/tmp/plimsoll-escape",
            "C:\\Windows\\System32\\x",
            "plimsoll-report.html/../../../escape",
            "~/escape",
            "a\nb/../../c",
            "%2e%2e%2fescape",
            "x".repeat(300) + "/../../escape");

    @TempDir
    Path sandbox;

    /** A real k6 NDJSON run whose request names are replaced by the hostile ones. */
    static byte[] runWithHostileNames() {
        List<String> lines = new ArrayList<>();
        int k = 0;
        for (String l : Mutations.lines(HostileInputTest.seed("k6/smoke.ndjson"))) {
            if (l.contains("\"type\":\"Point\"") && l.contains("\"name\":\"")) {
                ObjectNode o = (ObjectNode) Mutations.tree(Mutations.utf8(l));
                ObjectNode tags = (ObjectNode) o.get("data").get("tags");
                if (tags != null && tags.has("name")) {
                    tags.put("name", HOSTILE_NAMES.get(k++ % HOSTILE_NAMES.size()));
                    tags.put("url", tags.get("name").asText());
                }
                lines.add(Mutations.text(Mutations.write(o)));
            } else {
                lines.add(l);
            }
        }
        return Mutations.join(lines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"k6", "jmeter", "gatling"})
    void requestNamesShouldNeverInfluenceWhereTheCliWrites(String tool) throws Exception {
        Path work = Files.createDirectories(sandbox.resolve("work/deeper/still"));
        Path input = switch (tool) {
            case "k6" -> Files.write(work.resolve("run.ndjson"), runWithHostileNames());
            case "jmeter" -> Files.write(work.resolve("results.jtl"), jtlWithHostileLabels());
            default -> Files.write(work.resolve("simulation.log"), gatlingWithHostileNames());
        };
        Path out = work.resolve("out");
        Set<String> cwdBefore = listing(Path.of("").toAbsolutePath());
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();

        int exit = PlimsollCommand.run(
                new String[] {
                    "analyze",
                    "-q",
                    "--load",
                    input.toString(),
                    "--out",
                    out.toString(),
                    "--format",
                    "html,json,md,junit"
                },
                new PrintWriter(o, true),
                new PrintWriter(e, true));

        assertThat(exit).as(e.toString()).isIn(0, 1, 3);
        assertThat(Files.readString(out.resolve("plimsoll-report.html")))
                .as("the hostile names were read (else the test proves nothing)")
                .contains("etc/passwd");
        assertThat(listing(sandbox))
                .as("the only files: the input and the four reports, under --out")
                .containsExactlyInAnyOrder(
                        "work/deeper/still/" + input.getFileName(),
                        "work/deeper/still/out/plimsoll-report.html",
                        "work/deeper/still/out/plimsoll-report.json",
                        "work/deeper/still/out/plimsoll-report.md",
                        "work/deeper/still/out/plimsoll-junit.xml");
        assertThat(listing(Path.of("").toAbsolutePath()))
                .as("nothing new in the working directory")
                .isEqualTo(cwdBefore);
        assertThat(Path.of("/tmp/plimsoll-escape")).doesNotExist();
    }

    private static byte[] jtlWithHostileLabels() {
        List<String> lines = Mutations.lines(HostileInputTest.seed("jmeter/results.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        int k = 0;
        for (String l : lines.subList(1, lines.size())) {
            out.add(l.replace("GET /api/items", HOSTILE_NAMES.get(k++ % 4)));
        }
        return Mutations.join(out);
    }

    private static byte[] gatlingWithHostileNames() {
        List<String> out = new ArrayList<>();
        int k = 0;
        for (String l : Mutations.lines(HostileInputTest.seed("gatling/simulation-3.11.5.log"))) {
            String[] f = l.split("\t", -1);
            if (f[0].equals("REQUEST")) {
                f[2] = HOSTILE_NAMES.get(k++ % 4);
            }
            out.add(String.join("\t", f));
        }
        return Mutations.join(out);
    }

    /** Every file under {@code root}, relative, with '/' separators. */
    static Set<String> listing(Path root) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(root.resolve("target")))
                    .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
        }
        return out;
    }

    // ---- the JUnit extension ----

    /** Run only from {@link #displayNamesAndArgumentsShouldNeverInfluenceTheExtensionsFileNames}. */
    @LoadTest
    static class HostileNames {
        @ParameterizedTest(name = "../../{0}")
        @ValueSource(strings = {"../../etc/passwd", "..\\..\\x", "/tmp/plimsoll-escape"})
        @DisplayName("../../display/name")
        void load(String name, LoadTestRecorder recorder) throws IOException {
            Path file = Files.createTempFile("hostile-", ".ndjson");
            Files.write(file, runWithHostileNames());
            recorder.attach(file);
        }

        @Test
        @DisplayName("..\\..\\another")
        void plain(LoadTestRecorder recorder) throws IOException {
            Path file = Files.createTempFile("hostile-", ".ndjson");
            Files.write(file, runWithHostileNames());
            recorder.attach(file);
        }
    }

    @Test
    void displayNamesAndArgumentsShouldNeverInfluenceTheExtensionsFileNames() throws IOException {
        Path reports = sandbox.resolve("reports");
        System.setProperty("plimsoll.report-dir", reports.toString());
        System.setProperty("plimsoll.allow-inconclusive", "true");
        try {
            var events = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(HostileNames.class))
                    .execute()
                    .testEvents();
            assertThat(events.failed().stream()
                            .map(e -> e.getTestDescriptor().getDisplayName() + ": "
                                    + e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                                            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                                            .map(Throwable::toString)
                                            .orElse(""))
                            .toList())
                    .as("failed tests")
                    .isEmpty();
            events.assertStatistics(s -> s.started(4).succeeded(4));
        } finally {
            System.clearProperty("plimsoll.report-dir");
            System.clearProperty("plimsoll.allow-inconclusive");
        }
        String folder = "reports/" + HostileNames.class.getName() + "/";
        Set<String> expected = new TreeSet<>();
        for (String base : List.of("load-1", "load-2", "load-3", "plain")) {
            for (String ext : List.of("html", "json", "md")) {
                expected.add(folder + base + "." + ext);
            }
        }
        assertThat(listing(sandbox))
                .as("only the report folder, only sanitised names")
                .isEqualTo(expected);
        assertThat(Path.of("/tmp/plimsoll-escape")).doesNotExist();
    }
}
