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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.plimsoll.align.AlignedSeries;
import dev.plimsoll.history.internal.Dialect;
import dev.plimsoll.history.internal.PointCodec;
import dev.plimsoll.history.internal.Target;
import dev.plimsoll.report.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** The SQL of the run history; one connection, callers serialise. */
final class RunStore {
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String RUN_COLUMNS = "r.id, r.name, r.started_at, r.ended_at, r.saved_at, r.tool, "
            + "r.tool_version, r.verdict, r.bottleneck, r.requests, r.failed_requests, r.iterations, "
            + "r.dropped_iterations, r.max_vus, r.data_received_bytes, r.data_sent_bytes";

    private final Target target;
    private final Connection c;

    RunStore(Target target, Connection connection) {
        this.target = target;
        this.c = connection;
    }

    // ---- save

    String save(RunRecord record, Map<String, String> labels, Instant now) {
        String given = record.id();
        boolean generated = given == null;
        for (int attempt = 0; ; attempt++) {
            String id = given == null ? newId(record.start()) : given;
            try {
                insert(id, record, labels, now);
                return id;
            } catch (SQLException e) {
                rollback();
                boolean duplicate = isConstraintViolation(e);
                if (duplicate && generated && attempt < 4) {
                    continue;
                }
                if (duplicate && !generated && exists(id)) {
                    throw new HistoryException("a run with id '" + id + "' is already stored in the run history at "
                            + target.redacted() + "; give another id, or none to have one made");
                }
                throw fail("saving run " + id, e);
            }
        }
    }

