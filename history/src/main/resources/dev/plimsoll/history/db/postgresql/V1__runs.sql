-- Plimsoll run history, schema version 1 (PostgreSQL). Documented in SCHEMA.md; SQLite has the same tables.
-- Times are epoch milliseconds (UTC); NULL marks a value that was not measured.

CREATE TABLE runs (
    id                  TEXT    NOT NULL PRIMARY KEY,
    name                TEXT,
    started_at          BIGINT  NOT NULL,
    ended_at            BIGINT  NOT NULL,
    saved_at            BIGINT  NOT NULL,
    tool                TEXT    NOT NULL,
    tool_version        TEXT    NOT NULL,
    verdict             TEXT    NOT NULL CHECK (verdict IN ('pass', 'fail', 'inconclusive')),
    bottleneck          TEXT    NOT NULL,
    requests            BIGINT  NOT NULL,
    failed_requests     BIGINT  NOT NULL,
    iterations          BIGINT  NOT NULL,
    dropped_iterations  BIGINT  NOT NULL,
    max_vus             BIGINT  NOT NULL,
    data_received_bytes BIGINT  NOT NULL,
    data_sent_bytes     BIGINT  NOT NULL
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
    ordinal         BIGINT  NOT NULL,
    kind            TEXT    NOT NULL,
    started_at      BIGINT  NOT NULL,
    ended_at        BIGINT  NOT NULL,
    requests        BIGINT  NOT NULL,
    failed_requests BIGINT  NOT NULL,
    rps             DOUBLE PRECISION,
    p50_ms          DOUBLE PRECISION,
    p95_ms          DOUBLE PRECISION,
    p99_ms          DOUBLE PRECISION,
    max_vus         BIGINT  NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE run_figures (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    figure TEXT NOT NULL,
    value  DOUBLE PRECISION NOT NULL,
    unit   TEXT NOT NULL,
    PRIMARY KEY (run_id, figure)
);
CREATE INDEX run_figures_figure ON run_figures (figure, run_id);

CREATE TABLE findings (
    run_id     TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal    BIGINT  NOT NULL,
    kind       TEXT    NOT NULL,
    severity   TEXT    NOT NULL,
    started_at BIGINT  NOT NULL,
    ended_at   BIGINT  NOT NULL,
    reason     TEXT    NOT NULL,
    confidence DOUBLE PRECISION,
    PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE finding_evidence (
    run_id          TEXT    NOT NULL,
    finding_ordinal BIGINT  NOT NULL,
    ordinal         BIGINT  NOT NULL,
    label           TEXT    NOT NULL,
    series          TEXT    NOT NULL,
    at              BIGINT ,
    value           DOUBLE PRECISION,
    unit            TEXT    NOT NULL,
    PRIMARY KEY (run_id, finding_ordinal, ordinal),
    FOREIGN KEY (run_id, finding_ordinal) REFERENCES findings (run_id, ordinal) ON DELETE CASCADE
);

CREATE TABLE gates (
    run_id     TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal    BIGINT  NOT NULL,
    expression TEXT    NOT NULL,
    measured   TEXT    NOT NULL,
    passed     BOOLEAN NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE timeline_series (
    run_id       TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal      BIGINT  NOT NULL,
    source       TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    statistic    TEXT    NOT NULL,
    unit         TEXT    NOT NULL,
    tags         TEXT    NOT NULL,
    started_at   BIGINT  NOT NULL,
    step_ms      BIGINT  NOT NULL,
    points       BIGINT  NOT NULL,
    point_values TEXT    NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);
