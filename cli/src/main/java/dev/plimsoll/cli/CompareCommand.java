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

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.baseline.FigureChange;
import dev.plimsoll.history.Baseline;
import dev.plimsoll.history.Comparison;
import dev.plimsoll.history.ComparisonConfig;
import dev.plimsoll.history.Figure;
import dev.plimsoll.history.HistoryBaseline;
import dev.plimsoll.history.RunHistory;
import dev.plimsoll.history.RunRecord;
import dev.plimsoll.history.RunRecords;
import dev.plimsoll.history.StoredRun;
import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.report.JsonReport;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportFormat;
import dev.plimsoll.run.LoadRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plimsoll compare BASELINE CURRENT}: two runs, key figure by key figure. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compares CURRENT with BASELINE, key figure by key figure (client latency as distributions with a"
                    + " Mann-Whitney U test and the mean ratio, other figures against the baselines' spread or a"
                    + " tolerance). Each is a run of the history (a run id, last, last-passing, or"
                    + " label:k=v[,n=N] — the baseline may be several runs), a saved JSON report (or the folder"
                    + " holding plimsoll-report.json), or a load tool's output, analysed on the client side only."
                    + " Exit codes: 0 no regression, 1 regression(s), 2 usage or input error."
        })
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The run(s) to compare with.")
    String baseline = "";

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The run to compare.")
    String current = "";

    @Option(
            names = "--history",
            paramLabel = "URL",
            description = "The run history for run ids and selectors. Default: PLIMSOLL_HISTORY, else "
                    + RunHistory.DEFAULT_FILE + ".")
    @Nullable
    String history;

    private @Nullable RunHistory store;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        try {
            List<StoredRun> base = side(baseline, true);
            StoredRun now = side(current, false).get(0);
            List<StoredRun> others = base.stream()
                    .filter(b -> !b.id().equals(now.id()) || base.size() == 1)
                    .toList();
            Comparison c = Comparison.of(now.record(), new Baseline(baseline, others), ComparisonConfig.defaults());
            boolean scaling = now.record().figures().get(Figure.SCALING_LAG).isPresent();
            BaselineComparison b = HistoryBaseline.toBaselineComparison(baseline, c, scaling);
            o.println("compare: " + now.id() + " against " + String.join(", ", b.baselineRunIds()));
            o.printf(
                    Locale.ROOT,
                    "%-28s %-14s %-14s %-22s %-12s %s%n",
                    "figure",
                    "baseline",
                    "current",
                    "change",
                    "outcome",
                    "test");
            for (FigureChange f : b.figures()) {
                o.printf(
                        Locale.ROOT,
                        "%-28s %-14s %-14s %-22s %-12s %s%n",
                        f.figure(),
                        Figures.value(f.baseline(), f.unit()),
                        Figures.value(f.current(), f.unit()),
                        change(f),
                        f.outcome().id(),
                        f.test() + (Double.isNaN(f.pValue()) ? "" : String.format(Locale.ROOT, " p=%.2g", f.pValue())));
            }
            for (FigureChange f : b.figures()) {
                if (f.outcome() == FigureChange.Outcome.REGRESSION) {
                    o.println("regression: " + f.reason());
                }
            }
            o.println(b.regressions().size() + " regression(s), "
                    + b.improvements().size() + " improvement(s)");
            return b.regressions().isEmpty() ? 0 : 1;
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    private static String change(FigureChange f) {
        if (Double.isNaN(f.change())) {
            return "-";
        }
        if (f.unit().equals("ratio")) {
            return Figures.num(f.change() * 100, "+") + " pp";
        }
        return Double.isNaN(f.relativeChange())
                ? Figures.num(f.change(), "+")
                : Figures.num(f.relativeChange() * 100, "+") + " %";
    }

    /** The runs one operand names: a file or folder when one exists at that path, else a selector of the history. */
    private List<StoredRun> side(String operand, boolean baselineSide) {
        Path path = null;
        try {
            path = Path.of(operand);
        } catch (InvalidPathException e) {
            // not a path: a selector
        }
        if (path != null && Files.exists(path)) {
            return List.of(new StoredRun(operand, Instant.now(), Map.of(), fromFile(path)));
        }
        if (store == null) {
            String url = HistoryStore.url(history);
            store = HistoryStore.openExisting(url);
        }
        List<StoredRun> runs = store.baseline(operand).runs();
        return baselineSide ? runs : List.of(runs.get(0));
    }

    /** A saved JSON report (or its folder), else a load tool's output analysed on the client side. */
    private static RunRecord fromFile(Path path) {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = path.resolve(ReportFormat.JSON.fileName());
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(path + " is a folder without " + ReportFormat.JSON.fileName()
                        + ": give a JSON report, a" + " report folder, a load tool's output or a run of the history");
            }
        }
        if (isReport(file)) {
            return RunRecords.of(JsonReport.read(file), null);
        }
        LoadRun run = LoadRuns.read(List.of(file));
        Report report = LoadTestAnalysis.of(run).title(file.toString()).analyze();
        return RunRecords.of(report);
    }

    /** Whether the file starts like a Plimsoll JSON report ({@code "schemaVersion"} in its first bytes). */
    static boolean isReport(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(256);
            String s = new String(head, StandardCharsets.UTF_8);
            return s.stripLeading().startsWith("{") && s.contains("\"schemaVersion\"");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
