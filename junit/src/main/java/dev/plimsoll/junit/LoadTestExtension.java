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

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.baseline.BaselineComparator;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.error.PlimsollException;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportFormat;
import dev.plimsoll.report.Verdict;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSources;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * in parallel. Everything that can be checked before the load runs is checked in {@code beforeEach}: gates, sources,
 * settings keys, and that each source can be created (region, credentials' presence, replay folders); misuse fails
 * with an {@link ExtensionConfigurationException} naming the attribute or key. A test method is a load test when it
 * takes a {@link LoadTestRecorder} parameter; the other methods of a {@code @LoadTest} class run as plain tests.
 *
 * @since 0.1
 */
public final class LoadTestExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(LoadTestExtension.class);
    private static final Pattern INVOCATION = Pattern.compile("\\[test-template-invocation:#(\\d+)]");

    @Override
    public void beforeEach(ExtensionContext context) {
        Settings s = settings(context);
        // creating a source validates its configuration (region, keys, replay folder) before a long load runs
        for (String type : s.sources()) {
            try (MetricSource ignored = MetricSources.require(type, s.properties())) {
                // created and closed: only its validation was wanted
            } catch (PlimsollException | IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@LoadTest source '" + type + "': " + e.getMessage(), e);
            }
        }
        context.getStore(NAMESPACE).put(Settings.class, s);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == LoadTestRecorder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return recorder(e);
    }

    private LoadTestRecorder recorder(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        LoadTestRecorder.class, k -> new LoadTestRecorder(clock()), LoadTestRecorder.class);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        LoadTestRecorder recorder = context.getStore(NAMESPACE).get(LoadTestRecorder.class, LoadTestRecorder.class);
        Settings s = context.getStore(NAMESPACE).get(Settings.class, Settings.class);
        if (recorder == null || s == null) {
            return;
        }
        recorder.end();
        Optional<Throwable> thrown = context.getExecutionException();
        String title = context.getRequiredTestClass().getSimpleName() + "." + name(context);
        LoadRun run = recorder.run(title);
        if (run.timeline().isEmpty()) {
            if (thrown.isPresent()) {
                return; // the test failed before any load: its own failure says why
            }
            throw new ExtensionConfigurationException("@LoadTest on " + context.getDisplayName() + " recorded no load:"
                    + " attach the load tool's output with recorder.attach(...) or time requests with"
                    + " recorder.registry()");
        }
        String runId = null;
        HistoryRun history = null;
        RuntimeException historyFailure = null;
        String historyUrl = s.history();
        if (historyUrl != null) {
            runId = HistoryRun.newRunId(run.window().start());
            try {
                history = HistoryRun.open(historyUrl);
            } catch (RuntimeException e) {
                historyFailure = e;
            }
        }
        List<MetricSource> sources = new ArrayList<>();
        Report report;
        try {
            for (String type : s.sources()) {
                sources.add(MetricSources.require(type, s.properties()));
            }
            LoadTestAnalysis analysis = LoadTestAnalysis.of(run)
                    .title(title + (thrown.isPresent() ? " (the test body threw)" : ""))
                    .sources(sources)
                    .config(AnalysisConfig.defaults().toBuilder()
                            .maxNodes(s.maxNodes())
                            .build())
                    .gates(s.gates())
                    .failOn(s.failOn())
                    .ingestionDelay(s.ingestionDelay());
            String selector = s.baseline();
            if (selector != null) {
                analysis.baseline(
                        history != null
                                ? history.baseline(selector, title, Objects.requireNonNull(runId), s.labels())
                                : unavailable(selector, historyFailure));
            }
            report = analysis.analyze();
        } finally {
            for (MetricSource m : sources) {
                m.close();
            }
        }
        Path dir = s.reportDir().resolve(context.getRequiredTestClass().getName());
        String base = fileName(context);
        Path html;
        try {
            html = report.write(ReportFormat.HTML, dir.resolve(base + ".html"));
            report.write(ReportFormat.JSON, dir.resolve(base + ".json"));
            report.write(ReportFormat.MARKDOWN, dir.resolve(base + ".md"));
        } finally {
            if (history != null) {
                try (HistoryRun h = history) {
                    h.save(report, Objects.requireNonNull(runId), s.labels(), title);
                } catch (RuntimeException e) {
                    historyFailure = e;
                }
            }
        }
        context.publishReportEntry("plimsoll.report", html.toAbsolutePath().toString());
        Verdict verdict = report.verdict();
        System.out.println("plimsoll: " + title + ": " + verdict.id() + " · bottleneck "
                + report.result().bottleneck().id() + " · report " + html.toAbsolutePath());
        boolean fails = verdict == Verdict.FAIL || (verdict == Verdict.INCONCLUSIVE && !s.allowInconclusive());
        if (fails && thrown.isEmpty()) {
            String what = verdict == Verdict.FAIL ? "failed" : "is inconclusive (allowInconclusive = true accepts it)";
            AssertionError failure = new AssertionError("load test " + title + " " + what + ":\n  "
                    + String.join("\n  ", report.reasons()) + "\n  report: " + html.toAbsolutePath()
                    + (historyFailure == null ? "" : "\n  and the run history failed: " + historyFailure.getMessage()));
            if (historyFailure != null) {
                failure.addSuppressed(historyFailure);
            }
            throw failure;
        }
        if (historyFailure != null && thrown.isEmpty()) {
            // the reports are written; the run could not be kept or compared: say so rather than pass quietly
            throw historyFailure;
        }
    }

    /** A baseline that could not be read because the store could not be opened. */
    private static BaselineComparator unavailable(String selector, @Nullable RuntimeException failure) {
        String problem = failure == null || failure.getMessage() == null
                ? "the run history could not be opened"
                : failure.getMessage();
        return new BaselineComparator() {
            @Override
            public String selector() {
                return selector;
            }

            @Override
            public BaselineComparison compare(AnalysisResult result) {
                return BaselineComparison.unavailable(selector, problem);
            }
        };
    }

    /** The method's name, with the invocation's number for repeated and parameterised tests. */
    private static String name(ExtensionContext context) {
        String method = context.getRequiredTestMethod().getName();
        Matcher m = INVOCATION.matcher(context.getUniqueId());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last == null ? method : method + "[" + last + "]";
    }

    /** A file name from the method's name: letters, digits, {@code -}, {@code _} only. */
    private static String fileName(ExtensionContext context) {
        return name(context).replace('[', '-').replace("]", "").replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static Settings settings(ExtensionContext context) {
        LoadTest a = AnnotationSupport.findAnnotation(context.getElement(), LoadTest.class)
                .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LoadTest.class))
                .orElseThrow(() -> new ExtensionConfigurationException(
                        "LoadTestExtension needs @LoadTest on the test class or method"));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return Settings.of(
                a,
                System.getenv(),
                System.getProperties(),
                loader != null ? loader : LoadTestExtension.class.getClassLoader());
    }

    // VisibleForTesting
    Clock clock() {
        return Clock.systemUTC();
    }
}
