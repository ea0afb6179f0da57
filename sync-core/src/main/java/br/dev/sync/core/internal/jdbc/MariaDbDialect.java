package br.dev.sync.core.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MariaDB: {@code INSERT ... ON DUPLICATE KEY UPDATE c = IF(VALUES(v) > v, VALUES(c), c), ..., v = ...} with the
 * version column assigned last (MariaDB evaluates the assignments left to right, so the earlier ones still see
 * the old version). The key must be the table's only unique key. The lock timeout is
 * {@code innodb_lock_wait_timeout} in whole seconds (rounded up), set for the session and reset to the server's
 * default after the transaction; error 1205 when it fires. The blocker comes from
 * {@code information_schema.INNODB_LOCK_WAITS} / {@code INNODB_TRX} / {@code PROCESSLIST} (needs the PROCESS
 * privilege).
 */
final class MariaDbDialect implements Dialect {
    /**
     * {@code seq} alone: with the stream named, MariaDB sorted the stream's whole outbox for every claim (a
     * string bound in the connection's collation, utf8mb4_general_ci, does not let it read the utf8mb4_bin column
     * as one value: ~100 ms and 300,000 rows examined per claim of 1,000; ~3 ms without).
     */
    @Override
    public String queueOrder() {
        return "seq";
    }

    @Override
    public String name() {
        return "mariadb";
    }

    /** Keeps each rewritten batch statement inside the driver's 128 KB buffer ({@link TextBatch}). */
    @Override
    public long batchChars() {
        return 80_000;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String storedCase(String identifier) {
        return identifier;
    }

    @Override
    public String versionedUpsert(String table, List<String> columns, List<String> keys, String version) {
        List<String> set = new ArrayList<>();
        for (String c : columns) {
            if (!keys.contains(c) && !c.equals(version)) {
                set.add(c + " = IF(VALUES(" + version + ") > " + version + ", VALUES(" + c + "), " + c + ")");
            }
        }
        set.add(version + " = IF(VALUES(" + version + ") > " + version + ", VALUES(" + version + "), " + version + ")");
        return plainInsert(table, columns) + " ON DUPLICATE KEY UPDATE " + String.join(", ", set);
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> keys) {
        List<String> set = columns.stream()
                .filter(c -> !keys.contains(c))
                .map(c -> c + " = VALUES(" + c + ")")
                .toList();
        String first = keys.get(0);
        return plainInsert(table, columns) + " ON DUPLICATE KEY UPDATE "
                + (set.isEmpty() ? first + " = " + first : String.join(", ", set));
    }

    /**
     * Pages of new keys skip the version read: on a 2-core machine the two {@code SELECT ... FOR UPDATE}
     * of a 1,000-row page took 4.5 ms of the server's time for nothing found (docs/performance.md).
     */
    @Override
    public boolean insertsFirst() {
        return true;
    }

    /**
     * The version check costs MariaDB an {@code IF} per column and row: a page of 1,000 newer versions of stored
     * pre-postings took it more CPU than its plain upsert (docs/performance.md, change 33).
     */
    @Override
    public boolean plainUpsertsOverLockedRows() {
        return true;
    }

    /** Error 1062 (ER_DUP_ENTRY) only: SQLSTATE 23000 also stands for a NULL in a NOT NULL column (1048). */
    @Override
    public boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void beginLockTimeout(Connection c, Duration timeout) throws SQLException {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION innodb_lock_wait_timeout = " + seconds);
        }
    }

    @Override
    public void endLockTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION innodb_lock_wait_timeout = DEFAULT");
        }
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 1205;
    }

    @Override
    public boolean isDeadlock(SQLException e) {
        return e.getErrorCode() == 1213 || "40001".equals(e.getSQLState());
    }

    @Override
    public String sessionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public Optional<String> blockerOf(Connection monitor, String waitingSession) throws SQLException {
        String sql = "SELECT b.trx_mysql_thread_id, p.USER, p.HOST, p.COMMAND, p.TIME, p.INFO"
                + " FROM information_schema.INNODB_LOCK_WAITS w"
                + " JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id"
                + " JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id"
                + " LEFT JOIN information_schema.PROCESSLIST p ON p.ID = b.trx_mysql_thread_id"
                + " WHERE r.trx_mysql_thread_id = ? ORDER BY b.trx_mysql_thread_id LIMIT 1";
        try (PreparedStatement s = monitor.prepareStatement(sql)) {
            s.setLong(1, Long.parseLong(waitingSession));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of("thread " + rs.getLong(1) + " (user " + rs.getString(2) + ", host "
                        + rs.getString(3) + ", command " + rs.getString(4) + " for " + rs.getLong(5)
                        + " s, statement: " + Sessions.shorten(rs.getString(6)) + ")");
            }
        }
    }
}
