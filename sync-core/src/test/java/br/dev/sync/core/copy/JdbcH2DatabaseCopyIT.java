package br.dev.sync.core.copy;

import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The copy contract on the JDBC store over H2 with the full 100,000-row round trip (about 20 seconds). */
class JdbcH2DatabaseCopyIT extends DatabaseCopyContract {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.h2();

    private final JdbcStoresForCopy stores = new JdbcStoresForCopy(db, "copy_h2it_");

    @Override
    SyncStore newStore() {
        return stores.next();
    }

    @AfterEach
    void dropTables() {
        stores.dropAll();
    }
}
