package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.QuarantineStage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The quarantine table {@code <prefix>quarantine}; ids come from the database. Stateless; thread-safe. */
public final class QuarantineSql {
    private static final String COLUMNS = "id, stream, record_key, partition_key, stage, reason, raw, version,"
            + " attempts, first_seen, last_attempt";
    private final SdkTables t;

    public QuarantineSql(SdkTables tables) {
        this.t = tables;
    }

    /**
     * Keeps the entries on {@code c} and answers their ids in order. An entry for a record already kept at the same
     * stage ({@link QuarantineEntry#sameRecordAs}) counts one more attempt on the existing row instead of adding one.
     */
    public List<Long> insert(Connection c, Collection<QuarantineEntry> entries) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (QuarantineEntry q : entries) {
            Optional<QuarantineEntry> existing = findSame(c, q);
            if (existing.isPresent()) {
                update(c, existing.get().failedAgain(q.reason(), q.lastAttempt()));
                ids.add(existing.get().id());
            } else {
                ids.add(insertNew(c, q));
            }
        }
        return ids;
    }

    private Optional<QuarantineEntry> findSame(Connection c, QuarantineEntry q) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + t.quarantine()
                + " WHERE stream = ? AND stage = ? AND partition_key = ? AND "
                + (q.key() == null ? "record_key IS NULL" : "record_key = ? AND version = ?") + " ORDER BY id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, q.stream());
            ps.setString(2, q.stage().name());
            ps.setString(3, q.partition());
            if (q.key() != null) {
                ps.setString(4, q.key());
                ps.setLong(5, q.version());
            }
            return entries(ps).stream().filter(e -> e.sameRecordAs(q)).findFirst();
        }
    }

    private long insertNew(Connection c, QuarantineEntry entry) throws SQLException {
        List<QuarantineEntry> entries = List.of(entry);
        List<Long> ids = new ArrayList<>();
        String sql = "INSERT INTO " + t.quarantine() + " (stream, record_key, partition_key, stage, reason, raw,"
                + " version, attempts, first_seen, last_attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (QuarantineEntry q : entries) {
                ps.setString(1, q.stream());
                ps.setString(2, q.key());
                ps.setString(3, q.partition());
                ps.setString(4, q.stage().name());
                ps.setString(5, q.reason());
                ps.setString(6, q.raw());
                ps.setLong(7, q.version());
                ps.setInt(8, q.attempts());
                ps.setLong(9, Micros.of(q.firstSeen()));
                ps.setLong(10, Micros.of(q.lastAttempt()));
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids.get(0);
    }

    public List<QuarantineEntry> list(Connection c, QuarantineQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + t.quarantine() + " WHERE id > ?");
        if (q.stream() != null) {
            sql.append(" AND stream = ?");
        }
        if (q.stage() != null) {
            sql.append(" AND stage = ?");
        }
        try (PreparedStatement ps =
                c.prepareStatement(sql.append(" ORDER BY id").toString())) {
            ps.setMaxRows(q.limit());
            int i = 1;
            ps.setLong(i++, q.afterId());
            if (q.stream() != null) {
                ps.setString(i++, q.stream());
            }
            if (q.stage() != null) {
                ps.setString(i, q.stage().name());
            }
            return entries(ps);
        }
    }

    public Optional<QuarantineEntry> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM " + t.quarantine() + " WHERE id = ?")) {
            ps.setLong(1, id);
            return entries(ps).stream().findFirst();
        }
    }

    public void update(Connection c, QuarantineEntry q) throws SQLException {
        String sql = "UPDATE " + t.quarantine() + " SET reason = ?, attempts = ?, last_attempt = ? WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, q.reason());
            ps.setInt(2, q.attempts());
            ps.setLong(3, Micros.of(q.lastAttempt()));
            ps.setLong(4, q.id());
            ps.executeUpdate();
        }
    }

    public int delete(Connection c, Collection<Long> ids) throws SQLException {
        int deleted = 0;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.quarantine() + " WHERE id = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                deleted += ps.executeUpdate();
            }
        }
        return deleted;
    }

    public long count(Connection c, String stream) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + t.quarantine() + (stream == null ? "" : " WHERE stream = ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (stream != null) {
                ps.setString(1, stream);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<QuarantineEntry> entries(PreparedStatement ps) throws SQLException {
        List<QuarantineEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new QuarantineEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        QuarantineStage.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getLong(8),
                        rs.getInt(9),
                        Micros.toInstant(rs.getLong(10)),
                        Micros.toInstant(rs.getLong(11))));
            }
        }
        return out;
    }
}
