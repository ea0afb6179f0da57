package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.Change;
import br.dev.sync.core.spi.StoredRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A stream kept in the SDK's generic table {@code <prefix>records(stream, record_key, version, deleted, fields,
 * updated_at)}: fields as JSON text, a delete as a row with {@code deleted = true} and no fields. Thread-safe.
 */
public final class GenericTable implements RecordTable {
    private final Dialect dialect;
    private final String table;
    private final String stream;
    private final Clock clock;
    private final String upsert;
    private final String insert;
    /** Null unless the dialect tries a page of new keys as plain inserts first. */
    private final InsertFirst first;

    private final boolean exactCounts;
    private final SetUpsert set;
    private final String setUpsert;

    private static final List<String> COLUMNS =
            List.of("stream", "record_key", "fields", "deleted", "updated_at", "version");

    public GenericTable(Dialect dialect, String table, String stream, Clock clock) {
        this.dialect = dialect;
        this.table = table;
        this.stream = stream;
        this.clock = clock;
        this.exactCounts = dialect.exactBatchCounts();
        this.upsert = dialect.versionedUpsert(table, COLUMNS, List.of("stream", "record_key"), "version");
        this.insert = dialect.plainInsert(table, COLUMNS);
        this.first = dialect.insertsFirst() ? new InsertFirst() : null;
        if (dialect.setUpserts()) {
            this.set = SetUpsert.of(Map.of(
                    "stream", "character varying",
                    "record_key", "character varying",
                    "fields", "text",
                    "deleted", "boolean",
                    "updated_at", "bigint",
                    "version", "bigint"));
            this.setUpsert =
                    set.sql(table, COLUMNS, List.of("stream", "record_key"), "version", "record_key", null, null);
        } else {
            this.set = null;
            this.setUpsert = null;
        }
    }

    @Override
    public Map<String, Long> lockVersions(Connection c, Collection<String> keys) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (List<String> chunk : Values.chunks(keys)) {
            String sql = "SELECT record_key, version FROM " + table + " WHERE stream = ? AND record_key IN ("
                    + Values.marks(chunk.size()) + ") FOR UPDATE";
            try (PreparedStatement ps = Values.keyed(c, sql, stream, chunk);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        if (first != null) {
            first.read(out.size());
        }
        return out;
    }

    @Override
    public List<Change> tryWriteCounted(Connection c, Collection<Change> changes) throws SQLException {
        if (exactCounts) {
            return writeCounted(c, changes);
        }
        if (first != null && first.worthTrying()) {
            return first.tryInserts(c, dialect, () -> send(c, insert, List.copyOf(changes)))
                    ? List.copyOf(changes)
                    : null;
        }
        if (set == null) {
            return null;
        }
        List<Change> rows = List.copyOf(changes);
        String now = Long.toString(Micros.of(clock.instant()));
        String[][] arrays = new String[COLUMNS.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Change ch = rows.get(r);
            arrays[0][r] = stream;
            arrays[1][r] = ch.key();
            arrays[2][r] = fields(ch);
            arrays[3][r] = Boolean.toString(ch.isDelete());
            arrays[4][r] = now;
            arrays[5][r] = Long.toString(ch.version());
        }
        return SetUpsert.execute(c, setUpsert, arrays, List.of(), rows);
    }

    private String fields(Change ch) {
        return ch.isDelete() ? "{}" : JsonText.write(ch.fields(), "record " + ch.key());
    }

    @Override
    public List<Change> writeCounted(Connection c, Collection<Change> changes) throws SQLException {
        return send(c, upsert, List.copyOf(changes));
    }

    /** Binds the rows to {@code sql} (the table's columns in order) as a batch; answers those it counts written. */
    private List<Change> send(Connection c, String sql, List<Change> rows) throws SQLException {
        long now = Micros.of(clock.instant());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            TextBatch batch = new TextBatch(ps, dialect);
            for (Change ch : rows) {
                String fields = fields(ch);
                ps.setString(1, stream);
                ps.setString(2, ch.key());
                ps.setString(3, fields);
                ps.setBoolean(4, ch.isDelete());
                ps.setLong(5, now);
                ps.setLong(6, ch.version());
                batch.add(TextBatch.chars(stream) + TextBatch.chars(ch.key()) + TextBatch.chars(fields));
            }
            return RecordTable.written(rows, batch.finish());
        }
    }

    @Override
    public Map<String, StoredRecord> read(Connection c, Collection<String> keys) throws SQLException {
        Map<String, StoredRecord> out = new LinkedHashMap<>();
        for (List<String> chunk : Values.chunks(keys)) {
            String sql = "SELECT record_key, version, deleted, fields FROM " + table
                    + " WHERE stream = ? AND record_key IN (" + Values.marks(chunk.size()) + ")";
            try (PreparedStatement ps = Values.keyed(c, sql, stream, chunk);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredRecord r = record(rs);
                    out.put(r.key(), r);
                }
            }
        }
        return out;
    }

    @Override
    public void scan(Connection c, Consumer<StoredRecord> each) throws SQLException {
        String sql = "SELECT record_key, version, deleted, fields FROM " + table
                + " WHERE stream = ? AND deleted = FALSE ORDER BY record_key";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(500);
            ps.setString(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(record(rs));
                }
            }
        }
    }

    private StoredRecord record(ResultSet rs) throws SQLException {
        String key = rs.getString(1);
        boolean deleted = rs.getBoolean(3);
        Map<String, Object> fields = deleted ? Map.of() : JsonText.fields(rs.getString(4), stream + "/" + key);
        return new StoredRecord(key, rs.getLong(2), deleted, fields);
    }
}
