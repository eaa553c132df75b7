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

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real SQLite file, and what only a file can get wrong. */
class SqliteRunHistoryTest extends RunHistoryContract {
    @TempDir
    Path dir;

    private int stores;

    @Override
    String newStore() {
        return "jdbc:sqlite:" + dir.resolve("history-" + ++stores + ".db");
    }

    @Override
    Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    String trueLiteral() {
        return "1";
    }

    @Override
    long storeBytes() throws Exception {
        try (Connection c = connect(url);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return Files.size(Path.of(url.substring("jdbc:sqlite:".length())));
    }

    @Test
    void openWhenTheStoreIsNewShouldUseWalModeAndForeignKeys() throws Exception {
        try (Connection c = connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void openDefaultShouldCreateTheFileUnderDotPlimsoll() {
        try (RunHistory h = RunHistory.openDefault(dir.resolve("project"))) {
            h.save(full("x"), Map.of());
            assertThat(h.url()).endsWith("project/.plimsoll/history.db");
            assertThat(h.database()).isEqualTo("sqlite");
        }
        assertThat(dir.resolve("project/.plimsoll/history.db")).isNotEmptyFile();
    }

    @Test
    void openWhenThePathIsAPlainFileNameShouldUseSqlite() {
        try (RunHistory h = RunHistory.open(dir.resolve("plain.db").toString())) {
            assertThat(h.url()).isEqualTo("jdbc:sqlite:" + dir.resolve("plain.db"));
        }
    }

    @Test
    void openWhenTheFileIsNotADatabaseShouldFailClearly() throws IOException {
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "this is a CSV file,not,a,database\n".repeat(100), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RunHistory.open(garbage.toString()))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining(garbage.toString())
                .hasMessageContaining("is not a SQLite database");
        assertThat(Files.readString(garbage)).startsWith("this is a CSV file");
    }

    @Test
    void openWhenTheDatabaseIsCorruptInsideShouldFailClearly() throws IOException {
        history.save(full("run-1"), Map.of());
        history.close();
        Path file = Path.of(url.substring("jdbc:sqlite:".length()));
        Files.deleteIfExists(Path.of(file + "-wal"));
        Files.deleteIfExists(Path.of(file + "-shm"));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // keep the 100-byte header, overwrite the schema page and the next ones with noise
            byte[] noise = new byte[(int) Math.min(raf.length() - 100, 64 * 1024)];
            new java.util.Random(1).nextBytes(noise);
            raf.seek(100);
            raf.write(noise);
        }

        assertThatThrownBy(() -> RunHistory.open(url).get("run-1"))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining(file.toString())
                .hasMessageMatching("(?s).*(corrupt|malformed|not a database).*");
        history = RunHistory.open(newStore());
    }

    @Test
    void openWhenTheFileIsAFolderShouldFailClearly() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.db"));

        assertThatThrownBy(() -> RunHistory.open(folder.toString()))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("is a folder");
    }
}
