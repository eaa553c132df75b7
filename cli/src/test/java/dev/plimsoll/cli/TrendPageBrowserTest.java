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

import dev.plimsoll.history.RunHistory;
import dev.plimsoll.history.RunRecord;
import dev.plimsoll.history.RunRecords;
import dev.plimsoll.report.JsonReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plimsoll history trend}: text and the HTML trend page, the page checked in real headless Chromium like the
 * run report. The history: twelve daily runs made from the demo's real analysed run, each with its client latency
 * multiplied by 1 + N(0, 0.02) (seeded; run-to-run noise of the healthy scenario's size), and by 1.3 from run 8 on —
 * the shift the change-point search must find, and the run whose own comparison flagged it.
 */
class TrendPageBrowserTest {
    @TempDir
    static Path dir;

    static String db;
    static String text;
    static Path page;

    @BeforeAll
    static void makeTheHistoryAndThePage() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PlimsollCommand.run(
                HistoryCommandTest.analyze(dir.resolve("demo")), new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        RunRecord demo = RunRecords.of(JsonReport.read(dir.resolve("demo/plimsoll-report.json")), null);
        db = dir.resolve("history.db").toString();
        Random noise = new Random(42);
        try (RunHistory h = RunHistory.open(db)) {
            for (int i = 1; i <= 12; i++) {
                double factor = (i >= 8 ? 1.3 : 1.0) * (1 + 0.02 * noise.nextGaussian());
                h.save(
                        TrendFixtures.scaled(
                                demo,
                                String.format("run-%02d", i),
                                demo.start().plusSeconds(86_400L * i),
                                factor,
                                i == 8),
                        TrendFixtures.labels("main"));
            }
            h.save(TrendFixtures.scaled(demo, "other-branch", demo.start(), 2.0), TrendFixtures.labels("feature"));
        }
        out = new StringWriter();
        page = dir.resolve("trend.html");
        code = PlimsollCommand.run(
                new String[] {
                    "history",
                    "trend",
                    "--history",
                    db,
                    "--label",
                    "branch=main",
                    "--figure",
                    "client_p95",
                    "--figure",
                    "scaling_lag",
                    "--html",
                    page.toString()
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        text = out.toString();
    }

    @Test
    void textShouldMarkTheChangePointAndTheRegressedRun() {
        assertThat(text)
                .contains("client_p95 (client latency p95, ms) over 12 run(s) with branch=main: 1 change point(s)")
                .contains("scaling_lag (scaling lag, s) over 12 run(s) with branch=main: 0 change point(s)")
                .doesNotContain("other-branch");
        String run8 = text.lines().filter(l -> l.contains("run-08")).findFirst().orElseThrow();
        assertThat(run8)
                .contains("▲ change point")
                .contains("regression")
                .contains("! regression against its baseline");
        assertThat(text.lines().filter(l -> l.contains("▲")).count()).isEqualTo(1);
    }

    @Test
    void thePageShouldLoadWithoutErrorsAndDrawEveryFigure() throws Exception {
        Chromium.Result r = Chromium.run(
                dir,
                List.of(
                        "--enable-logging=stderr",
                        "--v=0",
                        "--dump-dom",
                        page.toUri().toString()));

        assertThat(r.stdout()).contains("data-charts-drawn=\"2\"");
        assertThat(r.stdout().split("<canvas", -1)).hasSize(3);
        assertThat(r.stdout())
                .contains("<code>run-08</code>")
                .contains("class=\"regression\">regression")
                .contains("No change point over 12 run(s).");
        assertThat(r.stderr()
                        .lines()
                        .filter(l -> l.contains("CONSOLE") || l.contains("Uncaught"))
                        .toList())
                .isEmpty();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html)
                .doesNotContainPattern("<script[^>]+src=")
                .doesNotContainPattern("<link[^>]+href=")
                .doesNotContainPattern("(src|href)=\"?https?:");
    }

    @Test
    void aScreenshotShouldBeTaken() throws Exception {
        Path png = dir.resolve("trend.png");

        Chromium.run(
                dir,
                List.of(
                        "--window-size=1280,1400",
                        "--screenshot=" + png,
                        page.toUri().toString()));

        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(30_000);
    }

    /** Headless Chromium as the run report's browser test drives it. */
    static final class Chromium {
        record Result(String stdout, String stderr) {}

        static Path browser() {
            String env = System.getenv("PLIMSOLL_CHROMIUM");
            if (env != null && !env.isBlank()) {
                return Path.of(env);
            }
            for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
                if (Files.isExecutable(Path.of(c))) {
                    return Path.of(c);
                }
            }
            return Path.of("/usr/bin/chromium");
        }

        static Result run(Path dir, List<String> args) throws IOException, InterruptedException {
            Path chromium = browser();
            if (Boolean.parseBoolean(System.getenv("PLIMSOLL_REQUIRE_BROWSER"))) {
                assertThat(chromium)
                        .as("Chromium is needed (PLIMSOLL_REQUIRE_BROWSER is set)")
                        .isExecutable();
            }
            Assumptions.assumeTrue(Files.isExecutable(chromium), "no Chromium at " + chromium);
            List<String> cmd = new ArrayList<>(List.of(
                    chromium.toString(),
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
    }
}
