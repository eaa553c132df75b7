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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a composite action's steps on this machine the way GitHub's runner does: each {@code run:} step as
 * {@code bash --noprofile --norc -eo pipefail <script>} in the workspace, with its {@code env:} evaluated, a fresh
 * {@code GITHUB_OUTPUT} file whose lines become {@code steps.<id>.outputs}, {@code GITHUB_ACTION_PATH}, and the
 * {@code if:} conditions (a step runs after a failure only with {@code always()}/{@code failure()}). Steps that
 * {@code uses:} another action are not executed: their {@code with:} is evaluated and recorded. Expressions are the
 * small subset the action uses; anything else throws, so the action cannot drift past what this runner understands.
 */
final class LocalActionRunner {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");

    /** One step: {@code exitCode} null when it did not run, {@code with} for a {@code uses:} step. */
    record Step(
            String id,
            String uses,
            Integer exitCode,
            Map<String, String> with,
            Map<String, String> outputs,
            String log) {
        boolean ran() {
            return exitCode != null;
        }
    }

    /** The action's run: its steps, its evaluated outputs, and the exit code of the step that failed it (0 if none). */
    record Run(List<Step> steps, Map<String, String> outputs, int exitCode, String log) {
        Step step(String idOrUses) {
            return steps.stream()
                    .filter(s -> s.id().equals(idOrUses) || s.uses().startsWith(idOrUses))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no step " + idOrUses));
        }
    }

    private final Path actionDir;
    private final JsonNode action;

    LocalActionRunner(Path actionDir) throws IOException {
        this.actionDir = actionDir;
        this.action = YAML.readTree(actionDir.resolve("action.yml").toFile());
    }

