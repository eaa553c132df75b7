-- Plimsoll run history, schema version 2: each figure over runs as one view (what Grafana, pandas and sqlite3
-- chart), and an index for the newest passing run (baseline last-passing). Same SQL on SQLite and PostgreSQL.

CREATE VIEW figure_history AS
SELECT r.id         AS run_id,
       r.name       AS name,
       r.started_at AS started_at,
       r.ended_at   AS ended_at,
       r.tool       AS tool,
       r.verdict    AS verdict,
       f.figure     AS figure,
       f.value      AS value,
       f.unit       AS unit
FROM runs r
JOIN run_figures f ON f.run_id = r.id;

CREATE INDEX runs_verdict_started_at ON runs (verdict, started_at);
