package br.dev.sync.core.jdbc;

import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.SyncStoreContract;
import br.dev.sync.core.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract on Postgres with the stream written into a host's table of its own column names, once with a
 * deleted column and once without (deletes remove the row and keep a tombstone in the SDK's table).
 */
class JdbcSyncStoreMappedPostgresIT extends SyncStoreContract {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    private static final String PREFIX = TestDatabase.prefix("postgres_mapped");

    @Override
    protected SyncStore newStore() {
        HostItems.create(db, PREFIX, true);
        return JdbcStores.fresh(db, PREFIX, b -> b.stream(HostItems.mapping(PREFIX, true)));
    }

    @AfterAll
    static void dropTables() {
        JdbcStores.drop(db, PREFIX);
        db.dropTables(java.util.List.of(HostItems.table(PREFIX)));
    }

    @Nested
    class WithoutDeletedColumn extends SyncStoreContract {
        @Override
        protected SyncStore newStore() {
            HostItems.create(db, PREFIX, false);
            return JdbcStores.fresh(db, PREFIX, b -> b.stream(HostItems.mapping(PREFIX, false)));
        }
    }
}
