package br.dev.sync.core.copy;

import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The copy contract on the JDBC store over MariaDB ({@code SYNC_TEST_MARIADB_URL}, else Testcontainers, else
 * skipped with a message unless {@code SYNC_REQUIRE_DATABASES=true}).
 */
class JdbcMariaDbDatabaseCopyIT extends DatabaseCopyContract {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.mariadb();

    private final JdbcStoresForCopy stores = new JdbcStoresForCopy(db, "copy_maria_");

    @Override
    SyncStore newStore() {
        return stores.next();
    }

    @AfterEach
    void dropTables() {
        stores.dropAll();
    }
}
