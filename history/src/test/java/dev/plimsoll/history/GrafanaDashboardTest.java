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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.align.AlignedSeries;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every SQL query of the Grafana dashboard, run against a real PostgreSQL holding real runs, returns rows of the
 * shape its panel needs. Grafana cannot run here, so its macros are expanded as its PostgreSQL data source documents
 * them: {@code $__timeFilter(x)} → {@code x BETWEEN '…' AND '…'}; template variables are replaced by a value.
 */
@ExtendWith(TestPostgres.Extension.class)
class GrafanaDashboardTest {
    private static final String DASHBOARD = "/dev/plimsoll/history/grafana/plimsoll-history.json";
    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(((?:[^()]|\\([^()]*\\))*)\\)");
    private static final Pattern ANY_VARIABLE = Pattern.compile("\\$\\{?[A-Za-z_][A-Za-z0-9_]*");

    private static String url;
    private static JsonNode dashboard;

    @BeforeAll
    static void store(TestPostgres postgres) throws Exception {
        url = postgres.newDatabase();
        try (RunHistory h = RunHistory.open(url)) {
            h.save(Scenarios.record(Scenarios.S5).withId("s5"), Map.of("branch", "main"));
            h.save(Scenarios.record(Scenarios.S1).withId("s1"), Map.of("branch", "feature-x"));
            RunRecord withFindings = RunHistoryContract.full("full");
            h.save(withFindings, Map.of("branch", "main"));
        }
        try (InputStream in = Objects.requireNonNull(GrafanaDashboardTest.class.getResourceAsStream(DASHBOARD))) {
            dashboard = new ObjectMapper().readTree(in);
        }
    }

    /** Grafana's expansion, with the whole of 2000–2100 as the dashboard's range. */
    static String expand(String sql, Map<String, String> variables) {
        Matcher m = TIME_FILTER.matcher(sql);
        String s = m.replaceAll(r ->
                Matcher.quoteReplacement(r.group(1) + " BETWEEN '2000-01-01T00:00:00Z' AND '2100-01-01T00:00:00Z'"));
        for (Map.Entry<String, String> v : variables.entrySet()) {
            s = s.replace("$" + v.getKey(), v.getValue());
        }
        assertThat(ANY_VARIABLE.matcher(s).find())
                .as("unexpanded macro or variable in %s", s)
                .isFalse();
        return s;
    }

    record Result(List<String> columns, List<Integer> types, List<List<Object>> rows) {}