    /**
     * @param inputs the {@code with:} of the calling step (undeclared names throw; missing ones take their defaults)
     * @param context {@code github.job}, {@code strategy.job-index}, {@code strategy.job-total}
     * @param env the job's environment (PATH, HOME, JAVA_HOME, GITHUB_*, RUNNER_TEMP …)
     * @param workspace the working directory of every step
     */
    Run run(Map<String, String> inputs, Map<String, String> context, Map<String, String> env, Path workspace)
            throws IOException, InterruptedException {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : action.path("inputs").properties()) {
            String value = inputs.containsKey(e.getKey())
                    ? inputs.get(e.getKey())
                    : e.getValue().path("default").asText("");
            if (e.getValue().path("required").asBoolean(false) && value.isEmpty()) {
                throw new IllegalArgumentException("required input " + e.getKey() + " missing");
            }
            resolved.put(e.getKey(), value);
        }
        for (String name : inputs.keySet()) {
            if (!resolved.containsKey(name)) {
                throw new IllegalArgumentException("the action has no input " + name);
            }
        }
        Scope scope = new Scope(resolved, context, env, new HashMap<>(), new HashMap<>());
        List<Step> steps = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        boolean failed = false;
        int failure = 0;
        int n = 0;
        for (JsonNode step : action.path("runs").path("steps")) {
            n++;
            String id = step.path("id").asText("step" + n);
            String uses = step.path("uses").asText("");
            if (!condition(step.path("if").asText(""), scope, failed)) {
                steps.add(new Step(id, uses, null, Map.of(), Map.of(), ""));
                scope.outcomes.put(id, "skipped");
                continue;
            }
            if (!uses.isEmpty()) {
                Map<String, String> with = new LinkedHashMap<>();
                step.path("with")
                        .properties()
                        .forEach(e ->
                                with.put(e.getKey(), interpolate(e.getValue().asText(), scope)));
                steps.add(new Step(id, uses, 0, with, Map.of(), ""));
                scope.outcomes.put(id, "success");
                continue;
            }
            Path outputFile = Files.createTempFile(Path.of(env.get("RUNNER_TEMP")), "output", "");
            Path script = Files.createTempFile(Path.of(env.get("RUNNER_TEMP")), "step", ".sh");
            Files.writeString(script, step.path("run").asText());
            ProcessBuilder pb = new ProcessBuilder(
                            "bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
                    .directory(workspace.toFile())
                    .redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.environment().put("GITHUB_OUTPUT", outputFile.toString());
            pb.environment().put("GITHUB_ACTION_PATH", actionDir.toString());
            step.path("env")
                    .properties()
                    .forEach(e -> pb.environment()
                            .put(e.getKey(), interpolate(e.getValue().asText(), scope)));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("step " + id + " did not finish in 5 minutes:\n" + out);
            }
            int code = p.exitValue();
            Map<String, String> outputs = parseOutputs(Files.readString(outputFile));
            scope.steps.put(id, outputs);
            scope.outcomes.put(id, code == 0 ? "success" : "failure");
            steps.add(new Step(id, uses, code, Map.of(), outputs, out));
            log.append(out);
            if (code != 0 && !failed) {
                failed = true;
                failure = code;
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        action.path("outputs")
                .properties()
                .forEach(e -> outputs.put(
                        e.getKey(), interpolate(e.getValue().path("value").asText(), scope)));
        return new Run(steps, outputs, failure, log.toString());
    }

    private record Scope(
            Map<String, String> inputs,
            Map<String, String> context,
            Map<String, String> env,
            Map<String, Map<String, String>> steps,
            Map<String, String> outcomes) {}

    /** name=value lines and name&lt;&lt;DELIMITER blocks, as the runner reads GITHUB_OUTPUT. */
    static Map<String, String> parseOutputs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int eq = line.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                i++;
                while (i < lines.size() && !lines.get(i).equals(delimiter)) {
                    value.append(value.length() == 0 ? "" : "\n").append(lines.get(i));
                    i++;
                }
                out.put(line.substring(0, heredoc), value.toString());
            } else if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException("GITHUB_OUTPUT line the runner would reject: " + line);
            }
        }
        return out;
    }

    private static String interpolate(String text, Scope scope) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(1), scope)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static final Pattern INPUT = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)");
    private static final Pattern STEP_OUTPUT = Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)");
    private static final Pattern STEP_OUTCOME = Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.outcome");
    private static final Pattern ENV = Pattern.compile("env\\.([A-Za-z0-9_]+)");
    private static final Pattern AND = Pattern.compile("&&");
    private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

    private static String value(String expr, Scope scope) {
        Matcher input = INPUT.matcher(expr);
        if (input.matches()) {
            String v = scope.inputs().get(input.group(1));
            if (v == null) {
                throw new IllegalArgumentException("undeclared input in ${{ " + expr + " }}");
            }
            return v;
        }
        Matcher output = STEP_OUTPUT.matcher(expr);
        if (output.matches()) {
            return scope.steps().getOrDefault(output.group(1), Map.of()).getOrDefault(output.group(2), "");
        }
        Matcher outcome = STEP_OUTCOME.matcher(expr);
        if (outcome.matches()) {
            return scope.outcomes().getOrDefault(outcome.group(1), "");
        }
        Matcher env = ENV.matcher(expr);
        if (env.matches()) {
            return scope.env().getOrDefault(env.group(1), "");
        }
        Matcher literal = LITERAL.matcher(expr);
        if (literal.matches()) {
            return literal.group(1);
        }
        if (scope.context().containsKey(expr)) {
            return scope.context().get(expr);
        }
        throw new IllegalArgumentException("expression this runner does not know: " + expr);
    }

    private static boolean condition(String expr, Scope scope, boolean failed) {
        String e = expr.trim();
        if (e.startsWith("${{") && e.endsWith("}}")) {
            e = e.substring(3, e.length() - 2).trim();
        }
        if (e.isEmpty()) {
            return !failed;
        }
        if (e.contains("||") || (e.contains("!") && !e.contains("!="))) {
            throw new IllegalArgumentException("condition this runner does not know: " + expr);
        }
        boolean statusFunction = false;
        boolean result = true;
        for (String term : AND.splitAsStream(e).toList()) {
            String t = term.trim();
            switch (t) {
                case "always()" -> statusFunction = true;
                case "success()" -> {
                    statusFunction = true;
                    result &= !failed;
                }
                case "failure()" -> {
                    statusFunction = true;
                    result &= failed;
                }
                case "cancelled()" -> {
                    statusFunction = true;
                    result = false;
                }
                default -> {
                    Matcher m = Pattern.compile("(.+?)\\s*(==|!=)\\s*(.+)").matcher(t);
                    if (!m.matches()) {
                        throw new IllegalArgumentException("condition term this runner does not know: " + t);
                    }
                    boolean equal = value(m.group(1).trim(), scope)
                            .equals(value(m.group(3).trim(), scope));
                    result &= m.group(2).equals("==") == equal;
                }
            }
        }
        return statusFunction ? result : result && !failed;
    }
}
