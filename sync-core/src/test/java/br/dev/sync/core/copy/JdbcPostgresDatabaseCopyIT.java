package br.dev.sync.core.copy;

import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The copy contract on the JDBC store over PostgreSQL ({@code SYNC_TEST_POSTGRES_URL}, else Testcontainers, else
 * skipped with a message unless {@code SYNC_REQUIRE_DATABASES=true}).
 */
class JdbcPostgresDatabaseCopyIT extends DatabaseCopyContract {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    private final JdbcStoresForCopy stores = new JdbcStoresForCopy(db, "copy_pg_");

    @Override
    SyncStore newStore() {
        return stores.next();
    }

    @AfterEach
    void dropTables() {
        stores.dropAll();
    }
}