    static Result run(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i));
                types.add(md.getColumnType(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return new Result(columns, types, rows);
        }
    }

    private static Map<String, String> variables(String run) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("figure", "client_p95");
        v.put("label_key", "branch");
        v.put("run", run);
        return v;
    }

    @Test
    void templateVariablesShouldListFiguresLabelsAndRunsNewestFirst() throws Exception {
        Map<String, Result> results = new LinkedHashMap<>();
        for (JsonNode v : dashboard.get("templating").get("list")) {
            results.put(v.get("name").asText(), run(expand(v.get("query").asText(), Map.of())));
        }

        assertThat(results.get("figure").rows()).extracting(r -> r.get(0)).contains("client_p95", "scaling_lag");
        assertThat(results.get("label_key").rows()).extracting(r -> r.get(0)).containsExactly("branch");
        Result runs = results.get("run");
        assertThat(runs.columns()).containsExactly("__value", "__text");
        assertThat(runs.rows()).extracting(r -> r.get(0)).containsExactly("s5", "s1", "full");
        assertThat((String) runs.rows().get(0).get(1)).isEqualTo("s5 (pass, 2026-11-26 05:23)");
    }

    @Test
    void everyPanelQueryShouldReturnRowsOfItsPanelsShape() throws Exception {
        int queries = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asText().equals("row")) {
                continue;
            }
            for (JsonNode target : panel.get("targets")) {
                String run = panel.get("id").asInt() >= 7 ? "full" : "s1";
                Result r = run(expand(target.get("rawSql").asText(), variables(run)));
                String what = panel.get("title").asText();
                assertThat(r.rows()).as("%s returns rows", what).isNotEmpty();
                if (target.get("format").asText().equals("time_series")) {
                    assertThat(r.columns()).as(what).containsExactly("time", "metric", "value");
                    assertThat(r.types().get(0)).as(what).isIn(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);
                    assertThat(r.types().get(2)).as(what).isIn(Types.DOUBLE, Types.BIGINT, Types.NUMERIC);
                    List<Instant> times = r.rows().stream()
                            .map(row -> ((java.sql.Timestamp) row.get(0)).toInstant())
                            .toList();
                    assertThat(times).as("%s sorted by time", what).isSorted();
                } else {
                    assertThat(r.columns()).as(what).isNotEmpty();
                }
                queries++;
            }
        }
        assertThat(queries).isEqualTo(8);
    }

    @Test
    void figureOverRunsShouldGiveOnePointPerRunAndLabelValue() throws Exception {
        Result r = run(expand(panelSql(1), variables("s1")));

        // full (March), s1, s5 (both November, S5 run after S1)
        assertThat(r.rows()).extracting(row -> row.get(1)).containsExactly("main", "feature-x", "main");
        assertThat(((Number) r.rows().get(1).get(2)).doubleValue())
                .isEqualTo(Scenarios.record(Scenarios.S1)
                        .figures()
                        .get(Figure.CLIENT_P95)
                        .orElseThrow());
    }

    @Test
    void timelinePanelsShouldGiveEveryStoredPointAtItsOwnResolution() throws Exception {
        RunRecord s1 = Scenarios.record(Scenarios.S1);
        Result latency = run(expand(panelSql(4), variables("s1")));
        Result cloud = run(expand(panelSql(6), variables("s1")));

        long expectedLatency = s1.timeline().stream()
                .filter(s -> s.source().equals("load") && s.name().equals("latency"))
                .mapToLong(AlignedSeries::size)
                .sum();
        assertThat(latency.rows()).hasSize((int) expectedLatency);
        assertThat(latency.rows()).extracting(row -> row.get(1)).contains("load:latency.p95");
        AlignedSeries nodes = s1.timeline().stream()
                .filter(s -> s.name().equals("cluster_node_count"))
                .findFirst()
                .orElseThrow();
        List<List<Object>> nodeRows = cloud.rows().stream()
                .filter(row -> row.get(1).equals("cloudwatch:cluster_node_count.avg"))
                .toList();
        assertThat(nodeRows).hasSize(nodes.size());
        assertThat(((java.sql.Timestamp) nodeRows.get(1).get(0)).toInstant()).isEqualTo(nodes.timeAt(1));
        assertThat(nodeRows.get(1).get(2)).isEqualTo(nodes.valueAt(1));
    }

    @Test
    void runsTableShouldCarryTheFieldsItsLinkUses() throws Exception {
        JsonNode panel = panel(3);
        Result r = run(expand(panel.get("targets").get(0).get("rawSql").asText(), variables("s1")));
        String link = panel.get("fieldConfig")
                .get("defaults")
                .get("links")
                .get(0)
                .get("url")
                .asText();

        assertThat(r.columns()).contains("id", "start_ms", "end_ms", "client_p95_ms", "scaling_lag_s");
        for (String field : List.of("id", "start_ms", "end_ms")) {
            assertThat(link).contains("${__data.fields." + field + "}");
        }
        assertThat(r.rows()).extracting(row -> row.get(0)).containsExactly("s5", "s1", "full");
    }

    private static JsonNode panel(int id) {
        for (JsonNode p : dashboard.get("panels")) {
            if (p.get("id").asInt() == id) {
                return p;
            }
        }
        throw new AssertionError("no panel " + id);
    }

    private static String panelSql(int id) {
        return panel(id).get("targets").get(0).get("rawSql").asText();
    }
}
