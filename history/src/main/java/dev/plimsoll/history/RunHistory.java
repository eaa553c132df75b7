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

import dev.plimsoll.history.internal.Dialect;
import dev.plimsoll.history.internal.EDivisive;
import dev.plimsoll.history.internal.Target;
import dev.plimsoll.report.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The run history: analysed runs stored over JDBC, in a SQLite file (the default, {@value #DEFAULT_FILE} under the
 * working directory; no server) or a PostgreSQL database (for teams and Grafana). Opening a store creates or
 * migrates its schema (versioned migrations, Flyway); a store made by a newer Plimsoll is refused.
 *
 * <pre>{@code
 * try (RunHistory history = RunHistory.open("jdbc:postgresql://db.internal/perf")) {   // PGUSER, PGPASSWORD
 *     Baseline baseline = history.baseline("last-passing");
 *     Comparison comparison = history.compare(record, baseline);
 *     comparison.regressions().forEach(r -> System.out.println(r.reason()));
 *     history.save(record, RunLabels.withGitHubActions(Map.of(), System::getenv));
 * }
 * }</pre>
 *
 * <p>An instance holds one connection and is safe to use from several threads (calls are serialised). Several
 * processes may write to the same store at once: PostgreSQL by its transactions, SQLite in WAL mode with
 * {@code BEGIN IMMEDIATE} transactions and a busy timeout (default 30 s). Times are stored at millisecond
 * precision.
 *
 * @since 0.1
 */
public final class RunHistory implements AutoCloseable {
    /** Where the embedded store lives by default, relative to the working directory. */
    public static final String DEFAULT_FILE = ".plimsoll/history.db";

    /** The schema version this code creates and reads. */
    public static final int SCHEMA_VERSION = 2;

    private static final System.Logger LOG = System.getLogger(RunHistory.class.getName());
    /**
     * Flyway logs each migration step at INFO through java.util.logging when no SLF4J binding is present: a CLI run
     * would print them. Held strongly (JUL keeps loggers weakly) and lowered to WARNING only when nobody set a level.
     */
    private static final java.util.logging.Logger FLYWAY_JUL = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        if (FLYWAY_JUL.getLevel() == null) {
            FLYWAY_JUL.setLevel(java.util.logging.Level.WARNING);
        }
    }

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Target target;
    private final Connection connection;
    private final Clock clock;
    private final RunStore store;

    private RunHistory(Target target, Connection connection, Clock clock) {
        this.target = target;
        this.connection = connection;
        this.clock = clock;
        this.store = new RunStore(target, connection);
    }

    /**
     * Opens (creating or migrating) the store at {@code url}: {@code jdbc:sqlite:PATH}, a plain file path (SQLite),
     * or {@code jdbc:postgresql://HOST[:PORT]/DB[?user=…&password=…]} (also {@code postgresql://user:pw@host/db});
     * user and password default to {@code PGUSER} and {@code PGPASSWORD}.
     *
     * @param url where the store is; a SQLite file's folder is created if missing
     * @return the open history; close it to release its connection
     * @throws HistoryException when the store cannot be reached, is not a SQLite database, or has a newer schema
     * @throws IllegalArgumentException for a URL of another database
     */
    public static RunHistory open(String url) {
        return builder(url).open();
    }

    /**
     * Opens {@value #DEFAULT_FILE} under {@code workingDirectory}, creating the folder.
     *
     * @param workingDirectory usually the project's root
     * @return the open history
     * @throws HistoryException as {@link #open(String)}
     */
    public static RunHistory openDefault(Path workingDirectory) {
        return open(workingDirectory.resolve(DEFAULT_FILE).toString());
    }

    /**
     * A builder for a store at {@code url} (see {@link #open(String)}) with other collaborators.
     *
     * @param url where the store is; checked when the store is opened
     * @return a builder with the defaults: environment {@code System::getenv}, UTC clock, 30 s busy timeout
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /**
     * The store's URL, safe to print.
     *
     * @return the URL with any password replaced by {@code ***}
     */
    public String url() {
        return target.redacted();
    }

    /**
     * A store URL made safe to print.
     *
     * @param url any text, typically a store URL
     * @return {@code url} with any password (a {@code password=} parameter or {@code user:password@}) replaced by
     *     {@code ***}
     */
    public static String redact(String url) {
        return Target.redact(url);
    }

    /**
     * Checks a store URL without opening it (see {@link #open(String)} for the forms).
     *
     * @param url a store URL
     * @throws IllegalArgumentException for a blank URL or a URL of another database, naming it without its password
     */
    public static void checkUrl(String url) {
        Target.parse(url);
    }

    /**
     * Checks a baseline selector's syntax without a store (see {@link #baseline(String)}).
     *
     * @param selector e.g. {@code last-passing,branch=main,n=3}
     * @throws IllegalArgumentException naming the selector and the rule
     */
    public static void checkSelector(String selector) {
        Selector.parse(selector);
    }

    /**
     * A new run id from the run's start: {@code yyyyMMdd-HHmmss-xxxx} (UTC, four random hex digits), the form
     * {@link #save} makes when a record has none. Give it to a record before saving to name the run in its own
     * comparison.
     *
     * @param start the run's start
     * @return e.g. {@code 20261126-050000-3fa9}
     */
    public static String newRunId(Instant start) {
        return RunStore.newId(start);
    }

    /**
     * The kind of database the store is.
     *
     * @return {@code sqlite} or {@code postgresql}
     */
    public String database() {
        return target.dialect().id();
    }

    /**
     * Saves a run with its labels in one transaction.
     *
     * @param record the run; its id is used when set, otherwise one is made from its start time
     *     ({@code yyyyMMdd-HHmmss-xxxx}, UTC, four random hex digits)
     * @param labels its labels (see {@link RunLabels})
     * @return the run's id
     * @throws HistoryException when a run with that id is already stored, or the write fails
     */
    public synchronized String save(RunRecord record, Map<String, String> labels) {
        Map<String, String> checked = RunLabels.check(labels);
        return store.save(record, checked, clock.instant());
    }

    /**
     * A stored run, with its timeline.
     *
     * @param id the run's id
     * @return the run
     * @throws HistoryException when there is no run with that id (the message lists the last runs)
     */
    public synchronized StoredRun get(String id) {
        return store.find(id, true)
                .orElseThrow(() -> new HistoryException(
                        "no run '" + id + "' in the run history at " + url() + "; " + store.describe()));
    }

    /**
     * A stored run, if there is one with that id.
     *
     * @param id the run's id
     * @return the run with its timeline, or empty
     */
    public synchronized Optional<StoredRun> find(String id) {
        return store.find(id, true);
    }

    /**
     * The runs that match {@code filter}, newest first (by start time).
     *
     * @param filter which runs
     * @param limit at most this many (≥ 1)
     * @return the runs' summaries, without timelines
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    public synchronized List<RunInfo> list(RunFilter filter, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        return store.list(filter, limit);
    }

    /**
     * How many runs match {@code filter}.
     *
     * @param filter which runs
     * @return zero or more
     */
    public synchronized int count(RunFilter filter) {
        return store.count(filter);
    }

    /**
     * The baseline a selector chooses:
     *
     * <ul>
     *   <li>{@code last}: the newest run;
     *   <li>{@code last-passing}: the newest run whose verdict was pass;
     *   <li>{@code label:k=v[,k2=v2][,n=5]}: the newest {@code n} (default 1) runs carrying every label;
     *   <li>anything else: the run with that id.
     * </ul>
     *
     * {@code last} and {@code last-passing} take {@code ,n=N} and labels too: {@code last-passing,branch=main,n=3}.
     * Runs are loaded with their timelines.
     *
     * @param selector one of the forms above
     * @return the chosen runs, newest first
     * @throws HistoryException when nothing matches: the message says which labels and runs the store holds
     * @throws IllegalArgumentException for a malformed selector
     */
    public synchronized Baseline baseline(String selector) {
        Selector s = Selector.parse(selector);
        List<StoredRun> runs = new ArrayList<>();
        String runId = s.runId();
        if (runId != null) {
            store.find(runId, true).ifPresent(runs::add);
        } else {
            for (RunInfo info : store.list(s.filter(), s.count())) {
                store.find(info.id(), true).ifPresent(runs::add);
            }
        }
        if (runs.isEmpty()) {
            throw new HistoryException(
                    "no baseline matches '" + selector + "' in the run history at " + url() + "; " + store.describe());
        }
        return new Baseline(selector, runs);
    }

    /**
     * {@link #compare(RunRecord, Baseline, ComparisonConfig)} with {@link ComparisonConfig#defaults()}.
     *
     * @param current the run to judge
     * @param baseline the runs to judge it against
     * @return one comparison per key figure
     */
    public Comparison compare(RunRecord current, Baseline baseline) {
        return compare(current, baseline, ComparisonConfig.defaults());
    }

    /**
     * Compares a run with its baseline, figure by figure: client latency as distributions (Mann–Whitney U and the
     * ratio of means), other figures against the baselines' spread or the tolerance (see {@link ComparisonConfig}).
     * Figures with {@link Direction#NONE} are not compared. A run compared with itself finds nothing.
     *
     * @param current the run to judge
     * @param baseline the runs to judge it against
     * @param config tolerances and significance
     * @return one comparison per key figure
     */
    public Comparison compare(RunRecord current, Baseline baseline, ComparisonConfig config) {
        return Comparisons.compare(current.id(), current, baseline.runs(), config);
    }

    /**
     * Compares a stored run with the baseline a selector chooses ({@code plimsoll compare A B}).
     *
     * @param runId the stored run to judge
     * @param baselineSelector see {@link #baseline(String)}
     * @param config tolerances and significance
     * @return one comparison per key figure
     * @throws HistoryException when the run or the baseline does not exist
     */
    public Comparison compare(String runId, String baselineSelector, ComparisonConfig config) {
        StoredRun current = get(runId);
        Baseline baseline = baseline(baselineSelector);
        return Comparisons.compare(runId, current.record(), baseline.runs(), config);
    }

    /**
     * {@link #trend(String, RunFilter, ChangePointConfig)} with {@link ChangePointConfig#defaults()}.
     *
     * @param figureId e.g. {@code client_p95}
     * @param filter which runs
     * @return the figure per run, oldest first, with its change points
     * @throws HistoryException when the figure is unknown
     */
    public Trend trend(String figureId, RunFilter filter) {
        return trend(figureId, filter, ChangePointConfig.defaults());
    }

    /**
     * A figure over the runs that match {@code filter}, oldest first, with its change points.
     *
     * @param figureId e.g. {@code client_p95}
     * @param filter which runs
     * @param config the change-point detection's knobs
     * @return the figure per run, oldest first, with its change points; no points when no run matches
     * @throws HistoryException when no stored run has the figure and it is not one of {@link Figure#known()}
     */
    public synchronized Trend trend(String figureId, RunFilter filter, ChangePointConfig config) {
        List<Trend.Point> points = store.trend(figureId, filter);
        Figure figure = Figure.byId(figureId)
                .or(() -> store.figureUnit(figureId).map(unit -> Figure.of(figureId, unit)))
                .orElseThrow(() -> new HistoryException("no run in the run history at " + url() + " has figure '"
                        + figureId + "'; figures stored: " + store.figureIds()));
        double[] values = points.stream().mapToDouble(Trend.Point::value).toArray();
        List<Trend.ChangePoint> changes = new ArrayList<>();
        for (EDivisive.ChangePoint cp : EDivisive.changePoints(
                values, config.windowLength(), config.maxPValue(), config.minMagnitude(), config.minRunsPerSide())) {
            Trend.Point at = points.get(cp.index());
            double rel = cp.meanBefore() == 0 ? Double.NaN : cp.meanAfter() / cp.meanBefore() - 1;
            Outcome direction = switch (figure.direction()) {
                case HIGHER_IS_WORSE -> cp.meanAfter() > cp.meanBefore() ? Outcome.REGRESSION : Outcome.IMPROVEMENT;
                case LOWER_IS_WORSE -> cp.meanAfter() < cp.meanBefore() ? Outcome.REGRESSION : Outcome.IMPROVEMENT;
                case EITHER, NONE -> Outcome.CHANGE;
            };
            changes.add(new Trend.ChangePoint(
                    cp.index(), at.runId(), at.start(), cp.meanBefore(), cp.meanAfter(), rel, cp.pValue(), direction));
        }
        return new Trend(figure, points, changes, config);
    }

    /**
     * Writes a run's merged timeline as tidy rows: {@code time, source, series, statistic, unit, value}, one per
     * point, series in stored order, gaps left out.
     *
     * @param runId the stored run
     * @param format CSV, or a JSON array of rows
     * @param out receives the rows; not closed
     * @throws HistoryException when there is no run with that id
     * @throws UncheckedIOException when {@code out} fails
     */
    public void export(String runId, ExportFormat format, Writer out) {
        StoredRun run = get(runId);
        try {
            TidyExport.write(run.record().timeline(), format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #export(String, ExportFormat, Writer)} into a string.
     *
     * @param runId the stored run
     * @param format the format
     * @return the rows
     * @throws HistoryException when there is no run with that id
     */
    public String export(String runId, ExportFormat format) {
        StringWriter w = new StringWriter();
        export(runId, format, w);
        return w.toString();
    }

    /**
     * Removes runs (with everything stored for them) that the retention does not keep.
     *
     * @param retention which runs to keep
     * @return how many runs were removed
     */
    public synchronized int prune(Retention retention) {
        return store.prune(retention, clock.instant());
    }

    /**
     * The ids of the figures stored for any run.
     *
     * @return sorted; empty for an empty store
     */
    public synchronized List<String> figureIds() {
        return store.figureIds();
    }

    /**
     * The runs that match {@code filter} and have a stored finding of {@code kind} (e.g. {@code regression}) about a
     * figure (a finding whose evidence names the figure as its series, as regression and improvement findings do).
     *
     * @param kind a {@link dev.plimsoll.finding.FindingKind#id()}
     * @param figureId e.g. {@code client_p95}
     * @param filter which runs
     * @return the ids of those runs
     */
    public synchronized Set<String> runsWithFinding(String kind, String figureId, RunFilter filter) {
        return store.runsWithFinding(kind, figureId, filter);
    }

    /**
     * The schema version of the open store.
     *
     * @return {@value #SCHEMA_VERSION} once opened by this version
     */
    public synchronized int schemaVersion() {
        return store.schemaVersion();
    }

    /** Closes the connection. */
    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the run history at " + url() + " failed", e);
        }
    }

    /**
     * Opens a store with collaborators other than the defaults.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final String url;
        private Function<String, @Nullable String> environment = System::getenv;
        private Clock clock = Clock.systemUTC();
        private Duration busyTimeout = Duration.ofSeconds(30);
        private @Nullable String schemaTarget;

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /**
         * Where {@code PGUSER} and {@code PGPASSWORD} are read from; default {@code System::getenv}.
         *
         * @param value returns an environment variable's value, or null when unset
         * @return this builder
         */
        public Builder environment(Function<String, @Nullable String> value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /**
         * The clock of {@code saved_at} and of {@link Retention#olderThan}; default UTC system clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * How long a SQLite writer waits for another one; default 30 s.
         *
         * @param value the wait, capped at {@code Integer.MAX_VALUE} ms; ignored for PostgreSQL
         * @return this builder
         */
        public Builder busyTimeout(Duration value) {
            this.busyTimeout = Objects.requireNonNull(value, "busyTimeout");
            return this;
        }

        // VisibleForTesting: migrate only up to this version (to make a fixture of an older schema)
        Builder schemaTarget(String version) {
            this.schemaTarget = version;
            return this;
        }

        /**
         * Opens the store.
         *
         * @return the open history
         * @throws HistoryException when it cannot be reached, is not a SQLite database, or has a newer schema
         * @throws IllegalArgumentException for a URL of another database
         */
        public RunHistory open() {
            Target target = Target.parse(url);
            DataSource ds = target.dialect() == Dialect.SQLITE ? sqlite(target) : postgresql(target);
            Connection c;
            long deadline = System.nanoTime() + busyTimeout.toNanos();
            while (true) {
                Connection opened = null;
                try {
                    opened = ds.getConnection();
                    if (target.dialect() == Dialect.SQLITE) {
                        // reads the schema: a file damaged inside fails here, not in the middle of a save
                        try (var s = opened.createStatement()) {
                            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
                        }
                    }
                    c = opened;
                    break;
                } catch (SQLException e) {
                    closeQuietly(opened);
                    // the connection's own pragmas (journal_mode=WAL) do not wait on the busy timeout while another
                    // process creates the same file: wait for it here, within the same timeout
                    boolean busy = target.dialect() == Dialect.SQLITE
                            && String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
                    if (!busy || System.nanoTime() > deadline) {
                        throw unreachable(target, e);
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw unreachable(target, e);
                    }
                }
            }
            try {
                migrate(target, ds);
            } catch (RuntimeException e) {
                closeQuietly(c);
                throw e;
            }
            return new RunHistory(target, c, clock);
        }

        private DataSource sqlite(Target target) {
            Path file = Objects.requireNonNull(target.file());
            checkSqliteFile(target, file);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
            config.enforceForeignKeys(true);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl(target.jdbcUrl());
            return ds;
        }

        private static void checkSqliteFile(Target target, Path file) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                if (Files.isDirectory(file)) {
                    throw new HistoryException(
                            "the run history at " + target.redacted() + " is a folder, not a SQLite file");
                }
                if (Files.exists(file) && Files.size(file) > 0) {
                    byte[] head = new byte[SQLITE_MAGIC.length];
                    int n;
                    try (InputStream in = Files.newInputStream(file)) {
                        n = in.readNBytes(head, 0, head.length);
                    }
                    if (n < head.length || !java.util.Arrays.equals(head, SQLITE_MAGIC)) {
                        throw new HistoryException("the run history at " + target.redacted()
                                + " is not a SQLite database (its header is not 'SQLite format 3'): the file is "
                                + "corrupt or something else; move it away to start a new history");
                    }
                }
            } catch (IOException e) {
                throw new HistoryException(
                        "cannot open the run history at " + target.redacted() + ": " + e.getMessage(), e);
            }
        }

        private DataSource postgresql(Target target) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(target.jdbcUrl());
            if (!target.hasUser()) {
                String user = environment.apply("PGUSER");
                if (user != null && !user.isBlank()) {
                    ds.setUser(user);
                }
            }
            if (!target.hasPassword()) {
                String password = environment.apply("PGPASSWORD");
                if (password != null) {
                    ds.setPassword(password);
                }
            }
            if (!target.jdbcUrl().contains("connectTimeout=")) {
                ds.setConnectTimeout(10);
            }
            ds.setApplicationName("plimsoll");
            return ds;
        }

        private void migrate(Target target, DataSource ds) {
            try {
                var configuration = Flyway.configure(getClass().getClassLoader())
                        .dataSource(ds)
                        .locations(target.dialect().migrations())
                        .table("flyway_schema_history")
                        .loggers("auto");
                if (schemaTarget != null) {
                    configuration.target(schemaTarget);
                }
                Flyway flyway = configuration.load();
                MigrationInfo current = flyway.info().current();
                if (current != null
                        && current.getVersion() != null
                        && current.getVersion().isNewerThan(Integer.toString(SCHEMA_VERSION))) {
                    throw new HistoryException("the run history at " + target.redacted() + " has schema version "
                            + current.getVersion() + ", newer than version " + SCHEMA_VERSION
                            + " that this Plimsoll reads: upgrade Plimsoll, or open another store");
                }
                flyway.migrate();
            } catch (FlywayException e) {
                Throwable root = rootCause(e);
                if (root instanceof SQLException sql) {
                    throw unreachable(target, sql);
                }
                throw new HistoryException(
                        "cannot migrate the run history at " + target.redacted() + ": " + firstLine(e.getMessage()), e);
            }
        }

        private static HistoryException unreachable(Target target, SQLException e) {
            String message = firstLine(e.getMessage());
            if (target.dialect() == Dialect.SQLITE
                    && (e.getErrorCode() == 26 || e.getErrorCode() == 11 || message.contains("not a database"))) {
                return new HistoryException(
                        "the run history at " + target.redacted()
                                + " is not a SQLite database or is corrupt (" + message
                                + "); move it away to start a new "
                                + "history",
                        e);
            }
            return new HistoryException("cannot open the run history at " + target.redacted() + ": " + message, e);
        }

        private static void closeQuietly(@Nullable Connection c) {
            if (c == null) {
                return;
            }
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a connection failed", e);
            }
        }

        private static Throwable rootCause(Throwable t) {
            Throwable c = t;
            while (c.getCause() != null && c.getCause() != c) {
                c = c.getCause();
            }
            return c;
        }

        private static String firstLine(@Nullable String s) {
            if (s == null) {
                return "no message";
            }
            int nl = s.indexOf('\n');
            return (nl < 0 ? s : s.substring(0, nl)).strip();
        }
    }

    /** A parsed baseline selector. */
    record Selector(@Nullable String runId, RunFilter filter, int count) {
        static Selector parse(String selector) {
            String s = selector.strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException(
                        "a baseline selector must be last, last-passing, a run id or label:k=v[,n=N], but was empty");
            }
            String head = s;
            String options = "";
            int comma = s.indexOf(',');
            if (s.startsWith("label:")) {
                head = "label";
                options = s.substring("label:".length());
            } else if (comma >= 0 && (s.startsWith("last,") || s.startsWith("last-passing,"))) {
                head = s.substring(0, comma);
                options = s.substring(comma + 1);
            }
            Map<String, String> labels = new TreeMap<>();
            int n = 1;
            if (!options.isEmpty()) {
                for (String part : options.split(",", -1)) {
                    int eq = part.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("a baseline selector takes k=v pairs after 'label:', but '"
                                + part + "' in '" + s + "' is not one");
                    }
                    String k = part.substring(0, eq).strip();
                    String v = part.substring(eq + 1).strip();
                    if (k.equals("n")) {
                        try {
                            n = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            n = 0;
                        }
                        if (n < 1) {
                            throw new IllegalArgumentException(
                                    "n in a baseline selector must be a whole number ≥ 1, but was '" + v + "'");
                        }
                    } else {
                        labels.put(k, v);
                    }
                }
            }
            return switch (head) {
                case "last" -> new Selector(null, RunFilter.labels(labels), n);
                case "last-passing" ->
                    new Selector(null, RunFilter.labels(labels).withVerdict(Verdict.PASS), n);
                case "label" -> {
                    if (labels.isEmpty()) {
                        throw new IllegalArgumentException(
                                "a label selector needs at least one k=v, e.g. label:branch=main, but was '" + s + "'");
                    }
                    yield new Selector(null, RunFilter.labels(labels), n);
                }
                default -> new Selector(RunRecord.checkId(s), RunFilter.all(), 1);
            };
        }
    }

    static String describeLabels(Map<String, Map<String, Integer>> labels) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Map<String, Integer>> e : labels.entrySet()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.getKey()).append(" = ");
            Map<String, Integer> values = e.getValue();
            if (values.size() > 6) {
                sb.append(values.size()).append(" values");
            } else {
                List<String> parts = new ArrayList<>();
                values.forEach((v, c) -> parts.add(v + " (" + c + ")"));
                sb.append(String.join(", ", parts));
            }
        }
        return sb.toString();
    }
}
