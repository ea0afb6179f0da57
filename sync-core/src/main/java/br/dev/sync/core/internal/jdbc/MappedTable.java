package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.Change;
import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.StoreException;
import br.dev.sync.core.internal.engine.FieldMap;
import br.dev.sync.core.spi.StoredRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A stream written into a host's table with real columns. A field goes to the column it is renamed to, else to the
 * column of the same name (any case); a field with neither is dropped or refuses the page, as configured. An
 * upsert writes only the columns of the fields it carries, so host columns the stream does not know keep their
 * values. Host columns whose names are not plain identifiers are never read or written. A delete sets the deleted column when there is one (the row keeps its other values, read back without
 * fields); without one it removes the row and keeps the version in the SDK's tombstone table. Fields read back are
 * named by their rename, else by the column's name in lower case. Thread-safe.
 */
public final class MappedTable implements RecordTable {
    private final Dialect d;
    private final String stream;
    private final String table;
    private final Column key;
    private final Column version;
    private final Column deleted;
    private final Map<String, Column> byField;
    private final Map<String, Column> byName;
    private final boolean ignoreUnmapped;
    private final String tombstones;
    private final SetUpsert set;
    private final Map<List<String>, String> upserts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<List<String>, String> setUpserts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<List<String>, String> inserts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<List<String>, String> plainUpserts = new java.util.concurrent.ConcurrentHashMap<>();
    /** Null unless the dialect tries inserts first. */
    private final InsertFirst first;
    /** The deletes of a table without a deleted column. */
    private final Tombstones tombs;

    /** A column as the database names it, quoted, with its JDBC type. */
    record Column(String quoted, String field, int sqlType) {}

    private MappedTable(Builder b) {
        this.d = b.d;
        this.stream = b.stream;
        this.table = b.quotedTable;
        this.key = b.key;
        this.version = b.version;
        this.deleted = b.deleted;
        this.byField = b.byField;
        this.byName = b.byName;
        this.ignoreUnmapped = b.ignoreUnmapped;
        this.tombstones = b.tombstones;
        this.set = b.set;
        this.first = d.insertsFirst() ? new InsertFirst() : null;
        this.tombs = new Tombstones(stream, table, key, version, tombstones, d);
    }

