-- The sync SDK's own tables, version 1. ${prefix} is the table prefix (default sync_).
-- Instants are BIGINT epoch microseconds (UTC); keys compare by their bytes. Record keys lead the primary keys:
-- a page looks its keys up with record_key IN (...), which H2 and PostgreSQL serve from the index only then.

CREATE TABLE ${prefix}records (
    stream VARCHAR(200) NOT NULL,
    record_key VARCHAR(255) NOT NULL,
    version BIGINT NOT NULL,
    deleted BOOLEAN NOT NULL,
    fields LONGTEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (record_key, stream)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}tombstones (
    stream VARCHAR(200) NOT NULL,
    record_key VARCHAR(255) NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (record_key, stream)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}baselines (
    stream VARCHAR(200) NOT NULL,
    record_key VARCHAR(255) NOT NULL,
    fields LONGTEXT NOT NULL,
    PRIMARY KEY (record_key, stream)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}checkpoints (
    node VARCHAR(200) NOT NULL,
    stream VARCHAR(200) NOT NULL,
    partition_key VARCHAR(100) NOT NULL,
    window_key VARCHAR(100) NOT NULL,
    cursor_value LONGTEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (node, stream, partition_key, window_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}outbox (
    seq BIGINT AUTO_INCREMENT PRIMARY KEY,
    stream VARCHAR(200) NOT NULL,
    record_key VARCHAR(255) NOT NULL,
    change_json LONGTEXT NOT NULL,
    created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ${prefix}outbox_key ON ${prefix}outbox (record_key, stream);

CREATE INDEX ${prefix}outbox_stream ON ${prefix}outbox (stream, seq);

CREATE TABLE ${prefix}push_ledger (
    stream VARCHAR(200) NOT NULL,
    seq BIGINT NOT NULL,
    batch_id VARCHAR(200) NOT NULL,
    change_json LONGTEXT NOT NULL,
    claimed_at BIGINT NOT NULL,
    PRIMARY KEY (stream, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}quarantine (
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

CREATE INDEX ${prefix}quarantine_stream ON ${prefix}quarantine (stream, id);
CREATE INDEX ${prefix}quarantine_key ON ${prefix}quarantine (stream, record_key);

CREATE TABLE ${prefix}runs (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id VARCHAR(200) NOT NULL,
    plan_name VARCHAR(200) NOT NULL,
    node VARCHAR(200) NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    report LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}leases (
    name VARCHAR(200) NOT NULL PRIMARY KEY,
    holder VARCHAR(200) NOT NULL,
    expires_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}markers (
    kind VARCHAR(200) NOT NULL,
    marker_key VARCHAR(255) NOT NULL,
    marker_value LONGTEXT NOT NULL,
    marked_at BIGINT NOT NULL,
    PRIMARY KEY (kind, marker_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
