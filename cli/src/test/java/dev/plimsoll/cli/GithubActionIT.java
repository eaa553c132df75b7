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

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the GitHub Action's steps ({@code .github/actions/plimsoll/action.yml}) with bash in a fake runner environment
 * ({@code GITHUB_OUTPUT}, {@code GITHUB_STEP_SUMMARY}, {@code GITHUB_ENV}, {@code GITHUB_PATH}, {@code RUNNER_TEMP}) over
 * the demo data (the real S1 k6 run with its CloudWatch and Datadog recordings), with the CLI jar this build packaged
 * ({@code cli/target/plimsoll.jar}, hence an integration test run by failsafe in {@code verify}). The k6 exit codes are
 * given as the action's input, as the k6 step of a workflow records them; k6 itself is not run here.
 */
class GithubActionIT {
    private static final Path JAR = GithubActionTest.ROOT.resolve("cli/target/plimsoll.jar");
    private static DemoData demo;

    @TempDir
    Path tmp;

    private Path workspace;
    private Path summary;
    private Path envFile;
    private Path pathFile;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> context = new HashMap<>();

    @BeforeAll
    static void unpackDemo() {
        assertThat(JAR).as("the CLI jar (mvn package)").isRegularFile();
        demo = DemoData.unpack();
    }

    @BeforeEach
    void fakeRunner() throws IOException {
        workspace = Files.createDirectories(tmp.resolve("workspace"));
        Path runnerTemp = Files.createDirectories(tmp.resolve("runner-temp"));
        summary = Files.createFile(tmp.resolve("step-summary.md"));
        envFile = Files.createFile(tmp.resolve("github-env"));
        pathFile = Files.createFile(tmp.resolve("github-path"));
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("GITHUB_JOB", "load-test");
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_ENV", envFile.toString());
        env.put("GITHUB_PATH", pathFile.toString());
        env.put("RUNNER_TEMP", runnerTemp.toString());
        context.put("github.job", "load-test");
        context.put("strategy.job-index", "0");
        context.put("strategy.job-total", "1");
    }

