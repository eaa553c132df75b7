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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PlimsollCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void demoShouldAnalyseTheBundledRunAndWriteReports() throws IOException {
        int code = run("demo", "--out", dir.toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("bottleneck: backend")
                .contains("scaling_lag")
                .contains("scaling lag 123 s")
                .contains("report: " + dir.resolve("plimsoll-report.json").toAbsolutePath());
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("plimsoll-report.json").toFile());
        assertThat(json.path("bottleneck").asText()).isEqualTo("backend");
        assertThat(json.path("verdict").asText()).isEqualTo("pass");
        assertThat(Files.readString(dir.resolve("plimsoll-report.md"))).contains("## Plimsoll");
    }

    @Test
    void aFailedGateShouldExitOne() {
        int code = run("demo", "--out", dir.toString(), "--gate", "scaling_lag<=90s", "--gate", "client_p95<300ms");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("gate scaling_lag<=90s").contains("FAIL");
    }

    @Test
    void analyzeWithReplaysShouldMatchTheDemo() {
        DemoData demo = DemoData.unpack();
        String[] args = {
            "analyze",
            "--k6",
            demo.k6Files().get(0).toString(),
            "--k6",
            demo.k6Files().get(1).toString(),
            "--cloudwatch-replay",
            demo.cloudWatch().toString(),
            "--datadog-replay",
            demo.datadog().toString(),
            "--max-nodes",
            "5",
            "--out",
            dir.toString(),
            "--format",
            "json",
            "--gate",
            "bottleneck!=load_balancer"
        };

        int code = run(args);

        assertThat(code).isZero();
        assertThat(dir.resolve("plimsoll-report.json")).exists();
        assertThat(dir.resolve("plimsoll-report.md")).doesNotExist();
    }

    @Test
    void analyzeOfAFileWhoseLastLineIsCutShouldPrintTheIngestWarningOnStderr() throws IOException {
        Path cut = truncatedDemoRun(dir.resolve("trunc-end.json"), 3000);

        int code = run(
                "analyze", "--load", cut.toString(), "--out", dir.resolve("out").toString());

        assertThat(code).isNotEqualTo(2);
        assertThat(err.toString())
                .contains("warning: " + cut + ":3001: last line is incomplete (k6 stopped mid-write?)");
    }

    @Test
    void analyzeQuietShouldNotPrintIngestWarnings() throws IOException {
        Path cut = truncatedDemoRun(dir.resolve("trunc-end.json"), 3000);

        run(
                "analyze",
                "-q",
                "--load",
                cut.toString(),
                "--out",
                dir.resolve("out").toString());

        assertThat(err.toString()).doesNotContain("warning:");
    }

    /** The first {@code lines} lines of the demo's k6 NDJSON, then half of the next one (k6 killed mid-write). */
    static Path truncatedDemoRun(Path target, int lines) throws IOException {
        try (java.io.InputStream gz = DemoData.class.getResourceAsStream("/dev/plimsoll/cli/demo/results.json.gz");
                var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                        new java.util.zip.GZIPInputStream(java.util.Objects.requireNonNull(gz)),
                        java.nio.charset.StandardCharsets.UTF_8))) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines; i++) {
                sb.append(reader.readLine()).append('\n');
            }
            String next = reader.readLine();
            sb.append(next, 0, next.length() / 2);
            return Files.writeString(target, sb);
        }
    }

    @Test
    void outNamingAnExistingFileShouldExitTwoSayingItIsAFileNotAFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");

        assertThat(run("demo", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("plimsoll: error: --out " + file + ": the output path is a file, not a folder")
                .doesNotContain("Already Exists")
                .hasLineCount(1);

        err.getBuffer().setLength(0);
        assertThat(run("demo", "--out", file.resolve("reports").toString())).isEqualTo(2);
        assertThat(err.toString())
                .startsWith(
                        "plimsoll: error: --out " + file.resolve("reports") + ": " + file + " is a file, not a folder")
                .hasLineCount(1);
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aBadGateShouldExitTwoPointingAtTheProblem() {
        int code = run("demo", "--out", dir.toString(), "--gate", "scaling_lag<=soon");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("gate 'scaling_lag<=soon' at position 13: expected a number");
    }

    @Test
    void anUnknownFormatOrMissingK6ShouldExitTwo() {
        assertThat(run("analyze", "--k6", "x.json", "--format", "pdf")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown --format 'pdf'");
        assertThat(run("analyze")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing --load FILE");
    }

    @Test
    void junitFormatShouldListGatesAndFindingsAsTestCases() throws Exception {
        int code = run("demo", "--out", dir.toString(), "--gate", "scaling_lag<=90s", "--gate", "client_p95<300ms");
        DemoData demo = DemoData.unpack();
        int junit = run(
                "analyze",
                "--k6",
                demo.k6Files().get(0).toString(),
                "--cloudwatch-replay",
                demo.cloudWatch().toString(),
                "--datadog-replay",
                demo.datadog().toString(),
                "--out",
                dir.toString(),
                "--format",
                "junit",
                "--gate",
                "scaling_lag<=90s",
                "--gate",
                "client_p95<300ms");

        assertThat(code).isEqualTo(1);
        assertThat(junit).isEqualTo(1);
        var doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve("plimsoll-junit.xml").toFile());
        var suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("3"); // two gates, the latency bottleneck warning
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(doc.getElementsByTagName("failure")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("message")
                        .getNodeValue())
                .contains("gate scaling_lag<=90s failed: measured 123.147s");
    }

    @Test
    void yamlConfigShouldFlattenToDottedKeys() throws IOException {
        Path yaml = dir.resolve("plimsoll.yaml");
        Files.writeString(
                yaml, "cloudwatch:\n  region: eu-west-1\n  signal:\n    node_cpu: \"off\"\ndatadog:\n  site: us5\n");

        assertThat(SettingsFile.read(yaml))
                .containsEntry("cloudwatch.region", "eu-west-1")
                .containsEntry("cloudwatch.signal.node_cpu", "off")
                .containsEntry("datadog.site", "us5");
    }

    @Test
    void aMisspeltConfigKeyShouldExitTwoNamingTheNearestKnownOne() throws IOException {
        Path yaml = dir.resolve("plimsoll.yaml");
        Files.writeString(yaml, "cloudwatch:\n  regoin: eu-west-1\n");

        int code = run("demo", "--out", dir.toString());
        int bad = run("analyze", "--load", "x.json", "--config", yaml.toString());

        assertThat(code).isZero();
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString())
                .contains(yaml.toString())
                .contains("unknown key 'cloudwatch.regoin' (did you mean 'cloudwatch.region'?)");
    }

    @Test
    void brokenOrMissingConfigFilesShouldExitTwoNamingFileAndLine() throws IOException {
        Path yaml = dir.resolve("broken.yaml");
        Files.writeString(yaml, "cloudwatch:\n  region: [eu-west-1\n");

        assertThat(run("analyze", "--load", "x.json", "--config", yaml.toString()))
                .isEqualTo(2);
        assertThat(run(
                        "analyze",
                        "--load",
                        "x.json",
                        "--config",
                        dir.resolve("absent.yaml").toString()))
                .isEqualTo(2);
        assertThat(run("analyze", "--load", "x.json", "--config", dir.toString()))
                .isEqualTo(2);

        assertThat(err.toString())
                .contains(yaml + ":2:21: not valid YAML: while parsing a flow sequence; expected ',' or ']', but got"
                        + " <stream end>\n")
                .contains("absent.yaml: does not exist")
                .contains("is a directory, not a settings file")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void analyzeOfAGatlingLogShouldClassifyErrorsInGatlingsTerms() throws Exception {
        Path log = Path.of(AnalyzeCommandTest.class
                .getResource("/gatling/simulation.log.gz")
                .toURI());

        int code = run("analyze", "--quiet", "--load", log.toString(), "--out", dir.toString(), "--format", "json");

        assertThat(code).isEqualTo(1); // a high error burst fails the run (--fail-on high by default), cloud or not
        // OK requests are no errors, Gatling's KO no status: 404s, timeouts and refused connections, each once
        assertThat(out.toString())
                .contains("error_burst")
                .contains("Request timeout")
                .contains("j.n.ConnectException")
                .contains("404 client error")
                .doesNotContain("OK client error")
                .doesNotContain("KO client error")
                .doesNotContain("k6");
    }
}
