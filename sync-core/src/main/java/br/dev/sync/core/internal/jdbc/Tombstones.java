package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.Change;
import br.dev.sync.core.spi.StoredRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Deletes in a host table without a deleted column: the row is removed when its version is older, and the delete's
 * version is kept in the SDK's {@code <prefix>tombstones} so an older upsert cannot bring the row back.
 */
final class Tombstones {
    private final String stream;
    private final String table;
    private final MappedTable.Column key;
    private final MappedTable.Column version;
    private final String tombstones;
    private final Dialect d;

    Tombstones(
            String stream,
            String table,
            MappedTable.Column key,
            MappedTable.Column version,
            String tombstones,
            Dialect d) {
        this.stream = stream;
        this.table = table;
        this.key = key;
        this.version = version;
        this.tombstones = tombstones;
        this.d = d;
    }

    void delete(Connection c, Collection<Change> deletes) throws SQLException {
        String remove = "DELETE FROM " + table + " WHERE " + key.quoted() + " = ? AND " + version.quoted() + " < ?";
        String keep = d.versionedUpsert(
                tombstones, List.of("stream", "record_key", "version"), List.of("stream", "record_key"), "version");
        try (PreparedStatement rm = c.prepareStatement(remove);
                PreparedStatement ts = c.prepareStatement(keep)) {
            for (Change ch : deletes) {
                Values.bind(rm, 1, ch.key(), key.sqlType());
                rm.setLong(2, ch.version());
                rm.addBatch();
                ts.setString(1, stream);
                ts.setString(2, ch.key());
                ts.setLong(3, ch.version());
                ts.addBatch();
            }
            rm.executeBatch();
            ts.executeBatch();
        }
    }

    /**
     * Drops the tombstones these upserts replace, a statement per {@link Values#CHUNK} keys. Each upsert is newer
     * than its key's tombstone, which {@link MappedTable#lockVersions} read and locked in the same transaction (the
     * store writes only such changes), so every tombstone of these keys goes. A batch of single-key deletes cost
     * MariaDB about 15 ms of CPU a page of 1,000 (docs/performance.md, change 31).
     */
    void forget(Connection c, Collection<Change> upserts) throws SQLException {
        for (List<String> chunk :
                Values.chunks(upserts.stream().map(Change::key).toList())) {
            String sql = "DELETE FROM " + tombstones + " WHERE stream = ? AND record_key IN ("
                    + Values.marks(chunk.size()) + ")";
            try (PreparedStatement ps = Values.keyed(c, sql, stream, chunk)) {
                ps.executeUpdate();
            }
        }
    }

    /** Reads and locks the tombstones of these keys (at most {@link Values#CHUNK}) into {@code out}. */
    void lock(Connection c, List<String> keys, Map<String, Long> out) throws SQLException {
        try (PreparedStatement ps = select(c, keys, " FOR UPDATE")) {
            MappedTable.collect(ps, out);
        }
    }

    /** Puts the tombstone of each of these keys in {@code out}, unless the key's live row there is newer. */
    void read(Connection c, List<String> keys, Map<String, StoredRecord> out) throws SQLException {
        try (PreparedStatement ps = select(c, keys, "");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StoredRecord live = out.get(rs.getString(1));
                if (live == null || live.version() < rs.getLong(2)) {
                    out.put(rs.getString(1), new StoredRecord(rs.getString(1), rs.getLong(2), true, Map.of()));
                }
            }
        }
    }

    private PreparedStatement select(Connection c, List<String> keys, String suffix) throws SQLException {
        String sql = "SELECT record_key, version FROM " + tombstones + " WHERE stream = ? AND record_key IN ("
                + Values.marks(keys.size()) + ")" + suffix;
        return Values.keyed(c, sql, stream, keys);
    }
}
