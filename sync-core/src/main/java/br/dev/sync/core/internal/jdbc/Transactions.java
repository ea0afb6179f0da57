package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.LockTimeoutException;
import br.dev.sync.core.StoreException;
import br.dev.sync.core.SyncException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs the store's work on pooled connections: writes in one READ COMMITTED transaction under the lock timeout
 * (MariaDB's default REPEATABLE READ would take gap locks for the page's new keys, and two pages of one stream
 * applied at once deadlocked on them), reads in one read-only unit; every failure becomes a {@link StoreException} (or {@link LockTimeoutException}) that names the
 * operation and the stream and carries the driver's exception as its cause, never SQL text or values. Thread-safe.
 */
public final class Transactions {
    /** Work on a connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Duration lockTimeout;

    public Transactions(DataSource dataSource, Dialect dialect, Duration lockTimeout) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.lockTimeout = lockTimeout;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** One transaction: committed when {@code work} returns, rolled back when anything in it fails. */
    public <T> T write(String operation, String stream, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            c.setAutoCommit(false);
            BlockerWatch watch = null;
            try {
                dialect.beginLockTimeout(c, lockTimeout);
                watch = BlockerWatch.start(dataSource, dialect, c, lockTimeout);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                rollback(c, e);
                throw translate(operation, stream, e, watch);
            } catch (RuntimeException e) {
                rollback(c, e);
                throw rolledBack(operation, stream, e);
            } finally {
                if (watch != null) {
                    watch.stop();
                }
                restore(c, autoCommit, isolation);
            }
        } catch (SQLException e) {
            throw translate(operation, stream, e, null);
        }
    }

    /** Reads in one transaction that is rolled back at the end (so results can be fetched in pieces). */
    public <T> T read(String operation, String stream, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw translate(operation, stream, e, null);
        }
    }

    /** Runs each statement of {@code work} in its own transaction (auto-commit on). */
    public <T> T autoCommit(String operation, String stream, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try {
                return work.run(c);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw translate(operation, stream, e, null);
        }
    }

    /** The store's exception for a driver's failure of work done on a host's connection. */
    public SyncException translate(String operation, String stream, SQLException e) {
        return translate(operation, stream, e, null);
    }

    private void restore(Connection c, boolean autoCommit, int isolation) {
        try {
            dialect.endLockTimeout(c);
            c.setAutoCommit(autoCommit);
            if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                c.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            // the pool resets or evicts a connection it cannot restore
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static SyncException rolledBack(String operation, String stream, RuntimeException e) {
        if (e instanceof SyncException s) {
            return s;
        }
        return new StoreException(operation + of(stream) + " was rolled back: " + e.getMessage(), e);
    }

    /** The store's exception for a driver's, with the blocker when a lock wait timed out. */
    private SyncException translate(String operation, String stream, SQLException e, BlockerWatch watch) {
        if (dialect != null && matches(e, true)) {
            Optional<String> blocker = watch == null ? Optional.empty() : watch.blocker();
            return new LockTimeoutException(
                    operation + of(stream) + " waited longer than the lock timeout (" + lockTimeout.toMillis()
                            + " ms) for a row another session holds; nothing was committed. Blocked by "
                            + blocker.orElse("a session the database did not name")
                            + "; end that session or wait for it, then apply the same page again.",
                    blocker.orElse(null),
                    e);
        }
        if (dialect != null && matches(e, false)) {
            return new LockTimeoutException(
                    operation + of(stream) + " was chosen as the victim of a deadlock; nothing was"
                            + " committed; apply it again.",
                    null,
                    e);
        }
        return new StoreException(
                operation + of(stream) + " failed in the " + (dialect == null ? "" : dialect.name() + " ")
                        + "database (SQLState "
                        + e.getSQLState() + ", error " + e.getErrorCode() + "); nothing was committed. The cause"
                        + " holds the driver's message.",
                e);
    }

    private static String of(String stream) {
        return stream == null ? "" : " of stream " + stream;
    }

    private boolean matches(SQLException e, boolean lockTimeout) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException s && (lockTimeout ? dialect.isLockTimeout(s) : dialect.isDeadlock(s))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException s && s.getNextException() != null && s.getNextException() != s) {
            return s.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
