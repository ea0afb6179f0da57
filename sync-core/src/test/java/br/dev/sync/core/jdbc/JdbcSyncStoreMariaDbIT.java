package br.dev.sync.core.jdbc;

import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.SyncStoreContract;
import br.dev.sync.core.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on MariaDb, every stream in the generic table. */
class JdbcSyncStoreMariaDbIT extends SyncStoreContract {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.mariadb();

    private static final String PREFIX = TestDatabase.prefix("maria_contract");

    @Override
    protected SyncStore newStore() {
        return JdbcStores.fresh(db, PREFIX);
    }

    @AfterAll
    static void dropTables() {
        JdbcStores.drop(db, PREFIX);
    }
}
