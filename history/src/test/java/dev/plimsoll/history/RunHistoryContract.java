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
package dev.plimsoll.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.align.AlignedSeries;
import dev.plimsoll.report.Verdict;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every run-history database must do: the same tests run on a real SQLite file and a real PostgreSQL server.
 */
abstract class RunHistoryContract {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** A URL of a new, empty store. */
    abstract String newStore() throws Exception;

    /** A JDBC connection to the same store, to look at it from outside. */
    abstract Connection connect(String url) throws SQLException;

    String url;
    RunHistory history;

    @BeforeEach
    void openStore() throws Exception {
        url = newStore();
        history = RunHistory.open(url);
    }

    @AfterEach
    void closeStore() {
        history.close();
    }

    static RunRecord full(String id) {
        return full(id, Instant.parse("2026-03-01T10:00:00.123Z"));
    }

    static RunRecord full(String id, Instant start) {
        return RunRecord.builder(start, start.plusSeconds(300))
                .id(id)
                .name("checkout")
                .tool("k6", "0.49.0")
                .verdict(Verdict.FAIL)
                .bottleneck("backend")
                .totals(new Totals(41_000, 120, 9_800, 3, 85, 52_000_000, 4_100_000))
                .phases(List.of(
                        new PhaseFigures("ramp-up", start, start.plusSeconds(60), 5000, 0, 83.3, 40, 80, 120, 40),
                        new PhaseFigures(
                                "steady",
                                start.plusSeconds(60),
                                start.plusSeconds(240),
                                33000,
                                120,
                                183.3,
                                90,
                                412.5,
                                Double.NaN,
                                85)))
                .figures(KeyFigures.builder()
                        .put(Figure.CLIENT_P95, 412.5)
                        .put(Figure.SCALING_LAG, 123.1)
                        .put(Figure.MAX_NODES, 4)
                        .put(Figure.BACKEND_LATENCY_SHARE, 0.93)
                        .put(Figure.of("custom.queue_depth", "count"), 17)
                        .build())
                .findings(List.of(new StoredFinding(
                        "scaling_lag",
                        "high",
                        start.plusSeconds(40),
                        start.plusSeconds(163),
                        "CPU above 70 % from 10:00:40; the 3rd node was Ready at 10:02:43: scaling lag 123 s",
                        0.9,
                        List.of(
                                new StoredEvidence(
                                        "cpu above threshold",
                                        "cloudwatch:node_cpu_utilization.avg",
                                        start.plusSeconds(40),
                                        84.0,
                                        "percent"),
                                new StoredEvidence("lag", "", null, 123.1, "s")))))
                .gates(List.of(
                        new StoredGate("scaling_lag<=150s", "123.1s", true),
                        new StoredGate("client_p95<300ms", "412.5ms", false)))
                .series(AlignedSeries.load("latency", "p95", "ms", start, Duration.ofSeconds(1), new double[] {
                    100.5, Double.NaN, 412.25, 0.001, 1e-9, 123456789.125
                }))
                .series(AlignedSeries.of(
                        "cloudwatch",
                        "node_cpu_utilization",
                        "avg",
                        "percent",
                        Map.of("ClusterName", "shop-eks", "query", "a,b \"quoted\""),
                        start,
                        Duration.ofSeconds(60),
                        new double[] {40, 84, 95.5}))
                .build();
    }

    static RunRecord small(Instant start, Verdict verdict, double p95) {
        return RunRecord.builder(start, start.plusSeconds(60))
                .verdict(verdict)
                .figures(KeyFigures.builder().put(Figure.CLIENT_P95, p95).build())
                .build();
    }

