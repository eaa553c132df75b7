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
package dev.plimsoll.bench;

import dev.plimsoll.align.AlignedSeries;
import dev.plimsoll.history.Figure;
import dev.plimsoll.history.KeyFigures;
import dev.plimsoll.history.PhaseFigures;
import dev.plimsoll.history.RunFilter;
import dev.plimsoll.history.RunHistory;
import dev.plimsoll.history.RunRecord;
import dev.plimsoll.history.StoredFinding;
import dev.plimsoll.history.StoredGate;
import dev.plimsoll.history.Totals;
import dev.plimsoll.history.Trend;
import dev.plimsoll.report.Verdict;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Whole-process run-history benchmark on generated data (seeded): saving a 1-hour run (3 600 s × 30 series, every
 * series at 1 s, the worst case: cloud series are 15–60 s in practice) and reading it back; {@code list} over 10 000
 * runs; {@code trend} over 1 000 runs. Prints the median and range of each over the repeats, and the store's size
 * per 1-hour run.
 *
 * <pre>
 * java -cp benchmarks/target/plimsoll-benchmarks.jar dev.plimsoll.bench.HistoryBench sqlite [repeats]
 * java -cp … dev.plimsoll.bench.HistoryBench postgresql [repeats]          # embedded PostgreSQL 14
 * java -cp … dev.plimsoll.bench.HistoryBench jdbc:postgresql://host/db [repeats]
 * </pre>
 */
public final class HistoryBench {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int HOUR = 3600;
    private static final int SERIES = 30;
    private static final int RUNS = 10_000;

