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
package dev.plimsoll.ingest.k6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.run.LoadRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class K6ReaderBadInputTest {
    @TempDir
    Path dir;

    private final K6Reader strict = K6Reader.create();
    private final K6Reader lenient = K6Reader.builder().lenient(true).build();

    @Test
    void truncatedLastLineShouldBeAcceptedWithACountedWarning() throws IOException {
        LoadRun run = strict.read(Fixtures.TRUNCATED);
        List<String> lines = Fixtures.lines(Fixtures.TRUNCATED);
        long points =
                lines.stream().filter(l -> l.contains("\"type\":\"Point\"")).count();

        assertThat(run.ingest().lines()).isEqualTo(lines.size()).isEqualTo(1197); // 1196 newlines + the cut line
        assertThat(run.ingest().samples()).isEqualTo(points - 1); // every complete Point, not the cut one
        assertThat(run.ingest().skippedLines()).isZero();
        assertThat(run.ingest().warnings())
                .singleElement()
                .asString()
                .contains("truncated.json.gz:1197")
                .contains("last line is incomplete");
    }

    @Test
    void summaryOfAnotherRunShouldBeRefusedNamingBothFiles() throws IOException {
        // the smoke run's summary (958 requests) with the killed run's results: its totals would stand for the run's
        assertThatThrownBy(() -> strict.read(Fixtures.KILLED, Fixtures.SMOKE_SUMMARY_EXPORT))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("smoke-summary-export.json: counts 958 requests (http_reqs), but ")
                .hasMessageContaining("killed.json.gz holds ")
                .hasMessageContaining("the summary of another run");
        // its own summary is kept
        assertThat(strict.read(Fixtures.SMOKE_JSON, Fixtures.SMOKE_SUMMARY_EXPORT)
                        .summary())
                .isPresent();
    }

    @Test
    void killedRunShouldReadAsFarAsK6Wrote() throws IOException {
        LoadRun run = strict.read(Fixtures.KILLED);
        long points = Fixtures.lines(Fixtures.KILLED).stream()
                .filter(l -> l.contains("\"type\":\"Point\""))
                .count();

        assertThat(run.ingest().samples()).isEqualTo(points);
        assertThat(run.ingest().warnings()).isEmpty();
        assertThat(run.totals().requests()).isPositive();
        assertThat(run.summary()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void malformedLineInTheMiddleShouldNameFileLineAndRule(int parallelism) throws IOException {
        List<String> lines = new ArrayList<>(Fixtures.lines(Fixtures.SMOKE_JSON));
        lines.set(4999, lines.get(4999).substring(0, 60)); // line 5000 cut short, the next line intact
        Path file = Fixtures.write(dir.resolve("broken.json"), lines);

        K6Reader reader = K6Reader.builder()
                .parallelism(parallelism)
                .chunkBytes(32 * 1024)
                .build();
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOfSatisfying(K6ParseException.class, e -> {
                    assertThat(e.file()).endsWith("broken.json");
                    assertThat(e.line()).isEqualTo(5000);
                    assertThat(e.rule()).contains("not closed before the end of the line");
                })
                .hasMessageStartingWith(file + ":5000: ");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aValueOfTheWrongTypeShouldSayWhatItWas(int parallelism) throws IOException {
        List<String> lines = new ArrayList<>(Fixtures.lines(Fixtures.SMOKE_JSON));
        int point = 0;
        while (!lines.get(point).contains("\"type\":\"Point\"")) {
            point++;
        }
        String original = lines.get(point);
        K6Reader reader = K6Reader.builder()
                .parallelism(parallelism)
                .chunkBytes(32 * 1024)
                .build();

        lines.set(point, original.replaceFirst("\"value\":[^,}]+", "\"value\":\"12\""));
        Path string = Fixtures.write(dir.resolve("string.json"), lines);
        assertThatThrownBy(() -> reader.read(string))
                .hasMessageStartingWith(
                        string + ":" + (point + 1) + ": 'data.value' must be a number, but was the string \"12\": '");

        lines.set(point, original.replaceFirst("\"value\":[^,}]+", "\"value\":{}"));
        Path object = Fixtures.write(dir.resolve("object.json"), lines);
        assertThatThrownBy(() -> reader.read(object))
                .hasMessageContaining("'data.value' must be a number, but was an object: '");
    }

    @Test
    void lenientShouldSkipAndCountMalformedLinesAndKeepEveryValidPoint() throws IOException {
        List<String> lines = new ArrayList<>(Fixtures.lines(Fixtures.SMOKE_JSON));
        long points =
                lines.stream().filter(l -> l.contains("\"type\":\"Point\"")).count();
        lines.set(4999, lines.get(4999).substring(0, 60));
        lines.set(7000, "{\"metric\":\"http_reqs\",\"type\":\"Point\",\"data\":{\"time\":\"yesterday\",\"value\":1}}");
        lines.set(7001, "not json at all");
        Path file = Fixtures.write(dir.resolve("broken.json"), lines);

        LoadRun run =
                K6Reader.builder().lenient(true).chunkBytes(32 * 1024).build().read(file);

        assertThat(run.ingest().skippedLines()).isEqualTo(3);
        assertThat(run.ingest().samples()).isEqualTo(points - 3);
        assertThat(run.ingest().lines()).isEqualTo(lines.size());
        assertThat(run.ingest().warnings()).hasSize(3);
        assertThat(run.ingest().warnings().get(0)).contains(":5000:");
        assertThat(run.ingest().warnings().get(1)).contains(":7001:").contains("time must be RFC 3339");
        assertThat(run.ingest().warnings().get(2)).contains(":7002:").contains("malformed JSON");
    }

    @Test
    void pointWithoutValueShouldBeAnErrorNamingTheField() throws IOException {
        Path file = Fixtures.write(
                dir.resolve("novalue.json"),
                List.of(
                        "{\"metric\":\"vus\",\"type\":\"Point\",\"data\":{\"time\":\"2026-11-26T04:54:53+01:00\",\"value\":1,\"tags\":{}}}",
                        "{\"metric\":\"vus\",\"type\":\"Point\",\"data\":{\"time\":\"2026-11-26T04:54:54+01:00\",\"tags\":{}}}"));

        assertThatThrownBy(() -> strict.read(file))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("novalue.json:2:")
                .hasMessageContaining("'data.value' is missing");
    }

    @Test
    void fieldOrderAndExtraFieldsShouldNotMatter() throws IOException {
        Path file = Fixtures.write(
                dir.resolve("order.json"),
                List.of(
                        "{\"data\":{\"name\":\"http_reqs\",\"type\":\"counter\",\"contains\":\"default\",\"thresholds\":[],"
                                + "\"submetrics\":null},\"metric\":\"http_reqs\",\"type\":\"Metric\"}",
                        "{\"data\":{\"tags\":{\"name\":\"a\",\"status\":\"200\"},\"value\":1,\"metadata\":{\"vu\":\"1\",\"iter\":"
                                + "\"0\"},\"time\":\"2026-11-26T03:54:53.5Z\"},\"type\":\"Point\",\"metric\":\"http_reqs\"}",
                        "{\"metric\":\"http_reqs\",\"type\":\"Point\",\"tainted\":false,\"data\":{\"time\":"
                                + "\"2026-11-26T03:54:53.999999999Z\",\"value\":1,\"tags\":{\"name\":\"a\",\"status\":\"200\"}}}"));

        LoadRun run = strict.read(file);

        assertThat(run.totals().requests()).isEqualTo(2);
        assertThat(run.timeline().byName().get("a").totalRequests()).isEqualTo(2);
        assertThat(run.timeline().size()).isEqualTo(1);
    }

    @Test
    void truncatedGzipShouldBeAClearError() throws IOException {
        byte[] gz = Files.readAllBytes(Fixtures.SMOKE_JSON);
        Path file = Files.write(dir.resolve("cut.json.gz"), Arrays.copyOf(gz, gz.length / 2));

        assertThatThrownBy(() -> strict.read(file))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("cut.json.gz")
                .hasMessageContaining("gzip data is truncated or corrupt");
    }

    @Test
    void emptyFileShouldBeAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.json"), "");

        assertThatThrownBy(() -> strict.read(file))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("empty.json: file is empty");
    }

    @Test
    void fileThatIsNotK6OutputShouldBeAClearError() throws IOException {
        Path html = Files.writeString(dir.resolve("page.json"), "<html><body>502 Bad Gateway</body></html>\n");
        Path json = Files.writeString(dir.resolve("other.json"), "{\"hello\": \"world\"}\n");

        assertThatThrownBy(() -> strict.read(html))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("not k6 output")
                .hasMessageContaining("<html>");
        assertThatThrownBy(() -> strict.read(json))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("not k6 output");
    }

    @Test
    void missingFileShouldBeAClearError() {
        assertThatThrownBy(() -> strict.read(dir.resolve("nope.json")))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("nope.json: file does not exist");
    }

    @Test
    void gzipShouldBeDetectedByContentNotName() throws IOException {
        Path plain = Files.write(dir.resolve("results.json.gz"), Fixtures.gunzip(Fixtures.SMOKE_JSON));
        Path zipped = Fixtures.gzip(dir.resolve("results.txt"), Fixtures.gunzip(Fixtures.SMOKE_JSON));

        assertThat(strict.read(plain).totals().requests()).isEqualTo(958);
        assertThat(strict.read(zipped).totals().requests()).isEqualTo(958);
    }

    @Test
    void csvWithBadRowShouldNameLineAndLenientShouldSkipIt() throws IOException {
        List<String> lines = new ArrayList<>(
                Arrays.asList(new String(Fixtures.gunzip(Fixtures.SMOKE_CSV), StandardCharsets.UTF_8).split("\n")));
        String header = lines.get(0);
        lines.set(100, lines.get(100).replaceFirst(",\\d+,", ",soon,"));
        Path file = Fixtures.write(dir.resolve("bad.csv"), lines);

        assertThatThrownBy(() -> strict.read(file))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("bad.csv:101:")
                .hasMessageContaining("timestamp must be unix time or RFC 3339");
        LoadRun run = lenient.read(file);
        assertThat(run.ingest().skippedLines()).isEqualTo(1);
        assertThat(run.ingest().samples()).isEqualTo(lines.size() - 2);
        assertThat(header).startsWith("metric_name,timestamp,metric_value");
    }

    @Test
    void csvShouldAcceptOtherTimeFormatsAndQuotedFields() throws IOException {
        Path file = Fixtures.write(
                dir.resolve("times.csv"),
                List.of(
                        "metric_name,timestamp,metric_value,name,status,extra_tags",
                        "http_reqs,1795665292123,1.000000,\"GET /a,b\",200,",
                        "http_reqs,1795665292999999,1.000000,\"say \"\"hi\"\"\",200,",
                        "http_reqs,1795665293000000001,1.000000,x,500,",
                        "http_reqs,2026-11-26T04:54:53.5+01:00,1.000000,x,500,"));

        LoadRun run = strict.read(file);

        assertThat(run.totals().requests()).isEqualTo(4);
        assertThat(run.timeline().byName()).containsKeys("GET /a,b", "say \"hi\"", "x");
        assertThat(run.timeline().http().requests().values()).containsExactly(2, 2);
    }

    // ---- hostile input (issue #11); the robustness module runs thousands more through the CLI ----

    /** The index of the first Point line of {@code metric} at or after line index {@code from}. */
    private static int point(List<String> lines, String metric, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains("\"type\":\"Point\"") && lines.get(i).contains("\"metric\":\"" + metric + "\"")) {
                return i;
            }
        }
        throw new IllegalStateException("no " + metric + " point after line " + from);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aPointAYearAwayShouldBeRefusedNamingItsLine(int parallelism) throws IOException {
        List<String> lines = new ArrayList<>(Fixtures.lines(Fixtures.SMOKE_JSON));
        int at = point(lines, "http_reqs", 3000);
        lines.set(at, lines.get(at).replace("\"time\":\"2026-", "\"time\":\"2027-"));
        Path file = Fixtures.write(dir.resolve("year.json"), lines);
        K6Reader reader = K6Reader.builder()
                .parallelism(parallelism)
                .chunkBytes(32 * 1024)
                .build();

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("year.json:" + (at + 1) + ":")
                .hasMessageContaining("lies 365 days from the run's other samples");
    }

    @Test
    void oneMetricInAnotherYearShouldBeRefusedNotRunOutOfMemory() throws IOException {
        List<String> lines = new ArrayList<>(Fixtures.lines(Fixtures.SMOKE_JSON));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"type\":\"Point\"") && lines.get(i).contains("\"metric\":\"vus\"")) {
                lines.set(i, lines.get(i).replace("\"time\":\"2026-", "\"time\":\"2025-"));
            }
        }
        Path file = Fixtures.write(dir.resolve("vus.json"), lines);

        assertThatThrownBy(() -> strict.read(file))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("vus.json:")
                .hasMessageContaining("a run may span at most");
    }

    @Test
    void aTimeAfter2262ShouldBeRefusedNotWrappedIntoThe1700s() throws IOException {
        List<String> lines = new ArrayList<>(Fixtures.lines(Fixtures.SMOKE_JSON));
        int at = point(lines, "http_reqs", 100);
        lines.set(at, lines.get(at).replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2300-01-01T00:00:00Z\""));
        Path file = Fixtures.write(dir.resolve("far.json"), lines);

        assertThatThrownBy(() -> strict.read(file))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("far.json:" + (at + 1) + ":")
                .hasMessageContaining("time must lie between 1677-09-21 and 2262-04-11");
    }

    @Test
    void aNegativeDurationShouldBeRefusedNamingItsLine() throws IOException {
        List<String> lines = new ArrayList<>(Fixtures.lines(Fixtures.SMOKE_JSON));
        int at = point(lines, "http_req_duration", 100);
        lines.set(at, lines.get(at).replaceFirst("\"value\":[0-9.]+", "\"value\":-12.5"));
        Path file = Fixtures.write(dir.resolve("negative.json"), lines);

        assertThatThrownBy(() -> strict.read(file))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("negative.json:" + (at + 1) + ":")
                .hasMessageContaining("http_req_duration's value must not be negative");
        assertThat(lenient.read(file).ingest().skippedLines()).isEqualTo(1);
    }

    @Test
    void linesEndingInABareCarriageReturnShouldBeReadLineByLine() throws IOException {
        List<String> lines = Fixtures.lines(Fixtures.SMOKE_JSON).subList(0, 2000);
        Path lf = Fixtures.write(dir.resolve("lf.json"), lines);
        Path cr = Files.writeString(dir.resolve("cr.json"), String.join("\r", lines) + "\r");

        LoadRun a = strict.read(lf);
        LoadRun b = strict.read(cr);

        assertThat(b.totals()).isEqualTo(a.totals());
        assertThat(b.ingest().samples()).isEqualTo(a.ingest().samples());
        assertThat(b.ingest().warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1e309", "0x1p3", "1d"})
    void csvValuesThatAreNoFiniteDecimalShouldBeRefused(String value) throws IOException {
        Path file = Fixtures.write(
                dir.resolve("nan.csv"),
                List.of(
                        "metric_name,timestamp,metric_value",
                        "http_reqs,1795665292,1",
                        "http_reqs,1795665292," + value));

        assertThatThrownBy(() -> strict.read(file))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("nan.csv:3:")
                .hasMessageContaining("metric_value must be a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1e30", "99999999999", "9223372036854775807"})
    void csvTimestampsThatAreNoTimeShouldBeRefused(String time) throws IOException {
        Path file = Fixtures.write(
                dir.resolve("time.csv"),
                List.of("metric_name,timestamp,metric_value", "http_reqs,1795665292,1", "http_reqs," + time + ",1"));

        assertThatThrownBy(() -> strict.read(file))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("time.csv:3:");
    }

    @Test
    void aSummaryCountGivenAsAStringShouldBeAnErrorNotZero() throws IOException {
        String doc = Files.readString(Fixtures.SMOKE_SUMMARY_EXPORT)
                .replaceFirst("(\"http_reqs\": \\{\\s*\"count\": )(\\d+)", "$1\"$2\"");
        assertThat(doc).contains("\"count\": \"958\"");
        Path file = Files.writeString(dir.resolve("summary.json"), doc);

        assertThatThrownBy(() -> strict.readSummary(file))
                .isInstanceOf(K6ParseException.class)
                .hasMessageContaining("metrics.http_reqs.count must be a number, but is string \"958\"");
    }
}