    @Test
    @DisplayName("a saved run reads back equal, labels, findings, evidence, gates, phases and timeline included")
    void getWhenSavedShouldReturnTheSameRecord() {
        RunRecord record = full("run-1");

        String id = history.save(record, Map.of("branch", "main", "env", "staging"));
        StoredRun back = history.get(id);

        assertThat(id).isEqualTo("run-1");
        assertThat(back.record()).isEqualTo(record);
        assertThat(back.labels()).containsExactly(Map.entry("branch", "main"), Map.entry("env", "staging"));
        assertThat(back.record().timeline().get(0).valueAt(1)).isNaN();
        assertThat(back.record().phases().get(1).p99Millis()).isNaN();
    }

    @Test
    void saveWhenNoIdGivenShouldMakeOneFromTheStartTime() {
        String a = history.save(small(T0, Verdict.PASS, 100), Map.of());
        String b = history.save(small(T0, Verdict.PASS, 100), Map.of());

        assertThat(a).matches("20260301-100000-[0-9a-f]{4}");
        assertThat(b).isNotEqualTo(a);
        assertThat(history.count(RunFilter.all())).isEqualTo(2);
    }

    @Test
    void saveWhenTheIdIsTakenShouldFailNamingItAndKeepTheFirstRun() {
        history.save(full("run-1"), Map.of());

        assertThatThrownBy(() -> history.save(full("run-1").withId("run-1"), Map.of("a", "b")))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("'run-1' is already stored");
        assertThat(history.get("run-1").labels()).isEmpty();
    }

    @Test
    void listShouldReturnNewestFirstFilteredAndLimited() {
        for (int i = 0; i < 6; i++) {
            history.save(
                    small(T0.plusSeconds(3600L * i), i % 2 == 0 ? Verdict.PASS : Verdict.FAIL, 100 + i)
                            .withId("r" + i),
                    Map.of("branch", i < 4 ? "main" : "feature", "i", Integer.toString(i)));
        }

        assertThat(history.list(RunFilter.all(), 3)).extracting(RunInfo::id).containsExactly("r5", "r4", "r3");
        assertThat(history.list(RunFilter.all().withLabel("branch", "main"), 10))
                .extracting(RunInfo::id)
                .containsExactly("r3", "r2", "r1", "r0");
        assertThat(history.list(RunFilter.all().withLabel("branch", "main").withVerdict(Verdict.PASS), 10))
                .extracting(RunInfo::id)
                .containsExactly("r2", "r0");
        assertThat(history.list(RunFilter.all().since(T0.plusSeconds(3600)).until(T0.plusSeconds(3 * 3600)), 10))
                .extracting(RunInfo::id)
                .containsExactly("r2", "r1");
        RunInfo r5 = history.list(RunFilter.all(), 1).get(0);
        assertThat(r5.labels()).containsEntry("branch", "feature").containsEntry("i", "5");
        assertThat(r5.figures().get(Figure.CLIENT_P95)).contains(105.0);
        assertThat(history.count(RunFilter.all().withTool("jmeter"))).isZero();
    }

    @Test
    void baselineWhenSelectedShouldPickTheRightRuns() {
        history.save(small(T0, Verdict.PASS, 100).withId("a"), Map.of("branch", "main"));
        history.save(small(T0.plusSeconds(60), Verdict.PASS, 101).withId("b"), Map.of("branch", "main"));
        history.save(small(T0.plusSeconds(120), Verdict.FAIL, 150).withId("c"), Map.of("branch", "feature"));

        assertThat(history.baseline("last").ids()).containsExactly("c");
        assertThat(history.baseline("last-passing").ids()).containsExactly("b");
        assertThat(history.baseline("a").ids()).containsExactly("a");
        assertThat(history.baseline("label:branch=main").ids()).containsExactly("b");
        assertThat(history.baseline("label:branch=main,n=5").ids()).containsExactly("b", "a");
        assertThat(history.baseline("last,n=2").ids()).containsExactly("c", "b");
        assertThat(history.baseline("last-passing,branch=main").ids()).containsExactly("b");
        assertThat(history.baseline("last,branch=main,n=3").ids()).containsExactly("b", "a");
        assertThat(history.baseline("last,branch=feature").ids()).containsExactly("c");
        assertThatThrownBy(() -> history.baseline("last-passing,branch=feature"))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("no baseline matches 'last-passing,branch=feature'");
    }

