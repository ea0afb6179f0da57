-- The sync SDK's own tables (plain SQL for hosts that manage schemas themselves; same as Flyway migration V1 with the prefix sync_).
-- Instants are BIGINT epoch microseconds (UTC); keys compare by their bytes. Record keys lead the primary keys:
-- a page looks its keys up with record_key IN (...), which H2 and PostgreSQL serve from the index only then.

CREATE TABLE sync_records (
    stream VARCHAR(200) NOT NULL,
    record_key VARCHAR(255) NOT NULL,
    version BIGINT NOT NULL,
    deleted BOOLEAN NOT NULL,
    fields LONGTEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (record_key, stream)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sync_tombstones (
    stream VARCHAR(200) NOT NULL,
    record_key VARCHAR(255) NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (record_key, stream)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sync_baselines (
    stream VARCHAR(200) NOT NULL,
    record_key VARCHAR(255) NOT NULL,
    fields LONGTEXT NOT NULL,
    PRIMARY KEY (record_key, stream)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sync_checkpoints (
    node VARCHAR(200) NOT NULL,
    stream VARCHAR(200) NOT NULL,
    partition_key VARCHAR(100) NOT NULL,
    window_key VARCHAR(100) NOT NULL,
    cursor_value LONGTEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (node, stream, partition_key, window_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sync_outbox (
    seq BIGINT AUTO_INCREMENT PRIMARY KEY,
    stream VARCHAR(200) NOT NULL,
    record_key VARCHAR(255) NOT NULL,
    change_json LONGTEXT NOT NULL,
    created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX sync_outbox_key ON sync_outbox (record_key, stream);

CREATE INDEX sync_outbox_stream ON sync_outbox (stream, seq);

CREATE TABLE sync_push_ledger (
    stream VARCHAR(200) NOT NULL,
    seq BIGINT NOT NULL,
    batch_id VARCHAR(200) NOT NULL,
    change_json LONGTEXT NOT NULL,
    claimed_at BIGINT NOT NULL,
    PRIMARY KEY (stream, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sync_quarantine (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    stream VARCHAR(200) NOT NULL,
    record_key VARCHAR(255),
    partition_key VARCHAR(100) NOT NULL,
    stage VARCHAR(20) NOT NULL,
    reason LONGTEXT NOT NULL,
    raw LONGTEXT NOT NULL,
    version BIGINT NOT NULL,
    attempts INT NOT NULL,
    first_seen BIGINT NOT NULL,
    last_attempt BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX sync_quarantine_stream ON sync_quarantine (stream, id);
CREATE INDEX sync_quarantine_key ON sync_quarantine (stream, record_key);

CREATE TABLE sync_runs (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id VARCHAR(200) NOT NULL,
    plan_name VARCHAR(200) NOT NULL,
    node VARCHAR(200) NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    report LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sync_leases (
    name VARCHAR(200) NOT NULL PRIMARY KEY,
    holder VARCHAR(200) NOT NULL,
    expires_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sync_markers (
    kind VARCHAR(200) NOT NULL,
    marker_key VARCHAR(255) NOT NULL,
    marker_value LONGTEXT NOT NULL,
    marked_at BIGINT NOT NULL,
    PRIMARY KEY (kind, marker_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
