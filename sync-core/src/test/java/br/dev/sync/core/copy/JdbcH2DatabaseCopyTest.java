package br.dev.sync.core.copy;

import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The copy contract on the JDBC store over H2, every stream in the generic table, with a 10,000-row round trip to
 * keep the unit tests quick; {@link JdbcH2DatabaseCopyIT} runs the 100,000-row one.
 */
class JdbcH2DatabaseCopyTest extends DatabaseCopyContract {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.h2();

    private final JdbcStoresForCopy stores = new JdbcStoresForCopy(db, "copy_h2_");

    @Override
    SyncStore newStore() {
        return stores.next();
    }

    @Override
    int roundTripRows() {
        return 10_000;
    }

    @AfterEach
    void dropTables() {
        stores.dropAll();
    }
}
