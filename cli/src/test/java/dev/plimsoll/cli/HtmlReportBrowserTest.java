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
package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in real headless Chromium (Debian's {@code chromium}): the page loads without console errors,
 * both charts draw, the findings are there, input is escaped, and a screenshot is taken. CI ({@code .ci/run})
 * installs Chromium and requires it; see {@link #ensureChromium()}.
 */
class HtmlReportBrowserTest {
    /** Debian's chromium; {@code PLIMSOLL_CHROMIUM} names another Chromium-based browser (e.g. on GitHub runners). */
    private static final Path CHROMIUM = browser();

    private static Path browser() {
        String env = System.getenv("PLIMSOLL_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return Path.of("/usr/bin/chromium");
    }

    @TempDir
    static Path dir;

    static Path report;

    @BeforeAll
    static void writeTheDemoReport() {
        ensureChromium();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PlimsollCommand.run(
                new String[] {"demo", "--out", dir.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        report = dir.resolve("plimsoll-report.html");
    }

    @Test
    void theReportShouldLoadWithoutErrorsAndDrawBothCharts() throws Exception {
        Result r = chromium(List.of(
                "--enable-logging=stderr", "--v=0", "--dump-dom", report.toUri().toString()));

        assertThat(r.stdout).contains("data-charts-drawn=\"2\"");
        assertThat(r.stdout.split("<canvas", -1)).hasSize(3); // two canvases
        assertThat(r.stdout)
                .contains("latency_bottleneck")
                .contains("scaling_lag")
                .contains("scaling lag 123 s");
        assertThat(r.stderr
                        .lines()
                        .filter(l -> l.contains("CONSOLE") || l.contains("Uncaught"))
                        .toList())
                .isEmpty();
        String html = Files.readString(report, StandardCharsets.UTF_8);
        // self-contained: nothing is loaded from anywhere (uPlot's source mentions URLs in comments and the SVG
        // namespace)
        assertThat(html)
                .doesNotContainPattern("<script[^>]+src=")
                .doesNotContainPattern("<link[^>]+href=")
                .doesNotContainPattern("(src|href)=\"?https?:");
    }

    @Test
    void aScreenshotShouldBeTaken() throws Exception {
        Path png = dir.resolve("report.png");

        chromium(List.of(
                "--window-size=1280,1600", "--screenshot=" + png, report.toUri().toString()));

        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(50_000); // charts drawn, not a blank page
    }

    @Test
    void requestNamesShouldRenderAsText() throws Exception {
        // a k6 request named like markup, in a real k6-shaped line
        Path k6 = dir.resolve("evil.json");
        String name = "</script><script>document.body.setAttribute('data-pwned','yes')</script><b>x";
        String tags = "{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"status\":\"200\"}";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String t = String.format("2026-11-26T05:00:%02d.5Z", i);
            lines.add("{\"metric\":\"http_reqs\",\"type\":\"Point\",\"data\":{\"time\":\"" + t
                    + "\",\"value\":1,\"tags\":" + tags + "}}");
            lines.add("{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"" + t
                    + "\",\"value\":12.5,\"tags\":" + tags + "}}");
        }
        Files.write(k6, lines);
        Path out = dir.resolve("evil");
        int code = PlimsollCommand.run(
                new String[] {"analyze", "--k6", k6.toString(), "--out", out.toString(), "--format", "html"},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true));
        assertThat(code).isEqualTo(3); // no cloud source and no gate: inconclusive, the report is written all the same

        Result r = chromium(List.of(
                "--dump-dom", out.resolve("plimsoll-report.html").toUri().toString()));

        assertThat(r.stdout)
                .doesNotContain("data-pwned=\"yes\"")
                .contains("data-charts-drawn=\"2\"")
                .contains("&lt;/script&gt;&lt;script&gt;");
    }

    private record Result(String stdout, String stderr) {}

    private static Result chromium(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
                "--virtual-time-budget=5000"));
        cmd.addAll(args);
        Path stdout = Files.createTempFile(dir, "out", ".txt");
        Path stderr = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(stderr));
        }
        return new Result(Files.readString(stdout), Files.readString(stderr));
    }

    /**
     * Chromium must be installed beforehand (tests install nothing): {@code .ci/run} installs Debian's package and
     * sets {@code PLIMSOLL_REQUIRE_BROWSER=true}, under which a missing browser fails the build; elsewhere (a laptop
     * without Chromium) the browser tests are skipped with the reason.
     */
    private static void ensureChromium() {
        boolean required = Boolean.parseBoolean(System.getenv("PLIMSOLL_REQUIRE_BROWSER"));
        if (required) {
            assertThat(CHROMIUM)
                    .as("Chromium is needed for the HTML report test (PLIMSOLL_REQUIRE_BROWSER is set):"
                            + " sudo apt-get install chromium, or PLIMSOLL_CHROMIUM=/path/to/chrome")
                    .isExecutable();
        }
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "no Chromium at " + CHROMIUM + ": install it (sudo apt-get install chromium) or set PLIMSOLL_CHROMIUM"
                        + " to run the HTML report's browser test");
    }
}
