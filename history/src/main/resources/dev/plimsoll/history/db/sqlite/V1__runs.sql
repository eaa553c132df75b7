-- Plimsoll run history, schema version 1 (SQLite). Documented in SCHEMA.md; PostgreSQL has the same tables.
-- Times are epoch milliseconds (UTC); NULL marks a value that was not measured.

CREATE TABLE runs (
    id                  TEXT    NOT NULL PRIMARY KEY,
    name                TEXT,
    started_at          INTEGER NOT NULL,
    ended_at            INTEGER NOT NULL,
    saved_at            INTEGER NOT NULL,
    tool                TEXT    NOT NULL,
    tool_version        TEXT    NOT NULL,
    verdict             TEXT    NOT NULL CHECK (verdict IN ('pass', 'fail', 'inconclusive')),
    bottleneck          TEXT    NOT NULL,
    requests            INTEGER NOT NULL,
    failed_requests     INTEGER NOT NULL,
    iterations          INTEGER NOT NULL,
    dropped_iterations  INTEGER NOT NULL,
    max_vus             INTEGER NOT NULL,
    data_received_bytes INTEGER NOT NULL,
    data_sent_bytes     INTEGER NOT NULL
);
CREATE INDEX runs_started_at ON runs (started_at);

CREATE TABLE run_labels (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    key    TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE INDEX run_labels_key_value ON run_labels (key, value);

CREATE TABLE run_phases (
    run_id          TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal         INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    started_at      INTEGER NOT NULL,
    ended_at        INTEGER NOT NULL,
    requests        INTEGER NOT NULL,
    failed_requests INTEGER NOT NULL,
    rps             REAL,
    p50_ms          REAL,
    p95_ms          REAL,
    p99_ms          REAL,
    max_vus         INTEGER NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE run_figures (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    figure TEXT NOT NULL,
    value  REAL NOT NULL,
    unit   TEXT NOT NULL,
    PRIMARY KEY (run_id, figure)
);
CREATE INDEX run_figures_figure ON run_figures (figure, run_id);

CREATE TABLE findings (
    run_id     TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    severity   TEXT    NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at   INTEGER NOT NULL,
    reason     TEXT    NOT NULL,
    confidence REAL,
    PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE finding_evidence (
    run_id          TEXT    NOT NULL,
    finding_ordinal INTEGER NOT NULL,
    ordinal         INTEGER NOT NULL,
    label           TEXT    NOT NULL,
    series          TEXT    NOT NULL,
    at              INTEGER,
    value           REAL,
    unit            TEXT    NOT NULL,
    PRIMARY KEY (run_id, finding_ordinal, ordinal),
    FOREIGN KEY (run_id, finding_ordinal) REFERENCES findings (run_id, ordinal) ON DELETE CASCADE
);

CREATE TABLE gates (
    run_id     TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    expression TEXT    NOT NULL,
    measured   TEXT    NOT NULL,
    passed     INTEGER NOT NULL CHECK (passed IN (0, 1)),
    PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE timeline_series (
    run_id       TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    source       TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    statistic    TEXT    NOT NULL,
    unit         TEXT    NOT NULL,
    tags         TEXT    NOT NULL,
    started_at   INTEGER NOT NULL,
    step_ms      INTEGER NOT NULL,
    points       INTEGER NOT NULL,
    point_values TEXT    NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);
