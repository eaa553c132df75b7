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

import dev.plimsoll.Plimsoll;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.Gate;
import dev.plimsoll.gate.GateParseException;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.report.HtmlReport;
import dev.plimsoll.report.JsonReport;
import dev.plimsoll.report.MarkdownReport;
import dev.plimsoll.report.Report;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSources;
import dev.plimsoll.source.SourceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link LoadTest}. All state lives in the test's {@link ExtensionContext.Store}, so tests may run
 * in parallel. Misconfiguration fails with an {@link ExtensionConfigurationException} naming the attribute.
 *
 * @since 0.1
 */
public final class LoadTestExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(LoadTestExtension.class);
    /** Pause between polls while waiting for the cloud's data to cover the run. */
    static final Duration POLL = Duration.ofSeconds(15);

    @Override
    public void beforeEach(ExtensionContext context) {
        settings(context); // misuse is reported before the load runs, not after
        context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        LoadTestRecorder.class, k -> new LoadTestRecorder(clock()), LoadTestRecorder.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == LoadTestRecorder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return e.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        LoadTestRecorder.class, k -> new LoadTestRecorder(clock()), LoadTestRecorder.class);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        LoadTestRecorder recorder = context.getStore(NAMESPACE).get(LoadTestRecorder.class, LoadTestRecorder.class);
        if (recorder == null || context.getExecutionException().isPresent()) {
            return; // the test itself failed: nothing to add
        }
        recorder.end();
        Settings s = settings(context);
        LoadRun run = run(recorder, context);
        if (run.timeline().isEmpty()) {
            throw new ExtensionConfigurationException("@LoadTest on " + context.getDisplayName() + " recorded no load:"
                    + " attach k6 output with recorder.attachK6(...) or time requests with recorder.registry()");
        }
        List<FetchResult> fetched = fetch(s, run);
        AnalysisResult result =
                Plimsoll.analyze(run, fetched, AnalysisConfig.defaults().withMaxNodes(s.maxNodes));
        List<GateResult> gates = s.gates.stream().map(g -> g.evaluate(result)).toList();
        String title = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        Report report = new Report(title, result, gates);
        Path dir = s.reportDir.resolve(context.getRequiredTestClass().getName());
        Files.createDirectories(dir);
        String base = context.getRequiredTestMethod().getName();
        write(dir.resolve(base + ".html"), w -> HtmlReport.write(report, w));
        write(dir.resolve(base + ".json"), w -> JsonReport.write(report, w));
        write(dir.resolve(base + ".md"), w -> MarkdownReport.write(report, w));
        context.publishReportEntry(
                "plimsoll.report", dir.resolve(base + ".html").toAbsolutePath().toString());
        System.out.println("plimsoll: report " + dir.resolve(base + ".html").toAbsolutePath());
        List<String> problems = new ArrayList<>();
        gates.stream()
                .filter(g -> !g.passed())
                .forEach(g -> problems.add("gate " + g.expression() + " failed (measured " + g.measured() + ")"));
        if (s.failOn != null) {
            for (Finding f : result.findingsAtLeast(s.failOn)) {
                problems.add(f.severity().label() + " " + f.kind().id() + ": " + f.reason());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("load test " + title + " failed:\n  " + String.join("\n  ", problems)
                    + "\n  report: " + dir.resolve(base + ".html").toAbsolutePath());
        }
    }

    private static LoadRun run(LoadTestRecorder recorder, ExtensionContext context) {
        if (!recorder.k6Files().isEmpty()) {
            return K6Reader.create().read(recorder.k6Files());
        }
        var registry = recorder.capturedOrNull();
        String id = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        return registry != null
                ? registry.toLoadRun(id)
                : new LoadRun(
                        "none",
                        id,
                        dev.plimsoll.run.RunTimeline.builder(dev.plimsoll.run.RunTimeline.DEFAULT_BUCKET, "none")
                                .build(),
                        Optional.empty(),
                        dev.plimsoll.run.IngestReport.empty());
    }

    /** Fetches every source, polling live ones until they cover the run or the ingestion delay has passed. */
    private List<FetchResult> fetch(Settings s, LoadRun run) throws InterruptedException {
        TimeWindow window = new TimeWindow(
                run.window().start().minusSeconds(60), run.window().end().plusSeconds(300));
        List<FetchResult> out = new ArrayList<>();
        for (String type : s.sources) {
            long deadline = System.nanoTime() + s.ingestionDelay.toNanos();
            try (MetricSource source = MetricSources.require(type, s.properties)) {
                Duration step = type.equals("datadog") ? Duration.ofSeconds(15) : Duration.ofSeconds(60);
                while (true) {
                    FetchResult r = source.fetch(source.defaultQueries(), window, step);
                    boolean covered = r.coverage().stream().allMatch(c -> c.ratio() >= 0.9 || c.expected() == 0)
                            && !r.coverage().isEmpty();
                    if (covered || System.nanoTime() >= deadline) {
                        out.add(r);
                        break;
                    }
                    Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                }
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@LoadTest sources: " + e.getMessage(), e);
            }
        }
        return out;
    }

    interface Io {
        void write(Writer w) throws IOException;
    }

    private static void write(Path file, Io body) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The settings of a test: annotation, then system properties, environment, plimsoll.properties. */
    record Settings(
            List<Gate> gates,
            List<String> sources,
            int maxNodes,
            @Nullable Severity failOn,
            Duration ingestionDelay,
            Path reportDir,
            Function<String, @Nullable String> properties) {}

    static Settings settings(ExtensionContext context) {
        LoadTest a = AnnotationSupport.findAnnotation(context.getElement(), LoadTest.class)
                .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LoadTest.class))
                .orElseThrow(() -> new ExtensionConfigurationException(
                        "LoadTestExtension needs @LoadTest on the test" + " class or method"));
        Properties file = new Properties();
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream("plimsoll.properties")) {
            if (in != null) {
                file.load(in);
            }
        } catch (IOException e) {
            throw new ExtensionConfigurationException("plimsoll.properties cannot be read: " + e.getMessage(), e);
        }
        Function<String, @Nullable String> fallback = key -> {
            String v = System.getProperty("plimsoll." + key, System.getProperty(key));
            if (v == null) {
                v = System.getenv(("PLIMSOLL_" + key)
                        .toUpperCase(Locale.ROOT)
                        .replace('.', '_')
                        .replace('-', '_'));
            }
            if (v == null) {
                v = file.getProperty("plimsoll." + key, file.getProperty(key));
            }
            return v;
        };
        List<Gate> gates = new ArrayList<>();
        List<String> gateTexts = new ArrayList<>(List.of(a.gates()));
        if (gateTexts.isEmpty() && fallback.apply("gates") != null) {
            gateTexts.addAll(List.of(fallback.apply("gates").split(";")));
        }
        for (String g : gateTexts) {
            try {
                gates.add(Gate.parse(g));
            } catch (GateParseException e) {
                throw new ExtensionConfigurationException("@LoadTest gates: " + e.getMessage(), e);
            }
        }
        int maxNodes = a.maxNodes();
        if (maxNodes == 0 && fallback.apply("max-nodes") != null) {
            try {
                maxNodes = Integer.parseInt(fallback.apply("max-nodes").trim());
            } catch (NumberFormatException e) {
                throw new ExtensionConfigurationException("@LoadTest maxNodes (plimsoll.max-nodes) must be an integer,"
                        + " but was '" + fallback.apply("max-nodes") + "'");
            }
        }
        Severity failOn = switch (a.failOn().trim().toLowerCase(Locale.ROOT)) {
            case "none" -> null;
            case "info" -> Severity.INFO;
            case "warning" -> Severity.WARNING;
            case "high" -> Severity.HIGH;
            default ->
                throw new ExtensionConfigurationException(
                        "@LoadTest failOn must be info, warning, high or none," + " but was '" + a.failOn() + "'");
        };
        Duration delay;
        try {
            delay = SourceConfig.parseDuration("@LoadTest ingestionDelay", a.ingestionDelay());
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        List<String> sources = new ArrayList<>();
        java.util.Map<String, String> props = new java.util.HashMap<>();
        String cw = a.cloudwatchReplay().isEmpty() ? fallback.apply("cloudwatch.replay") : a.cloudwatchReplay();
        String dd = a.datadogReplay().isEmpty() ? fallback.apply("datadog.replay") : a.datadogReplay();
        if (cw != null) {
            props.put("cloudwatch.replay", folder("cloudwatchReplay", cw));
            sources.add("cloudwatch");
        }
        if (dd != null) {
            props.put("datadog.replay", folder("datadogReplay", dd));
            sources.add("datadog");
        }
        for (String s : a.sources()) {
            if (!sources.contains(s)) {
                if (MetricSources.find(s).isEmpty()) {
                    throw new ExtensionConfigurationException("@LoadTest sources: unknown source '" + s + "'; on the"
                            + " class path: " + MetricSources.known());
                }
                sources.add(s);
            }
        }
        put(props, "cloudwatch.cluster", a.cluster());
        put(props, "datadog.cluster", a.cluster());
        put(props, "cloudwatch.load-balancer", a.loadBalancer());
        put(props, "datadog.load-balancer", a.loadBalancer());
        put(props, "cloudwatch.service", a.service());
        put(props, "datadog.service", a.service());
        Function<String, @Nullable String> properties =
                key -> props.containsKey(key) ? props.get(key) : fallback.apply(key);
        return new Settings(
                List.copyOf(gates), List.copyOf(sources), maxNodes, failOn, delay, Path.of(a.reportDir()), properties);
    }

    private static void put(java.util.Map<String, String> props, String key, String value) {
        if (!value.isEmpty()) {
            props.put(key, value);
        }
    }

    private static String folder(String attribute, String value) {
        if (value.startsWith("classpath:")) {
            URL url =
                    Thread.currentThread().getContextClassLoader().getResource(value.substring("classpath:".length()));
            if (url == null) {
                throw new ExtensionConfigurationException(
                        "@LoadTest " + attribute + ": '" + value + "' is not on the class path");
            }
            try {
                return Path.of(url.toURI()).toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new ExtensionConfigurationException(
                        "@LoadTest " + attribute + ": '" + value + "' is not a folder on the file system", e);
            }
        }
        if (!Files.isDirectory(Path.of(value))) {
            throw new ExtensionConfigurationException("@LoadTest " + attribute + ": '" + value + "' is not a folder");
        }
        return value;
    }

    // VisibleForTesting
    Clock clock() {
        return Clock.systemUTC();
    }
}
