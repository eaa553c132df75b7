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

import dev.plimsoll.align.AlignedSeries;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.history.ExportFormat;
import dev.plimsoll.history.Figure;
import dev.plimsoll.history.KeyFigures;
import dev.plimsoll.history.PhaseFigures;
import dev.plimsoll.history.Retention;
import dev.plimsoll.history.RunFilter;
import dev.plimsoll.history.RunHistory;
import dev.plimsoll.history.RunInfo;
import dev.plimsoll.history.RunLabels;
import dev.plimsoll.history.RunRecord;
import dev.plimsoll.history.RunRecords;
import dev.plimsoll.history.StoredEvidence;
import dev.plimsoll.history.StoredFinding;
import dev.plimsoll.history.StoredGate;
import dev.plimsoll.history.StoredRun;
import dev.plimsoll.history.Trend;
import dev.plimsoll.history.TrendPage;
import dev.plimsoll.report.JsonReport;
import dev.plimsoll.report.ReportDocument;
import dev.plimsoll.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plimsoll history …}: the runs kept in the run history. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "The run history that plimsoll analyze --history keeps: a SQLite file (default " + RunHistory.DEFAULT_FILE
                    + ", or PLIMSOLL_HISTORY) or a PostgreSQL database. Exit codes: 0 done, 2 usage error or a store"
                    + " that cannot be read."
        },
        subcommands = {
            HistoryCommand.ListRuns.class,
            HistoryCommand.Show.class,
            HistoryCommand.TrendCommand.class,
            HistoryCommand.Export.class,
            HistoryCommand.Prune.class,
            HistoryCommand.Import.class
        })
final class HistoryCommand implements Runnable {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The {@code --history} option every subcommand takes. */
    static final class Store {
        @Option(
                names = "--history",
                paramLabel = "URL",
                description = "jdbc:sqlite:PATH, a path, or jdbc:postgresql://HOST/DB (PGUSER, PGPASSWORD). Default:"
                        + " PLIMSOLL_HISTORY, else " + RunHistory.DEFAULT_FILE + ".")
        @Nullable
        String url;

        /** Runs {@code body} on a store that exists (the commands that read). */
        <T> T with(Function<RunHistory, T> body) {
            String u = HistoryStore.url(url);
            try (RunHistory h = HistoryStore.openExisting(u)) {
                return body.apply(h);
            }
        }

        /** Runs {@code body} on the store, creating it when it does not exist (import). */
        <T> T creating(Function<RunHistory, T> body) {
            String u = HistoryStore.url(url);
            try (RunHistory h = HistoryStore.open(u)) {
                return body.apply(h);
            }
        }
    }