    /**
     * Looks the table and its columns up in the database's metadata; every missing table or column is one
     * violation of the {@link ConfigurationException}.
     */
    public static MappedTable resolve(
            Connection c,
            Dialect d,
            String stream,
            String table,
            String keyColumn,
            String versionColumn,
            String deletedColumn,
            Map<String, String> renames,
            boolean ignoreUnmapped,
            String tombstones)
            throws SQLException {
        Builder b = new Builder(d, stream, ignoreUnmapped, tombstones);
        TableLookup.Found found = TableLookup.find(c, d, table);
        if (found == null) {
            throw new ConfigurationException(
                    "the table of stream " + stream,
                    List.of("table " + table + " was not found (or has no columns the connection may see)"));
        }
        Map<String, ColumnInfo> columns = found.columns();
        List<String> problems = new ArrayList<>();
        b.quotedTable = found.quoted();
        b.key = b.column(columns, keyColumn, "key column", null, problems);
        b.version = b.column(columns, versionColumn, "version column", null, problems);
        b.deleted = deletedColumn == null ? null : b.column(columns, deletedColumn, "deleted column", null, problems);
        renames.forEach((field, col) -> {
            Column renamed = b.column(columns, col, "column of field '" + field + "'", field, problems);
            if (renamed != null) {
                b.byField.put(field, renamed);
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException("the mapping of stream " + stream + " to table " + table, problems);
        }
        List<String> special = new ArrayList<>(List.of(b.key.quoted(), b.version.quoted()));
        if (b.deleted != null) {
            special.add(b.deleted.quoted());
        }
        b.byField.values().forEach(col -> special.add(col.quoted()));
        b.set = d.setUpserts() ? SetUpsert.of(c, d, found.quoted()) : null;
        columns.values().stream()
                .filter(info -> Identifiers.isName(info.name()))
                .forEach(info -> {
                    Column col = new Column(d.quote(info.name()), info.name().toLowerCase(Locale.ROOT), info.sqlType());
                    if (!special.contains(col.quoted())) {
                        b.byName.put(col.field(), col);
                    }
                });
        return new MappedTable(b);
    }

    /** Collects the resolved shape before it is frozen. */
    private static final class Builder {
        final Dialect d;
        final String stream;
        final boolean ignoreUnmapped;
        final String tombstones;
        final Map<String, Column> byField = new LinkedHashMap<>();
        final Map<String, Column> byName = new LinkedHashMap<>();
        String quotedTable;
        Column key;
        Column version;
        Column deleted;
        SetUpsert set;

        Builder(Dialect d, String stream, boolean ignoreUnmapped, String tombstones) {
            this.d = d;
            this.stream = stream;
            this.ignoreUnmapped = ignoreUnmapped;
            this.tombstones = tombstones;
        }

        Column column(Map<String, ColumnInfo> columns, String name, String what, String field, List<String> problems) {
            ColumnInfo info = columns.get(name.toLowerCase(Locale.ROOT));
            if (info == null) {
                problems.add(what + " '" + name + "' is not a column of the table");
                return null;
            }
            return new Column(d.quote(info.name()), field, info.sqlType());
        }
    }

    @Override
    public Map<String, Long> lockVersions(Connection c, Collection<String> keys) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (List<String> chunk : Values.chunks(keys)) {
            String sql = "SELECT " + key.quoted() + ", " + version.quoted() + " FROM " + table + " WHERE "
                    + key.quoted() + " IN (" + Values.marks(chunk.size()) + ") FOR UPDATE";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    Values.bind(ps, i + 1, chunk.get(i), key.sqlType());
                }
                collect(ps, out);
            }
            if (deleted == null) {
                tombs.lock(c, chunk, out);
            }
        }
        if (first != null) {
            first.read(out.size());
        }
        return out;
    }

    /**
     * Whether one of these keys has a tombstone, read and locked: in a table without a deleted column an upsert
     * older than its key's stored delete must not bring the record back, so such a page is not sent as inserts.
     */
    private boolean anyTombstone(Connection c, Collection<Change> changes) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        for (List<String> chunk :
                Values.chunks(changes.stream().map(Change::key).toList())) {
            tombs.lock(c, chunk, found);
        }
        return !found.isEmpty();
    }

    /** Puts each row's key and version in {@code out}, keeping a key's highest version. */
    static void collect(PreparedStatement ps, Map<String, Long> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.merge(rs.getString(1), rs.getLong(2), Math::max);
            }
        }
    }

    @Override
    public List<Change> tryWriteCounted(Connection c, Collection<Change> changes) throws SQLException {
        if (d.exactBatchCounts() && deleted != null) {
            return writeCounted(c, changes);
        }
        // without a deleted column a delete removes a row, which plain inserts cannot do: such a page reads first
        if (first != null
                && first.worthTrying()
                && (deleted != null || changes.stream().noneMatch(Change::isDelete))) {
            if (deleted != null || !anyTombstone(c, changes)) {
                return first.tryInserts(c, d, () -> insertAll(c, changes)) ? List.copyOf(changes) : null;
            }
            first.found(); // a tombstone: the page's keys are not all new, and the page is read first
        }
        if (set == null || !set.returnsKeysAsSent(key.quoted())) {
            return null;
        }
        Map<List<Column>, List<Change>> groups = new LinkedHashMap<>();
        Shapes shapes = new Shapes();
        for (Change ch : changes) {
            if (ch.isDelete() && deleted == null) {
                return null; // a delete without a deleted column removes the row: the read-first way counts it
            }
            groups.computeIfAbsent(ch.isDelete() ? List.of() : shapes.of(ch), s -> new ArrayList<>())
                    .add(ch);
        }
        List<SetWrite> writes = new ArrayList<>();
        for (Map.Entry<List<Column>, List<Change>> e : groups.entrySet()) {
            SetWrite w = setWrite(e.getKey(), e.getValue());
            if (w == null) {
                return null;
            }
            writes.add(w);
        }
        List<Change> written = new ArrayList<>();
        // without a deleted column the statement also names the stream in its tombstone clauses, twice
        List<String> after = deleted == null ? List.of(stream, stream) : List.of();
        for (SetWrite w : writes) {
            written.addAll(SetUpsert.execute(c, w.sql(), w.arrays(), after, w.rows()));
        }
        return written;
    }

    /** One shape's rows as text arrays and its statement; null when a value has no text form. */
    private record SetWrite(String sql, String[][] arrays, List<Change> rows) {}

    /** The columns a write of this shape binds, in order: key, data, deleted flag, version. */
    private List<String> columnNames(List<Column> data) {
        List<String> names = new ArrayList<>();
        names.add(key.quoted());
        data.forEach(col -> names.add(col.quoted()));
        if (deleted != null) {
            names.add(deleted.quoted());
        }
        names.add(version.quoted());
        return names;
    }

    private SetWrite setWrite(List<Column> data, List<Change> rows) {
        List<String> names = columnNames(data);
        if (!set.knows(names)) {
            return null;
        }
        String[][] arrays = new String[names.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Change ch = rows.get(r);
            int i = 0;
            arrays[i++][r] = ch.key();
            for (Column col : data) {
                String text = set.text(ch.fields().get(col.field()), col.quoted());
                if (text == SetUpsert.UNSUPPORTED) {
                    return null;
                }
                arrays[i++][r] = text;
            }
            if (deleted != null) {
                arrays[i++][r] = set.text(ch.isDelete(), deleted.quoted());
            }
            arrays[i][r] = Long.toString(ch.version());
        }
        String sql = setUpserts.computeIfAbsent(names, n -> {
            if (deleted != null) {
                return set.sql(table, n, List.of(key.quoted()), version.quoted(), key.quoted(), null, null);
            }
            // no deleted column: an upsert older than the key's tombstone is not written, and the tombstones the
            // page's upserts outdate go, in the same statement
            String v = set.column(n, n.size());
            String forget = "forgotten AS (DELETE FROM " + tombstones + " x USING u WHERE x.stream = ?"
                    + " AND x.record_key = u.c1 AND x.version < " + v + ")";
            String guard = "NOT EXISTS (SELECT 1 FROM " + tombstones + " x WHERE x.stream = ?"
                    + " AND x.record_key = u.c1 AND x.version >= " + v + ")";
            return set.sql(table, n, List.of(key.quoted()), version.quoted(), key.quoted(), forget, guard);
        });
        return new SetWrite(sql, arrays, rows);
    }

    /**
     * {@inheritDoc} Here when the dialect says so and the table has a deleted column, so that every key {@code
     * stored} holds is a row of this table locked by {@link #lockVersions}: the upserts of those rows go as plain
     * upserts, the rest (new keys, deletes) through {@link #writeCounted}. Without a deleted column a stored
     * version may be a tombstone's, which locks no row of this table, and every change goes through {@link #write}.
     */
    @Override
    public void writeOverLocked(Connection c, Collection<Change> changes, Map<String, Long> stored)
            throws SQLException {
        if (deleted == null || !d.plainUpsertsOverLockedRows()) {
            write(c, changes);
            return;
        }
        List<Change> checked = new ArrayList<>();
        Map<List<Column>, List<Change>> locked = new LinkedHashMap<>();
        Shapes shapes = new Shapes();
        for (Change ch : changes) {
            if (!ch.isDelete() && stored.containsKey(ch.key())) {
                locked.computeIfAbsent(shapes.of(ch), s -> new ArrayList<>()).add(ch);
            } else {
                checked.add(ch);
            }
        }
        if (!checked.isEmpty()) {
            writeCounted(c, checked);
        }
        for (Map.Entry<List<Column>, List<Change>> e : locked.entrySet()) {
            String sql = plainUpserts.computeIfAbsent(
                    columnNames(e.getKey()), n -> d.upsert(table, n, List.of(key.quoted())));
            send(c, sql, e.getKey(), e.getValue());
        }
    }

    /**
     * {@inheritDoc} Without a deleted column it is called only through {@link #write}, with changes newer than the
     * versions {@link #lockVersions} read and locked, tombstones included: its upserts do not check the tombstones,
     * and it drops every tombstone of the keys it upserts.
     */
    @Override
    public List<Change> writeCounted(Connection c, Collection<Change> changes) throws SQLException {
        List<Change> written = new ArrayList<>();
        List<Change> deletes = changes.stream().filter(Change::isDelete).toList();
        if (!deletes.isEmpty()) {
            if (deleted == null) {
                tombs.delete(c, deletes);
                written.addAll(deletes);
            } else {
                written.addAll(upsert(c, List.of(), deletes));
            }
        }
        Map<List<Column>, List<Change>> byShape = new LinkedHashMap<>();
        Shapes shapes = new Shapes();
        for (Change ch : changes) {
            if (!ch.isDelete()) {
                byShape.computeIfAbsent(shapes.of(ch), s -> new ArrayList<>()).add(ch);
            }
        }
        for (Map.Entry<List<Column>, List<Change>> e : byShape.entrySet()) {
            written.addAll(upsert(c, e.getKey(), e.getValue()));
        }
        if (deleted == null) {
            tombs.forget(c, changes.stream().filter(ch -> !ch.isDelete()).toList());
        }
        return written;
    }

    /**
     * The shapes of one write's changes. A page's changes nearly always carry the same field names in the same
     * order (a record type's components), so a change whose names are those of the change before it gets that
     * change's shape without building it again (for the {@link FieldMap}s of one record type, one reference check);
     * a shape computes its hash once, so grouping a run of changes by it costs a reference check.
     */
    private final class Shapes {
        private Object[] lastNames = {};
        private FieldMap.Names lastShared;
        private Shape last;

        List<Column> of(Change ch) {
            Map<String, Object> fields = ch.fields();
            FieldMap.Names shared = fields instanceof FieldMap f ? f.names() : null;
            if (last != null && shared != null && shared == lastShared) {
                return last; // the same record type's names: the same shape
            }
            if (last == null || !sameNames(fields)) {
                last = new Shape(shape(ch));
                lastNames = fields.keySet().toArray();
            }
            lastShared = shared;
            return last;
        }

        private boolean sameNames(Map<String, Object> fields) {
            if (fields.size() != lastNames.length) {
                return false;
            }
            int i = 0;
            for (String name : fields.keySet()) {
                Object before = lastNames[i++];
                if (before != name && !before.equals(name)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** An unmodifiable list of columns that computes its hash once. */
    private static final class Shape extends AbstractList<Column> {
        private final List<Column> columns;
        private final int hash;

        Shape(List<Column> columns) {
            this.columns = List.copyOf(columns);
            this.hash = this.columns.hashCode();
        }

        @Override
        public Column get(int index) {
            return columns.get(index);
        }

        @Override
        public int size() {
            return columns.size();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || super.equals(o);
        }
    }

    /** The data columns a change writes, in the order of its fields. */
    private List<Column> shape(Change ch) {
        List<Column> cols = new ArrayList<>();
        for (String field : ch.fields().keySet()) {
            Column col = byField.get(field);
            if (col == null) {
                col = byName.get(field.toLowerCase(Locale.ROOT));
            }
            if (col != null) {
                cols.add(new Column(col.quoted(), field, col.sqlType()));
            } else if (!ignoreUnmapped) {
                throw new StoreException("record " + ch.key() + " of stream " + stream + " has field '" + field
                        + "' that no column of " + table + " takes; rename it to a column in the stream's"
                        + " StreamTable or let the table ignore unmapped fields");
            }
        }
        return cols;
    }

    private List<Change> upsert(Connection c, List<Column> data, List<Change> rows) throws SQLException {
        String sql = upserts.computeIfAbsent(
                columnNames(data), n -> d.versionedUpsert(table, n, List.of(key.quoted()), version.quoted()));
        return send(c, sql, data, rows);
    }

    /** The changes (one per key, none of them stored) as plain inserts, a statement per shape; deletes as flagged rows. */
    private void insertAll(Connection c, Collection<Change> changes) throws SQLException {
        Map<List<Column>, List<Change>> byShape = new LinkedHashMap<>();
        Shapes shapes = new Shapes();
        for (Change ch : changes) {
            byShape.computeIfAbsent(ch.isDelete() ? List.of() : shapes.of(ch), s -> new ArrayList<>())
                    .add(ch);
        }
        for (Map.Entry<List<Column>, List<Change>> e : byShape.entrySet()) {
            String sql = inserts.computeIfAbsent(columnNames(e.getKey()), n -> d.plainInsert(table, n));
            send(c, sql, e.getKey(), e.getValue());
        }
    }

    /** Binds the rows to {@code sql} (key, data, deleted flag, version) as a batch; answers those it counts written. */
    private List<Change> send(Connection c, String sql, List<Column> data, List<Change> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            TextBatch batch = new TextBatch(ps, d);
            for (Change ch : rows) {
                int i = 1;
                Values.bind(ps, i++, ch.key(), key.sqlType());
                long chars = TextBatch.chars(ch.key());
                for (Column col : data) {
                    Object v = ch.fields().get(col.field());
                    Values.bind(ps, i++, v, col.sqlType());
                    chars += TextBatch.chars(v);
                }
                if (deleted != null) {
                    Values.bind(ps, i++, ch.isDelete(), deleted.sqlType());
                }
                ps.setLong(i, ch.version());
                batch.add(chars);
            }
            return RecordTable.written(rows, batch.finish());
        }
    }

    @Override
    public Map<String, StoredRecord> read(Connection c, Collection<String> keys) throws SQLException {
        Map<String, StoredRecord> out = new LinkedHashMap<>();
        for (List<String> chunk : Values.chunks(keys)) {
            try (PreparedStatement ps = c.prepareStatement(
                    select() + " WHERE " + key.quoted() + " IN (" + Values.marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    Values.bind(ps, i + 1, chunk.get(i), key.sqlType());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredRecord r = record(rs);
                        out.put(r.key(), r);
                    }
                }
            }
            if (deleted == null) {
                tombs.read(c, chunk, out);
            }
        }
        return out;
    }

    @Override
    public void scan(Connection c, Consumer<StoredRecord> each) throws SQLException {
        String where = deleted == null ? "" : " WHERE " + deleted.quoted() + " = ?";
        try (PreparedStatement ps = c.prepareStatement(select() + where + " ORDER BY " + key.quoted())) {
            ps.setFetchSize(500);
            if (deleted != null) {
                Values.bind(ps, 1, false, deleted.sqlType());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(record(rs));
                }
            }
        }
    }

    private List<Column> dataColumns() {
        List<Column> cols = new ArrayList<>(byField.values());
        cols.addAll(byName.values());
        return cols;
    }

    private String select() {
        StringBuilder sql =
                new StringBuilder("SELECT ").append(key.quoted()).append(", ").append(version.quoted());
        sql.append(", ").append(deleted == null ? "0" : deleted.quoted());
        dataColumns().forEach(col -> sql.append(", ").append(col.quoted()));
        return sql.append(" FROM ").append(table).toString();
    }

    private StoredRecord record(ResultSet rs) throws SQLException {
        String k = rs.getString(1);
        boolean isDeleted = deleted != null && rs.getBoolean(3);
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!isDeleted) {
            int i = 4;
            for (Column col : dataColumns()) {
                fields.put(col.field(), Values.read(rs, i++));
            }
        }
        return new StoredRecord(k, rs.getLong(2), isDeleted, fields);
    }
}
