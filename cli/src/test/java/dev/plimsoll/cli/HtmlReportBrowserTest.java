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
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in real headless Chromium (Debian's {@code chromium}), with the browser's own zone set to New York
 * so that a chart falling back to local time would show it. A harness (the report with one more script appended)
 * drives the page through its {@code window.plimsoll} hook — a real mouse move over the first chart, a zoom, a
 * finding's button — and writes what it read into the DOM, which {@code --dump-dom} returns. Checked: no console
 * errors; every chart drawn and holding data; equal plot widths and marks at the same x on every chart; the cursor
 * synchronised; zoom on one chart zooming all; a finding's button zooming to its span; times in UTC (or the zone
 * asked for); input escaped everywhere it appears. CI ({@code .ci/run}) installs Chromium and requires it; see
 * {@link #ensureChromium()}.
 */
class HtmlReportBrowserTest {
    /** Debian's chromium; {@code PLIMSOLL_CHROMIUM} names another Chromium-based browser (e.g. on GitHub runners). */
    private static final Path CHROMIUM = browser();

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Runs once the page has loaded and its charts are drawn; writes what it found into {@code pre#harness}. */
    private static final String HARNESS = """
            <script>
            window.addEventListener('load', function () {
              // uPlot commits a scale change in a microtask: wait a little after each step
              function later() { return new Promise(function (done) { setTimeout(done, 20); }); }
              (async function () {
                var out = {};
                try {
                  await later();
                  var p = window.plimsoll, cs = p.charts;
                  var data = JSON.parse(document.getElementById('plimsoll-data').textContent);
                  function left(u) { return u.over.getBoundingClientRect().left; }
                  function at(t) { return cs.map(function (u) { return Math.round(left(u) + u.valToPos(t, 'x')); }); }
                  function scales() { return cs.map(function (u) { return [u.scales.x.min, u.scales.x.max]; }); }
                  out.ids = p.ids;
                  out.drawn = Number(document.body.getAttribute('data-charts-drawn'));
                  out.widths = cs.map(function (u) { return u.bbox.width / uPlot.pxRatio; });
                  out.hasData = cs.map(function (u) {
                    return u.data.slice(1).some(function (s) { return s.some(function (v) { return v != null; }); });
                  });
                  out.marks = data.marks.length;
                  out.markX = data.marks.length ? at(data.marks[0].from) : [];
                  out.xLabel = cs[0].axes[0].label;
                  out.xTicks = cs[0].axes[0]._values;
                  var xs = cs[0].data[0];
                  var idx = Math.floor(xs.length / 2);
                  var r = cs[0].over.getBoundingClientRect();
                  cs[0].over.dispatchEvent(new MouseEvent('mousemove',
                      { clientX: r.left + cs[0].valToPos(xs[idx], 'x'), clientY: r.top + 30, bubbles: true }));
                  out.cursorTime = xs[idx];
                  out.cursorIdx = cs.map(function (u) { return u.cursor.idx; });
                  out.cursorX = cs.map(function (u) { return Math.round(left(u) + u.cursor.left); });
                  out.legendTimes = Array.prototype.map.call(document.querySelectorAll('.legend .time'),
                      function (e) { return e.textContent; });
                  out.legendLabels = Array.prototype.map.call(document.querySelectorAll('.legend .label'),
                      function (e) { return e.textContent; });
                  cs[cs.length - 1].setScale('x', { min: xs[10], max: xs[60] });
                  await later();
                  out.zoom = [xs[10], xs[60]];
                  out.zoomed = scales();
                  out.markXZoomed = data.marks.length ? at(data.marks[0].from) : [];
                  var b = document.querySelector('button.zoom');
                  if (b) {
                    b.click();
                    await later();
                    out.finding = [Number(b.getAttribute('data-from')), Number(b.getAttribute('data-to'))];
                    out.afterFinding = scales();
                  }
                  document.getElementById('reset-zoom').click();
                  await later();
                  out.afterReset = scales();
                  out.range = [xs[0], xs[xs.length - 1]];
                  out.sparkTitles = Array.prototype.map.call(document.querySelectorAll('svg.spark title'),
                      function (e) { return e.textContent; });
                  out.rowNames = Array.prototype.map.call(document.querySelectorAll('table.requests th[scope=row]'),
                      function (e) { return e.textContent; });
                  out.images = document.querySelectorAll('img').length;
                  out.renderMs = Number(document.body.getAttribute('data-render-ms'));
                } catch (e) {
                  out.error = String(e && e.stack || e);
                }
                var pre = document.createElement('pre');
                pre.id = 'harness';
                pre.textContent = JSON.stringify(out);
                document.body.appendChild(pre);
              })();
            });
            </script>
            """;

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
        report = demo(dir.resolve("demo"));
    }

    private static Path demo(Path out, String... more) {
        StringWriter o = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("demo", "--out", out.toString()));
        args.addAll(List.of(more));
        int code =
                PlimsollCommand.run(args.toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out.resolve("plimsoll-report.html");
    }

    @Test
    void theReportShouldLoadWithoutErrorsAndDrawEveryChart() throws Exception {
        Result r = chromium(List.of(
                "--enable-logging=stderr", "--v=0", "--dump-dom", report.toUri().toString()));

        assertThat(r.stdout)
                .contains("data-charts-drawn=\"5\"")
                .contains("data-charts=\"5\"")
                .contains("latency_bottleneck")
                .contains("scaling_lag")
                .contains("scaling lag 123 s");
        assertThat(r.stdout.split("<canvas", -1)).hasSize(6); // five charts
        assertThat(consoleErrors(r)).isEmpty();
        String html = Files.readString(report, StandardCharsets.UTF_8);
        // self-contained: nothing is loaded from anywhere (uPlot's source mentions URLs in comments and the SVG
        // namespace)
        assertThat(html)
                .doesNotContainPattern("<script[^>]+src=")
                .doesNotContainPattern("<link[^>]+href=")
                .doesNotContainPattern("(src|href)=\"?https?:");
    }

    @Test
    void theHeadlineShouldCarryTheVerdictsFigures() throws Exception {
        String html = Files.readString(report, StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper()
                .readTree(report.resolveSibling("plimsoll-report.json").toFile());

        String headline = html.substring(html.indexOf("<section class=\"headline\""), html.indexOf("</section>"));
        assertThat(headline)
                .contains("<b>" + json.path("verdict").asText().toUpperCase(Locale.ROOT) + "</b>")
                .contains(">" + json.path("bottleneck").asText() + "<")
                .contains(">" + Math.round(lagSeconds(json)) + " s<")
                .contains("66 → 256 ms") // the latency finding's baseline and peak window
                .contains(String.format(
                        Locale.ROOT,
                        "%.2f %%",
                        100 * json.path("run").path("errorRate").asDouble()))
                .contains("2 → 3"); // nodes during the run, not the node group's 2–5
    }

    @Test
    void chartsShouldShareOneTimeAxisInUtcWhateverTheBrowsersZone() throws Exception {
        JsonNode h = harness(report);

        assertThat(h.path("error").asText("")).isEmpty();
        assertThat(h.path("drawn").asInt()).isEqualTo(5);
        List<Double> widths = doubles(h.path("widths"));
        assertThat(widths)
                .hasSize(5)
                .allSatisfy(w -> assertThat(w).isEqualTo(widths.get(0)).isGreaterThan(500));
        assertThat(h.path("hasData")).allSatisfy(b -> assertThat(b.asBoolean()).isTrue());
        assertThat(h.path("marks").asInt()).isPositive();
        assertThat(ints(h.path("markX"))).containsOnly(ints(h.path("markX")).get(0));
        assertThat(ints(h.path("markXZoomed")))
                .containsOnly(ints(h.path("markXZoomed")).get(0));
        // a real mouse move over the first chart moves every chart's cursor to the same time
        int idx = h.path("cursorIdx").get(0).asInt();
        assertThat(ints(h.path("cursorIdx"))).containsOnly(idx);
        assertThat(ints(h.path("cursorX")))
                .allSatisfy(x -> assertThat(x).isCloseTo(ints(h.path("cursorX")).get(0), within(1)));
        // ... and every legend reads its time in UTC, although the browser runs in New York
        String utc = CLOCK.withZone(ZoneId.of("UTC"))
                .format(Instant.ofEpochSecond((long) h.path("cursorTime").asDouble()));
        assertThat(strings(h.path("legendTimes"))).containsOnly(utc + " UTC");
        assertThat(h.path("xLabel").asText()).isEqualTo("time (UTC)");
        assertThat(h.path("xTicks").get(0).asText()).startsWith("05:").contains("2026-11-26");
        // zoom on one zooms all; a finding's button zooms to its span; reset shows the whole run
        assertThat(pairs(h.path("zoomed"))).containsOnly(doubles(h.path("zoom")));
        List<Double> finding = doubles(h.path("finding"));
        assertThat(pairs(h.path("afterFinding"))).allSatisfy(s -> {
            assertThat(s.get(0)).isLessThanOrEqualTo(finding.get(0));
            assertThat(s.get(1))
                    .isGreaterThanOrEqualTo(
                            Math.min(finding.get(1), doubles(h.path("range")).get(1)));
            assertThat(s).isEqualTo(pairs(h.path("afterFinding")).get(0));
        });
        assertThat(pairs(h.path("afterReset"))).containsOnly(doubles(h.path("range")));
        // short human labels with the source and period, not raw series ids
        assertThat(strings(h.path("legendLabels")))
                .contains("ALB p95 (CloudWatch, 60 s)", "nodes (Datadog, 15 s)", "backend p95 (Datadog, 15 s)")
                .noneMatch(l -> l.contains("cloudwatch:") || l.contains("datadog:"));
    }

    @Test
    void aZoneAskedForShouldBeTheOneShown() throws Exception {
        Path rome = demo(dir.resolve("rome"), "--timezone", "Europe/Rome");

        JsonNode h = harness(rome);

        String local = CLOCK.withZone(ZoneId.of("Europe/Rome"))
                .format(Instant.ofEpochSecond((long) h.path("cursorTime").asDouble()));
        assertThat(strings(h.path("legendTimes"))).containsOnly(local + " Europe/Rome");
        assertThat(h.path("xLabel").asText()).isEqualTo("time (Europe/Rome)");
        assertThat(h.path("xTicks").get(0).asText()).startsWith("06:");
        assertThat(Files.readString(rome)).contains("Times in <b>Europe/Rome (UTC+01:00)</b>");
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
    void requestNamesShouldRenderAsTextEverywhere() throws Exception {
        // k6 requests named like markup, in real k6-shaped lines
        String script = "</script><script>document.body.setAttribute('data-pwned','yes')</script><b>x";
        String image = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">";
        Path k6 = dir.resolve("evil.json");
        List<String> lines = new ArrayList<>();
        for (String name : List.of(script, image)) {
            String tags = "{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"status\":\"200\"}";
            for (int i = 0; i < 40; i++) {
                String t = String.format("2026-11-26T05:00:%02d.5Z", i);
                lines.add("{\"metric\":\"http_reqs\",\"type\":\"Point\",\"data\":{\"time\":\"" + t
                        + "\",\"value\":1,\"tags\":" + tags + "}}");
                lines.add("{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"" + t
                        + "\",\"value\":12.5,\"tags\":" + tags + "}}");
            }
        }
        Files.write(k6, lines);
        Path out = dir.resolve("evil");
        int code = PlimsollCommand.run(
                new String[] {"analyze", "--k6", k6.toString(), "--out", out.toString(), "--format", "html"},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true));
        assertThat(code).isEqualTo(3); // no cloud source and no gate: inconclusive, the report is written all the same
        Path html = out.resolve("plimsoll-report.html");

        Result dom = chromium(List.of(
                "--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString()));
        JsonNode h = harness(html);

        assertThat(dom.stdout)
                .doesNotContain("data-pwned=\"")
                .contains("data-charts-drawn=\"4\"") // load, latency, errors, by name: no capacity without a cloud
                .contains("&lt;/script&gt;&lt;script&gt;");
        assertThat(consoleErrors(dom)).isEmpty();
        assertThat(h.path("error").asText("")).isEmpty();
        assertThat(h.path("images").asInt()).isZero();
        assertThat(strings(h.path("legendLabels"))).contains(script, image);
        assertThat(strings(h.path("rowNames"))).containsExactlyInAnyOrder(script, image);
        assertThat(strings(h.path("sparkTitles")))
                .anyMatch(t -> t.contains(script))
                .anyMatch(t -> t.contains(image));
    }

    private static double lagSeconds(JsonNode json) {
        for (JsonNode f : json.path("findings")) {
            if (f.path("kind").asText().equals("scaling_lag")) {
                return f.path("lagSeconds").asDouble();
            }
        }
        throw new AssertionError("no scaling_lag finding in " + json);
    }

    /** The report with the harness appended, loaded in Chromium; what the harness wrote. */
    private static JsonNode harness(Path html) throws IOException, InterruptedException {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        int end = page.lastIndexOf("</body>");
        Path copy = html.resolveSibling("harness-" + html.getFileName());
        Files.writeString(copy, page.substring(0, end) + HARNESS + page.substring(end), StandardCharsets.UTF_8);
        Result r = chromium(List.of(
                "--enable-logging=stderr", "--v=0", "--dump-dom", copy.toUri().toString()));
        Matcher m = Pattern.compile("<pre id=\"harness\">(.*?)</pre>", Pattern.DOTALL)
                .matcher(r.stdout);
        assertThat(m.find()).as("the harness wrote no result: %s", r.stderr).isTrue();
        assertThat(consoleErrors(r)).isEmpty();
        String text = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return new ObjectMapper().readTree(text);
    }

    private static List<String> consoleErrors(Result r) {
        return r.stderr
                .lines()
                .filter(l -> l.contains("CONSOLE") || l.contains("Uncaught"))
                .toList();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static List<Double> doubles(JsonNode n) {
        List<Double> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asDouble()));
        return out;
    }

    private static List<Integer> ints(JsonNode n) {
        List<Integer> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asInt()));
        return out;
    }

    private static List<List<Double>> pairs(JsonNode n) {
        List<List<Double>> out = new ArrayList<>();
        n.forEach(e -> out.add(doubles(e)));
        return out;
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
                "--window-size=1280,1024",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
                "--virtual-time-budget=5000"));
        cmd.addAll(args);
        Path stdout = Files.createTempFile(dir, "out", ".txt");
        Path stderr = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb =
                new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        // a zone that is not UTC: a chart that fell back to the browser's local time would show it
        Map<String, String> env = pb.environment();
        env.put("TZ", "America/New_York");
        Process p = pb.start();
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
