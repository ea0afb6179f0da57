package br.dev.sync.core.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Names the session that blocks a transaction while it still waits: a database forgets who blocked a session once
 * its lock wait has timed out, so the question has to be asked during the wait. When a transaction has run for a
 * third of the lock timeout, this asks the dialect on another pooled connection who blocks it, and again every
 * fifth of the timeout until the transaction ends; the last answer is kept. A fast transaction never reaches the
 * first check and costs only the scheduling. Thread-safe.
 */
final class BlockerWatch {
    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sync-jdbc-blocker-watch");
        t.setDaemon(true);
        return t;
    });

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String session;
    private final AtomicReference<String> blocker = new AtomicReference<>();
    private final ScheduledFuture<?> checks;

    private BlockerWatch(DataSource dataSource, Dialect dialect, String session, Duration lockTimeout) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.session = session;
        long first = Math.max(20, lockTimeout.toMillis() / 3);
        long every = Math.max(20, lockTimeout.toMillis() / 5);
        this.checks = TIMER.scheduleWithFixedDelay(this::check, first, every, TimeUnit.MILLISECONDS);
    }

    static BlockerWatch start(DataSource dataSource, Dialect dialect, Connection watched, Duration lockTimeout)
            throws SQLException {
        return new BlockerWatch(dataSource, dialect, dialect.sessionId(watched), lockTimeout);
    }

    private void check() {
        try (Connection monitor = dataSource.getConnection()) {
            dialect.blockerOf(monitor, session).ifPresent(blocker::set);
        } catch (SQLException | RuntimeException e) {
            // the watch only helps the error message; a failed look-up leaves the blocker unknown
        }
    }

    void stop() {
        checks.cancel(false);
    }

    /** The last blocker seen; asks once more if none was seen yet (the lock may still be held). */
    Optional<String> blocker() {
        if (blocker.get() == null) {
            check();
        }
        return Optional.ofNullable(blocker.get());
    }
}
