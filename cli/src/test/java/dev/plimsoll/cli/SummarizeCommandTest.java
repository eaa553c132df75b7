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
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizeCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PlimsollCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void summarizeDemoShouldPrintTotalsPhasesAndNames() {
        int code = run("summarize", "--demo");

        assertThat(code).isZero();
        String text = out.toString();
        // k6's own end-of-test summary for this run: 33813 requests, 10096 iterations, 85 VUs max
        assertThat(text)
                .contains("requests ............. 33 813")
                .contains("iterations ........... 10 096")
                .contains("max 85")
                .contains("ramp-up")
                .contains("steady")
                .contains("ramp-down")
                .contains("POST /api/orders")
                .contains("✓ http_req_duration p(95)<300");
        assertThat(err.toString()).contains("382 578 lines");
    }

    @Test
    void summarizeOfAFileOfNoKnownFormatShouldExitTwoNamingTheFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("notes.txt"), "hello\n");

        int code = run("summarize", bad.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("plimsoll: error: " + bad + ":1: not a load-test result file of a known format");
    }

    @Test
    void dashShouldCountTheBytesReadFromStandardInput() throws IOException {
        byte[] gz;
        try (java.io.InputStream in = DemoData.class.getResourceAsStream("/dev/plimsoll/cli/demo/results.json.gz")) {
            gz = java.util.Objects.requireNonNull(in).readAllBytes();
        }
        byte[] plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes();
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(plain));
            assertThat(run("summarize", "-")).isZero();
            System.setIn(new java.io.ByteArrayInputStream(gz));
            assertThat(run("summarize", "-")).isZero();
        } finally {
            System.setIn(saved);
        }

        // plain: every byte; gzip: the compressed bytes, as for a .gz file
        assertThat(err.toString())
                .contains("read " + Format.bytes(plain.length) + " in ")
                .contains("read " + Format.bytes(gz.length) + " in ")
                .doesNotContain("read 0 B");
    }

    @Test
    void dashShouldSummariseStandardInput() throws IOException {
        java.io.InputStream saved = System.in;
        try (java.io.InputStream in = DemoData.class.getResourceAsStream("/dev/plimsoll/cli/demo/results.json.gz")) {
            assertThat(in).isNotNull();
            System.setIn(in);
            int code = run("summarize", "-");

            assertThat(code).isZero();
            assertThat(out.toString()).contains("requests ............. 33 813").contains("run       -");
            assertThat(err.toString()).contains("382 578 lines");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void summarizeWithoutFilesShouldExitTwoWithOneLinePointingAtTheHelp() {
        int code = run("summarize");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("plimsoll: error: Missing FILE")
                .contains("plimsoll summarize --help")
                .hasLineCount(1);
    }

    @Test
    void badBucketShouldExitTwoSayingWhatToWrite() {
        int code = run("summarize", "--bucket", "soon", "--demo");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    @Test
    void quietShouldPrintNothingOnStderr() {
        int code = run("summarize", "--demo", "--quiet", "--bucket", "5s");

        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("5000 ms buckets");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SummarizeCommandTest.class.getResource("/" + name).toURI());
    }

    /** The row of a request name in the "requests by name" table. */
    private String row(String name) {
        return out.toString()
                .lines()
                .filter(l -> l.startsWith("  " + name + " "))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void summarizeOfAJtlShouldShowPercentilesAsJMetersAggregateReport() throws Exception {
        int code = run("summarize", "--quiet", resource("jmeter/results.csv.gz").toString());

        assertThat(code).isZero();
        // JMeter's own Aggregate Report of this file: GET /api/items p95 66, p99 70; GET /api/search p95 79, p99 83
        assertThat(out.toString())
                .contains("(jmeter)")
                .contains("request_duration")
                .contains("as JMeter Aggregate Report: the sample at rank round(p × n)");
        assertThat(row("GET /api/items")).contains("66.00ms").contains("70.00ms");
        assertThat(row("GET /api/search")).contains("79.00ms").contains("83.00ms");
        assertThat(out.toString()).contains("error classes").doesNotContain("k6");
    }

    @Test
    void summarizeWithK6PercentilesShouldInterpolate() throws Exception {
        int code = run(
                "summarize",
                "--quiet",
                "--percentiles",
                "k6",
                resource("jmeter/results.csv.gz").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).doesNotContain("as JMeter Aggregate Report");
        assertThat(row("GET /api/search")).doesNotContain("79.00ms"); // k6's p95 interpolates: 79.x
    }

    @Test
    void summarizeOfAGatlingLogShouldShowPercentilesAsGatlingAndNoOkKoStatus() throws Exception {
        int code = run(
                "summarize", "--quiet", resource("gatling/simulation.log.gz").toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("(gatling)")
                .contains("as Gatling 3.13+: the sample at 0-based rank floor(p × n)")
                .contains("error classes  Request timeout: 100, j.n.ConnectException: 100");
        String status = out.toString()
                .lines()
                .filter(l -> l.startsWith("status"))
                .findFirst()
                .orElseThrow();
        assertThat(status).contains("404: 100").doesNotContain("OK").doesNotContain("KO");
    }

    @Test
    void unknownPercentileDefinitionShouldExitTwo() throws Exception {
        int code = run(
                "summarize",
                "--percentiles",
                "hdr",
                resource("jmeter/results.csv.gz").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("'hdr'").contains("expected tool, k6, jmeter, gatling or gatling-3.12");
    }
}
