package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.Change;
import br.dev.sync.core.spi.StoredRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/** Where one stream's records live: the SDK's generic table or a host's table. Stateless; thread-safe. */
public interface RecordTable {
    /**
     * The stored versions of these keys (tombstones included), read in the caller's transaction with the rows
     * found locked ({@code FOR UPDATE}), so the applied/unchanged counts are exact.
     */
    Map<String, Long> lockVersions(Connection c, Collection<String> keys) throws SQLException;

    /** Writes these changes (one per key, each newer than the stored version) as JDBC batches. */
    void write(Connection c, Collection<Change> changes) throws SQLException;

    Map<String, StoredRecord> read(Connection c, Collection<String> keys) throws SQLException;

    /** Every live record in key order. */
    void scan(Connection c, Consumer<StoredRecord> each) throws SQLException;
}
