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
package dev.plimsoll.junit;

import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.Gate;
import dev.plimsoll.gate.GateParseException;
import dev.plimsoll.internal.Durations;
import dev.plimsoll.internal.Names;
import dev.plimsoll.source.MetricSourceProvider;
import dev.plimsoll.source.MetricSources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The settings of one {@link LoadTest}: the annotation, then system properties ({@code plimsoll.<key>}), environment
 * variables ({@code PLIMSOLL_<KEY>}), then {@code plimsoll.properties} on the class path. Validated as a whole, before
 * the load runs: every problem is reported at once, naming the attribute or key.
 */
record Settings(
        List<Gate> gates,
        List<String> sources,
        int maxNodes,
        @Nullable Severity failOn,
        boolean allowInconclusive,
        Duration ingestionDelay,
        Path reportDir,
        @Nullable String history,
        @Nullable String baseline,
        Map<String, String> labels,
        Function<String, @Nullable String> properties) {

    /** The extension's own keys. */
    static final Set<String> KEYS = Set.of(
            "gates",
            "sources",
            "max-nodes",
            "fail-on",
            "allow-inconclusive",
            "ingestion-delay",
            "report-dir",
            "history",
            "baseline",
            "labels",
            "cluster",
            "load-balancer",
            "service");

    /** Environment variables of Plimsoll's tools that are not settings. */
    static final Set<String> TOOL_VARIABLES = Set.of("PLIMSOLL_JAVA_OPTS", "PLIMSOLL_CHROMIUM");

    static Settings of(LoadTest a, Map<String, String> environment, Properties system, ClassLoader loader) {
        Properties file = new Properties();
        try (InputStream in = loader.getResourceAsStream("plimsoll.properties")) {
            if (in != null) {
                file.load(in);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ExtensionConfigurationException("plimsoll.properties cannot be read: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        checkKeys(file, environment, system, problems);
        Map<String, String> annotated = new HashMap<>();
        for (String p : a.properties()) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                problems.add("@LoadTest properties: '" + p + "' must be key=value");
                continue;
            }
            annotated.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        MetricSources.checkKeys(annotated.keySet(), Set.of()).forEach(m -> problems.add("@LoadTest properties: " + m));
        put(annotated, "cluster", a.cluster());
        put(annotated, "load-balancer", a.loadBalancer());
        put(annotated, "service", a.service());
        Function<String, @Nullable String> fallback = key -> {
            String v = annotated.get(key);
            if (v == null) {
                v = system.getProperty("plimsoll." + key, system.getProperty(key));
            }
            if (v == null) {
                v = environment.get(("PLIMSOLL_" + key)
                        .toUpperCase(Locale.ROOT)
                        .replace('.', '_')
                        .replace('-', '_'));
            }
            if (v == null) {
                v = file.getProperty("plimsoll." + key, file.getProperty(key));
            }
            return v == null || v.isBlank() ? null : v.trim();
        };
        // the typed attributes stand for every source's own key of the same name
        Function<String, @Nullable String> properties = key -> {
            String v = fallback.apply(key);
            int dot = key.indexOf('.');
            if (v == null
                    && dot > 0
                    && Set.of("cluster", "load-balancer", "service").contains(key.substring(dot + 1))) {
                v = fallback.apply(key.substring(dot + 1));
            }
            return v;
        };

        List<Gate> gates = new ArrayList<>();
        List<String> gateTexts = new ArrayList<>(List.of(a.gates()));
        String gateSetting = fallback.apply("gates");
        if (gateTexts.isEmpty() && gateSetting != null) {
            gateTexts.addAll(List.of(gateSetting.split(";")));
        }
        for (String g : gateTexts) {
            try {
                gates.add(Gate.parse(g));
            } catch (GateParseException e) {
                problems.add("@LoadTest gates: " + e.getMessage());
            }
        }
        int maxNodes = a.maxNodes();
        String nodes = fallback.apply("max-nodes");
        if (maxNodes == 0 && nodes != null) {
            try {
                maxNodes = Integer.parseInt(nodes);
            } catch (NumberFormatException e) {
                problems.add("@LoadTest maxNodes (max-nodes) must be an integer, but was '" + nodes + "'");
            }
        }
        if (maxNodes < 0) {
            problems.add("@LoadTest maxNodes must be ≥ 0, but was " + maxNodes);
        }
        String failText = a.failOn().isBlank() ? fallback.apply("fail-on") : a.failOn();
        Severity failOn = Severity.HIGH;
        if (failText != null) {
            switch (failText.trim().toLowerCase(Locale.ROOT)) {
                case "none" -> failOn = null;
                case "info" -> failOn = Severity.INFO;
                case "warning" -> failOn = Severity.WARNING;
                case "high" -> failOn = Severity.HIGH;
                default ->
                    problems.add("@LoadTest failOn must be info, warning, high or none, but was '" + failText + "'");
            }
        }
        boolean allowInconclusive = a.allowInconclusive();
        String allowText = fallback.apply("allow-inconclusive");
        if (!allowInconclusive && allowText != null) {
            if (!allowText.equalsIgnoreCase("true") && !allowText.equalsIgnoreCase("false")) {
                problems.add("allow-inconclusive must be true or false, but was '" + allowText + "'");
            }
            allowInconclusive = Boolean.parseBoolean(allowText);
        }
        Duration delay = Duration.ZERO;
        String delayText = a.ingestionDelay().isBlank() ? fallback.apply("ingestion-delay") : a.ingestionDelay();
        if (delayText != null) {
            try {
                delay = Durations.parse(delayText);
            } catch (IllegalArgumentException e) {
                problems.add("@LoadTest ingestionDelay (ingestion-delay) " + e.getMessage());
            }
        }
        String dir = a.reportDir().isBlank() ? fallback.apply("report-dir") : a.reportDir();
        List<String> sources = new ArrayList<>(List.of(a.sources()));
        String sourceSetting = fallback.apply("sources");
        if (sources.isEmpty() && sourceSetting != null) {
            for (String s : sourceSetting.split(",")) {
                if (!s.isBlank()) {
                    sources.add(s.trim());
                }
            }
        }
        for (String s : sources) {
            if (MetricSources.find(s).isEmpty()) {
                problems.add("@LoadTest sources: unknown source '" + s + "'; on the class path: "
                        + MetricSources.known() + Names.didYouMean(s, MetricSources.known()));
            }
        }
        for (String key : annotated.keySet()) {
            int dot = key.indexOf('.');
            if (dot > 0 && !sources.contains(key.substring(0, dot))) {
                problems.add("@LoadTest properties: '" + key + "' is for source '" + key.substring(0, dot)
                        + "', which is not in sources " + sources);
            }
        }
        String historyText = a.history().isBlank() ? fallback.apply("history") : a.history();
        String baselineText = a.baseline().isBlank() ? fallback.apply("baseline") : a.baseline();
        List<String> labelTexts = new ArrayList<>(List.of(a.labels()));
        String labelSetting = fallback.apply("labels");
        if (labelTexts.isEmpty() && labelSetting != null) {
            for (String l : labelSetting.split(",")) {
                if (!l.isBlank()) {
                    labelTexts.add(l.trim());
                }
            }
        }
        Map<String, String> labels = Map.of();
        if (historyText != null || baselineText != null) {
            if (historyText == null || historyText.equals("default")) {
                historyText = HistorySupport.DEFAULT_FILE;
            }
            labels = HistorySupport.check(historyText, baselineText, labelTexts, loader, problems);
        } else if (!labelTexts.isEmpty()) {
            problems.add("@LoadTest labels need a run history: set history (or baseline)");
        }
        if (!problems.isEmpty()) {
            throw new ExtensionConfigurationException(String.join("\n", problems));
        }
        return new Settings(
                List.copyOf(gates),
                List.copyOf(sources),
                maxNodes,
                failOn,
                allowInconclusive,
                delay,
                Path.of(dir == null ? "target/plimsoll" : dir),
                historyText,
                baselineText,
                labels,
                properties);
    }

    /** Every key of the settings files and variables must be known: a misspelt one would be silently ignored. */
    private static void checkKeys(
            Properties file, Map<String, String> environment, Properties system, List<String> problems) {
        Set<String> fileKeys = new TreeSet<>();
        for (String k : file.stringPropertyNames()) {
            fileKeys.add(k.startsWith("plimsoll.") ? k.substring("plimsoll.".length()) : k);
        }
        MetricSources.checkKeys(fileKeys, KEYS).forEach(m -> problems.add("plimsoll.properties: " + m));
        Set<String> systemKeys = new TreeSet<>();
        for (String k : system.stringPropertyNames()) {
            if (k.startsWith("plimsoll.")) {
                systemKeys.add(k.substring("plimsoll.".length()));
            }
        }
        MetricSources.checkKeys(systemKeys, KEYS).forEach(m -> problems.add("system property plimsoll.*: " + m));
        Set<String> known = new TreeSet<>();
        for (String k : KEYS) {
            known.add(variable(k));
        }
        for (MetricSourceProvider p : providers()) {
            for (String k : p.keys()) {
                known.add(variable(p.type() + "." + k));
            }
        }
        for (String v : environment.keySet()) {
            if (v.startsWith("PLIMSOLL_")
                    && !TOOL_VARIABLES.contains(v)
                    && !known.contains(v)
                    && known.stream().noneMatch(k -> k.endsWith("_") && v.startsWith(k))) {
                misspelt(v, known)
                        .ifPresent(k -> problems.add("environment variable " + v
                                + " is not a Plimsoll setting (did you mean '" + k + "'?)"));
            }
        }
    }

    /**
     * The setting a {@code PLIMSOLL_*} variable that is not one most likely misspells: one within 2 edits of it.
     * Other {@code PLIMSOLL_*} variables are left alone: the environment is shared with the CLI's launcher, the
     * GitHub Action, a build's own variables, which a test run must not refuse.
     */
    static Optional<String> misspelt(String variable, Set<String> known) {
        String v = variable.substring("PLIMSOLL_".length());
        return known.stream()
                .filter(k -> !k.endsWith("_"))
                .filter(k -> Names.distance(v, k.substring("PLIMSOLL_".length())) <= 2)
                .min(Comparator.comparingInt((String k) -> Names.distance(v, k.substring("PLIMSOLL_".length())))
                        .thenComparing(Comparator.naturalOrder()));
    }

    private static String variable(String key) {
        return ("PLIMSOLL_" + key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static List<MetricSourceProvider> providers() {
        List<MetricSourceProvider> out = new ArrayList<>();
        ServiceLoader.load(MetricSourceProvider.class).forEach(out::add);
        return out;
    }

    private static void put(Map<String, String> props, String key, String value) {
        if (!value.isBlank()) {
            props.put(key, value);
        }
    }
}