    static String newId(Instant start) {
        return ID_TIME.format(start) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    private boolean exists(String id) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw fail("reading run " + id, e);
        }
    }

    private boolean isConstraintViolation(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("23")) {
            return true;
        }
        return target.dialect() == Dialect.SQLITE
                && (e.getErrorCode() == 19 || String.valueOf(e.getMessage()).contains("SQLITE_CONSTRAINT"));
    }

    private void insert(String id, RunRecord r, Map<String, String> labels, Instant now) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO runs (id, name, started_at, ended_at, saved_at, "
                        + "tool, tool_version, verdict, bottleneck, requests, failed_requests, iterations, dropped_iterations, "
                        + "max_vus, data_received_bytes, data_sent_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            ps.setString(i++, id);
            setString(ps, i++, r.name());
            ps.setLong(i++, r.start().toEpochMilli());
            ps.setLong(i++, r.end().toEpochMilli());
            ps.setLong(i++, now.toEpochMilli());
            ps.setString(i++, r.tool());
            ps.setString(i++, r.toolVersion());
            ps.setString(i++, r.verdict().id());
            ps.setString(i++, r.bottleneck());
            Totals t = r.totals();
            ps.setLong(i++, t.requests());
            ps.setLong(i++, t.failedRequests());
            ps.setLong(i++, t.iterations());
            ps.setLong(i++, t.droppedIterations());
            ps.setLong(i++, t.maxVus());
            ps.setLong(i++, t.dataReceivedBytes());
            ps.setLong(i, t.dataSentBytes());
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO run_labels (run_id, key, value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : labels.entrySet()) {
                ps.setString(1, id);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_phases (run_id, ordinal, kind, started_at, "
                + "ended_at, requests, failed_requests, rps, p50_ms, p95_ms, p99_ms, max_vus) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (PhaseFigures p : r.phases()) {
                ps.setString(1, id);
                ps.setInt(2, ordinal++);
                ps.setString(3, p.kind());
                ps.setLong(4, p.start().toEpochMilli());
                ps.setLong(5, p.end().toEpochMilli());
                ps.setLong(6, p.requests());
                ps.setLong(7, p.failedRequests());
                setDouble(ps, 8, p.rps());
                setDouble(ps, 9, p.p50Millis());
                setDouble(ps, 10, p.p95Millis());
                setDouble(ps, 11, p.p99Millis());
                ps.setLong(12, p.maxVus());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO run_figures (run_id, figure, value, unit) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Figure, Double> e : r.figures().values().entrySet()) {
                ps.setString(1, id);
                ps.setString(2, e.getKey().id());
                ps.setDouble(3, e.getValue());
                ps.setString(4, e.getKey().unit());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement fs = c.prepareStatement("INSERT INTO findings (run_id, ordinal, kind, severity, "
                        + "started_at, ended_at, reason, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement es = c.prepareStatement("INSERT INTO finding_evidence (run_id, finding_ordinal, "
                        + "ordinal, label, series, at, value, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (StoredFinding f : r.findings()) {
                fs.setString(1, id);
                fs.setInt(2, ordinal);
                fs.setString(3, f.kind());
                fs.setString(4, f.severity());
                fs.setLong(5, f.start().toEpochMilli());
                fs.setLong(6, f.end().toEpochMilli());
                fs.setString(7, f.reason());
                setDouble(fs, 8, f.confidence());
                fs.addBatch();
                int e = 0;
                for (StoredEvidence ev : f.evidence()) {
                    es.setString(1, id);
                    es.setInt(2, ordinal);
                    es.setInt(3, e++);
                    es.setString(4, ev.label());
                    es.setString(5, ev.series());
                    if (ev.time() == null) {
                        es.setNull(6, Types.BIGINT);
                    } else {
                        es.setLong(6, ev.time().toEpochMilli());
                    }
                    setDouble(es, 7, ev.value());
                    es.setString(8, ev.unit());
                    es.addBatch();
                }
                ordinal++;
            }
            fs.executeBatch();
            es.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO gates (run_id, ordinal, expression, measured, passed) VALUES (?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (StoredGate g : r.gates()) {
                ps.setString(1, id);
                ps.setInt(2, ordinal++);
                ps.setString(3, g.expression());
                ps.setString(4, g.measured());
                ps.setBoolean(5, g.passed());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO timeline_series (run_id, ordinal, source, name, "
                + "statistic, unit, tags, started_at, step_ms, points, point_values) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (AlignedSeries s : r.timeline()) {
                ps.setString(1, id);
                ps.setInt(2, ordinal++);
                ps.setString(3, s.source());
                ps.setString(4, s.name());
                ps.setString(5, s.statistic());
                ps.setString(6, s.unit());
                ps.setString(7, tagsJson(s.tags()));
                ps.setLong(8, s.start().toEpochMilli());
                ps.setLong(9, s.step().toMillis());
                ps.setInt(10, s.size());
                ps.setString(11, PointCodec.encode(s.values()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private void rollback() {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is gone: the next call reports it
        }
    }

    // ---- read

    Optional<StoredRun> find(String id, boolean timeline) {
        try {
            RunRecord.Builder b;
            Instant savedAt;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs r WHERE r.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    RunInfo info = runInfo(rs, Map.of(), KeyFigures.none());
                    savedAt = info.savedAt();
                    b = RunRecord.builder(info.start(), info.end())
                            .id(info.id())
                            .name(info.name())
                            .tool(info.tool(), info.toolVersion())
                            .verdict(info.verdict())
                            .bottleneck(info.bottleneck())
                            .totals(new Totals(
                                    rs.getLong("requests"),
                                    rs.getLong("failed_requests"),
                                    rs.getLong("iterations"),
                                    rs.getLong("dropped_iterations"),
                                    rs.getInt("max_vus"),
                                    rs.getLong("data_received_bytes"),
                                    rs.getLong("data_sent_bytes")));
                }
            }
            Map<String, String> labels = labels(id);
            b.figures(figures(id));
            b.phases(phases(id));
            b.findings(findings(id));
            b.gates(gates(id));
            if (timeline) {
                b.timeline(series(id));
            }
            return Optional.of(new StoredRun(id, savedAt, labels, b.build()));
        } catch (SQLException e) {
            throw fail("reading run " + id, e);
        }
    }

    private Map<String, String> labels(String id) throws SQLException {
        Map<String, String> labels = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM run_labels WHERE run_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return labels;
    }

    private KeyFigures figures(String id) throws SQLException {
        Map<String, KeyFigures.Builder> one = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT run_id, figure, value, unit FROM run_figures WHERE run_id = ?")) {
            ps.setString(1, id);
            readFigures(ps, one);
        }
        KeyFigures.Builder b = one.get(id);
        return b == null ? KeyFigures.none() : b.build();
    }

    private static void readFigures(PreparedStatement ps, Map<String, KeyFigures.Builder> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.computeIfAbsent(rs.getString(1), k -> KeyFigures.builder())
                        .put(Figure.of(rs.getString(2), rs.getString(4)), rs.getDouble(3));
            }
        }
    }

    private List<PhaseFigures> phases(String id) throws SQLException {
        List<PhaseFigures> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, started_at, ended_at, requests, failed_requests, "
                + "rps, p50_ms, p95_ms, p99_ms, max_vus FROM run_phases WHERE run_id = ? ORDER BY ordinal")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PhaseFigures(
                            rs.getString(1),
                            Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getLong(4),
                            rs.getLong(5),
                            getDouble(rs, 6),
                            getDouble(rs, 7),
                            getDouble(rs, 8),
                            getDouble(rs, 9),
                            rs.getInt(10)));
                }
            }
        }
        return out;
    }

    private List<StoredFinding> findings(String id) throws SQLException {
        Map<Integer, List<StoredEvidence>> evidence = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT finding_ordinal, label, series, at, value, unit "
                + "FROM finding_evidence WHERE run_id = ? ORDER BY finding_ordinal, ordinal")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long at = rs.getLong(4);
                    Instant time = rs.wasNull() ? null : Instant.ofEpochMilli(at);
                    evidence.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new StoredEvidence(
                                    rs.getString(2), rs.getString(3), time, getDouble(rs, 5), rs.getString(6)));
                }
            }
        }
        List<StoredFinding> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ordinal, kind, severity, started_at, ended_at, reason, "
                + "confidence FROM findings WHERE run_id = ? ORDER BY ordinal")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredFinding(
                            rs.getString(2),
                            rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)),
                            Instant.ofEpochMilli(rs.getLong(5)),
                            rs.getString(6),
                            getDouble(rs, 7),
                            evidence.getOrDefault(rs.getInt(1), List.of())));
                }
            }
        }
        return out;
    }

    private List<StoredGate> gates(String id) throws SQLException {
        List<StoredGate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT expression, measured, passed FROM gates WHERE run_id = ? ORDER BY ordinal")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredGate(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        return out;
    }

    private List<AlignedSeries> series(String id) throws SQLException {
        List<AlignedSeries> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT source, name, statistic, unit, tags, started_at, step_ms, "
                        + "point_values FROM timeline_series WHERE run_id = ? ORDER BY ordinal")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(AlignedSeries.of(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            tags(rs.getString(5)),
                            Instant.ofEpochMilli(rs.getLong(6)),
                            Duration.ofMillis(rs.getLong(7)),
                            PointCodec.decode(rs.getString(8))));
                }
            }
        }
        return out;
    }

    // ---- list, trend

    private record Where(String sql, List<Object> args) {}

    private static Where where(RunFilter f) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        for (Map.Entry<String, String> e : f.labels().entrySet()) {
            sql.append(" AND EXISTS (SELECT 1 FROM run_labels l WHERE l.run_id = r.id AND l.key = ? AND l.value = ?)");
            args.add(e.getKey());
            args.add(e.getValue());
        }
        if (f.name() != null) {
            sql.append(" AND r.name = ?");
            args.add(f.name());
        }
        if (f.tool() != null) {
            sql.append(" AND r.tool = ?");
            args.add(f.tool());
        }
        if (f.verdict() != null) {
            sql.append(" AND r.verdict = ?");
            args.add(f.verdict().id());
        }
        if (f.since() != null) {
            sql.append(" AND r.started_at >= ?");
            args.add(f.since().toEpochMilli());
        }
        if (f.until() != null) {
            sql.append(" AND r.started_at < ?");
            args.add(f.until().toEpochMilli());
        }
        return new Where(sql.toString(), args);
    }

    private static int bind(PreparedStatement ps, List<Object> args, int from) throws SQLException {
        int i = from;
        for (Object a : args) {
            if (a instanceof Long l) {
                ps.setLong(i++, l);
            } else {
                ps.setString(i++, (String) a);
            }
        }
        return i;
    }

    List<RunInfo> list(RunFilter filter, int limit) {
        Where w = where(filter);
        String chosen = "SELECT r.id FROM runs r" + w.sql() + " ORDER BY r.started_at DESC, r.id DESC LIMIT ?";
        try {
            Map<String, Map<String, String>> labels = new HashMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT run_id, key, value FROM run_labels WHERE run_id IN (" + chosen + ")")) {
                ps.setInt(bind(ps, w.args(), 1), limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        labels.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                                .put(rs.getString(2), rs.getString(3));
                    }
                }
            }
            Map<String, KeyFigures.Builder> figures = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT run_id, figure, value, unit FROM run_figures WHERE run_id IN (" + chosen + ")")) {
                ps.setInt(bind(ps, w.args(), 1), limit);
                readFigures(ps, figures);
            }
            List<RunInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs r" + w.sql()
                    + " ORDER BY r.started_at DESC, r.id DESC LIMIT ?")) {
                ps.setInt(bind(ps, w.args(), 1), limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        KeyFigures.Builder fb = figures.get(id);
                        out.add(runInfo(
                                rs, labels.getOrDefault(id, Map.of()), fb == null ? KeyFigures.none() : fb.build()));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("listing runs", e);
        }
    }

    int count(RunFilter filter) {
        Where w = where(filter);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM runs r" + w.sql())) {
            bind(ps, w.args(), 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw fail("counting runs", e);
        }
    }

    private static RunInfo runInfo(ResultSet rs, Map<String, String> labels, KeyFigures figures) throws SQLException {
        return new RunInfo(
                rs.getString(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(6),
                rs.getString(7),
                Verdict.of(rs.getString(8)),
                rs.getString(9),
                Instant.ofEpochMilli(rs.getLong(5)),
                labels,
                figures);
    }

    List<Trend.Point> trend(String figureId, RunFilter filter) {
        Where w = where(filter);
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.started_at, r.verdict, f.value FROM runs r "
                + "JOIN run_figures f ON f.run_id = r.id AND f.figure = ?" + w.sql()
                + " ORDER BY r.started_at, r.id")) {
            ps.setString(1, figureId);
            bind(ps, w.args(), 2);
            List<Trend.Point> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Trend.Point(
                            rs.getString(1),
                            Instant.ofEpochMilli(rs.getLong(2)),
                            Verdict.of(rs.getString(3)),
                            rs.getDouble(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("reading the trend of " + figureId, e);
        }
    }

    Optional<String> figureUnit(String figureId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT unit FROM run_figures WHERE figure = ? LIMIT 1")) {
            ps.setString(1, figureId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("reading figure " + figureId, e);
        }
    }

    List<String> figureIds() {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT figure FROM run_figures ORDER BY figure");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw fail("reading figures", e);
        }
    }

    /** Ids of the runs matching {@code filter} with a finding of {@code kind} whose evidence names {@code figureId}. */
    Set<String> runsWithFinding(String kind, String figureId, RunFilter filter) {
        Where w = where(filter);
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT r.id FROM runs r JOIN findings f ON f.run_id ="
                + " r.id AND f.kind = ? JOIN finding_evidence e ON e.run_id = f.run_id AND e.finding_ordinal ="
                + " f.ordinal AND e.series = ?" + w.sql())) {
            ps.setString(1, kind);
            ps.setString(2, figureId);
            bind(ps, w.args(), 3);
            Set<String> out = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("reading the " + kind + " findings of " + figureId, e);
        }
    }

    /** What the store holds, for messages: run count, labels with their values, the last runs. */
    String describe() {
        try {
            int runs = count(RunFilter.all());
            if (runs == 0) {
                return "the store holds no runs yet";
            }
            Map<String, Map<String, Integer>> labels = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value, count(*) FROM run_labels "
                            + "GROUP BY key, value ORDER BY key, count(*) DESC, value");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getInt(3));
                }
            }
            StringBuilder sb =
                    new StringBuilder("the store holds ").append(runs).append(runs == 1 ? " run" : " runs");
            sb.append(labels.isEmpty() ? "; no labels" : "; labels: " + RunHistory.describeLabels(labels));
            sb.append("; last runs: ");
            List<String> last = new ArrayList<>();
            for (RunInfo info : list(RunFilter.all(), 5)) {
                last.add(info.id() + " (" + info.start() + ", " + info.verdict().id()
                        + (info.labels().isEmpty() ? "" : ", " + info.labels()) + ")");
            }
            return sb.append(String.join(", ", last)).toString();
        } catch (SQLException e) {
            return "(what the store holds could not be read: " + e.getMessage() + ")";
        }
    }

    // ---- prune, schema

    int prune(Retention retention, Instant now) {
        try {
            c.setAutoCommit(false);
            int removed;
            if (retention.keepLast() != null) {
                try (PreparedStatement ps =
                        c.prepareStatement("DELETE FROM runs WHERE id NOT IN (SELECT r.id FROM runs r "
                                + "ORDER BY r.started_at DESC, r.id DESC LIMIT ?)")) {
                    ps.setInt(1, retention.keepLast());
                    removed = ps.executeUpdate();
                }
            } else {
                Duration age = java.util.Objects.requireNonNull(retention.maxAge());
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM runs WHERE started_at < ?")) {
                    ps.setLong(1, now.minus(age).toEpochMilli());
                    removed = ps.executeUpdate();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            return removed;
        } catch (SQLException e) {
            rollback();
            throw fail("pruning runs", e);
        }
    }

    int schemaVersion() {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM flyway_schema_history WHERE success = ? AND version IS NOT NULL"); ) {
            ps.setBoolean(1, true);
            int max = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    max = Math.max(max, Integer.parseInt(rs.getString(1)));
                }
            }
            return max;
        } catch (SQLException e) {
            throw fail("reading the schema version", e);
        }
    }

    // ---- helpers

    private HistoryException fail(String what, SQLException e) {
        return new HistoryException(
                what + " failed in the run history at " + target.redacted() + ": " + e.getMessage(), e);
    }

    private static void setString(PreparedStatement ps, int i, @Nullable String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static double getDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    static String tagsJson(Map<String, String> tags) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : tags.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static Map<String, String> tags(String json) {
        Map<String, String> out = new TreeMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("tags must be a JSON object, but were " + json);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                out.put(k, p.getText());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("tags are not JSON: " + json, e);
        }
        return out;
    }
}
