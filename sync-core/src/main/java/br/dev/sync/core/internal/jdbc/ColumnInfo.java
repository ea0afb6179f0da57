package br.dev.sync.core.internal.jdbc;

/** A column as the database's metadata names it, with its JDBC type ({@link java.sql.Types}). */
record ColumnInfo(String name, int sqlType) {}