    @Test
    void runsWithFindingShouldNameTheRunsWhoseFindingsNameTheFigure() {
        StoredEvidence p95 = new StoredEvidence("change", "client_p95", null, 40, "ms");
        StoredFinding regression =
                new StoredFinding("regression", "warning", T0, T0.plusSeconds(60), "p95 regressed", 0.9, List.of(p95));
        RunRecord r = small(T0, Verdict.FAIL, 140);
        history.save(r.withId("a"), Map.of("branch", "main"));
        history.save(
                RunRecord.builder(T0.plusSeconds(60), T0.plusSeconds(120))
                        .id("b")
                        .figures(r.figures())
                        .findings(List.of(regression))
                        .build(),
                Map.of("branch", "main"));
        history.save(
                RunRecord.builder(T0.plusSeconds(120), T0.plusSeconds(180))
                        .id("c")
                        .findings(List.of(regression))
                        .build(),
                Map.of("branch", "feature"));

        assertThat(history.runsWithFinding("regression", "client_p95", RunFilter.all()))
                .containsExactly("b", "c");
        assertThat(history.runsWithFinding(
                        "regression", "client_p95", RunFilter.all().withLabel("branch", "main")))
                .containsExactly("b");
        assertThat(history.runsWithFinding("regression", "scaling_lag", RunFilter.all()))
                .isEmpty();
        assertThat(history.figureIds()).contains("client_p95");
    }

    @Test
    void baselineWhenNothingMatchesShouldSayWhatTheStoreHolds() {
        history.save(small(T0, Verdict.FAIL, 100).withId("a"), Map.of("branch", "main"));

        assertThatThrownBy(() -> history.baseline("label:branch=release"))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("no baseline matches 'label:branch=release'")
                .hasMessageContaining("holds 1 run")
                .hasMessageContaining("branch = main (1)")
                .hasMessageContaining("last runs: a (2026-03-01T10:00:00Z, fail, {branch=main})");
        assertThatThrownBy(() -> history.baseline("last-passing")).hasMessageContaining("last runs: a");
        assertThatThrownBy(() -> history.baseline("nope")).hasMessageContaining("no baseline matches 'nope'");
        assertThatThrownBy(() -> history.baseline("label:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> history.baseline("label:branch=main,n=0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n in a baseline selector");
    }

    @Test
    void baselineWhenTheStoreIsEmptyShouldSaySo() {
        assertThatThrownBy(() -> history.baseline("last")).hasMessageContaining("holds no runs yet");
    }

    @Test
    void compareWhenAStoredRunIsItsOwnBaselineShouldFindNothing() {
        history.save(Scenarios.record(Scenarios.S1).withId("s1"), Map.of());

        Comparison c = history.compare("s1", "s1", ComparisonConfig.defaults());

        assertThat(c.figures())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.UNCHANGED));
        assertThat(c.baselineRunIds()).containsExactly("s1");
    }

    @Test
    void compareWhenTheHealthyRunIsTheBaselineShouldNameBothRuns() {
        history.save(Scenarios.record(Scenarios.S5).withId("s5"), Map.of("branch", "main"));

        Comparison c = history.compare(Scenarios.record(Scenarios.S1), history.baseline("label:branch=main"));

        assertThat(c.regressions()).extracting(f -> f.figure().id()).contains("client_p95", "scaling_lag");
        assertThat(c.figure("client_p95").orElseThrow().reason()).contains("s5");
    }

