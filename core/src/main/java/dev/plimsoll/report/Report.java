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
package dev.plimsoll.report;

import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.analysis.SignalCoverage;
import dev.plimsoll.analysis.SignalGroup;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.GateResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A finished analysis as reports show it: the analysis, the gates' results and a title. Writes itself in any
 * {@link ReportFormat}; the output is deterministic (stable order, {@code Locale.ROOT} numbers, UTC instants).
 *
 * <pre>{@code
 * Report report = LoadTestAnalysis.of(run).sources(cw, dd).gates("scaling_lag<=150s").analyze();
 * List<Path> files = report.writeTo(Path.of("target/plimsoll"), EnumSet.allOf(ReportFormat.class));
 * }</pre>
 *
 * @param title e.g. the run's name
 * @param result the analysis
 * @param gates results of the gates, in the order given
 * @param failOn findings at or above this severity fail the run; empty: only gates fail it
 * @param baseline the run compared with its baseline runs, when a baseline was asked for (its regressions and
 *     improvements are among the result's findings)
 * @since 0.1
 */
public record Report(
        String title,
        AnalysisResult result,
        List<GateResult> gates,
        Optional<Severity> failOn,
        Optional<BaselineComparison> baseline) {
    /**
     * Copies the gates; {@link dev.plimsoll.LoadTestAnalysis#analyze()} is the usual way to get a report.
     *
     * @param title the reports' heading
     * @param result the analysis
     * @param gates gate results, in the order given
     * @param failOn the lowest severity that fails the run, or empty
     * @param baseline the baseline comparison, or empty
     * @throws NullPointerException if a component is null
     */
    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(result, "result");
        gates = List.copyOf(gates);
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(baseline, "baseline");
    }

    /**
     * A report without a baseline comparison.
     *
     * @param title the reports' heading
     * @param result the analysis
     * @param gates gate results, in the order given
     * @param failOn the lowest severity that fails the run, or empty for none
     * @throws NullPointerException if a component is null
     */
    public Report(String title, AnalysisResult result, List<GateResult> gates, Optional<Severity> failOn) {
        this(title, result, gates, failOn, Optional.empty());
    }

    /**
     * The verdict: {@link Verdict#FAIL} when a gate failed or a finding reached {@link #failOn()};
     * {@link Verdict#INCONCLUSIVE} when nothing failed but a gate could not be decided, the sources did not cover the
     * run for the signals the findings need ({@link dev.plimsoll.analysis.AnalysisConfig#minCoverage()}), a detector
     * failed, or there was neither a cloud source nor a gate; else {@link Verdict#PASS}. {@link #reasons()} says why.
     *
     * @return the verdict, computed from the components each time
     */
    public Verdict verdict() {
        if (gates.stream().anyMatch(GateResult::failed) || !failingFindings().isEmpty()) {
            return Verdict.FAIL;
        }
        return inconclusiveReasons().isEmpty() ? Verdict.PASS : Verdict.INCONCLUSIVE;
    }

    /**
     * Why the verdict is what it is: the failed gates and findings, or what could not be decided.
     *
     * @return one line each, without trailing newline; empty for a pass
     */
    public List<String> reasons() {
        List<String> out = new ArrayList<>();
        for (GateResult g : gates) {
            if (g.failed()) {
                out.add("gate " + g.expression() + " failed (measured " + g.measured() + ")");
            }
        }
        for (Finding f : failingFindings()) {
            out.add(f.severity().label() + " " + f.kind().id() + ": " + f.reason());
        }
        if (out.isEmpty()) {
            out.addAll(inconclusiveReasons());
        }
        return out;
    }

    /**
     * Whether the verdict is a pass (no gate failed, nothing undecided).
     *
     * @return true for {@link Verdict#PASS}; false for a fail and for an inconclusive run
     */
    public boolean passed() {
        return verdict() == Verdict.PASS;
    }

    private List<Finding> failingFindings() {
        return failOn.map(result::findingsAtLeast).orElse(List.of());
    }

    private List<String> inconclusiveReasons() {
        List<String> out = new ArrayList<>();
        for (GateResult g : gates) {
            if (g.outcome() == GateResult.Outcome.INCONCLUSIVE) {
                out.add("gate " + g.expression() + " is inconclusive: " + g.note());
            }
        }
        boolean anyAsked = result.evidence().stream().anyMatch(SignalCoverage::asked);
        if (anyAsked) {
            Set<String> advice = new LinkedHashSet<>();
            for (SignalGroup g : List.of(SignalGroup.SCALING, SignalGroup.SERVER_LATENCY)) {
                SignalCoverage c = result.evidence(g);
                if (c.asked() && !c.covered()) {
                    List<String> p = c.problems();
                    // the last problem is the advice, the same for every group: said once
                    p.subList(0, Math.max(0, p.size() - 1)).forEach(x -> out.add("not covered: " + x));
                    if (!p.isEmpty()) {
                        advice.add(p.get(p.size() - 1));
                    }
                }
            }
            out.addAll(advice);
        } else if (gates.stream().allMatch(g -> g.outcome() == GateResult.Outcome.SKIPPED)) {
            // no gate decided anything (none given, or only baseline gates skipped on a first run)
            out.add("the server side was not checked: no cloud source was given (and no gate asked about the client"
                    + " side only)");
        }
        for (Finding f : result.findings(FindingKind.ANALYSIS_ERROR)) {
            out.add(f.reason());
        }
        return out;
    }

    /**
     * Writes the report in one format, times in UTC.
     *
     * @param format the format
     * @param out receives the report; flushed, left open
     * @throws IOException when the writer fails
     */
    public void write(ReportFormat format, Writer out) throws IOException {
        write(format, out, ReportOptions.defaults());
    }

    /**
     * Writes the report in one format with the given options (e.g. the time zone of the HTML report).
     *
     * @param format the format
     * @param out receives the report; flushed, left open
     * @param options how to write it
     * @throws IOException when the writer fails
     */
    public void write(ReportFormat format, Writer out, ReportOptions options) throws IOException {
        format.write(this, out, options);
    }

    /**
     * Writes the report in one format to a file (UTF-8), creating its parent directories; times in UTC.
     *
     * @param format the format
     * @param file the file, replaced if it exists
     * @return {@code file}
     * @throws ReportException naming the file when it cannot be written
     */
    public Path write(ReportFormat format, Path file) {
        return write(format, file, ReportOptions.defaults());
    }

    /**
     * Writes the report in one format to a file (UTF-8) with the given options, creating its parent directories.
     *
     * @param format the format
     * @param file the file, replaced if it exists
     * @param options how to write it
     * @return {@code file}
     * @throws ReportException naming the file when it cannot be written
     */
    public Path write(ReportFormat format, Path file, ReportOptions options) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                format.write(this, w, options);
            }
            return file;
        } catch (IOException | UncheckedIOException e) {
            throw new ReportException(file, e);
        }
    }

    /**
     * Writes the report in each format into a directory, under the formats' {@link ReportFormat#fileName() file
     * names}, creating the directory; times in UTC.
     *
     * @param directory the report directory; files of the same names in it are replaced
     * @param formats the formats; a format given twice is written once
     * @return the files written, in the order of {@code formats}
     * @throws ReportException naming the file that could not be written
     */
    public List<Path> writeTo(Path directory, Collection<ReportFormat> formats) {
        return writeTo(directory, formats, ReportOptions.defaults());
    }

    /**
     * Writes the report in each format into a directory with the given options (e.g. the time zone of the HTML
     * report), under the formats' {@link ReportFormat#fileName() file names}, creating the directory.
     *
     * @param directory the report directory; files of the same names in it are replaced
     * @param formats the formats; a format given twice is written once
     * @param options how to write them
     * @return the files written, in the order of {@code formats}
     * @throws ReportException naming the file that could not be written
     */
    public List<Path> writeTo(Path directory, Collection<ReportFormat> formats, ReportOptions options) {
        List<Path> written = new ArrayList<>();
        for (ReportFormat f : new LinkedHashSet<>(formats)) {
            written.add(write(f, directory.resolve(f.fileName()), options));
        }
        return written;
    }
}
