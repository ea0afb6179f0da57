-- Default tables of the Portal Postal streams, one row per record: sync_key is the stream's key, version the
-- portal's update time in epoch milliseconds, the other columns the record's fields (nested values as JSON text).
-- Applied by PortalTables.migrate with its own Flyway history table (${prefix}schema_history; prefix portal_ by default).

CREATE TABLE ${prefix}pre_postings (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    tracking_code VARCHAR(255),
    service_code VARCHAR(255),
    client_id VARCHAR(255),
    weight_grams INTEGER NOT NULL,
    object_format INTEGER NOT NULL,
    height_cm INTEGER,
    width_cm INTEGER,
    length_cm INTEGER,
    diameter_cm INTEGER,
    invoice_number VARCHAR(255),
    nfe_key VARCHAR(255),
    content_items VARCHAR(4000),
    additional_services VARCHAR(4000),
    note VARCHAR(255),
    sender VARCHAR(4000),
    recipient VARCHAR(4000),
    status INTEGER NOT NULL,
    created_on DATE,
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}service_orders (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    id VARCHAR(255),
    client_id VARCHAR(255),
    opened_on DATE,
    status VARCHAR(255),
    description VARCHAR(255),
    total DECIMAL(15, 2),
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}postal_services (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    code VARCHAR(255),
    name VARCHAR(255),
    active BOOLEAN NOT NULL,
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}clients (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    id VARCHAR(255),
    name VARCHAR(255),
    tax_id VARCHAR(255),
    posting_card VARCHAR(255),
    contract VARCHAR(255),
    cep VARCHAR(255),
    active BOOLEAN NOT NULL,
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}departments (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    id VARCHAR(255),
    client_id VARCHAR(255),
    name VARCHAR(255),
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}users (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    login VARCHAR(255),
    name VARCHAR(255),
    email VARCHAR(255),
    cpf VARCHAR(255),
    client_id VARCHAR(255),
    active BOOLEAN NOT NULL,
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}billing_groups (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    id VARCHAR(255),
    client_id VARCHAR(255),
    name VARCHAR(255),
    closing_day INTEGER NOT NULL,
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}label_ranges (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    id VARCHAR(255),
    client_id VARCHAR(255),
    service_code VARCHAR(255),
    first_code VARCHAR(255),
    last_code VARCHAR(255),
    used INTEGER NOT NULL,
    remaining INTEGER NOT NULL,
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}routings (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    code VARCHAR(255),
    name VARCHAR(255),
    cep_from VARCHAR(255),
    cep_to VARCHAR(255),
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}financial_entries (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    id VARCHAR(255),
    client_id VARCHAR(255),
    kind VARCHAR(255),
    due_on DATE,
    amount DECIMAL(15, 2),
    paid BOOLEAN NOT NULL,
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}outposts (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    code VARCHAR(255),
    name VARCHAR(255),
    cnpj VARCHAR(255),
    active BOOLEAN NOT NULL,
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}remote_sales (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    outpost VARCHAR(255),
    sale_id VARCHAR(255),
    sale_date DATE,
    client_id VARCHAR(255),
    tracking_code VARCHAR(255),
    service_code VARCHAR(255),
    weight_grams INTEGER NOT NULL,
    sale_value DECIMAL(15, 2),
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}counter_sales (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    id VARCHAR(255),
    sale_date DATE,
    client_id VARCHAR(255),
    tracking_code VARCHAR(255),
    service_code VARCHAR(255),
    weight_grams INTEGER NOT NULL,
    sale_value DECIMAL(15, 2),
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}processed_objects (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    tracking_code VARCHAR(255),
    service_code VARCHAR(255),
    client_id VARCHAR(255),
    weight_grams INTEGER NOT NULL,
    sale_value DECIMAL(15, 2),
    posted_on DATE,
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}invoices (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    invoice_no VARCHAR(255),
    client_id VARCHAR(255),
    billing_group_id VARCHAR(255),
    issued_on DATE,
    total DECIMAL(15, 2),
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}bdf_entries (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    entry_day DATE,
    line_no INTEGER NOT NULL,
    tracking_code VARCHAR(255),
    service_code VARCHAR(255),
    client_id VARCHAR(255),
    weight_grams INTEGER NOT NULL,
    sale_value DECIMAL(15, 2),
    updated_at TIMESTAMP(3)
);

CREATE TABLE ${prefix}ca_entries (
    sync_key VARCHAR(80) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    entry_day DATE,
    protocol VARCHAR(255),
    description VARCHAR(255),
    sale_value DECIMAL(15, 2),
    updated_at TIMESTAMP(3)
);
