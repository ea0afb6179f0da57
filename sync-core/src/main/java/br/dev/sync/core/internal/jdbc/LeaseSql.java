package br.dev.sync.core.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Leases in {@code <prefix>leases(name, holder, expires_at)}, atomic across processes without a transaction: one
 * {@code UPDATE ... WHERE name = ? AND (holder = ? OR expires_at <= now)} takes a held lease that is free, expired
 * or already ours (the database re-checks the condition on the row it locks, so two racers cannot both match);
 * when no row exists an {@code INSERT} creates it, and the primary key lets only one racer's insert succeed.
 * Times are the store's clock in epoch microseconds, so the nodes sharing a database need synchronised clocks
 * (NTP); a lease's expiry tolerates skew smaller than its time to live. Run each statement with auto-commit on.
 */
public final class LeaseSql {
    private final SdkTables t;
    private final Dialect d;

    public LeaseSql(SdkTables tables, Dialect dialect) {
        this.t = tables;
        this.d = dialect;
    }

    public boolean tryLease(Connection c, String name, String holder, long nowMicros, long expiresMicros)
            throws SQLException {
        String update = "UPDATE " + t.leases() + " SET holder = ?, expires_at = ?"
                + " WHERE name = ? AND (holder = ? OR expires_at <= ?)";
        try (PreparedStatement ps = c.prepareStatement(update)) {
            ps.setString(1, holder);
            ps.setLong(2, expiresMicros);
            ps.setString(3, name);
            ps.setString(4, holder);
            ps.setLong(5, nowMicros);
            if (ps.executeUpdate() > 0) {
                return true;
            }
        }
        String insert = "INSERT INTO " + t.leases() + " (name, holder, expires_at) VALUES (?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, name);
            ps.setString(2, holder);
            ps.setLong(3, expiresMicros);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (d.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public void release(Connection c, String name, String holder) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + t.leases() + " WHERE name = ? AND holder = ?")) {
            ps.setString(1, name);
            ps.setString(2, holder);
            ps.executeUpdate();
        }
    }
}
