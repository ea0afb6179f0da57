package br.dev.sync.core.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What differs between databases: quoting, the native upsert with the version check inside it, the lock timeout
 * and how to name the session that holds a lock. One instance per database kind; stateless and thread-safe.
 *
 * <p>Applied/unchanged counts never come from a batch's update counts: PostgreSQL with
 * {@code reWriteBatchedInserts} and MariaDB with {@code rewriteBatchedStatements} answer
 * {@code SUCCESS_NO_INFO}, and MariaDB counts found rather than changed rows unless {@code useAffectedRows=true}.
 * PostgreSQL writes a page in one set-based upsert that returns the keys it wrote ({@link #setUpserts()}). MariaDB
 * sends a page of probably new keys as plain inserts ({@link #insertsFirst()}); otherwise it reads the page's stored
 * versions first ({@code SELECT ... FOR UPDATE}, in the same transaction) and sends only newer changes: those of
 * the rows it found and locked as plain upserts ({@link #plainUpsertsOverLockedRows()}), the others with the version
 * check inside the upsert, which still guards against a writer that is not the store. H2's
 * MERGE answers 1 or 0 per row ({@link #exactBatchCounts()}), so the store sends the whole page and counts from the
 * batch, without the read.
 *
 * <p>To add Oracle (WinThor): write {@code OracleDialect} with {@code MERGE INTO t USING (SELECT ? ... FROM dual)
 * s ON (...) WHEN MATCHED THEN UPDATE ... WHERE t.version < s.version WHEN NOT MATCHED THEN INSERT ...}, lock
 * timeouts through {@code SELECT ... FOR UPDATE WAIT n} (ORA-30006) and the blocker from {@code v$session
 * .blocking_session}, add its migrations under {@code migration/oracle}, and return it from {@link Dialects}.
 */
public interface Dialect {
    /** Short name, also the folder of its migrations and plain SQL: h2, postgresql, mariadb. */
    String name();

    /** The identifier quoted for this database; the caller has validated it with {@link Identifiers}. */
    String quote(String identifier);

    /** Turns an identifier written without quotes into the case the database stores it in. */
    String storedCase(String identifier);

    /**
     * One row's upsert that writes only when the stored version is older: the parameters are {@code columns} in
     * order. {@code keys} and {@code version} are among the columns (quoted already).
     */
    String versionedUpsert(String table, List<String> columns, List<String> keys, String version);

    /** One row's upsert without a version check (the SDK's own state tables). */
    String upsert(String table, List<String> columns, List<String> keys);

    /** Sets the lock timeout for the transaction just begun on {@code c}. */
    void beginLockTimeout(Connection c, Duration timeout) throws SQLException;

    /** Undoes {@link #beginLockTimeout} where the setting outlives the transaction. */
    default void endLockTimeout(Connection c) throws SQLException {}

    boolean isLockTimeout(SQLException e);

    /** A deadlock or serialization failure: the transaction was chosen as victim and may be tried again. */
    boolean isDeadlock(SQLException e);

    /** This connection's session id as the database names it in its lock views. */
    String sessionId(Connection c) throws SQLException;

    /**
     * The session that blocks {@code waitingSession} now, described (id first), asked on another connection;
     * empty when none blocks it or the database cannot tell.
     */
    Optional<String> blockerOf(Connection monitor, String waitingSession) throws SQLException;

    /**
     * About how many characters of bound values one batch statement may carry before the rest of the batch goes
     * in another statement of the same transaction ({@link TextBatch}); unlimited unless the driver needs it.
     */
    default long batchChars() {
        return Long.MAX_VALUE;
    }

    /**
     * Whether the database takes a whole page in one set-based versioned upsert that answers the keys it wrote
     * ({@link SetUpsert}); the store then sends the page without reading its versions first.
     */
    default boolean setUpserts() {
        return false;
    }

    /**
     * Whether the outbox's newest pending entry of each key is read by one index probe per key (a lateral join on
     * the keys as one array) instead of {@code stream = ? AND record_key IN (..)}. PostgreSQL plans that IN list
     * along the {@code (stream, seq)} index while the outbox has no statistics (entries appended since the last
     * ANALYZE, or autovacuum off): 19–40 ms for 500 keys among 100,000 entries, against 1.3 ms probing.
     */
    default boolean outboxKeyProbes() {
        return false;
    }

    /**
     * Readies the caller's transaction for a read of one stream's queue in sequence up to a LIMIT (a push claim),
     * so that the read follows the {@code (stream, seq)} index to the limit whatever the table's statistics. The
     * settings last to the end of the transaction. Nothing by default.
     */
    default void beforeQueueRead(Connection c) throws SQLException {}

    /**
     * The ORDER BY that reads one stream's queue (outbox, push ledger) in sequence along its {@code (stream, seq)}
     * index, stopping at the limit. H2 needs the stream named ({@code ORDER BY seq} alone made it read and sort the
     * stream's whole outbox).
     */
    default String queueOrder() {
        return "stream, seq";
    }

    /**
     * Whether a page whose keys are probably all new is sent first as plain inserts, under a savepoint, instead of
     * reading its stored versions first ({@link InsertFirst}): when every insert succeeds, every change was written
     * and the counts are exact without the read; when a key exists, {@link #isDuplicateKey} says so, the inserts
     * are rolled back to the savepoint and the page takes the read-first way.
     */
    default boolean insertsFirst() {
        return false;
    }

    /** A plain insert of one row into {@code table}: the parameters are {@code columns} in order (quoted already). */
    default String plainInsert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    }

    /**
     * Whether a change newer than the version of a row this transaction read and locked ({@code SELECT ... FOR
     * UPDATE}) goes as the plain {@link #upsert}, without the version check of {@link #versionedUpsert}: no other
     * writer can change a locked row before the commit, so the check could only ever pass.
     */
    default boolean plainUpsertsOverLockedRows() {
        return false;
    }

    /** Whether a batch's update counts say exactly which rows the versioned upsert wrote (1) or skipped (0). */
    default boolean exactBatchCounts() {
        return false;
    }

    /** Whether {@code e} says the row's unique key exists already. */
    default boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
