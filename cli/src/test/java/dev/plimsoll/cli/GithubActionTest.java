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
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Action ({@code .github/actions/plimsoll}) and the workflows, read as YAML: the security and pinning rules
 * of {@link WorkflowPolicy}, the action's inputs wired and documented, and the example workflow usable as written in
 * another repository. {@code GithubActionIT} runs the action's steps.
 */
class GithubActionTest {
    static final Path ROOT = repositoryRoot();
    static final Path ACTION = ROOT.resolve(".github/actions/plimsoll");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern INPUT_REFERENCE = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)");

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve(".github")) && Files.exists(p.resolve("mvnw")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException(
                    "no repository root (.github and mvnw) above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** {@code owner/name} of this project on GitHub, from the parent POM's {@code <scm><url>}. */
    static String firstPartyRepository() throws IOException {
        Matcher m = Pattern.compile("<scm[^>]*>.*?<url>https://github\\.com/([^/<]+/[^/<]+)</url>", Pattern.DOTALL)
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find())
                .as("the parent POM's <scm><url> names the GitHub repository")
                .isTrue();
        return m.group(1);
    }

    private static List<Path> yamlFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(ROOT.resolve(".github"))) {
            s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted()
                    .forEach(files::add);
        }
        return files;
    }

    private static JsonNode read(Path p) throws IOException {
        return YAML.readTree(p.toFile());
    }

    @Test
    void everyWorkflowAndActionWhenCheckedShouldFollowThePolicy() throws IOException {
        WorkflowPolicy policy = new WorkflowPolicy(firstPartyRepository());
        List<Path> files = yamlFiles();
        assertThat(files)
                .contains(ACTION.resolve("action.yml"), ROOT.resolve(".github/workflows/load-test.yml"))
                .contains(ROOT.resolve(".github/workflows/ci.yml"));
        List<String> violations = new ArrayList<>();
        for (Path f : files) {
            violations.addAll(policy.violations(ROOT.relativize(f).toString(), Files.readString(f)));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void policyWhenGivenTheOldActionsMistakesShouldNameEachOne() {
        String bad = """
                runs:
                  using: composite
                  steps:
                    - uses: actions/setup-java@v4
                      with:
                        cache-dependency-path: ${{ github.action_path }}/../../../pom.xml
                    - uses: actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f
                    - uses: some/action@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v1.2.3
                    - uses: plimsoll-dev/plimsoll/.github/actions/plimsoll@main
                    - uses: ./.github/actions/local
                    - shell: bash
                      run: |
                        if [ "${{ inputs.cloudwatch }}" = "true" ]; then echo; fi
                """;

        List<String> violations = new WorkflowPolicy("plimsoll-dev/plimsoll").violations("bad.yml", bad);

        assertThat(violations)
                .hasSize(5)
                .anySatisfy(v -> assertThat(v).contains("actions/setup-java@v4 is not pinned by a full commit SHA"))
                .anySatisfy(v -> assertThat(v).contains("cache-dependency-path: '..' in a path"))
                .anySatisfy(v -> assertThat(v).contains("upload-artifact").contains("no '# vX.Y.Z' comment"))
                .anySatisfy(v -> assertThat(v).contains("@main should name a release tag"))
                .anySatisfy(v -> assertThat(v).contains("/runs/steps/5/run: ${{ }} inside run:"));
    }

    @Test
    void actionWhenReadShouldWireEveryInputThroughEnvAndRunItsOwnScripts() throws IOException {
        JsonNode action = read(ACTION.resolve("action.yml"));
        Set<String> declared = new TreeSet<>();
        action.path("inputs").propertyStream().map(Map.Entry::getKey).forEach(declared::add);
        Set<String> referenced = new TreeSet<>();
        for (JsonNode step : action.path("runs").path("steps")) {
            Matcher m = INPUT_REFERENCE.matcher(step.toString());
            while (m.find()) {
                referenced.add(m.group(1));
            }
            assertThat(step.path("uses").asText())
                    .as("the caller's JAVA_HOME is left alone")
                    .doesNotContain("setup-java");
            if (step.has("run")) {
                assertThat(step.path("shell").asText()).isEqualTo("bash");
                Matcher script = Pattern.compile("^bash \"\\$GITHUB_ACTION_PATH/([a-z-]+\\.sh)\"$")
                        .matcher(step.path("run").asText().trim());
                assertThat(script.matches())
                        .as("run: only calls a script: " + step.path("run"))
                        .isTrue();
                assertThat(ACTION.resolve(script.group(1))).isRegularFile();
            }
        }
        assertThat(referenced).as("inputs used by the steps").isEqualTo(declared);
        try (Stream<Path> scripts = Files.list(ACTION)) {
            for (Path s : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                assertThat(Files.readString(s))
                        .as(s + " leaves the job's environment alone")
                        .doesNotContainPattern(">>?\\s*\"?\\$\\{?GITHUB_(ENV|PATH)");
            }
        }
    }

    @Test
    void actionReadmeShouldDocumentEveryInputOutputAndThePinPolicy() throws IOException {
        JsonNode action = read(ACTION.resolve("action.yml"));
        String readme = Files.readString(ACTION.resolve("README.md"));
        List<String> names = new ArrayList<>();
        action.path("inputs").propertyStream().map(Map.Entry::getKey).forEach(names::add);
        action.path("outputs").propertyStream().map(Map.Entry::getKey).forEach(names::add);
        assertThat(names).contains("verdict", "exit-code", "report-path", "ingestion-delay", "history", "java-home");
        for (String name : names) {
            assertThat(readme).as("README documents " + name).contains("| `" + name + "` |");
        }
        assertThat(readme)
                .contains("GITHUB_STEP_SUMMARY")
                .contains("full commit SHA")
                .contains("--ingestion-delay DURATION")
                .contains("JAVA_HOME");
    }

    @Test
    void exampleWorkflowWhenCopiedElsewhereShouldNeedNothingFromThisRepository() throws IOException {
        Path file = ROOT.resolve(".github/workflows/load-test.yml");
        String text = Files.readString(file);
        JsonNode steps = read(file).path("jobs").path("load-test").path("steps");
        Set<String> actionInputs = new TreeSet<>();
        read(ACTION.resolve("action.yml"))
                .path("inputs")
                .propertyStream()
                .map(Map.Entry::getKey)
                .forEach(actionInputs::add);

        JsonNode k6 = null;
        JsonNode plimsoll = null;
        for (JsonNode step : steps) {
            assertThat(step.path("uses").asText()).as("no local action").doesNotStartWith("./");
            if (step.path("run").asText().contains("k6 run")) {
                k6 = step;
            }
            if (step.path("uses").asText().startsWith(firstPartyRepository() + "/.github/actions/plimsoll@")) {
                plimsoll = step;
            }
        }
        assertThat(k6).as("a k6 step").isNotNull();
        assertThat(plimsoll)
                .as("the Plimsoll action, referenced by repository and tag")
                .isNotNull();

        // k6's exit code is recorded and handed over, not discarded
        assertThat(k6.has("continue-on-error")).isFalse();
        String k6Run = k6.path("run").asText();
        assertThat(k6Run)
                .doesNotContain("|| true")
                .contains("|| code=$?")
                .contains("exit-code=$code\" >> \"$GITHUB_OUTPUT\"");
        assertThat(plimsoll.path("with").path("k6-exit-code").asText())
                .isEqualTo("${{ steps." + k6.path("id").asText() + ".outputs.exit-code }}");
        plimsoll.path("with")
                .propertyStream()
                .map(Map.Entry::getKey)
                .forEach(name -> assertThat(actionInputs)
                        .as("the action has an input " + name)
                        .contains(name));

        // no path that only exists here
        for (String local : List.of("cli/", "core/", "samples/", "acceptance/", ".github/actions", "mvnw")) {
            assertThat(text.replace(firstPartyRepository() + "/.github/actions/plimsoll@", ""))
                    .as("example workflow refers to " + local)
                    .doesNotContain(local);
        }
        assertThat(text).doesNotContain("sleep ");
    }
}
