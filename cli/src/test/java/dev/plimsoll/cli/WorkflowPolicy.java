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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every workflow and action YAML of this repository follows (see {@code .github/actions/plimsoll/README.md},
 * "Security and pinning"):
 *
 * <ul>
 *   <li>no {@code ${{ … }}} expression inside a {@code run:} script: values reach scripts through {@code env:} (GitHub's
 *       hardening guide: an expression is pasted into the script before the shell sees it, so a crafted input becomes
 *       code);
 *   <li>no {@code ..} path segment in any value outside {@code run:} ({@code with:} inputs, defaults,
 *       working-directory): {@code @actions/glob} and the cache actions reject it, and it escapes the workspace;
 *   <li>every action from another repository pinned by a full 40-hex commit SHA followed by a {@code # vX.Y.Z} comment
 *       naming the release; local actions ({@code ./…}) are exempt, and so is this project's own action, referenced by
 *       its major release tag ({@code @v0}) because that tag decides which plimsoll-cli version it fetches.
 * </ul>
 */
final class WorkflowPolicy {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{");
    private static final Pattern PARENT_SEGMENT = Pattern.compile("(^|[/\\\\\\s'\"=:])\\.\\.($|[/\\\\\\s'\"])");
    private static final Pattern PINNED =
            Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}");
    private static final Pattern VERSION_COMMENT = Pattern.compile("#\\s*v\\d+\\.\\d+\\.\\d+\\b");
    private static final Pattern MAJOR_TAG = Pattern.compile("@v\\d+");

    private final String firstPartyRepository;

    /**
     * @param firstPartyRepository {@code owner/name} of this project on GitHub, whose action may be referenced by a
     *     major tag
     */
    WorkflowPolicy(String firstPartyRepository) {
        this.firstPartyRepository = firstPartyRepository;
    }

    /** The rule violations of one YAML file, each naming the file, the place and the rule; empty when it conforms. */
    List<String> violations(String file, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid YAML", e);
        }
        List<String> out = new ArrayList<>();
        walk(file, "", root, text.lines().toList(), out);
        return out;
    }

    private void walk(String file, String path, JsonNode node, List<String> lines, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String where = path + "/" + e.getKey();
                JsonNode value = e.getValue();
                if (e.getKey().equals("run") && value.isTextual()) {
                    if (EXPRESSION.matcher(value.asText()).find()) {
                        out.add(file + " " + where + ": ${{ }} inside run: (pass the value through env:)");
                    }
                    continue;
                }
                if (e.getKey().equals("uses") && value.isTextual()) {
                    checkUses(file, where, value.asText(), lines, out);
                }
                walk(file, where, value, lines, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(file, path + "/" + i, node.get(i), lines, out);
            }
        } else if (node.isTextual() && !path.endsWith("/description")) {
            if (PARENT_SEGMENT.matcher(node.asText()).find()) {
                out.add(file + " " + path + ": '..' in a path ('" + node.asText() + "')");
            }
        }
    }

    private void checkUses(String file, String where, String uses, List<String> lines, List<String> out) {
        if (uses.startsWith("./")) {
            return;
        }
        if (uses.startsWith("docker://")) {
            if (!uses.contains("@sha256:")) {
                out.add(file + " " + where + ": docker image " + uses + " not pinned by digest");
            }
            return;
        }
        if (uses.startsWith(firstPartyRepository + "/")) {
            if (!MAJOR_TAG.matcher(uses).find() && !PINNED.matcher(uses).matches()) {
                out.add(file + " " + where + ": " + uses + " should name a release tag (@vN) or a commit SHA");
            }
            return;
        }
        if (!PINNED.matcher(uses).matches()) {
            out.add(file + " " + where + ": " + uses + " is not pinned by a full commit SHA");
            return;
        }
        String line = lines.stream()
                .filter(l -> l.matches("\\s*(-\\s+)?uses:\\s*" + Pattern.quote(uses) + "(\\s.*)?"))
                .findFirst()
                .orElse("");
        Matcher comment = VERSION_COMMENT.matcher(line);
        if (!comment.find()) {
            out.add(file + " " + where + ": " + uses + " has no '# vX.Y.Z' comment naming the pinned release");
        }
    }
}
