package br.dev.sync.core.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Whether one table's pages are sent as plain inserts before anything is read ({@link Dialect#insertsFirst()}),
 * and the attempt itself. A table starts by trying: a first sync brings only new keys. A page in which a key
 * exists already (or, in a table without a deleted column, has a tombstone) turns the attempts off, having written
 * nothing; a read of stored versions that finds none of a
 * page's keys turns them on again. A page therefore costs at most one failed attempt each time the table goes
 * from new keys to known ones. Thread-safe.
 *
 * <p>A failed attempt leaves InnoDB's shared lock on the existing row until the transaction ends (a rollback to a
 * savepoint keeps row locks), so two transactions failing on the same key can deadlock as they go on to lock it for
 * update; the store reports the deadlock's victim as a {@code LockTimeoutException} with nothing committed, which
 * the engine retries.
 */
final class InsertFirst {
    /** Sends a page's inserts on the caller's connection. */
    @FunctionalInterface
    interface Inserts {
        void send() throws SQLException;
    }

    private volatile boolean keysNew = true;

    /** Whether the next page should be tried as inserts. */
    boolean worthTrying() {
        return keysNew;
    }

    /**
     * Sends the inserts under a savepoint of the caller's transaction; answers true when all of them went in, and
     * false, with the transaction as it was before, when a key existed.
     */
    boolean tryInserts(Connection c, Dialect d, Inserts inserts) throws SQLException {
        Savepoint before = c.setSavepoint();
        try {
            inserts.send();
            return true;
        } catch (SQLException e) {
            if (!d.isDuplicateKey(e)) {
                throw e;
            }
            c.rollback(before);
            found();
            return false;
        }
    }

    /** A page's keys were found stored (a row, or a tombstone that an insert must not pass), attempted or not. */
    void found() {
        keysNew = false;
    }

    /** A read of a page's stored versions found {@code stored} of its keys. */
    void read(int stored) {
        if (stored == 0) {
            keysNew = true;
        }
    }
}
