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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plimsoll.source.ConfigurationException;
import dev.plimsoll.source.MetricSources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@code --config} file: YAML ({@code cloudwatch: {region: eu-west-1}}, flattened to dotted keys) or Java properties
 * ({@code cloudwatch.region=eu-west-1}). Every key must be a source setting ({@code <type>.<key>}) an adapter on the
 * class path declares; a misspelt key is an error naming the nearest known one, not a silently ignored setting.
 */
final class SettingsFile {
    /** Largest settings file read: a settings file is a few lines; anything larger is a mistake or an attack. */
    static final long MAX_BYTES = 1 << 20;

    private SettingsFile() {}

    /**
     * The file's settings as dotted keys.
     *
     * @throws ConfigurationException naming the file, the line where known, and the rule
     */
    static Map<String, String> read(Path file) {
        Map<String, String> out = new TreeMap<>();
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        try {
            if (Files.isDirectory(file)) {
                throw problem(file, "is a directory, not a settings file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw problem(file, "is " + size + " bytes; a settings file may hold at most " + MAX_BYTES);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
                if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
                    if (!tree.isObject()) {
                        throw problem(
                                file,
                                "must be a YAML mapping of settings (cloudwatch: {region: …}), but is a "
                                        + tree.getNodeType().toString().toLowerCase(Locale.ROOT));
                    }
                    flatten(file, "", tree, out);
                }
            } else {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    // UTF-8 (as Java reads resource bundles since 9), strictly: a Latin-1 file is an error, not
                    // a value quietly misread; a byte order mark is skipped
                    java.io.Reader r = new java.io.InputStreamReader(
                            in,
                            java.nio.charset.StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
                    java.io.PushbackReader pr = new java.io.PushbackReader(r, 1);
                    int first = pr.read();
                    if (first >= 0 && first != '\uFEFF') {
                        pr.unread(first);
                    }
                    p.load(pr);
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw problem(file, "is not valid UTF-8: save it as UTF-8");
                }
                p.stringPropertyNames()
                        .forEach(k -> out.put(k.trim(), p.getProperty(k).trim()));
            }
        } catch (NoSuchFileException e) {
            throw problem(file, "does not exist");
        } catch (AccessDeniedException e) {
            throw problem(file, "cannot be read (permission denied)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigurationException(
                    List.of(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                            + ": not valid YAML: " + oneLine(e.getOriginalMessage())));
        } catch (IOException | IllegalArgumentException e) {
            throw problem(file, "cannot be read: " + oneLine(String.valueOf(e.getMessage())));
        }
        List<String> problems = new ArrayList<>();
        MetricSources.checkKeys(out.keySet(), Set.of()).forEach(m -> problems.add(file + ": " + m));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return out;
    }

    /** {@code cloudwatch: {region: x}} → {@code cloudwatch.region=x}; lists are not settings. */
    static void flatten(Path file, String prefix, JsonNode n, Map<String, String> out) {
        if (n == null || n.isNull()) {
            return;
        }
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                flatten(file, prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            throw problem(file, "'" + prefix + "' is a list; settings are single values");
        } else if (!prefix.isEmpty()) {
            out.put(prefix, n.isTextual() ? n.asText() : n.toString());
        }
    }

    /** SnakeYAML's message without its excerpt lines: the rule in one line (the position is given separately). */
    static String oneLine(String message) {
        message = message.replaceAll("\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*(Exception|Error):\\s*", "");
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || line.startsWith(" ") || t.equals("^") || t.startsWith("in 'reader'")) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "; ").append(t);
        }
        return sb.length() == 0 ? message.strip() : sb.toString();
    }

    private static ConfigurationException problem(Path file, String rule) {
        return new ConfigurationException(List.of(file + ": " + rule));
    }
}