    @Test
    void trendShouldReturnTheFigureOldestFirstWithItsChangePoint() {
        for (int i = 0; i < 12; i++) {
            RunRecord r =
                    Scenarios.resampled(Scenarios.S5, 1000 + i, 20, i >= 6 ? 1.10 : 1.0, T0.plusSeconds(3600L * i));
            history.save(r.withId("t" + i), Map.of("branch", "main"));
        }
        history.save(small(T0.plusSeconds(99_999), Verdict.PASS, 500).withId("other"), Map.of("branch", "x"));

        Trend trend = history.trend("client_p95", RunFilter.all().withLabel("branch", "main"));

        assertThat(trend.points()).hasSize(12).extracting(Trend.Point::runId).startsWith("t0", "t1");
        assertThat(trend.figure()).isEqualTo(Figure.CLIENT_P95);
        assertThat(trend.changePoints()).hasSize(1);
        Trend.ChangePoint cp = trend.changePoints().get(0);
        assertThat(cp.runId()).isEqualTo("t6");
        assertThat(cp.direction()).isEqualTo(Outcome.REGRESSION);
        assertThat(cp.relativeChange()).isBetween(0.07, 0.13);
        assertThatThrownBy(() -> history.trend("no_such_figure", RunFilter.all()))
                .hasMessageContaining("figures stored: [client_p50, client_p95");
    }

