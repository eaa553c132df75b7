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
 * @since 0.1
 */
public record Report(String title, AnalysisResult result, List<GateResult> gates) {
    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(result, "result");
        gates = List.copyOf(gates);
    }

    /** Whether every gate passed (true without gates). */
    public boolean passed() {
        return gates.stream().allMatch(GateResult::passed);
    }

    /**
     * Writes the report in one format.
     *
     * @throws IOException when the writer fails
     */
    public void write(ReportFormat format, Writer out) throws IOException {
        format.write(this, out);
    }

    /**
     * Writes the report in one format to a file (UTF-8), creating its parent directories.
     *
     * @throws ReportException naming the file when it cannot be written
     */
    public Path write(ReportFormat format, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                format.write(this, w);
            }
            return file;
        } catch (IOException | UncheckedIOException e) {
            throw new ReportException(file, e);
        }
    }

    /**
     * Writes the report in each format into a directory, under the formats' {@link ReportFormat#fileName() file
     * names}, creating the directory.
     *
     * @return the files written, in the order of {@code formats}
     * @throws ReportException naming the file that could not be written
     */
    public List<Path> writeTo(Path directory, Collection<ReportFormat> formats) {
        List<Path> written = new ArrayList<>();
        for (ReportFormat f : new LinkedHashSet<>(formats)) {
            written.add(write(f, directory.resolve(f.fileName())));
        }
        return written;
    }
}
