package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.Change;
import br.dev.sync.core.spi.StoredRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Where one stream's records live: the SDK's generic table or a host's table. Thread-safe; its only state is
 * whether its recent pages brought new keys ({@link InsertFirst}).
 */
public interface RecordTable {
    /**
     * The stored versions of these keys (tombstones included), read in the caller's transaction with the rows
     * found locked ({@code FOR UPDATE}), so the applied/unchanged counts are exact.
     */
    Map<String, Long> lockVersions(Connection c, Collection<String> keys) throws SQLException;

    /** Writes these changes (one per key, each newer than the stored version) as JDBC batches. */
    default void write(Connection c, Collection<Change> changes) throws SQLException {
        writeCounted(c, changes);
    }

    /**
     * As {@link #write}, with {@code stored} the versions {@link #lockVersions} read and locked in this transaction
     * for these keys: a table may send the changes of the rows it found locked without the version check in the
     * statement, since no other writer can change those rows before the commit and each change is newer.
     */
    default void writeOverLocked(Connection c, Collection<Change> changes, Map<String, Long> stored)
            throws SQLException {
        write(c, changes);
    }

    /**
     * Writes the page's changes (one per key, any version) when this table can tell exactly which of them the
     * version check let through, and answers those; answers null, having written nothing, when it cannot (the
     * store then reads the stored versions with {@link #lockVersions} and calls {@link #write}).
     */
    default List<Change> tryWriteCounted(Connection c, Collection<Change> changes) throws SQLException {
        return null;
    }

    /** Writes the changes (one per key) as JDBC batches and answers those the batch counts say were written. */
    List<Change> writeCounted(Connection c, Collection<Change> changes) throws SQLException;

    /** The changes whose update count says they were written. */
    static List<Change> written(List<Change> rows, int[] counts) {
        List<Change> out = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (counts[i] != 0) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    Map<String, StoredRecord> read(Connection c, Collection<String> keys) throws SQLException;

    /** Every live record in key order. */
    void scan(Connection c, Consumer<StoredRecord> each) throws SQLException;
}
