package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.Change;
import br.dev.sync.core.StoreException;
import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The outbox ({@code <prefix>outbox}, changes as JSON in sequence) and the push ledger ({@code <prefix>push_ledger}:
 * the claimed batch of a stream, its id and entries as claimed), so a claim survives a restart and is answered
 * with the same id and entries until it is acknowledged. Stateless; thread-safe.
 */
public final class OutboxSql {
    private final SdkTables t;
    private final Dialect dialect;
    private final String order;

    /** The outbox of these tables on this database ({@link Dialect#queueOrder()}, {@link Dialect#outboxKeyProbes()}). */
    public OutboxSql(SdkTables tables, Dialect dialect) {
        this.t = tables;
        this.dialect = dialect;
        this.order = dialect.queueOrder();
    }

    /** Inserts the change on {@code c} and answers its sequence; commits nothing. */
    public long append(Connection c, Change change, long nowMicros) throws SQLException {
        String sql = "INSERT INTO " + t.outbox() + " (stream, record_key, change_json, created_at) VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, change.stream());
            ps.setString(2, change.key());
            ps.setString(3, JsonText.write(change, "outbox change " + change.stream() + "/" + change.key()));
            ps.setLong(4, nowMicros);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                if (!rs.next()) {
                    throw new StoreException("the database gave no sequence to the outbox entry of " + change.stream()
                            + "/" + change.key());
                }
                return rs.getLong(1);
            }
        }
    }

    /** The newest pending entry of each of these keys of the stream. */
    public Map<String, OutboxEntry> pendingFor(Connection c, String stream, Collection<String> keys)
            throws SQLException {
        if (dialect.outboxKeyProbes()) {
            return probed(c, stream, keys);
        }
        Map<String, OutboxEntry> out = new HashMap<>();
        for (List<String> chunk : Values.chunks(keys)) {
            String sql = "SELECT seq, change_json FROM " + t.outbox() + " WHERE stream = ? AND record_key IN ("
                    + Values.marks(chunk.size()) + ") ORDER BY seq";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, stream);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                for (OutboxEntry e : entries(ps, stream)) {
                    out.put(e.change().key(), e);
                }
            }
        }
        return out;
    }

    /** {@link #pendingFor} with one probe of the outbox key index per key, whatever the statistics. */
    private Map<String, OutboxEntry> probed(Connection c, String stream, Collection<String> keys) throws SQLException {
        Map<String, OutboxEntry> out = new HashMap<>();
        boolean binary = TextArrays.binary(c);
        try (PreparedStatement ps = c.prepareStatement(probeSql())) {
            for (List<String> chunk : Values.chunks(keys)) {
                TextArrays.bind(c, binary, ps, 1, chunk.toArray(String[]::new), 0, chunk.size());
                ps.setString(2, stream);
                for (OutboxEntry e : entries(ps, stream)) {
                    out.put(e.change().key(), e);
                }
            }
        }
        return out;
    }

    /** The claim's read: along the (stream, seq) index, stopping at the limit (see {@link Dialect#queueOrder}). */
    String claimSql(int limit) {
        return "SELECT seq, change_json FROM " + t.outbox() + " WHERE stream = ? ORDER BY " + order + " LIMIT "
                + Math.max(1, limit);
    }

    /** The probing statement: the keys as one text array (parameter 1), the stream (parameter 2). */
    String probeSql() {
        return "SELECT o.seq, o.change_json FROM unnest(?::text[]) AS k(record_key) CROSS JOIN LATERAL"
                + " (SELECT seq, change_json FROM " + t.outbox() + " WHERE record_key = k.record_key AND stream = ?"
                + " ORDER BY seq DESC LIMIT 1) AS o";
    }

    /** Whether the stream has an entry: one index row read, where a count walks them all. */
    public boolean hasPending(Connection c, String stream) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM " + t.outbox() + " WHERE stream = ? ORDER BY " + order + " LIMIT 1")) {
            ps.setString(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public long pendingCount(Connection c, String stream) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t.outbox() + " WHERE stream = ?")) {
            ps.setString(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public PushBatch claim(Connection c, String stream, int limit, Supplier<String> newId, long nowMicros)
            throws SQLException {
        PushBatch open = claimed(c, stream);
        if (open != null) {
            return open;
        }
        List<OutboxEntry> entries = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        dialect.beforeQueueRead(c);
        try (PreparedStatement ps = c.prepareStatement(claimSql(limit))) {
            ps.setMaxRows(limit);
            ps.setString(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs, stream));
                    texts.add(rs.getString(2));
                }
            }
        }
        if (entries.isEmpty()) {
            return new PushBatch("", stream, List.of());
        }
        PushBatch batch = new PushBatch(newId.get(), stream, entries);
        String sql = "INSERT INTO " + t.pushLedger() + " (stream, seq, batch_id, change_json, claimed_at)"
                + " VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            TextBatch ledger = new TextBatch(ps, dialect);
            for (int i = 0; i < entries.size(); i++) {
                ps.setString(1, stream);
                ps.setLong(2, entries.get(i).sequence());
                ps.setString(3, batch.id());
                ps.setString(4, texts.get(i)); // the outbox's own text: the ledger keeps the entry as claimed
                ps.setLong(5, nowMicros);
                ledger.add(TextBatch.chars(stream) + TextBatch.chars(batch.id()) + TextBatch.chars(texts.get(i)));
            }
            ledger.finish();
        }
        return batch;
    }

    private PushBatch claimed(Connection c, String stream) throws SQLException {
        String sql = "SELECT seq, change_json, batch_id FROM " + t.pushLedger() + " WHERE stream = ? ORDER BY " + order;
        List<OutboxEntry> entries = new ArrayList<>();
        String id = null;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs, stream));
                    id = rs.getString(3);
                }
            }
        }
        return id == null ? null : new PushBatch(id, stream, entries);
    }

    /** The id of the stream's claimed batch, null when none is; reads no entries. */
    private String claimedId(Connection c, String stream) throws SQLException {
        String sql = "SELECT batch_id FROM " + t.pushLedger() + " WHERE stream = ? ORDER BY " + order + " LIMIT 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Settles the claimed batch: acknowledged entries leave the outbox, the ledger is emptied. */
    public void acknowledge(Connection c, PushBatch batch, List<PushAck> acks) throws SQLException {
        if (!batch.id().equals(claimedId(c, batch.stream()))) {
            throw new StoreException("batch " + batch.id() + " of " + batch.stream()
                    + " is not the claimed batch; it was settled already");
        }
        drop(c, acks.stream().map(PushAck::sequence).toList());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.pushLedger() + " WHERE stream = ?")) {
            ps.setString(1, batch.stream());
            ps.executeUpdate();
        }
    }

    public void drop(Connection c, Collection<Long> sequences) throws SQLException {
        if (sequences.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.outbox() + " WHERE seq = ?")) {
            for (long seq : sequences) {
                ps.setLong(1, seq);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Settles a page's conflicts: each dropped sequence leaves with the earlier entries of its stream and key, each
     * rewritten one takes its new change while the earlier entries of its key leave. Later entries of a key stay.
     * See {@link br.dev.sync.core.spi.ApplyBatch}.
     */
    public void settle(Connection c, Collection<Long> dropped, Map<Long, Change> rewritten) throws SQLException {
        if (dropped.isEmpty() && rewritten.isEmpty()) {
            return;
        }
        List<Long> sequences = new ArrayList<>(dropped);
        sequences.addAll(rewritten.keySet());
        String sql = "DELETE FROM " + t.outbox() + " WHERE record_key = ? AND stream = ? AND seq <= ?";
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            for (List<Long> chunk : Values.chunks(sequences)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT seq, stream, record_key FROM " + t.outbox()
                        + " WHERE seq IN (" + Values.marks(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            delete.setString(1, rs.getString(3));
                            delete.setString(2, rs.getString(2));
                            // a rewritten entry stays, only the ones before it leave
                            delete.setLong(3, rewritten.containsKey(seq) ? seq - 1 : seq);
                            delete.addBatch();
                        }
                    }
                }
            }
            delete.executeBatch();
        }
        rewrite(c, rewritten);
    }

    private void rewrite(Connection c, Map<Long, Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        String sql = "UPDATE " + t.outbox() + " SET change_json = ?, record_key = ? WHERE seq = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<Long, Change> e : changes.entrySet()) {
                ps.setString(1, JsonText.write(e.getValue(), "outbox entry " + e.getKey()));
                ps.setString(2, e.getValue().key());
                ps.setLong(3, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<OutboxEntry> entries(PreparedStatement ps, String stream) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(entry(rs, stream));
            }
        }
        return out;
    }

    private static OutboxEntry entry(ResultSet rs, String stream) throws SQLException {
        long seq = rs.getLong(1);
        return new OutboxEntry(seq, JsonText.change(rs.getString(2), "outbox entry " + seq + " of " + stream));
    }
}