    private HistoryBench() {}

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "sqlite";
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path dir = Files.createTempDirectory("history-bench");
        EmbeddedPostgres pg = null;
        String url;
        if (what.equals("sqlite")) {
            url = "jdbc:sqlite:" + dir.resolve("history.db");
        } else if (what.equals("postgresql")) {
            pg = EmbeddedPostgres.builder().start();
            url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
        } else {
            url = what;
        }
        try (RunHistory history = RunHistory.open(url)) {
            System.out.printf(
                    Locale.ROOT,
                    "store %s (%s), %d repeats, %s %s, %d CPUs%n",
                    history.url(),
                    history.database(),
                    repeats,
                    System.getProperty("java.vm.name"),
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            long before = size(url, dir);
            RunRecord hour = hourRun(1, true);
            String first = history.save(hour, Map.of("branch", "main"));
            long after = size(url, dir);
            System.out.printf(
                    Locale.ROOT,
                    "size of one 1-hour run (%d series x %d points, 3 decimals): %.2f MB%n",
                    SERIES,
                    HOUR,
                    (after - before) / 1e6);
            history.save(hourRun(2, false), Map.of("branch", "main"));
            long full = size(url, dir);
            System.out.printf(
                    Locale.ROOT,
                    "size of one 1-hour run (%d series x %d points, full-precision doubles): " + "%.2f MB%n",
                    SERIES,
                    HOUR,
                    (full - after) / 1e6);
            measure("save 1-hour run", repeats, () -> history.save(hour.withId("h" + System.nanoTime()), Map.of()));
            measure("get 1-hour run (with timeline)", repeats, () -> history.get(first));

            long t = System.nanoTime();
            for (int i = 0; i < RUNS; i++) {
                history.save(
                        smallRun(i),
                        Map.of(
                                "branch",
                                i % 10 == 0 ? "main" : "feature-" + (i % 37),
                                "commit",
                                Integer.toHexString(i * 7919),
                                "github_run_id",
                                Integer.toString(100_000 + i),
                                "repository",
                                "acme/shop"));
            }
            System.out.printf(
                    Locale.ROOT,
                    "saving %d runs (4 labels, 12 figures, 2 findings, 3 gates each): %.1f s%n",
                    RUNS,
                    (System.nanoTime() - t) / 1e9);
            measure("list newest 50 of " + (RUNS + repeats + 1), repeats, () -> history.list(RunFilter.all(), 50));
            measure(
                    "list branch=main, newest 50",
                    repeats,
                    () -> history.list(RunFilter.all().withLabel("branch", "main"), 50));
            measure("list all " + (RUNS + repeats + 1) + " runs", repeats, () -> history.list(RunFilter.all(), 20_000));
            measure("trend client_p95 over 1 000 runs (branch=main), change points", repeats, () -> {
                Trend tr = history.trend("client_p95", RunFilter.all().withLabel("branch", "main"));
                if (tr.points().size() != RUNS / 10 + 2) {
                    throw new IllegalStateException("trend has " + tr.points().size() + " points");
                }
                return tr;
            });
            measure(
                    "trend scaling_lag over all " + RUNS + " runs",
                    repeats,
                    () -> history.trend("scaling_lag", RunFilter.all()));
        } finally {
            if (pg != null) {
                pg.close(); // stops the server and deletes its data directory
            }
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static int sink;

    private static void measure(String what, int repeats, Supplier<?> action) {
        for (int i = 0; i < 2; i++) {
            sink += System.identityHashCode(action.get())
                    & 1; // warm-up; the result is used so that nothing is optimised away
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            sink += System.identityHashCode(action.get()) & 1;
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
                Locale.ROOT,
                "%-62s median %8.1f ms  (min %.1f, max %.1f)%n",
                what,
                ms[repeats / 2],
                ms[0],
                ms[repeats - 1]);
    }

    /** A 1-hour run: 30 series at 1 s of a seeded random walk, rounded to 3 decimals or full doubles. */
    static RunRecord hourRun(long seed, boolean rounded) {
        Random r = new Random(seed);
        RunRecord.Builder b = RunRecord.builder(T0, T0.plusSeconds(HOUR))
                .tool("k6", "0.49.0")
                .verdict(Verdict.FAIL)
                .bottleneck("backend")
                .totals(new Totals(700_000, 1_200, 350_000, 0, 200, 900_000_000L, 80_000_000L))
                .phases(List.of(
                        new PhaseFigures("ramp-up", T0, T0.plusSeconds(300), 30_000, 0, 100, 40, 90, 150, 200),
                        new PhaseFigures(
                                "steady",
                                T0.plusSeconds(300),
                                T0.plusSeconds(3300),
                                600_000,
                                1_100,
                                200,
                                60,
                                240,
                                400,
                                200),
                        new PhaseFigures(
                                "ramp-down",
                                T0.plusSeconds(3300),
                                T0.plusSeconds(HOUR),
                                70_000,
                                100,
                                100,
                                40,
                                90,
                                150,
                                200)))
                .figures(figures(r))
                .findings(List.of(new StoredFinding(
                        "scaling_lag",
                        "high",
                        T0.plusSeconds(400),
                        T0.plusSeconds(560),
                        "CPU above 70 % from 00:06:40; the 3rd node was Ready at 00:09:20: scaling lag 160 s",
                        0.9,
                        List.of())))
                .gates(List.of(new StoredGate("scaling_lag<=150s", "160s", false)));
        String[] load = {"requests", "errors", "vus", "latency", "latency", "latency"};
        String[] stat = {"rate", "rate", "max", "p50", "p95", "p99"};
        for (int s = 0; s < SERIES; s++) {
            double[] v = new double[HOUR];
            double level = 50 + 200 * r.nextDouble();
            for (int i = 0; i < HOUR; i++) {
                level = Math.max(1, level + r.nextGaussian() * 3);
                double x = level * (1 + 0.05 * r.nextGaussian());
                v[i] = rounded ? Math.round(x * 1000) / 1000.0 : x;
            }
            if (s < load.length) {
                b.series(AlignedSeries.load(load[s], stat[s], s < 3 ? "1/s" : "ms", T0, Duration.ofSeconds(1), v));
            } else {
                b.series(AlignedSeries.of(
                        "datadog",
                        "series_" + s,
                        "avg",
                        "percent",
                        Map.of("cluster", "shop-eks"),
                        T0,
                        Duration.ofSeconds(1),
                        v));
            }
        }
        return b.build();
    }

    static RunRecord smallRun(int i) {
        Random r = new Random(i);
        Instant start = T0.plus(Duration.ofMinutes(30L * i));
        return RunRecord.builder(start, start.plusSeconds(600))
                .tool("k6", "0.49.0")
                .verdict(r.nextInt(10) == 0 ? Verdict.FAIL : Verdict.PASS)
                .totals(new Totals(60_000, 12, 30_000, 0, 85, 70_000_000L, 6_000_000L))
                .figures(figures(r))
                .findings(List.of(
                        new StoredFinding(
                                "latency_bottleneck",
                                "warning",
                                start,
                                start.plusSeconds(60),
                                "backend",
                                0.8,
                                List.of()),
                        new StoredFinding("scaling_lag", "high", start, start.plusSeconds(60), "lag", 0.8, List.of())))
                .gates(List.of(
                        new StoredGate("a<1", "0", true),
                        new StoredGate("b<1", "0", true),
                        new StoredGate("c<1", "2", false)))
                .build();
    }

    private static KeyFigures figures(Random r) {
        return KeyFigures.builder()
                .put(Figure.CLIENT_P50, 40 + r.nextGaussian())
                .put(Figure.CLIENT_P95, 240 + 10 * r.nextGaussian())
                .put(Figure.CLIENT_P99, 400 + 20 * r.nextGaussian())
                .put(Figure.ERROR_RATE, 0.002 * r.nextDouble())
                .put(Figure.RPS, 200 + r.nextGaussian())
                .put(Figure.SCALING_LAG, 120 + 20 * r.nextGaussian())
                .put(Figure.MAX_NODES, 4)
                .put(Figure.NODE_MINUTES, 40 + r.nextGaussian())
                .put(Figure.BACKEND_LATENCY_SHARE, 0.9)
                .put(Figure.LB_LATENCY_SHARE, 0.05)
                .put(Figure.EDGE_LATENCY_SHARE, 0.05)
                .put(Figure.SKEW, 0)
                .build();
    }

    /** Bytes the store takes: the SQLite file (after a checkpoint) or the PostgreSQL database. */
    private static long size(String url, Path dir) throws Exception {
        if (url.startsWith("jdbc:sqlite:")) {
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return Files.size(dir.resolve("history.db"));
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
            try (ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