    /** {@code --label k=v} filters. */
    static RunFilter filter(List<String> labels, CommandSpec spec) {
        try {
            return RunFilter.labels(RunLabels.parse(labels));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--label: " + e.getMessage());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest runs, newest first.")
    static final class ListRuns implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Store store = new Store();

        @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Only runs carrying this label; repeatable.")
        List<String> labels = new ArrayList<>();

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N runs. Default: 20.")
        int limit;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new ParameterException(spec.commandLine(), "--limit must be at least 1, but was " + limit);
            }
            RunFilter filter = filter(labels, spec);
            PrintWriter o = spec.commandLine().getOut();
            return store.with(h -> {
                List<RunInfo> runs = h.list(filter, limit);
                int total = h.count(filter);
                o.println(h.url() + ": " + total + " run(s)"
                        + (filter.labels().isEmpty() ? "" : " with " + filter.labels())
                        + (runs.size() < total ? ", the newest " + runs.size() : ""));
                if (runs.isEmpty()) {
                    return 0;
                }
                o.printf(
                        Locale.ROOT,
                        "%-24s %-19s %-12s %-8s %-12s %-9s %-10s %s%n",
                        "id",
                        "started (UTC)",
                        "verdict",
                        "tool",
                        "client_p95",
                        "errors",
                        "lag",
                        "labels");
                for (RunInfo r : runs) {
                    KeyFigures f = r.figures();
                    o.printf(
                            Locale.ROOT,
                            "%-24s %-19s %-12s %-8s %-12s %-9s %-10s %s%n",
                            r.id(),
                            TIME.format(r.start()),
                            r.verdict().id(),
                            r.tool(),
                            Figures.value(f.valueOr(Figure.CLIENT_P95, Double.NaN), "ms"),
                            Figures.value(f.valueOr(Figure.ERROR_RATE, Double.NaN), "ratio"),
                            Figures.value(f.valueOr(Figure.SCALING_LAG, Double.NaN), "s"),
                            labels(r.labels()));
                }
                return 0;
            });
        }
    }

    static String labels(Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        labels.forEach((k, v) -> out.add(k + "=" + v));
        return String.join(",", out);
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "One run: labels, totals, phases, key figures, findings, gates and its timeline's series.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Store store = new Store();

        @Parameters(paramLabel = "RUN", description = "A run id, or last, last-passing, label:k=v (the newest).")
        String run = "";

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            return store.with(h -> {
                StoredRun s = named(h, run);
                RunRecord r = s.record();
                o.println("run " + s.id() + (r.name() == null ? "" : " · " + r.name()));
                o.println("  " + r.tool() + (r.toolVersion().isEmpty() ? "" : " " + r.toolVersion()) + " · " + r.start()
                        + " → " + r.end() + " · saved " + s.savedAt());
                o.println("  verdict " + r.verdict().id() + " · bottleneck " + r.bottleneck());
                o.println("  labels " + (s.labels().isEmpty() ? "none" : labels(s.labels())));
                var t = r.totals();
                o.println("  " + t.requests() + " requests, " + t.failedRequests() + " failed, " + t.iterations()
                        + " iterations, " + t.droppedIterations() + " dropped, " + t.maxVus() + " VUs max");
                if (!r.phases().isEmpty()) {
                    o.println("phases");
                    for (PhaseFigures p : r.phases()) {
                        o.printf(
                                Locale.ROOT,
                                "  %-9s %s → %s  %d requests (%d failed), %s, p95 %s%n",
                                p.kind(),
                                TIME.format(p.start()),
                                TIME.format(p.end()),
                                p.requests(),
                                p.failedRequests(),
                                Figures.value(p.rps(), "1/s"),
                                Figures.value(p.p95Millis(), "ms"));
                    }
                }
                o.println("key figures");
                r.figures()
                        .values()
                        .forEach((f, v) -> o.printf(Locale.ROOT, "  %-28s %s%n", f.id(), Figures.value(v, f.unit())));
                o.println("findings");
                if (r.findings().isEmpty()) {
                    o.println("  none");
                }
                for (StoredFinding f : r.findings()) {
                    o.printf(Locale.ROOT, "  %-8s %-26s %s%n", f.severity(), f.kind(), f.reason());
                    for (StoredEvidence e : f.evidence()) {
                        o.printf(
                                Locale.ROOT, "           %s: %s %s%n", e.label(), Figures.num(e.value(), ""), e.unit());
                    }
                }
                if (!r.gates().isEmpty()) {
                    o.println("gates");
                    for (StoredGate g : r.gates()) {
                        o.printf(
                                Locale.ROOT,
                                "  %-30s %-16s %s%n",
                                g.expression(),
                                g.measured(),
                                g.passed() ? "PASS" : "not passed");
                    }
                }
                o.println("timeline (" + r.timeline().size() + " series; plimsoll history export " + s.id() + ")");
                for (AlignedSeries ts : r.timeline()) {
                    o.printf(
                            Locale.ROOT,
                            "  %-70s %5d points every %s%n",
                            ts.key(),
                            ts.size(),
                            Format.duration(ts.step()));
                }
                return 0;
            });
        }
    }

    @Command(
            name = "trend",
            mixinStandardHelpOptions = true,
            description = "Figures over runs, oldest first, with the change points found in them (E-divisive means as"
                    + " Apache Otava runs it) and the runs whose comparison with their baseline found a regression;"
                    + " --html writes a self-contained trend page.")
    static final class TrendCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Store store = new Store();

        @Option(
                names = "--figure",
                paramLabel = "ID",
                description = "A figure, e.g. client_p95, scaling_lag, error_rate; repeatable. Default: every key"
                        + " figure the runs have.")
        List<String> figures = new ArrayList<>();

        @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Only runs carrying this label; repeatable.")
        List<String> labels = new ArrayList<>();

        @Option(names = "--html", paramLabel = "FILE", description = "Also write the trend page here.")
        @Nullable
        Path html;

        @Override
        public Integer call() {
            RunFilter filter = filter(labels, spec);
            PrintWriter o = spec.commandLine().getOut();
            return store.with(h -> {
                List<String> ids = new ArrayList<>(figures);
                if (ids.isEmpty()) {
                    List<String> stored = h.figureIds();
                    for (Figure f : Figure.known()) {
                        if (stored.contains(f.id())) {
                            ids.add(f.id());
                        }
                    }
                }
                List<TrendPage.Chart> charts = new ArrayList<>();
                for (String id : ids) {
                    Trend t = h.trend(id, filter);
                    charts.add(new TrendPage.Chart(t, h.runsWithFinding("regression", id, filter)));
                }
                String subtitle = labels(filter.labels());
                for (TrendPage.Chart c : charts) {
                    print(o, c, subtitle);
                }
                if (html != null) {
                    Path file = html;
                    try {
                        Path parent = file.toAbsolutePath().getParent();
                        if (parent != null) {
                            Files.createDirectories(parent);
                        }
                        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                            TrendPage.write(subtitle, charts, w);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(
                                new IOException("cannot write the trend page " + file + ": " + e.getMessage(), e));
                    }
                    o.println("trend page: " + file.toAbsolutePath());
                }
                return 0;
            });
        }

        private static void print(PrintWriter o, TrendPage.Chart c, String subtitle) {
            Trend t = c.trend();
            Figure f = t.figure();
            o.println(f.id() + " (" + f.description() + ", " + f.unit() + ") over "
                    + t.points().size() + " run(s)"
                    + (subtitle.isEmpty() ? "" : " with " + subtitle) + ": "
                    + t.changePoints().size()
                    + " change point(s)");
            for (int i = 0; i < t.points().size(); i++) {
                Trend.Point p = t.points().get(i);
                StringBuilder marks = new StringBuilder();
                for (Trend.ChangePoint cp : t.changePoints()) {
                    if (cp.index() == i) {
                        marks.append(String.format(
                                Locale.ROOT,
                                "  ▲ change point: %s → %s (%s, p = %.2g), %s",
                                Figures.value(cp.meanBefore(), f.unit()),
                                Figures.value(cp.meanAfter(), f.unit()),
                                Double.isNaN(cp.relativeChange())
                                        ? "n/a"
                                        : Figures.num(cp.relativeChange() * 100, "+") + " %",
                                cp.pValue(),
                                cp.direction().label()));
                    }
                }
                if (c.regressions().contains(p.runId())) {
                    marks.append("  ! regression against its baseline");
                }
                o.printf(
                        Locale.ROOT,
                        "  %-24s %-19s %-12s %12s%s%n",
                        p.runId(),
                        TIME.format(p.start()),
                        p.verdict().id(),
                        Figures.value(p.value(), f.unit()),
                        marks);
            }
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "A run's merged timeline as tidy rows (time, source, series, statistic, unit, value): CSV for"
                    + " pandas or a Grafana CSV source, or JSON.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Store store = new Store();

        @Parameters(paramLabel = "RUN", description = "A run id, or last, last-passing, label:k=v (the newest).")
        String run = "";

        @Option(names = "--format", defaultValue = "csv", description = "csv or json. Default: csv.")
        String format = "csv";

        @Option(
                names = {"-o", "--output"},
                paramLabel = "FILE",
                description = "Write here instead of stdout.")
        @Nullable
        Path output;

        @Override
        public Integer call() {
            ExportFormat f = switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> ExportFormat.CSV;
                case "json" -> ExportFormat.JSON;
                default ->
                    throw new ParameterException(
                            spec.commandLine(), "--format must be csv or json, but was '" + format + "'");
            };
            return store.with(h -> {
                String id = named(h, run).id();
                try {
                    if (output == null) {
                        PrintWriter o = spec.commandLine().getOut();
                        h.export(id, f, o);
                        o.flush();
                    } else {
                        Path parent = output.toAbsolutePath().getParent();
                        if (parent != null) {
                            Files.createDirectories(parent);
                        }
                        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                            h.export(id, f, w);
                        }
                        spec.commandLine().getErr().println("plimsoll: run " + id + " exported to " + output);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            new IOException("cannot write " + output + ": " + e.getMessage(), e));
                }
                return 0;
            });
        }
    }

    @Command(
            name = "prune",
            mixinStandardHelpOptions = true,
            description = "Removes old runs with everything stored for them: keep the newest N, or remove runs started"
                    + " longer ago than a duration (90d, 12h, …).")
    static final class Prune implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Store store = new Store();

        @Option(names = "--keep", paramLabel = "N", description = "Keep the newest N runs.")
        @Nullable
        Integer keep;

        @Option(
                names = "--older-than",
                paramLabel = "DURATION",
                converter = DurationConverter.class,
                description = "Remove runs started longer ago than this, e.g. 90d.")
        @Nullable
        Duration olderThan;

        @Override
        public Integer call() {
            if ((keep == null) == (olderThan == null)) {
                throw new ParameterException(spec.commandLine(), "give exactly one of --keep N and --older-than D");
            }
            Integer k = keep;
            if (k != null && k < 0) {
                throw new ParameterException(spec.commandLine(), "--keep must be 0 or more, but was " + k);
            }
            Retention retention = k != null ? Retention.keepLast(k) : Retention.olderThan(requireDuration());
            return store.with(h -> {
                int removed = h.prune(retention);
                spec.commandLine()
                        .getOut()
                        .println("removed " + removed + " run(s) from " + h.url() + "; " + h.count(RunFilter.all())
                                + " left");
                return 0;
            });
        }

        private Duration requireDuration() {
            Duration d = olderThan;
            if (d == null) {
                throw new ParameterException(spec.commandLine(), "--older-than needs a duration");
            }
            return d;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Saves a run from its saved JSON report (plimsoll-report.json, or the folder holding it):"
                    + " for a run whose history could not be written at the time.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Store store = new Store();

        @Parameters(paramLabel = "REPORT", description = "plimsoll-report.json, or the folder holding it.")
        Path report = Path.of(ReportFormat.JSON.fileName());

        @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label of the run; repeatable.")
        List<String> labels = new ArrayList<>();

        @Option(
                names = "--id",
                paramLabel = "ID",
                description = "The run's id. Default: the one the report recorded (analyze with --baseline), else"
                        + " made from its start.")
        @Nullable
        String id;

        @Override
        public Integer call() {
            Map<String, String> l;
            try {
                l = RunLabels.withGitHubActions(RunLabels.parse(labels), PlimsollCommand.environment());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--label: " + e.getMessage());
            }
            Path file = Files.isDirectory(report) ? report.resolve(ReportFormat.JSON.fileName()) : report;
            ReportDocument doc = JsonReport.read(file);
            // the id analyze gave the run when it compared it with a baseline, unless --id names another
            String wanted = id != null
                    ? id
                    : doc.baseline().flatMap(BaselineComparison::runId).orElse(null);
            RunRecord record = RunRecords.of(doc, wanted);
            return store.creating(h -> {
                refuseDuplicate(h, record, file);
                String saved = h.save(record, l);
                spec.commandLine().getOut().println("history: run " + saved + " saved to " + h.url());
                return 0;
            });
        }
    }

    /**
     * Refuses a run the store already holds: one with the record's id, or, for a record without one, a run of the
     * same name and tool over the same window with the same verdict and key figures (the same report imported
     * again, which would otherwise be saved under a new id each time).
     */
    static void refuseDuplicate(RunHistory h, RunRecord record, Path file) {
        String recordId = record.id();
        if (recordId != null) {
            if (h.find(recordId).isPresent()) {
                throw new IllegalArgumentException("run " + recordId + " of " + file + " is already stored in the run"
                        + " history at " + h.url() + ": a run is imported once (--id gives another id)");
            }
            return;
        }
        RunFilter sameStart = RunFilter.all()
                .since(record.start())
                .until(record.start().plusSeconds(1)) // the store may keep whole milliseconds
                .withTool(record.tool());
        for (RunInfo r : h.list(sameStart, 1000)) {
            if (r.start().equals(record.start())
                    && r.end().equals(record.end())
                    && java.util.Objects.equals(r.name(), record.name())
                    && r.verdict() == record.verdict()
                    && sameFigures(r.figures(), record.figures())) {
                throw new IllegalArgumentException("the run of " + file + " is already stored in the run history at "
                        + h.url() + " as run " + r.id() + " (same start, end, verdict and key figures): a run is"
                        + " imported once (--id gives another id)");
            }
        }
    }

    /**
     * The same key figures by id, each within 0.1 % (or 0.001 absolute): a run saved by {@code analyze} holds the
     * figures as computed, its JSON report as written, which may differ in the last digits.
     */
    static boolean sameFigures(KeyFigures a, KeyFigures b) {
        Map<String, Double> x = new java.util.TreeMap<>();
        a.values().forEach((f, v) -> x.put(f.id(), v));
        Map<String, Double> y = new java.util.TreeMap<>();
        b.values().forEach((f, v) -> y.put(f.id(), v));
        if (!x.keySet().equals(y.keySet())) {
            return false;
        }
        for (Map.Entry<String, Double> e : x.entrySet()) {
            double u = e.getValue();
            double w = y.getOrDefault(e.getKey(), Double.NaN);
            boolean same = Double.isNaN(u)
                    ? Double.isNaN(w)
                    : Math.abs(u - w) <= Math.max(1e-3, 1e-3 * Math.max(Math.abs(u), Math.abs(w)));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * The run a RUN argument names: a selector's newest run (last, last-passing, label:…), else the run of that id —
     * "no run 'ID' in the run history…" when there is none (a selector that matches nothing is "no baseline matches").
     */
    static StoredRun named(RunHistory h, String run) {
        String s = run.strip();
        boolean selector = s.startsWith("label:")
                || s.equals("last")
                || s.equals("last-passing")
                || s.startsWith("last,")
                || s.startsWith("last-passing,");
        return selector ? h.baseline(s).runs().get(0) : h.get(s);
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    /** For picocli's help of the parent command. */
    static CommandLine commandLine(CommandSpec spec) {
        return spec.commandLine();
    }
}
