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

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract on a real PostgreSQL 14 server, and what only a server can get wrong. */
@ExtendWith(TestPostgres.Extension.class)
class PostgresRunHistoryTest extends RunHistoryContract {
    private static TestPostgres postgres;

    @BeforeAll
    static void server(TestPostgres server) {
        postgres = server;
    }

    @Override
    String newStore() {
        return postgres.newDatabase();
    }

    @Override
    Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    String trueLiteral() {
        return "TRUE";
    }

    @Override
    long storeBytes() throws Exception {
        try (Connection c = connect(url);
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                        + "AND c.relkind = 'r'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void openWhenTheServerIsUnreachableShouldNameTheUrlWithoutItsPassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String unreachable = "jdbc:postgresql://127.0.0.1:" + closedPort + "/perf?user=ci&password=s3cr3t-pw";

        assertThatThrownBy(() -> RunHistory.open(unreachable))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("cannot open the run history at jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/perf?user=ci&password=***")
                .hasMessageNotContaining("s3cr3t-pw");
        assertThatThrownBy(() -> RunHistory.open("postgresql://ci:s3cr3t-pw@127.0.0.1:" + closedPort + "/perf"))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("ci:***@127.0.0.1")
                .hasMessageNotContaining("s3cr3t-pw");
    }

    @Test
    void openWhenTheUrlHasNoUserShouldTakePgUserFromTheEnvironment() {
        String db = postgres.newRealDatabase().replace("?user=postgres", "");
        Map<String, String> env = Map.of("PGUSER", "postgres", "PGPASSWORD", "unused-by-trust-auth");
        Map<String, String> wrong = Map.of("PGUSER", "nobody_here");

        try (RunHistory h = RunHistory.builder(db).environment(env::get).open()) {
            assertThat(h.database()).isEqualTo("postgresql");
            h.save(full("pg"), Map.of());
        }
        assertThatThrownBy(() -> RunHistory.builder(db).environment(wrong::get).open())
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("nobody_here");
    }

    @Test
    void openWhenTheUrlIsLibpqStyleShouldConnect() {
        String db = postgres.newRealDatabase();
        String name = db.substring(db.lastIndexOf('/') + 1, db.indexOf('?'));

        try (RunHistory h = RunHistory.open("postgresql://postgres@localhost:" + postgres.port() + "/" + name)) {
            assertThat(h.schemaVersion()).isEqualTo(RunHistory.SCHEMA_VERSION);
        }
    }
}