    @Test
    void exportShouldWriteTidyRowsWithoutGaps() throws Exception {
        history.save(full("run-1"), Map.of());

        String csv = history.export("run-1", ExportFormat.CSV);
        String json = history.export("run-1", ExportFormat.JSON);

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("time,source,series,statistic,unit,value");
        assertThat(lines).hasSize(1 + 5 + 3);
        assertThat(lines.get(1)).isEqualTo("2026-03-01T10:00:00.123Z,load,latency,p95,ms,100.5");
        assertThat(lines).contains("2026-03-01T10:00:05.123Z,load,latency,p95,ms,123456789.125");
        assertThat(lines).contains("2026-03-01T10:00:04.123Z,load,latency,p95,ms,0.000000001");
        assertThat(lines.get(6))
                .isEqualTo("2026-03-01T10:00:00.123Z,cloudwatch,\"node_cpu_utilization{ClusterName=shop-eks,"
                        + "query=a,b \"\"quoted\"\"}\",avg,percent,40");
        var rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new StringReader(json));
        assertThat(rows.size()).isEqualTo(8);
        assertThat(rows.get(7).get("value").asDouble()).isEqualTo(95.5);
        assertThat(rows.get(7).get("time").asText()).isEqualTo("2026-03-01T10:02:00.123Z");
        assertThatThrownBy(() -> history.export("missing", ExportFormat.CSV)).hasMessageContaining("no run 'missing'");
    }

    @Test
    void pruneShouldRemoveRunsWithEverythingStoredForThem() throws Exception {
        for (int i = 0; i < 5; i++) {
            history.save(full("r" + i, T0.plus(Duration.ofDays(i))), Map.of("i", "" + i));
        }

        assertThat(history.prune(Retention.keepLast(3))).isEqualTo(2);
        assertThat(history.list(RunFilter.all(), 10)).extracting(RunInfo::id).containsExactly("r4", "r3", "r2");
        try (RunHistory later = RunHistory.builder(url)
                .clock(Clock.fixed(T0.plus(Duration.ofDays(10)), ZoneOffset.UTC))
                .open()) {
            assertThat(later.prune(Retention.olderThan(Duration.ofDays(6)))).isEqualTo(2);
            assertThat(later.list(RunFilter.all(), 10)).extracting(RunInfo::id).containsExactly("r4");
        }
        try (Connection c = connect(url);
                Statement s = c.createStatement()) {
            for (String table : List.of(
                    "run_labels",
                    "run_phases",
                    "run_figures",
                    "findings",
                    "finding_evidence",
                    "gates",
                    "timeline_series")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE run_id <> 'r4'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as(table).isZero();
                }
            }
        }
    }

    @Test
    void openWhenAlreadyMigratedShouldKeepTheRunsAndTheVersion() {
        history.save(full("run-1"), Map.of());
        history.close();

        history = RunHistory.open(url);

        assertThat(history.schemaVersion()).isEqualTo(RunHistory.SCHEMA_VERSION);
        assertThat(history.get("run-1").record()).isEqualTo(full("run-1"));
    }

    @Test
    void openWhenTheSchemaIsNewerShouldRefuseNamingBothVersions() throws Exception {
        history.close();
        try (Connection c = connect(url);
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the "
                    + "future', 'SQL', 'V99__future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, " + trueLiteral() + ")");
        }

        assertThatThrownBy(() -> RunHistory.open(url))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("schema version 99, newer than version " + RunHistory.SCHEMA_VERSION)
                .hasMessageContaining("upgrade Plimsoll");
        history = RunHistory.open(newStore());
    }

    /** How the database writes a true boolean. */
    abstract String trueLiteral();

    @Test
    @DisplayName("two writers saving at once both land (two CI jobs finishing together)")
    void saveWhenTwoWritersSaveAtOnceShouldLandEveryRun() throws Exception {
        int perWriter = 15;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    try (RunHistory h = RunHistory.open(url)) {
                        go.await();
                        for (int i = 0; i < perWriter; i++) {
                            ids.add(h.save(full("w" + writer + "-" + i), Map.of("writer", "" + writer)));
                            h.list(RunFilter.all(), 5);
                        }
                    }
                    return ids;
                }));
            }
            go.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : writers) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(2 * perWriter).doesNotHaveDuplicates();
            assertThat(history.count(RunFilter.all())).isEqualTo(2 * perWriter);
            assertThat(history.count(RunFilter.all().withLabel("writer", "1"))).isEqualTo(perWriter);
            assertThat(history.get("w1-" + (perWriter - 1)).record().timeline()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("two writers opening a new store at once both migrate it and land their runs")
    void openWhenTwoWritersCreateTheStoreAtOnceShouldMigrateOnceAndLandBoth() throws Exception {
        String fresh = newStore();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    go.await();
                    try (RunHistory h = RunHistory.open(fresh)) {
                        return h.save(full("first-" + writer), Map.of());
                    }
                }));
            }
            go.countDown();
            for (Future<String> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (RunHistory h = RunHistory.open(fresh)) {
            assertThat(h.count(RunFilter.all())).isEqualTo(2);
            assertThat(h.schemaVersion()).isEqualTo(RunHistory.SCHEMA_VERSION);
        }
    }

    /** A 1-hour run: 30 series × 3 600 points at 1 s, full-precision doubles (the worst case for size). */
    static RunRecord hourRun() {
        java.util.Random r = new java.util.Random(42);
        RunRecord.Builder b = RunRecord.builder(T0, T0.plusSeconds(3600));
        for (int s = 0; s < 30; s++) {
            double[] v = new double[3600];
            double level = 50 + 200 * r.nextDouble();
            for (int i = 0; i < v.length; i++) {
                level = Math.max(1, level + r.nextGaussian() * 3);
                v[i] = level * (1 + 0.05 * r.nextGaussian());
            }
            b.series(AlignedSeries.of("datadog", "series_" + s, "avg", "ms", Map.of(), T0, Duration.ofSeconds(1), v));
        }
        return b.build();
    }

    /** Bytes the store takes now. */
    abstract long storeBytes() throws Exception;

    @Test
    @DisplayName("a 1-hour run of 30 series at 1 s takes a few MB at most")
    void saveWhenTheRunLastsAnHourShouldTakeLessThanThreeMegabytes() throws Exception {
        long before = storeBytes();
        RunRecord hour = hourRun();

        history.save(hour.withId("hour"), Map.of());

        assertThat(storeBytes() - before).isLessThan(3_000_000);
        assertThat(history.get("hour").record().timeline()).isEqualTo(hour.timeline());
    }
}
