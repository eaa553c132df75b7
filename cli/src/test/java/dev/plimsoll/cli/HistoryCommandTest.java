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
import dev.plimsoll.history.RunFilter;
import dev.plimsoll.history.RunHistory;
import dev.plimsoll.history.RunRecord;
import dev.plimsoll.history.StoredRun;
import dev.plimsoll.report.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --history}, {@code compare} and {@code history …} on a real SQLite file, over the bundled demo run
 * (real k6 output with its CloudWatch and Datadog recordings).
 */
class HistoryCommandTest {
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return PlimsollCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env::get);
    }

    private String db() {
        return dir.resolve("history.db").toString();
    }

    /** The demo analysed into {@code reportDir} with the given extra arguments. */
    static String[] analyze(Path reportDir, String... extra) {
        DemoData demo = DemoData.unpack();
        List<String> args = new ArrayList<>(List.of(
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
                "--quiet",
                "--out",
                reportDir.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void analyzeShouldSaveTheRunAndCompareTheNextOneWithIt() throws IOException {
        env.put("GITHUB_SHA", "0123abc");
        env.put("GITHUB_REF_NAME", "main");

        int first = run(analyze(
                dir.resolve("r1"),
                "--history",
                db(),
                "--baseline",
                "last-passing",
                "--gate",
                "regressions==0",
                "--label",
                "env=staging"));

        // nothing to compare with yet, and this run will be the baseline: the gate is skipped, the run passes on its
        // own
        assertThat(first).as(out + "" + err).isZero();
        assertThat(out.toString())
                .contains("baseline last-passing: none yet: no earlier run matches 'last-passing'")
                .contains("is the first it can choose")
                .containsPattern("gate regressions==0 +n/a +SKIPPED")
                .containsPattern("history: run 20261126-050230-[0-9a-f]{4} saved to jdbc:sqlite:" + db());
        JsonNode json = new ObjectMapper()
                .readTree(dir.resolve("r1/plimsoll-report.json").toFile());
        assertThat(json.path("baseline").path("available").asBoolean()).isFalse();
        assertThat(json.path("baseline").path("first").asBoolean()).isTrue();
        // the report names the id it was saved under: importing it again is refused, not stored twice
        assertThat(out.toString())
                .contains("history: run " + json.path("baseline").path("run").asText() + " saved");
        assertThat(run("history", "import", dir.resolve("r1").toString(), "--history", db()))
                .isEqualTo(2);
        assertThat(json.path("gates").get(0).path("outcome").asText()).isEqualTo("skipped");
        assertThat(json.path("timeline").size()).isGreaterThan(6);

        int second = run(analyze(
                dir.resolve("r2"),
                "--history",
                db(),
                "--baseline",
                "last-passing",
                "--gate",
                "regressions==0",
                "--gate",
                "client_p95_change<10%",
                "--gate",
                "scaling_lag_change<=30s"));

        assertThat(second).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("0 regression(s), 0 improvement(s) against 20261126-050230-");
        try (RunHistory h = RunHistory.open(db())) {
            List<StoredRun> runs = h.baseline("last,n=2").runs();
            assertThat(runs)
                    .hasSize(2)
                    .allSatisfy(s -> assertThat(s.labels())
                            .containsEntry("commit", "0123abc")
                            .containsEntry("branch", "main"));
            // both runs start at the same instant: the one labelled env=staging is the first
            assertThat(runs)
                    .filteredOn(s -> "staging".equals(s.labels().get("env")))
                    .hasSize(1);
            RunRecord r = runs.stream()
                    .filter(s -> !s.labels().containsKey("env"))
                    .findFirst()
                    .orElseThrow()
                    .record();
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.figures().get("client_p95"))
                    .hasValueSatisfying(v -> assertThat(v).isBetween(250.0, 251.0));
            assertThat(r.figures().get("scaling_lag"))
                    .hasValueSatisfying(v -> assertThat(v).isBetween(108.0, 138.0));
            assertThat(r.timeline()).hasSizeGreaterThan(6);
        }

        assertThat(run("history", "list", "--history", db(), "--label", "commit=0123abc"))
                .isZero();
        assertThat(out.toString()).contains("2 run(s) with {commit=0123abc}").contains("250.3 ms");
        assertThat(run("history", "show", "last-passing", "--history", db())).isZero();
        assertThat(out.toString())
                .contains("verdict pass · bottleneck backend")
                .contains("client_p95")
                .contains("load:latency.p95");
        assertThat(run("history", "export", "last", "--history", db(), "--format", "csv"))
                .isZero();
        assertThat(out.toString().lines().findFirst()).contains("time,source,series,statistic,unit,value");
        assertThat(out.toString()).contains("2026-11-26T05:02:31Z,load,requests,rate,1/s,5");
    }

    @Test
    void aCorruptStoreShouldFailWithExitTwoAfterTheReportsAreWritten() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.db"), "this is not a database, it is a note\n".repeat(200));

        int code = run(analyze(dir.resolve("r"), "--history", bad.toString(), "--baseline", "last"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("plimsoll: error: the run history at jdbc:sqlite:" + bad + " is not a SQLite database")
                .contains("plimsoll history import")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("r/plimsoll-report.json")).exists();
        assertThat(dir.resolve("r/plimsoll-report.html")).exists();
        JsonNode json = new ObjectMapper()
                .readTree(dir.resolve("r/plimsoll-report.json").toFile());
        assertThat(json.path("baseline").path("problem").asText()).contains("is not a SQLite database");
        assertThat(Files.readString(bad)).startsWith("this is not a database"); // left alone

        // the run is not lost: its JSON report goes into a working store later
        assertThat(run("history", "import", dir.resolve("r").toString(), "--history", db(), "--label", "late=yes"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("history: run 20261126-050230-");
        try (RunHistory h = RunHistory.open(db())) {
            assertThat(h.get(h.list(RunFilter.all(), 1).get(0).id()).labels()).containsEntry("late", "yes");
        }
    }

    @Test
    void aBaselineSelectorTheRunWillNotMatchShouldLeaveTheGatesInconclusive() {
        // a misspelt label: the run is saved as branch=main, the selector asks for branch=mian, so it never matches
        int code = run(analyze(
                dir.resolve("r"),
                "--history",
                db(),
                "--label",
                "branch=main",
                "--baseline",
                "last-passing,branch=mian",
                "--gate",
                "regressions==0"));

        assertThat(code).as(out + "" + err).isEqualTo(3);
        assertThat(out.toString())
                .contains("baseline last-passing,branch=mian: not compared: no baseline matches")
                .containsPattern("gate regressions==0 +n/a +INCONCLUSIVE");
    }

    @Test
    void aRunThatWillNotBeSavedShouldNotBeTheFirstOfItsLine() {
        int code = run(analyze(
                dir.resolve("r"), "--history", db(), "--no-save", "--baseline", "last", "--gate", "regressions==0"));

        assertThat(code).as(out + "" + err).isEqualTo(3);
        assertThat(out.toString()).contains("baseline last: not compared: no baseline matches 'last'");
    }

    @Test
    void importOfAReportAlreadyStoredShouldExitTwoNamingTheRun() {
        assertThat(run(analyze(dir.resolve("r")))).isZero();
        assertThat(run("history", "import", dir.resolve("r").toString(), "--history", db()))
                .isZero();
        String id = out.toString()
                .replaceAll("(?s).*history: run (\\S+) saved.*", "$1")
                .trim();

        int again = run("history", "import", dir.resolve("r").toString(), "--history", db());

        assertThat(again).isEqualTo(2);
        assertThat(err.toString())
                .contains("is already stored in the run history")
                .contains("as run " + id)
                .hasLineCount(1);
        try (RunHistory h = RunHistory.open(db())) {
            assertThat(h.count(RunFilter.all())).isEqualTo(1);
        }
    }

    @Test
    void importOfAReportWhoseRecordedRunIdIsStoredShouldExitTwoNamingTheId() throws IOException {
        assertThat(run(analyze(dir.resolve("r1"), "--history", db()))).isZero();
        // compared with the first run, the second records the id it is saved under in its report
        assertThat(run(analyze(dir.resolve("r"), "--history", db(), "--baseline", "last")))
                .isZero();
        String id = new ObjectMapper()
                .readTree(dir.resolve("r/plimsoll-report.json").toFile())
                .path("baseline")
                .path("run")
                .asText();
        assertThat(id).matches("20261126-050230-[0-9a-f]{4}");

        int code = run("history", "import", dir.resolve("r").toString(), "--history", db());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("run " + id + " of ").contains("is already stored in the run history");
        try (RunHistory h = RunHistory.open(db())) {
            assertThat(h.count(RunFilter.all())).isEqualTo(2);
        }
    }

    @Test
    void importOfAReportAnalyzeAlreadySavedWithoutABaselineShouldExitTwo() {
        // saved by analyze itself (figures as computed); its report records no id (no baseline was compared)
        assertThat(run(analyze(dir.resolve("r"), "--history", db()))).isZero();

        int code = run("history", "import", dir.resolve("r").toString(), "--history", db());

        assertThat(code).as(out + "" + err).isEqualTo(2);
        assertThat(err.toString()).contains("is already stored in the run history");
        try (RunHistory h = RunHistory.open(db())) {
            assertThat(h.count(RunFilter.all())).isEqualTo(1);
        }
    }

    @Test
    void exportOrShowOfAnUnknownRunIdShouldSayNoRunMatches() {
        assertThat(run(analyze(dir.resolve("r"), "--history", db()))).isZero();

        assertThat(run("history", "export", "20990101-000000-beef", "--history", db()))
                .isEqualTo(2);
        assertThat(err.toString())
                .startsWith("plimsoll: error: no run '20990101-000000-beef' in the run history at")
                .doesNotContain("baseline")
                .hasLineCount(1);
        assertThat(run("history", "show", "20990101-000000-beef", "--history", db()))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("plimsoll: error: no run '20990101-000000-beef'");
        assertThat(run("history", "export", "last", "--history", db())).isZero();
    }

    @Test
    void aSelectorMatchingNothingShouldSayWhatTheStoreHolds() {
        assertThat(run(analyze(dir.resolve("r"), "--history", db(), "--label", "branch=main")))
                .isZero();

        int code = run("compare", "--history", db(), "label:branch=release", "last");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("no baseline matches 'label:branch=release'")
                .contains("labels: branch = main (1)")
                .contains("last runs: 20261126-050230-");
    }

    @Test
    void malformedHistorySettingsShouldFailBeforeReadingTheRun() {
        long start = System.nanoTime();
        int code =
                run("analyze", "--k6", "no-such-file.json", "--history", db(), "--baseline", "label:branch=main,n=0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("n in a baseline selector must be a whole number");
        assertThat(run("analyze", "--k6", "no-such-file.json", "--history", "jdbc:mysql://db/perf"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("supports jdbc:sqlite: and jdbc:postgresql: URLs");
        assertThat(run("analyze", "--k6", "no-such-file.json", "--history", db(), "--label", "no-equals"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("a label must be key=value, but was 'no-equals'");
        assertThat(System.nanoTime() - start).isPositive();
    }

    @Test
    void compareShouldTakeReportsAndStoredRunsAndExitOneOnARegression() throws IOException {
        assertThat(run(analyze(dir.resolve("a"), "--history", db()))).isZero();
        assertThat(run(analyze(dir.resolve("b")))).isZero();

        assertThat(run(
                        "compare",
                        dir.resolve("a").toString(),
                        dir.resolve("b/plimsoll-report.json").toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("client_p95").contains("unchanged").contains("0 regression(s)");

        // the same run with its latency one and a half times as long (per second and in its key figures)
        try (RunHistory h = RunHistory.open(db())) {
            RunRecord base = h.baseline("last").runs().get(0).record();
            h.save(TrendFixtures.scaled(base, "slower", base.start().plusSeconds(86_400), 1.5), Map.of());
        }
        int code = run("compare", "--history", db(), dir.resolve("a").toString(), "slower");

        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString())
                .contains("compare: slower against " + dir.resolve("a"))
                .contains("regression: client latency p95 under load regressed")
                .containsPattern("client_p95 +250.3 ms +375.5 ms +\\+50 % +regression +mann-whitney-u");
    }

    @Test
    void readingCommandsShouldNotCreateAStoreThatIsNotThere() {
        Path missing = dir.resolve("nowhere/history.db");
        env.put("PLIMSOLL_HISTORY", missing.toString());

        assertThat(run("history", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("there is no run history at " + missing);
        assertThat(run("compare", "last", "last")).isEqualTo(2);
        // the demo is no run of the user's: PLIMSOLL_HISTORY does not put it into their history
        assertThat(run("demo", "--out", dir.resolve("demo").toString())).isZero();
        assertThat(missing).doesNotExist();
        assertThat(missing.getParent()).doesNotExist();
    }
}
