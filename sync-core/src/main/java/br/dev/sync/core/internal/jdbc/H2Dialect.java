package br.dev.sync.core.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * H2 (the embedded default): the standard {@code MERGE INTO t USING (VALUES ...) s ON ... WHEN MATCHED AND
 * t.version < s.version THEN UPDATE ... WHEN NOT MATCHED THEN INSERT}; the SDK's own tables use H2's
 * {@code MERGE ... KEY (...)}. The lock timeout is the session's {@code SET LOCK_TIMEOUT} (it stays set on the
 * connection); error 50200 when it fires. The blocker is {@code INFORMATION_SCHEMA.SESSIONS.BLOCKER_ID}, which H2
 * shows only to an admin user: for other users the blocker is unknown.
 */
final class H2Dialect implements Dialect {
    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String storedCase(String identifier) {
        return identifier.toUpperCase(Locale.ROOT);
    }

    @Override
    public String versionedUpsert(String table, List<String> columns, List<String> keys, String version) {
        String on = keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
        String set = columns.stream()
                .filter(c -> !keys.contains(c))
                .map(c -> c + " = s." + c)
                .collect(Collectors.joining(", "));
        return "MERGE INTO " + table + " t USING (VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")) s("
                + String.join(", ", columns) + ") ON " + on + " WHEN MATCHED AND t." + version + " < s." + version
                + " THEN UPDATE SET " + set + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns)
                + ") VALUES (" + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public boolean exactBatchCounts() {
        return true;
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> keys) {
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys)
                + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public void beginLockTimeout(Connection c, Duration timeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCK_TIMEOUT " + Math.max(1, timeout.toMillis()));
        }
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 50200;
    }

    @Override
    public boolean isDeadlock(SQLException e) {
        return e.getErrorCode() == 40001 || e.getErrorCode() == 90131;
    }

    @Override
    public String sessionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SESSION_ID()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public Optional<String> blockerOf(Connection monitor, String waitingSession) throws SQLException {
        String sql = "SELECT b.SESSION_ID, b.USER_NAME, b.EXECUTING_STATEMENT FROM INFORMATION_SCHEMA.SESSIONS w"
                + " JOIN INFORMATION_SCHEMA.SESSIONS b ON b.SESSION_ID = w.BLOCKER_ID WHERE w.SESSION_ID = ?";
        try (PreparedStatement s = monitor.prepareStatement(sql)) {
            s.setInt(1, Integer.parseInt(waitingSession));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of("session " + rs.getInt(1) + " (user " + rs.getString(2) + ", statement: "
                        + Sessions.shorten(rs.getString(3)) + ")");
            }
        }
    }
}
