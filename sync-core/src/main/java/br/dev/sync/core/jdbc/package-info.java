/**
 * The JDBC store: {@link br.dev.sync.core.jdbc.JdbcSyncStore} keeps synced records and the sync's own state in a
 * relational database (H2, PostgreSQL, MariaDB) through a {@link javax.sql.DataSource}, and
 * {@link br.dev.sync.core.jdbc.StreamTable} maps a stream onto a host's own table.
 */
package br.dev.sync.core.jdbc;