    private Map<String, String> demoInputs(String... more) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("k6-results", demo.k6Files().get(0) + " " + demo.k6Files().get(1));
        in.put("cloudwatch-replay", demo.cloudWatch().toString());
        in.put("datadog-replay", demo.datadog().toString());
        in.put("max-nodes", "5");
        in.put("cli", JAR.toString());
        for (int i = 0; i < more.length; i += 2) {
            in.put(more[i], more[i + 1]);
        }
        return in;
    }

    private LocalActionRunner.Run run(Map<String, String> inputs) throws Exception {
        return run(GithubActionTest.ACTION, inputs);
    }

    private LocalActionRunner.Run run(Path action, Map<String, String> inputs) throws Exception {
        LocalActionRunner.Run run = new LocalActionRunner(action).run(inputs, context, env, workspace);
        assertThat(envFile)
                .as("GITHUB_ENV untouched: the caller's JAVA_HOME stays")
                .isEmptyFile();
        assertThat(pathFile).as("GITHUB_PATH untouched").isEmptyFile();
        return run;
    }

    @Test
    void actionWhenEveryGatePassesShouldPassAndWriteOutputsSummaryAndReports() throws Exception {
        LocalActionRunner.Run run =
                run(demoInputs("gates", "scaling_lag<=150s\n  client_p95<500ms \n", "k6-exit-code", "0"));

        assertThat(run.exitCode()).as(run.log()).isZero();
        Path reports = workspace.resolve("plimsoll-report").toRealPath();
        assertThat(run.outputs())
                .containsEntry("verdict", "pass")
                .containsEntry("exit-code", "0")
                .containsEntry("k6-exit-code", "0")
                .containsEntry("report-path", reports.toString())
                .containsEntry("artifact-name", "plimsoll-report-load-test");
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "plimsoll-report.html", "plimsoll-report.json", "plimsoll-report.md", "plimsoll-junit.xml");
        }
        assertThat(new ObjectMapper()
                        .readTree(reports.resolve("plimsoll-report.json").toFile())
                        .path("bottleneck")
                        .asText())
                .isEqualTo("backend");
        LocalActionRunner.Step upload = run.step("actions/upload-artifact@");
        assertThat(upload.ran()).isTrue();
        assertThat(upload.with())
                .containsEntry("name", "plimsoll-report-load-test")
                .containsEntry("path", reports.toString());
        assertThat(Files.readString(summary))
                .startsWith("### Plimsoll: pass")
                .contains("| Plimsoll | 0 | pass: nothing failed |")
                .contains("| k6 | 0 | passed |")
                .contains("## Plimsoll")
                .contains("`scaling_lag<=150s`")
                .contains("`client_p95<500ms`");
        assertThat(run.log()).contains("--gate scaling_lag<=150s --gate client_p95<500ms");
    }

    @Test
    void actionWhenAGateFailsShouldUploadTheReportsThenFailWithOne() throws Exception {
        LocalActionRunner.Run run = run(demoInputs("gates", "scaling_lag<=90s", "k6-exit-code", "0"));

        assertThat(run.exitCode()).as(run.log()).isEqualTo(1);
        assertThat(run.outputs()).containsEntry("verdict", "fail").containsEntry("exit-code", "1");
        assertThat(run.step("analyze").exitCode()).isZero();
        assertThat(run.step("actions/upload-artifact@").ran()).isTrue();
        assertThat(run.log()).contains("::error title=Plimsoll::a gate or a finding failed the run (plimsoll exit 1)");
        assertThat(Files.readString(summary))
                .startsWith("### Plimsoll: fail")
                .contains("| Plimsoll | 1 | a gate or a finding failed the run |")
                .contains("| `scaling_lag<=90s` | 123.147s | ❌ fail |");
    }

    @Test
    void actionWhenK6ThresholdsFailedShouldKeepK6sExitCodeBesidePlimsolls() throws Exception {
        LocalActionRunner.Run run = run(demoInputs("gates", "scaling_lag<=150s", "k6-exit-code", "99"));

        assertThat(run.exitCode()).as(run.log()).isEqualTo(99);
        assertThat(run.outputs())
                .containsEntry("verdict", "pass")
                .containsEntry("exit-code", "0")
                .containsEntry("k6-exit-code", "99");
        assertThat(run.log()).contains("::error title=k6::k6 thresholds failed (k6 exit 99)");
        assertThat(Files.readString(summary))
                .contains("| Plimsoll | 0 | pass: nothing failed |")
                .contains("| k6 | 99 | thresholds failed |");
    }

    @Test
    void actionWhenK6ThresholdsAreWaivedShouldPassButNotWaiveOtherK6Failures() throws Exception {
        LocalActionRunner.Run waived =
                run(demoInputs("k6-exit-code", "99", "fail-on-k6-thresholds", "false", "out", "waived"));
        assertThat(waived.exitCode()).as(waived.log()).isZero();
        assertThat(waived.log()).contains("::warning title=k6::k6 thresholds failed (k6 exit 99)");

        LocalActionRunner.Run broken =
                run(demoInputs("k6-exit-code", "107", "fail-on-k6-thresholds", "false", "out", "broken"));
        assertThat(broken.exitCode()).as(broken.log()).isEqualTo(107);
        assertThat(broken.log()).contains("::error title=k6::k6 failed (k6 exit 107)");
    }

    @Test
    void actionWhenBothFailShouldExitWithPlimsollsCodeAndAnnotateBoth() throws Exception {
        LocalActionRunner.Run run = run(demoInputs("gates", "scaling_lag<=90s", "k6-exit-code", "99"));

        assertThat(run.exitCode()).as(run.log()).isEqualTo(1);
        assertThat(run.log())
                .contains("::error title=Plimsoll::a gate or a finding failed the run")
                .contains("::error title=k6::k6 thresholds failed (k6 exit 99)");
    }

    @Test
    void actionWhenAK6FileIsMissingShouldReportTheCliMessageAndExitTwo() throws Exception {
        Map<String, String> inputs = demoInputs();
        inputs.put("k6-results", "missing-results.json.gz");

        LocalActionRunner.Run run = run(inputs);

        assertThat(run.exitCode()).as(run.log()).isEqualTo(2);
        assertThat(run.outputs()).containsEntry("verdict", "error").containsEntry("exit-code", "2");
        assertThat(Files.readString(summary))
                .startsWith("### Plimsoll: error")
                .contains("| Plimsoll | 2 | usage or input error |")
                .contains("missing-results.json.gz")
                .doesNotContain("\n## Plimsoll");
    }

    @Test
    void actionWhenAnInputIsMalformedShouldNameItAndExitTwo() throws Exception {
        for (String[] bad : new String[][] {
            {"cloudwatch", "yes", "input cloudwatch: 'yes' is neither true nor false"},
            {"k6-exit-code", "99; rm -rf /", "input k6-exit-code: '99; rm -rf /' is not an exit code"},
            {"max-nodes", "five", "input max-nodes: 'five' is not a whole number"},
            {"artifact-name", "a/b", "input artifact-name: 'a/b' holds a character GitHub refuses"},
            {"cli", "nightly", "input cli: 'nightly' is none of auto, central, build or a path to a .jar"},
            {"java-home", tmp.toString(), "input java-home: " + tmp + "/bin/java is not a Java 17 or newer"}
        }) {
            Files.writeString(summary, "");
            LocalActionRunner.Run run = run(demoInputs(bad[0], bad[1]));

            assertThat(run.exitCode()).as(bad[0] + "\n" + run.log()).isEqualTo(2);
            assertThat(run.outputs()).containsEntry("verdict", "error");
            assertThat(Files.readString(summary)).contains(bad[2]);
        }
    }

    @Test
    void actionInAMatrixShouldNameTheArtifactAfterJobAndIndex() throws Exception {
        context.put("strategy.job-index", "2");
        context.put("strategy.job-total", "3");

        LocalActionRunner.Run run = run(demoInputs());

        assertThat(run.outputs()).containsEntry("artifact-name", "plimsoll-report-load-test-2");
        assertThat(run.step("actions/upload-artifact@").with()).containsEntry("name", "plimsoll-report-load-test-2");
    }

    @Test
    void actionWithoutUsableJavaHomeShouldUseTheRunnersJdkAndLeaveJavaHomeAlone() throws Exception {
        env.put("JAVA_HOME", tmp.resolve("no-such-jdk").toString());
        env.put("JAVA_HOME_17_X64", System.getProperty("java.home"));

        LocalActionRunner.Run run = run(demoInputs());

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(run.log()).contains("plimsoll: " + System.getProperty("java.home") + "/bin/java -jar ");
    }

    @Test
    void actionFromAMavenRepositoryShouldVerifyTheChecksumBeforeRunning() throws Exception {
        Path repo = mavenRepository("9.9.9");
        Map<String, String> inputs = demoInputs(
                "cli",
                "central",
                "version",
                "9.9.9",
                "maven-repository",
                repo.toUri().toString());

        LocalActionRunner.Run run = run(inputs);

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(run.log())
                .contains("SHA-512 of plimsoll-cli-9.9.9-all.jar verified against " + repo.toUri())
                .contains("plimsoll-cli-9.9.9-all.jar analyze");
    }

    @Test
    void actionFromAMavenRepositoryShouldRefuseAJarThatDoesNotMatch() throws Exception {
        Path repo = mavenRepository("9.9.9");
        Path sha512 = repo.resolve("dev/plimsoll/plimsoll-cli/9.9.9/plimsoll-cli-9.9.9-all.jar.sha512");
        Files.writeString(sha512, "0".repeat(128));
        Map<String, String> inputs = demoInputs(
                "cli",
                "central",
                "version",
                "9.9.9",
                "maven-repository",
                repo.toUri().toString());

        LocalActionRunner.Run tampered = run(inputs);
        assertThat(tampered.exitCode()).as(tampered.log()).isEqualTo(2);
        assertThat(Files.readString(summary)).contains("checksum mismatch");

        Files.delete(sha512);
        inputs.put("cli-sha256", "ab".repeat(32));
        LocalActionRunner.Run pinned = run(inputs);
        assertThat(pinned.exitCode()).as(pinned.log()).isEqualTo(2);
        assertThat(pinned.log()).contains("input cli-sha256 says " + "ab".repeat(32));

        inputs.remove("cli-sha256");
        Files.delete(sha512.resolveSibling("plimsoll-cli-9.9.9-all.jar.sha1"));
        LocalActionRunner.Run unchecked = run(inputs);
        assertThat(unchecked.exitCode()).as(unchecked.log()).isEqualTo(2);
        assertThat(unchecked.log()).contains("refusing an unchecked jar");
    }

    @Test
    void actionFetchedFromAnotherRepositoryShouldRunTheCliOfItsOwnVersion() throws Exception {
        // the action as GitHub unpacks it for `uses: owner/plimsoll/.github/actions/plimsoll@v9.9.9`: the whole
        // repository at that tag, outside the caller's workspace
        Path checkout = tmp.resolve("_actions/plimsoll-dev/plimsoll/v9.9.9");
        Path action = Files.createDirectories(checkout.resolve(".github/actions/plimsoll"));
        try (Stream<Path> files = Files.list(GithubActionTest.ACTION)) {
            for (Path f : files.toList()) {
                Files.copy(f, action.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.writeString(
                checkout.resolve("pom.xml"),
                Files.readString(GithubActionTest.ROOT.resolve("pom.xml")).replace(projectVersion(), "9.9.9"));
        Map<String, String> inputs =
                demoInputs("maven-repository", mavenRepository("9.9.9").toUri().toString());
        inputs.remove("cli");

        LocalActionRunner.Run run = run(action, inputs);

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(run.log()).contains("fetching ").contains("plimsoll-cli-9.9.9-all.jar analyze");
    }

    @Test
    void actionAskedForASnapshotFromCentralShouldRefuseIt() throws Exception {
        LocalActionRunner.Run run = run(demoInputs("cli", "central"));

        assertThat(run.exitCode()).as(run.log()).isEqualTo(2);
        assertThat(Files.readString(summary))
                .contains("input version: " + projectVersion() + " is a snapshot; Maven Central holds releases only");
    }

    @Test
    void actionShouldPassIngestionDelayAndHistoryThroughAndNeverPrintTheHistoryUrl() throws Exception {
        String help = cliHelp();
        LocalActionRunner.Run delayed = run(demoInputs("ingestion-delay", "1s", "out", "delayed"));
        assertThat(delayed.log()).contains("--ingestion-delay 1s");
        if (help.contains("--ingestion-delay")) {
            assertThat(delayed.exitCode()).as(delayed.log()).isZero();
        } else {
            assertThat(delayed.exitCode()).as(delayed.log()).isEqualTo(2);
            assertThat(delayed.log())
                    .contains("input ingestion-delay: this plimsoll-cli (" + JAR + ") has no --ingestion-delay option");
        }

        LocalActionRunner.Run history = run(demoInputs(
                "history", "jdbc:postgresql://127.0.0.1:1/plimsoll?user=ci&password=hunter2", "out", "history"));
        assertThat(history.log()).contains("--history ***").doesNotContain("hunter2");
        assertThat(Files.readString(summary)).doesNotContain("hunter2");
        assertThat(history.exitCode()).as(history.log()).isEqualTo(2);
        if (help.contains("--history")) {
            // the CLI takes the URL: nothing listens on port 1, which it says without the password, after the reports
            assertThat(history.log())
                    .contains(
                            "cannot open the run history at jdbc:postgresql://127.0.0.1:1/plimsoll?user=ci&password=***");
            assertThat(workspace.resolve("history/plimsoll-report.json")).exists();
        } else {
            assertThat(history.log())
                    .contains("input history: this plimsoll-cli (" + JAR + ") has no --history option");
        }
    }

    private static String cliHelp() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toString(),
                        "analyze",
                        "--help")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return out;
    }

    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>plimsoll-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(GithubActionTest.ROOT.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** A Maven repository in Central's layout holding the built jar as plimsoll-cli-VERSION-all.jar with checksums. */
    private Path mavenRepository(String version) throws IOException, NoSuchAlgorithmException {
        Path dir = Files.createDirectories(tmp.resolve("repository/dev/plimsoll/plimsoll-cli/" + version));
        Path jar = Files.copy(
                JAR, dir.resolve("plimsoll-cli-" + version + "-all.jar"), StandardCopyOption.REPLACE_EXISTING);
        byte[] bytes = Files.readAllBytes(jar);
        for (String[] algorithm : new String[][] {{"SHA-512", "sha512"}, {"SHA-1", "sha1"}}) {
            String hex = HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm[0]).digest(bytes));
            Files.writeString(dir.resolve(jar.getFileName() + "." + algorithm[1]), hex);
        }
        return tmp.resolve("repository");
    }
}
