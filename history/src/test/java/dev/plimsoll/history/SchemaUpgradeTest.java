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

import dev.plimsoll.report.Verdict;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores made by schema version 1 open under the current version and are migrated: {@code fixtures/history-v1.db}
 * is a SQLite file written by the V1 code (commit "history: run-history module"), kept as it was.
 */
@ExtendWith(TestPostgres.Extension.class)
class SchemaUpgradeTest {
    private static final String FIXTURE = "/fixtures/history-v1.db";

    @TempDir
    Path dir;

    /** The runs the V1 fixture holds. */
    static List<RunRecord> v1Runs() {
        return List.of(
                RunHistoryContract.full("v1-full"),
                Scenarios.record(Scenarios.S5).withId("v1-s5"),
                RunHistoryContract.small(Instant.parse("2026-02-01T08:00:00Z"), Verdict.PASS, 57.5)
                        .withId("v1-small"));
    }

    @Test
    @EnabledIfSystemProperty(named = "plimsoll.regenerate", matches = "true")
    void makeTheV1FixtureWhenRegenerating() throws Exception {
        Path out = Path.of("src/test/resources" + FIXTURE);
        Files.deleteIfExists(out);
        try (RunHistory h = RunHistory.builder(out.toString()).schemaTarget("1").open()) {
            for (RunRecord r : v1Runs()) {
                h.save(r, Map.of("branch", "main", "made-by", "schema-v1"));
            }
            assertThat(h.schemaVersion()).isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("PRAGMA journal_mode=DELETE");
            s.execute("VACUUM");
        }
        Files.deleteIfExists(Path.of(out + "-wal"));
        Files.deleteIfExists(Path.of(out + "-shm"));
    }

    @Test
    void openWhenTheFileWasMadeByTheFirstSchemaShouldMigrateItAndKeepEveryRun() throws Exception {
        Path copy = dir.resolve("history.db");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(FIXTURE))) {
            Files.copy(in, copy);
        }
        assertThat(schemaVersions("jdbc:sqlite:" + copy)).containsExactly("1");

        try (RunHistory h = RunHistory.open(copy.toString())) {
            assertThat(h.schemaVersion()).isEqualTo(RunHistory.SCHEMA_VERSION);
            for (RunRecord r : v1Runs()) {
                StoredRun back = h.get(Objects.requireNonNull(r.id()));
                assertThat(back.record()).isEqualTo(r);
                assertThat(back.labels()).containsEntry("made-by", "schema-v1");
            }
            h.save(RunHistoryContract.full("after-upgrade"), Map.of());
            assertThat(h.count(RunFilter.all())).isEqualTo(4);
        }
        assertThat(schemaVersions("jdbc:sqlite:" + copy)).containsExactly("1", "2");
        // V2's view shows the runs V1 stored
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT run_id, value FROM figure_history WHERE figure = 'client_p95' "
                        + "ORDER BY started_at, run_id")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            assertThat(ids).containsExactly("v1-small", "after-upgrade", "v1-full", "v1-s5");
        }
    }

    @Test
    void openWhenAPostgresStoreHasTheFirstSchemaShouldMigrateIt(TestPostgres postgres) throws Exception {
        String url = postgres.newDatabase();
        try (RunHistory v1 = RunHistory.builder(url).schemaTarget("1").open()) {
            v1.save(RunHistoryContract.full("pg-v1"), Map.of("branch", "main"));
            assertThat(v1.schemaVersion()).isEqualTo(1);
        }

        try (RunHistory h = RunHistory.open(url)) {
            assertThat(h.schemaVersion()).isEqualTo(RunHistory.SCHEMA_VERSION);
            assertThat(h.get("pg-v1").record()).isEqualTo(RunHistoryContract.full("pg-v1"));
        }
    }

    private static List<String> schemaVersions(String url) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
