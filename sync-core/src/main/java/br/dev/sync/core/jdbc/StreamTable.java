package br.dev.sync.core.jdbc;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.internal.jdbc.Identifiers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a stream's records go when they go into a host's own table instead of the SDK's generic one.
 *
 * <p>The table ({@code name} or {@code schema.name}) must exist, with the key column as its primary key (its only
 * unique key on MariaDB, where {@code ON DUPLICATE KEY} fires on any) and a numeric version column. A field is
 * written to the column given by {@link Builder#column(String, String)}, else to the column of the same name in
 * any case; a field with neither is dropped when {@link Builder#ignoreUnmappedFields()} was called, else it
 * refuses its page with a {@link br.dev.sync.core.StoreException}. An upsert writes only the columns of the fields
 * it carries, so the host's other columns keep their values (and take their defaults on insert).
 *
 * <p>Deletes: with a {@link Builder#deleted(String) deleted column} a delete sets it (a boolean) and the version,
 * and keeps the row's other values; a key deleted before it was ever written is inserted as a tombstone row, so
 * the host's other columns must then accept their defaults. Without a deleted column a delete removes the row and
 * keeps its version in the SDK's {@code <prefix>tombstones} table, so an older upsert cannot bring it back.
 *
 * <p>Identifiers are checked against {@code [A-Za-z_][A-Za-z0-9_]{0,62}} (the table optionally qualified once) and
 * then looked up in the database's metadata as written or in the case the database stores unquoted names in; they
 * are quoted in SQL. Values are always bound parameters. Fields read back are named by their rename, else by the
 * column name in lower case.
 *
 * <p>Immutable and thread-safe; the builder is not.
 */
public record StreamTable(
        String stream,
        String table,
        String keyColumn,
        String versionColumn,
        String deletedColumn,
        Map<String, String> columns,
        boolean ignoreUnmappedFields) {
    public StreamTable {
        Objects.requireNonNull(stream, "stream");
        columns = columns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** Starts the mapping of {@code stream}; the key column defaults to {@code id}, the version to {@code version}. */
    public static Builder stream(String stream) {
        return new Builder(stream);
    }

    /** Every problem with the identifiers of this mapping, each naming the setting; empty when it is valid. */
    public List<String> violations() {
        List<String> out = new ArrayList<>();
        String of = " of stream " + stream;
        if (!Identifiers.isQualifiedName(table)) {
            out.add(Identifiers.describe("table" + of, table));
        }
        check(out, "key column" + of, keyColumn);
        check(out, "version column" + of, versionColumn);
        if (deletedColumn != null) {
            check(out, "deleted column" + of, deletedColumn);
        }
        columns.forEach((field, column) -> check(out, "column of field '" + field + "'" + of, column));
        return out;
    }

    private static void check(List<String> out, String setting, String value) {
        if (!Identifiers.isName(value)) {
            out.add(Identifiers.describe(setting, value));
        }
    }

    /** Collects a mapping; {@link #build()} validates it. Not thread-safe. */
    public static final class Builder {
        private final String stream;
        private String table;
        private String key = "id";
        private String version = "version";
        private String deleted;
        private final Map<String, String> columns = new LinkedHashMap<>();
        private boolean ignoreUnmapped;

        private Builder(String stream) {
            this.stream = stream;
        }

        /** The host's table, {@code name} or {@code schema.name}. */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        public Builder key(String column) {
            this.key = column;
            return this;
        }

        public Builder version(String column) {
            this.version = column;
            return this;
        }

        /** The boolean column that marks a tombstone; without one, deletes remove the row. */
        public Builder deleted(String column) {
            this.deleted = column;
            return this;
        }

        /** Writes {@code field} to {@code column} (and reads it back under the field's name). */
        public Builder column(String field, String column) {
            columns.put(Objects.requireNonNull(field, "field"), column);
            return this;
        }

        /** Drops fields no column takes, instead of refusing the page. */
        public Builder ignoreUnmappedFields() {
            this.ignoreUnmapped = true;
            return this;
        }

        /** @throws ConfigurationException listing every invalid identifier */
        public StreamTable build() {
            List<String> problems = new ArrayList<>();
            if (stream == null || stream.isBlank()) {
                problems.add("the stream name is missing");
            }
            if (table == null) {
                problems.add("the table of stream " + stream + " is missing");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("the stream table of " + stream, problems);
            }
            StreamTable t = new StreamTable(stream, table, key, version, deleted, columns, ignoreUnmapped);
            List<String> violations = t.violations();
            if (!violations.isEmpty()) {
                throw new ConfigurationException("the stream table of " + stream, violations);
            }
            return t;
        }
    }
}
